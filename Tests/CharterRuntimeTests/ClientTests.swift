import CharterRuntime
import Foundation
import XCTest

/// A transport that records what it is sent and plays back a script: a response, an error, or a delay.
final class ScriptedTransport: ClientTransport, @unchecked Sendable {
    enum Step {
        case respond(ClientResponse)
        case fail(any Error)
        case hang(milliseconds: Int)
        /// Answers after a delay that cancellation does not cut short.
        case late(milliseconds: Int, ClientResponse)
    }

    private let lock = NSLock()
    private var steps: [Step]
    private var sentRequests: [ClientRequest] = []

    init(_ steps: [Step]) { self.steps = steps }

    var sent: [ClientRequest] { lock.withLock { sentRequests } }

    func send(_ request: ClientRequest, serverURL: URL) async throws -> ClientResponse {
        let step: Step = lock.withLock {
            sentRequests.append(request)
            return steps.isEmpty ? .respond(ClientResponse(status: 200)) : steps.removeFirst()
        }
        switch step {
        case .respond(let response): return response
        case .fail(let error): throw error
        case .hang(let milliseconds):
            try await Task.sleep(nanoseconds: UInt64(milliseconds) * 1_000_000)
            return ClientResponse(status: 200)
        case .late(let milliseconds, let response):
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(milliseconds)) { done.resume() }
            }
            return response
        }
    }
}

/// Records the delays a client waits instead of waiting.
final class Pauses: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int] = []
    var recorded: [Int] { lock.withLock { values } }
    func record(_ milliseconds: Int) { lock.withLock { values.append(milliseconds) } }
}

final class ClientTests: XCTestCase {
    let server = URL(string: "https://api.example.com/retail/")!

    func configuration(_ transport: ScriptedTransport, pauses: Pauses = Pauses(), authorization: (any ClientAuthorization)? = nil,
                       keys: [String] = ["key-1", "key-2"]) -> ClientConfiguration {
        let counter = Pauses()
        return ClientConfiguration(
            serverURL: server, transport: transport, authorization: authorization, headers: [ClientHeader(name: "User-Agent", value: "tests")],
            makeIdempotencyKey: { counter.record(0); return keys[min(counter.recorded.count - 1, keys.count - 1)] },
            sleep: { pauses.record($0) })
    }

    static let post = ClientOperation(
        id: "captureOrder", method: "POST", pathTemplate: "/orders",
        auth: ClientAuthRequirement(scheme: "oauth2", type: "oauth2", scopes: ["orders:write"]),
        idempotencyKeyHeader: "Idempotency-Key", requiresIdempotencyKey: true, timeoutMilliseconds: 3000)
    static let get = ClientOperation(id: "getOrder", method: "GET", pathTemplate: "/orders/{orderId}")
    static let postWithoutKey = ClientOperation(id: "search", method: "POST", pathTemplate: "/search")
    /// A query: a `POST` whose contract says `"idempotency": {"required": false}`.
    static let query = ClientOperation(id: "queryOrders", method: "POST", pathTemplate: "/orders/query", idempotencyKeyHeader: "Idempotency-Key")

    /// Rows: a request → the URL a transport is given.
    /// An array header is its items joined by commas; an item holding a comma is refused (it would read back as two).
    func testHeaderListRefusesItemsWithCommas() {
        let operation = ClientOperation(id: "op", method: "GET", pathTemplate: "/x")
        let rows: [(items: [String], value: String?)] = [
            (["a"], "a"), (["a", "b"], "a,b"), (["a b", ""], "a b,"), (["a,b", "c"], nil), ([","], nil),
        ]
        for row in rows {
            do throws(ClientError) {
                let value = try ClientParameter.headerList(row.items, "X-Tags", for: operation)
                XCTAssertEqual(value, row.value, "\(row.items)")
            } catch {
                XCTAssertNil(row.value, "\(row.items): \(error)")
                XCTAssertEqual(error.kind, .encoding)
                XCTAssertEqual(error.attempts, 0)
                XCTAssertTrue("\(error)".contains("holds a comma"), "\(error)")
            }
        }
    }

    func testURLs() {
        let rows: [(request: ClientRequest, server: String, url: String, line: UInt)] = [
            (ClientRequest(method: "GET", path: "/orders/ORD-1"), "https://api.example.com", "https://api.example.com/orders/ORD-1", #line),
            (ClientRequest(method: "GET", path: "/orders/ORD-1"), "https://api.example.com/v2/", "https://api.example.com/v2/orders/ORD-1", #line),
            (ClientRequest(method: "GET", path: "/a/" + ClientParameter.pathSegment("x/y z?#%é")), "http://h",
             "http://h/a/x%2Fy%20z%3F%23%25%C3%A9", #line),
            (ClientRequest(method: "GET", path: "/a/" + ClientParameter.pathSegment("..") + "/" + ClientParameter.pathSegment(".")), "http://h",
             "http://h/a/%2E%2E/%2E", #line),
            (ClientRequest(method: "GET", path: "/q", query: [ClientHeader(name: "at", value: "2026-11-27T14:03:11+01:00"),
                                                              ClientHeader(name: "sku", value: "A&B=C"), ClientHeader(name: "sku", value: "D")]),
             "http://h", "http://h/q?at=2026-11-27T14%3A03%3A11%2B01%3A00&sku=A%26B%3DC&sku=D", #line),
            // The server URL's query items come first, its fragment is dropped, encoded values stay as they are.
            (ClientRequest(method: "GET", path: "/things/x", query: [ClientHeader(name: "days", value: "2")]), "https://h.example/base?tenant=1",
             "https://h.example/base/things/x?tenant=1&days=2", #line),
            (ClientRequest(method: "GET", path: "/things/x"), "https://h.example/base/?tenant=a%20b#top", "https://h.example/base/things/x?tenant=a%20b", #line),
            (ClientRequest(method: "GET", path: "/t/" + ClientParameter.pathSegment("a/b c"), query: [ClientHeader(name: "q", value: "é")]),
             "https://h.example/base#top", "https://h.example/base/t/a%2Fb%20c?q=%C3%A9", #line),
            (ClientRequest(method: "GET", path: "/t"), "https://h.example/base/?#", "https://h.example/base/t", #line),
        ]
        for row in rows {
            XCTAssertEqual(row.request.url(relativeTo: URL(string: row.server)!).absoluteString, row.url, line: row.line)
        }
    }

    /// Rows: a value → its text in a path, query or header.
    func testParameterText() throws {
        XCTAssertEqual(ClientParameter.text(Int32(-7)), "-7")
        XCTAssertEqual(ClientParameter.text(true), "true")
        XCTAssertEqual(try ClientParameter.text(Decimal(string: "19.990")!), "19.99")
        XCTAssertEqual(try ClientParameter.text(Date(timeIntervalSince1970: 1_700_000_000.25)), "2023-11-14T22:13:20.25Z")
        XCTAssertEqual(ClientParameter.text(UUID(uuidString: "0F8D3C52-7D4B-4B8E-9A51-2F0C6F4F9A10")!), "0f8d3c52-7d4b-4b8e-9a51-2f0c6f4f9a10")
        XCTAssertEqual(ClientParameter.text(CalendarDate(year: 2026, month: 2, day: 3)!), "2026-02-03")
        XCTAssertEqual(try ClientParameter.json(["b": 1, "a": 2]), #"{"a":2,"b":1}"#)
    }

    func testIdempotencyKeyIsMadeOnceAndRepeatedOnRetries() async throws {
        let transport = ScriptedTransport([.fail(URLError(.networkConnectionLost)), .respond(ClientResponse(status: 503, headers: [ClientHeader(name: "retry-after", value: "1")])), .respond(ClientResponse(status: 201))])
        let pauses = Pauses()
        let authorization = BearerAuthorization { requirement in "token-for-" + requirement.scopes.joined(separator: ",") }
        let config = configuration(transport, pauses: pauses, authorization: authorization)
        let response = try await config.send(ClientRequest(method: "POST", path: "/orders", body: Data("{}".utf8)), for: Self.post)
        XCTAssertEqual(response.status, 201)
        let sent = transport.sent
        XCTAssertEqual(sent.count, 3)
        XCTAssertEqual(Set(sent.map { $0.header("idempotency-key") }), ["key-1"], "one key for every attempt of the call")
        XCTAssertEqual(sent.map { $0.header("Authorization") }, Array(repeating: "Bearer token-for-orders:write", count: 3))
        XCTAssertEqual(sent.first?.headers.first, ClientHeader(name: "User-Agent", value: "tests"))
        XCTAssertEqual(sent.first?.timeoutMilliseconds, 3000)
        XCTAssertEqual(pauses.recorded, [100, 1000], "doubling from 100 ms, and the server's Retry-After of 1 s")

        // A caller's own key is used as it is; a second call gets its own key.
        _ = try await config.send(ClientRequest(method: "POST", path: "/orders"), for: Self.post, idempotencyKey: "mine")
        _ = try await config.send(ClientRequest(method: "POST", path: "/orders"), for: Self.post)
        XCTAssertEqual(transport.sent.dropFirst(3).map { $0.header("Idempotency-Key") }, ["mine", "key-2"])
    }

    /// Rows: an operation, what the transport does → attempts made and the error kind (nil: a response).
    func testRetriesOnlyWhatIsSafeToRepeat() async {
        let unavailable = ScriptedTransport.Step.respond(ClientResponse(status: 503))
        let lost = ScriptedTransport.Step.fail(URLError(.networkConnectionLost))
        let rows: [(operation: ClientOperation, steps: [ScriptedTransport.Step], attempts: Int, error: ClientError.Kind?, status: Int?, line: UInt)] = [
            (Self.get, [unavailable, unavailable, unavailable], 3, nil, 503, #line),  // the last response is returned
            (Self.get, [lost, lost, lost], 3, .transport, nil, #line),
            (Self.get, [lost, .respond(ClientResponse(status: 200))], 2, nil, 200, #line),
            (Self.get, [.respond(ClientResponse(status: 500))], 1, nil, 500, #line),  // 500 is not retried
            (Self.postWithoutKey, [unavailable], 1, nil, 503, #line),  // a POST without a key is never repeated
            (Self.postWithoutKey, [lost], 1, .transport, nil, #line),
            (Self.post, [lost, lost, lost], 3, .transport, nil, #line),  // with a key it is
            (Self.query, [unavailable], 1, nil, 503, #line),  // a declared query without a key is not either
            (Self.query, [lost, .respond(ClientResponse(status: 200))], 1, .transport, nil, #line),
        ]
        for row in rows {
            let transport = ScriptedTransport(row.steps)
            do {
                let response = try await configuration(transport, authorization: BearerAuthorization { _ in "t" }).send(ClientRequest(method: row.operation.method, path: "/"), for: row.operation)
                XCTAssertNil(row.error, line: row.line)
                XCTAssertEqual(response.status, row.status, line: row.line)
            } catch {
                XCTAssertEqual(error.kind, row.error, line: row.line)
                XCTAssertEqual(error.attempts, row.attempts, line: row.line)
                XCTAssertEqual(error.operationID, row.operation.id, line: row.line)
            }
            XCTAssertEqual(transport.sent.count, row.attempts, line: row.line)
        }
    }

    /// Rows: an operation and the `idempotencyKey:` given → the key sent (nil: no header) and the attempts made when
    /// every answer is a 503. An empty key is no key, as a provider reads it: made when the operation requires one,
    /// else not sent, and a write that is not idempotent is then not repeated.
    func testAnEmptyIdempotencyKeyIsNoKey() async {
        let patch = ClientOperation(id: "patchThing", method: "PATCH", pathTemplate: "/things/{id}", idempotencyKeyHeader: "Idempotency-Key")
        let rows: [(operation: ClientOperation, given: String?, sent: String?, attempts: Int, line: UInt)] = [
            (patch, "", nil, 1, #line),
            (patch, nil, nil, 1, #line),
            (patch, "k-1", "k-1", 3, #line),
            (Self.post, "", "key-1", 3, #line),
            (Self.post, nil, "key-1", 3, #line),
            (Self.post, "mine", "mine", 3, #line),
            (Self.query, "", nil, 1, #line),  // a declared query is repeated only with a key
            (Self.query, "q-1", "q-1", 3, #line),
        ]
        for row in rows {
            let unavailable = ScriptedTransport.Step.respond(ClientResponse(status: 503))
            let transport = ScriptedTransport([unavailable, unavailable, unavailable])
            let config = configuration(transport, authorization: BearerAuthorization { _ in "t" })
            do {
                let response = try await config.send(ClientRequest(method: row.operation.method, path: "/"), for: row.operation, idempotencyKey: row.given)
                XCTAssertEqual(response.status, 503, line: row.line)
            } catch {
                XCTFail("\(error)", line: row.line)
            }
            XCTAssertEqual(transport.sent.count, row.attempts, line: row.line)
            XCTAssertEqual(transport.sent.map { $0.header("Idempotency-Key") }, Array(repeating: row.sent, count: row.attempts), line: row.line)
        }
        // The error of a call says which key was sent: none for an empty one.
        let failing = ScriptedTransport([.fail(URLError(.networkConnectionLost))])
        do {
            _ = try await configuration(failing).send(ClientRequest(method: "PATCH", path: "/"), for: patch, idempotencyKey: "")
            XCTFail("a failing transport returned")
        } catch {
            XCTAssertEqual(error.kind, .transport)
            XCTAssertNil(error.idempotencyKey)
        }
    }

    func testTimeoutIsTheOperationsSLA() async {
        let operation = ClientOperation(id: "slow", method: "GET", pathTemplate: "/", timeoutMilliseconds: 50)
        let transport = ScriptedTransport([.hang(milliseconds: 10_000), .hang(milliseconds: 10_000), .hang(milliseconds: 10_000)])
        let started = Date()
        do {
            _ = try await configuration(transport).send(ClientRequest(method: "GET", path: "/"), for: operation)
            XCTFail("a hanging transport returned")
        } catch {
            XCTAssertEqual(error.kind, .timedOut)
            XCTAssertEqual(error.attempts, 3)
            XCTAssertEqual(error.description, "slow: timedOut after 3 attempts")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "the hanging attempts were cancelled at the deadline")
    }

    func testAPIKeysGoWhereTheSchemeSays() async throws {
        let transport = ScriptedTransport([])
        let config = configuration(transport, authorization: APIKeyAuthorization(key: "s3cret"))
        let inHeader = ClientOperation(id: "a", method: "GET", pathTemplate: "/", auth: ClientAuthRequirement(scheme: "key", type: "apiKey", keyLocation: "header", keyName: "X-Api-Key"))
        let inQuery = ClientOperation(id: "b", method: "GET", pathTemplate: "/", auth: ClientAuthRequirement(scheme: "key", type: "apiKey", keyLocation: "query", keyName: "api_key"))
        let bearer = ClientOperation(id: "c", method: "GET", pathTemplate: "/", auth: ClientAuthRequirement(scheme: "oauth2", type: "oauth2"))
        for operation in [inHeader, inQuery, bearer] { _ = try await config.send(ClientRequest(method: "GET", path: "/"), for: operation) }
        let sent = transport.sent
        XCTAssertEqual(sent[0].header("x-api-key"), "s3cret")
        XCTAssertEqual(sent[1].query, [ClientHeader(name: "api_key", value: "s3cret")])
        XCTAssertNil(sent[2].header("Authorization"))
        XCTAssertTrue(sent[2].query.isEmpty)
    }

    func testFailingCredentialsAndBodiesAreClientErrors() async throws {
        struct NoToken: Error {}
        let transport = ScriptedTransport([])
        let config = configuration(transport, authorization: BearerAuthorization { _ in throw NoToken() })
        do {
            _ = try await config.send(ClientRequest(method: "POST", path: "/orders"), for: Self.post)
            XCTFail("sent without credentials")
        } catch {
            XCTAssertEqual(error.kind, .authorization)
            XCTAssertTrue(error.underlying is NoToken)
        }
        XCTAssertTrue(transport.sent.isEmpty)

        let response = ClientResponse(status: 200, body: Data(#"{"n":"x"}"#.utf8))
        struct Body: Codable { let n: Int }
        XCTAssertThrowsError(try config.decodeBody(Body.self, from: response, for: Self.get)) { error in
            let clientError = error as? ClientError
            XCTAssertEqual(clientError?.kind, .decoding)
            XCTAssertEqual(clientError?.status, 200)
        }
        XCTAssertEqual(try config.decodeBody(Body.self, from: ClientResponse(status: 200, body: Data(#"{"n":4}"#.utf8)), for: Self.get).n, 4)
    }

    func testCancellationEndsTheCall() async {
        let transport = ScriptedTransport([.hang(milliseconds: 10_000)])
        let config = configuration(transport)
        let operation = Self.get
        let task = Task { () async -> ClientError.Kind? in
            do {
                _ = try await config.send(ClientRequest(method: "GET", path: "/"), for: operation)
                return nil
            } catch {
                return (error as? ClientError)?.kind
            }
        }
        try? await Task.sleep(nanoseconds: 50_000_000)
        task.cancel()
        let kind = await task.value
        XCTAssertEqual(kind, .cancelled)
    }

    func testBearerOnlyForOAuthAndHTTPBearer() async throws {
        let transport = ScriptedTransport([])
        let config = configuration(transport, authorization: BearerAuthorization { _ in "t" })
        let rows: [(requirement: ClientAuthRequirement, header: String?, line: UInt)] = [
            (ClientAuthRequirement(scheme: "oauth2", type: "oauth2"), "Bearer t", #line),
            (ClientAuthRequirement(scheme: "jwt", type: "http", httpScheme: "bearer"), "Bearer t", #line),
            (ClientAuthRequirement(scheme: "jwt", type: "http", httpScheme: "Bearer"), "Bearer t", #line),
            (ClientAuthRequirement(scheme: "basic", type: "http", httpScheme: "basic"), nil, #line),
            (ClientAuthRequirement(scheme: "mtls", type: "mutualTLS"), nil, #line),
        ]
        for row in rows {
            _ = try await config.send(ClientRequest(method: "GET", path: "/"), for: ClientOperation(id: "x", method: "GET", pathTemplate: "/", auth: row.requirement))
            XCTAssertEqual(transport.sent.last?.header("Authorization"), row.header, line: row.line)
        }
    }

    func testHugeDelaysDoNotOverflow() {
        XCTAssertEqual(ClientRetryPolicy.nanoseconds(-5), 0)
        XCTAssertEqual(ClientRetryPolicy.nanoseconds(1500), 1_500_000_000)
        XCTAssertEqual(ClientRetryPolicy.nanoseconds(.max), .max)
        let policy = ClientRetryPolicy(maxAttempts: 3, initialDelayMilliseconds: 1, maxDelayMilliseconds: .max, retriedStatuses: [503])
        XCTAssertEqual(policy.delayMilliseconds(afterFailedAttempts: 1, retryAfter: "99999999999999999999"), .max, "beyond Int: the longest wait")
        XCTAssertEqual(policy.delayMilliseconds(afterFailedAttempts: 1, retryAfter: "99999999999999999"), .max, "capped, not overflowed")
        XCTAssertEqual(policy.delayMilliseconds(afterFailedAttempts: 1, retryAfter: "99999999999999"), 99_999_999_999_999_000)
    }

    /// Rows: failed attempts and Retry-After → the delay (nil: the server asks for longer than the policy's 2 s,
    /// so the response is returned), with `now` 1.5 s before `Wed, 21 Oct 2026 07:28:00 GMT`.
    func testRetryDelays() {
        let policy = ClientRetryPolicy.standard
        let now = Date(timeIntervalSince1970: 1_792_567_680 - 1.5)
        let rows: [(failed: Int, retryAfter: String?, delay: Int?, line: UInt)] = [
            (1, nil, 100, #line), (2, nil, 200, #line), (5, nil, 1600, #line), (6, nil, 2000, #line), (60, nil, 2000, #line),
            (1, "1", 1000, #line), (1, " 0 ", 100, #line), (1, "2", 2000, #line), (1, "3", nil, #line), (1, "30", nil, #line),
            (1, "3600", nil, #line), (1, "-5", 100, #line), (1, "+5", 100, #line), (1, "1.5", 100, #line), (1, "", 100, #line),
            (1, "Wed, 21 Oct 2026 07:28:00 GMT", 1500, #line), (3, "Wed, 21 Oct 2026 07:28:00 GMT", 1500, #line),
            (5, "Wed, 21 Oct 2026 07:28:00 GMT", 1600, #line),  // the backoff is longer
            (1, "Wed, 21 Oct 2026 07:28:01 GMT", nil, #line),  // 2.5 s
            (1, "Wed, 21 Oct 2026 08:28:00 GMT", nil, #line), (1, "Wed, 21 Oct 2015 07:28:00 GMT", 100, #line),  // already past
            (1, "Wednesday, 21-Oct-26 08:28:00 GMT", 100, #line), (1, "Wed Oct 21 08:28:00 2026", 100, #line),  // obsolete forms
        ]
        for row in rows {
            XCTAssertEqual(policy.delayMilliseconds(afterFailedAttempts: row.failed, retryAfter: row.retryAfter, now: now), row.delay, line: row.line)
        }
    }

    /// Rows: a `Retry-After` value → the wait it asks for in milliseconds (nil: neither delta-seconds nor an
    /// IMF-fixdate), `now` being 10 s before `Sun, 06 Nov 1994 08:49:37 GMT` (784111777 s after 1970).
    func testRetryAfterForms() {
        let now = Date(timeIntervalSince1970: 784_111_777 - 10)
        let rows: [(value: String, wait: Int?, line: UInt)] = [
            ("120", 120_000, #line), (" 7 ", 7000, #line), ("007", 7000, #line), ("99999999999999999999", .max, #line),
            ("Sun, 06 Nov 1994 08:49:37 GMT", 10_000, #line), ("Mon, 06 Nov 1994 08:49:37 GMT", 10_000, #line),  // the day name is not checked
            ("Sun, 06 Nov 1994 08:49:27 GMT", 0, #line), ("Sat, 05 Nov 1994 08:49:37 GMT", 0, #line), ("Mon, 07 Nov 1994 08:49:37 GMT", 86_410_000, #line),
            ("Sun, 06 Nov 1994 08:49:37 UTC", nil, #line), ("Sun, 6 Nov 1994 08:49:37 GMT", nil, #line), ("Sun, 06 nov 1994 08:49:37 GMT", nil, #line),
            ("Xyz, 06 Nov 1994 08:49:37 GMT", nil, #line), ("Tue, 29 Feb 1995 08:49:37 GMT", nil, #line), ("Sun, 06 Nov 1994 24:00:00 GMT", nil, #line),
            ("Sun, 06 Nov 1994 08:60:00 GMT", nil, #line), ("Sunday, 06-Nov-94 08:49:37 GMT", nil, #line), ("Sun Nov  6 08:49:37 1994", nil, #line),
            ("", nil, #line), ("-1", nil, #line), ("1e3", nil, #line),
        ]
        for row in rows {
            XCTAssertEqual(ClientRetryPolicy.retryAfterMilliseconds(row.value, now: now), row.wait, row.value, line: row.line)
        }
    }
}
