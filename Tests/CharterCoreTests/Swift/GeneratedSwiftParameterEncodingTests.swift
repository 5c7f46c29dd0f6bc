import Foundation
import XCTest
@testable import CharterCore

/// A date outside years 0001–9999 (which RFC 3339 cannot express) in a generated client's path, query or header
/// parameter, alone, in an array or inside a JSON parameter, fails the call with `ClientError` `.encoding` before
/// anything is sent, as it does in a body; a provider answering with one in a response header fails with 500.
final class GeneratedSwiftParameterEncodingTests: XCTestCase {
    static let contract = ##"""
        {
          "x-contract": {
            "name": "dates", "version": "1.0.0",
            "operations": {
              "put": {"method": "PUT", "path": "/at/{at}",
                "parameters": [
                  {"name": "at", "in": "path", "required": true, "schema": {"type": "string", "format": "date-time"}},
                  {"name": "since", "in": "query", "schema": {"type": "string", "format": "date-time"}},
                  {"name": "days", "in": "query", "schema": {"type": "array", "items": {"type": "string", "format": "date-time"}}},
                  {"name": "X-When", "in": "header", "schema": {"type": "string", "format": "date-time"}},
                  {"name": "X-Whens", "in": "header", "schema": {"type": "array", "items": {"type": "string", "format": "date-time"}}},
                  {"name": "window", "in": "query", "schema": {"$ref": "#/$defs/Window"}}
                ],
                "request": {"required": false, "schema": {"type": "array", "items": {"type": "string", "format": "date-time"}}},
                "responses": {"200": {"headers": {"X-Back": {"schema": {"type": "string", "format": "date-time"}, "required": true}}}}}
            }
          },
          "$defs": {
            "Window": {"type": "object", "required": ["from"], "properties": {"from": {"type": "string", "format": "date-time"}}}
          }
        }
        """##

    func testOutOfRangeDatesAreRefusedBeforeSending() throws {
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate().value("generate"))
        let main = [
            "import Foundation",
            "struct Service: DatesV1.Provider {",
            "    func put(at: Date, since: Date?, days: [Date]?, xWhen: Date?, xWhens: [Date]?, window: DatesV1.Window?, _ body: [Date]?) async throws -> DatesV1.PutResponse {",
            "        .ok(xBack: since ?? at)",
            "    }",
            "    func failed(_ error: any Error, in operation: String) async { print(\"FAILED \\(operation): \\(error)\") }",
            "}",
            "struct Loop: ClientTransport {",
            "    func send(_ request: ClientRequest, serverURL: URL) async throws -> ClientResponse {",
            "        print(\"SENT \\(request.path)?\\(request.query.map { \"\\($0.name)=\\($0.value)\" }.joined(separator: \"&\")) \\(request.headers.filter { $0.name.hasPrefix(\"X-\") }.map { \"\\($0.name)=\\($0.value)\" })\")",
            "        let response = await Service().handle(request)",
            "        print(\"STATUS \\(response.status)\")",
            "        return response",
            "    }",
            "}",
            "let client = DatesV1.Client(configuration: ClientConfiguration(serverURL: URL(string: \"https://h.example\")!, transport: Loop()))",
            "let ok = Date(timeIntervalSince1970: 0)",
            "let far = Date(timeIntervalSinceReferenceDate: 300_000_000_000)",
            "let calls: [(String, () async throws(ClientError) -> DatesV1.PutResponse)] = [",
            "    (\"in range\", { () throws(ClientError) in try await client.put(at: ok, since: ok, days: [ok], xWhen: ok, xWhens: [ok], window: .init(from: ok)) }),",
            "    (\"path\", { () throws(ClientError) in try await client.put(at: far) }),",
            "    (\"query\", { () throws(ClientError) in try await client.put(at: ok, since: far) }),",
            "    (\"query array\", { () throws(ClientError) in try await client.put(at: ok, days: [ok, far]) }),",
            "    (\"header\", { () throws(ClientError) in try await client.put(at: ok, xWhen: far) }),",
            "    (\"header array\", { () throws(ClientError) in try await client.put(at: ok, xWhens: [ok, far]) }),",
            "    (\"JSON query\", { () throws(ClientError) in try await client.put(at: ok, window: .init(from: far)) }),",
            "    (\"body\", { () throws(ClientError) in try await client.put(at: ok, [far]) }),",
            "]",
            "for (name, call) in calls {",
            "    do throws(ClientError) {",
            "        print(\"\\(name): \\(try await call())\")",
            "    } catch {",
            "        let context: EncodingError.Context? = if case EncodingError.invalidValue(_, let c)? = error.underlying as? EncodingError { c } else { nil }",
            "        print(\"\\(name): \\(error.kind) attempts=\\(error.attempts) path=\\(context.map { $0.codingPath.map(\\.stringValue).joined(separator: \"/\") } ?? \"-\") \\(context?.debugDescription ?? \"\\(error)\")\")",
            "    }",
            "}",
            "let edge = await Service().handle(ClientRequest(method: \"PUT\", path: \"/at/0001-01-01T00:00:00Z\", query: [ClientHeader(name: \"since\", value: \"9999-12-31T23:59:59Z\")]))",
            "print(\"provider: \\(edge.status) X-Back=\\(edge.header(\"X-Back\") ?? \"-\")\")",
            "struct Far: DatesV1.Provider {",
            "    func put(at: Date, since: Date?, days: [Date]?, xWhen: Date?, xWhens: [Date]?, window: DatesV1.Window?, _ body: [Date]?) async throws -> DatesV1.PutResponse { .ok(xBack: far) }",
            "    func failed(_ error: any Error, in operation: String) async { print(\"FAILED \\(operation): \\(error is EncodingError)\") }",
            "}",
            "print(\"provider out of range: \\(await Far().handle(ClientRequest(method: \"PUT\", path: \"/at/2026-01-01T00:00:00Z\")).status)\")",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        let refused = "Date 11507-08-17T05:20:00Z is outside the RFC 3339 year range 0001-9999."
        let expected = [
            "SENT /at/1970-01-01T00%3A00%3A00Z?since=1970-01-01T00:00:00Z&days=1970-01-01T00:00:00Z&window={\"from\":\"1970-01-01T00:00:00Z\"} "
                + "[\"X-When=1970-01-01T00:00:00Z\", \"X-Whens=1970-01-01T00:00:00Z\"]",
            "STATUS 200",
            "in range: ok(xBack: 1970-01-01 00:00:00 +0000)",
            "path: encoding attempts=0 path= \(refused)",
            "query: encoding attempts=0 path= \(refused)",
            "query array: encoding attempts=0 path= \(refused)",
            "header: encoding attempts=0 path= \(refused)",
            "header array: encoding attempts=0 path= \(refused)",
            "JSON query: encoding attempts=0 path=from \(refused)",
            "body: encoding attempts=0 path=Index 0 \(refused)",
            "provider: 200 X-Back=9999-12-31T23:59:59Z",
            "FAILED put: true",
            "provider out of range: 500",
        ]
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), expected)
    }
}
