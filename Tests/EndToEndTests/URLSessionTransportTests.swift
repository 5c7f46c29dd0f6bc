import CharterTestSupport
import CharterRuntime
import CharterURLSession
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `URLSessionTransport` against an independent HTTP server (Python's `http.server` on loopback), which
/// reports exactly what arrived: method, raw path and query, headers and body; and answers with the
/// status, headers and body the request asks for (`X-Want-Lines`: extra response field lines, as JSON pairs).
final class URLSessionTransportTests: XCTestCase {
    static let server = #"""
        import http.server, json, os, sys, threading
        class Echo(http.server.BaseHTTPRequestHandler):
            def handle_one(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8")
                seen = {"method": self.command, "target": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body}
                status = int(self.headers.get("X-Want-Status") or 200)
                data = json.dumps(seen, sort_keys=True).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("X-Echo", "yes")
                for name, value in json.loads(self.headers.get("X-Want-Lines") or "[]"):
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            do_GET = do_POST = do_PUT = do_DELETE = handle_one
            def log_message(self, *args):
                pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Echo)
        print(server.server_address[1], flush=True)
        # Ends with the test: when the test's end of the stdin pipe closes, however the test ends.
        threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
        server.serve_forever()
        """#

    /// Starts the server; `stop` ends it.
    func startServer() throws -> (url: URL, stop: () -> Void) {
        let shim = try XCTUnwrap(ProcessRunner.which("python3"), "python3 is needed as the independent HTTP server (.ci/run installs it)")
        // The interpreter itself, not a launcher script (pyenv's shim) whose child would outlive `terminate()`.
        let python = try ProcessRunner.run(shim, ["-c", "import sys; print(sys.executable)"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.server]
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        let stop = {
            // Closing stdin ends the server; SIGKILL too, since a child of the test runner may not see SIGTERM.
            try? input.fileHandleForWriting.close()
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = Int(line) else { stop(); throw XCTSkip("the server did not start: it printed \(line)") }
        return (URL(string: "http://127.0.0.1:\(port)/api/")!, stop)
    }

    func testRequestsArriveAsSentAndResponsesComeBack() async throws {
        let server = try startServer()
        defer { server.stop() }
        let serverURL = server.url

        var request = ClientRequest(method: "POST", path: "/orders/" + ClientParameter.pathSegment("ORD 1/é"), body: Data(#"{"a":"ü"}"#.utf8))
        request.addQuery("at", "2026-11-27T14:03:11+01:00")
        request.addQuery("sku", "A&B")
        request.addQuery("sku", "C")
        request.setHeader("Content-Type", "application/json")
        request.setHeader("Idempotency-Key", "k-1")
        request.setHeader("X-Want-Status", "201")
        request.timeoutMilliseconds = 5000
        let response = try await URLSessionTransport().send(request, serverURL: serverURL)
        XCTAssertEqual(response.status, 201)
        XCTAssertEqual(response.header("x-echo"), "yes")
        let seen = try XCTUnwrap(JSONSerialization.jsonObject(with: response.body) as? [String: Any])
        XCTAssertEqual(seen["method"] as? String, "POST")
        XCTAssertEqual(seen["target"] as? String, "/api/orders/ORD%201%2F%C3%A9?at=2026-11-27T14%3A03%3A11%2B01%3A00&sku=A%26B&sku=C")
        let headers = try XCTUnwrap(seen["headers"] as? [String: String])
        XCTAssertEqual(headers["idempotency-key"], "k-1")
        XCTAssertEqual(headers["content-type"], "application/json")
        XCTAssertEqual(seen["body"] as? String, #"{"a":"ü"}"#)

        // Through a client configuration: a 4xx is a response, not an error.
        var missing = ClientRequest(method: "GET", path: "/missing")
        missing.setHeader("X-Want-Status", "404")
        let config = ClientConfiguration(serverURL: serverURL, transport: URLSessionTransport())
        let notFound = try await config.send(missing, for: ClientOperation(id: "missing", method: "GET", pathTemplate: "/missing", timeoutMilliseconds: 5000))
        XCTAssertEqual(notFound.status, 404)
    }

    /// Rows: response field lines → what a client reads of them through `URLSessionTransport`. Foundation gives one
    /// value per field name, its lines joined by `, ` in order — RFC 9110 §5.3's combination, right for a list-based
    /// field (an array header reads every item) — and no way to see the lines apart: a repeated single-valued field
    /// reads as the joined text, and `Set-Cookie` lines, which RFC 9110 exempts because a cookie may hold a comma,
    /// cannot be split again.
    func testRepeatedResponseFieldLinesArriveJoined() async throws {
        let server = try startServer()
        defer { server.stop() }
        let operation = ClientOperation(id: "lines", method: "GET", pathTemplate: "/lines", timeoutMilliseconds: 5000)
        let config = ClientConfiguration(serverURL: server.url, transport: URLSessionTransport())
        let rows: [(lines: [[String]], name: String, value: String, items: [String], line: UInt)] = [
            ([["X-Tags", "a"]], "X-Tags", "a", ["a"], #line),
            ([["X-Tags", "a"], ["X-Tags", "b, c"]], "X-Tags", "a, b, c", ["a", "b", "c"], #line),
            ([["Link", "<https://h.example/p2>; rel=next"], ["X-Other", "z"], ["Link", "<https://h.example/p9>; rel=last"]], "link",
             "<https://h.example/p2>; rel=next, <https://h.example/p9>; rel=last",
             ["<https://h.example/p2>; rel=next", "<https://h.example/p9>; rel=last"], #line),
            // A blank line joins as an empty item.
            ([["X-Tags", ""], ["X-Tags", "b"]], "X-Tags", ", b", ["", "b"], #line),
            // Not a list: the joined text, not the first line.
            ([["X-Count", "1"], ["X-Count", "2"]], "X-Count", "1, 2", ["1", "2"], #line),
            ([["Set-Cookie", "a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT"], ["Set-Cookie", "b=2"]], "Set-Cookie",
             "a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT, b=2", ["a=1; Expires=Wed", "21 Oct 2026 07:28:00 GMT", "b=2"], #line),
        ]
        for row in rows {
            var request = ClientRequest(method: "GET", path: "/lines")
            request.setHeader("X-Want-Lines", String(decoding: try JSONSerialization.data(withJSONObject: row.lines), as: UTF8.self))
            let response = try await config.send(request, for: operation)
            XCTAssertEqual(response.headers.filter { $0.name.lowercased() == row.name.lowercased() }.map(\.value), [row.value], line: row.line)
            XCTAssertEqual(response.header(row.name), row.value, line: row.line)
            let items = try config.header(row.name, in: response, for: operation) { text throws(ProviderRequestError) in ProviderRouting.headerValues(text) }
            XCTAssertEqual(items, row.items, line: row.line)
        }
        #if canImport(FoundationNetworking)
        // swift-corelibs-foundation joins lines of the same spelling only; of names that differ in case (`X-Tags` and
        // `x-tags`) one spelling's lines are kept and the other's lost, which one depending on dictionary order.
        var request = ClientRequest(method: "GET", path: "/lines")
        request.setHeader("X-Want-Lines", #"[["X-Tags", "a"], ["x-tags", "b"]]"#)
        let response = try await config.send(request, for: operation)
        XCTAssertTrue(["a", "b"].contains(response.header("X-Tags") ?? "-"), "\(response.headers)")
        #endif
    }
}
