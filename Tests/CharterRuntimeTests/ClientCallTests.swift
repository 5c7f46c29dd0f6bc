import CharterRuntime
import Foundation
import XCTest

/// Calls that end without a plain answer: a server asking to wait, cancellation, a late response, missing
/// credentials, and what the errors carry for the caller (the idempotency key, the undecodable response).
extension ClientTests {
    /// Rows: the `Retry-After` of a 503 to a GET → attempts made and the pauses waited.
    func testARetryAfterBeyondThePolicyReturnsTheResponse() async throws {
        let rows: [(retryAfter: String, attempts: Int, pauses: [Int], line: UInt)] = [
            ("1", 3, [1000, 1000], #line),
            ("30", 1, [], #line),  // the policy waits at most 2 s: the caller gets the 503 and decides
            ("Fri, 01 Jan 2100 00:00:00 GMT", 1, [], #line),
            ("Wed, 21 Oct 2015 07:28:00 GMT", 3, [100, 200], #line),  // already past: the backoff
        ]
        for row in rows {
            let unavailable = ScriptedTransport.Step.respond(ClientResponse(status: 503, headers: [ClientHeader(name: "Retry-After", value: row.retryAfter)]))
            let transport = ScriptedTransport([unavailable, unavailable, unavailable])
            let pauses = Pauses()
            let response = try await configuration(transport, pauses: pauses).send(ClientRequest(method: "GET", path: "/"), for: Self.get)
            XCTAssertEqual(response.status, 503, line: row.line)
            XCTAssertEqual(response.header("retry-after"), row.retryAfter, line: row.line)
            XCTAssertEqual(transport.sent.count, row.attempts, line: row.line)
            XCTAssertEqual(pauses.recorded, row.pauses, line: row.line)
        }
    }

    /// Rows: a write's first answer → whether it is retried. A 409 with `Retry-After` to a call with an idempotency key
    /// is a provider still running the key's first request: retried after the wait, the key repeated. Without the
    /// header (a conflict of the write's own) or without a key, the 409 is the answer.
    func testAKeyStillBeingProcessedIsRetried() async throws {
        let busy = ClientResponse(status: 409, headers: [ClientHeader(name: "Retry-After", value: "1")])
        let created = ClientResponse(status: 201)
        let rows: [(label: String, first: ClientResponse, operation: ClientOperation, status: Int, attempts: Int, pauses: [Int])] = [
            ("keyed, still running", busy, Self.post, 201, 2, [1000]),
            ("keyed, a conflict of its own", ClientResponse(status: 409), Self.post, 409, 1, []),
            ("no key", busy, Self.postWithoutKey, 409, 1, []),
        ]
        for row in rows {
            let transport = ScriptedTransport([.respond(row.first), .respond(created)])
            let pauses = Pauses()
            let response = try await configuration(transport, pauses: pauses, authorization: BearerAuthorization { _ in "t" }).send(ClientRequest(method: "POST", path: "/"), for: row.operation)
            XCTAssertEqual(response.status, row.status, row.label)
            XCTAssertEqual(transport.sent.count, row.attempts, row.label)
            XCTAssertEqual(pauses.recorded, row.pauses, row.label)
            if transport.sent.count == 2 {
                XCTAssertEqual(transport.sent[0].header("Idempotency-Key"), transport.sent[1].header("Idempotency-Key"), row.label)
            }
        }
    }

    /// Rows: the call's limit (`maxTotalMilliseconds`) → attempts and waits for a GET answered 503 with `Retry-After: 1`
    /// every time. No retry starts after the limit; the caller gets the last answer.
    func testTheCallsLimitStopsRetries() async throws {
        let rows: [(limit: Int?, attempts: Int, pauses: [Int], line: UInt)] = [
            (nil, 3, [1000, 1000], #line),
            (2500, 3, [1000, 1000], #line),
            (1500, 2, [1000], #line),
            (900, 1, [], #line),
        ]
        for row in rows {
            let unavailable = ScriptedTransport.Step.respond(ClientResponse(status: 503, headers: [ClientHeader(name: "Retry-After", value: "1")]))
            let transport = ScriptedTransport([unavailable, unavailable, unavailable])
            let pauses = Pauses()
            var configuration = configuration(transport, pauses: pauses)
            configuration.retry = row.limit.map { ClientRetryPolicy.standard.limited(toTotalMilliseconds: $0) } ?? .standard
            let response = try await configuration.send(ClientRequest(method: "GET", path: "/"), for: Self.get)
            XCTAssertEqual(response.status, 503, line: row.line)
            XCTAssertEqual(transport.sent.count, row.attempts, line: row.line)
            XCTAssertEqual(pauses.recorded, row.pauses, line: row.line)
        }
    }

    /// An attempt is given no more than what is left of the call's limit: a transport that never answers is cut off at
    /// the limit, not at the operation's longer SLA timeout.
    func testAnAttemptGetsWhatIsLeftOfTheLimit() async {
        let operation = ClientOperation(id: "getOrder", method: "GET", pathTemplate: "/orders/{orderId}", timeoutMilliseconds: 60_000)
        let transport = ScriptedTransport([.hang(milliseconds: 20_000), .hang(milliseconds: 20_000), .hang(milliseconds: 20_000)])
        var configuration = configuration(transport)
        configuration.retry = ClientRetryPolicy.standard.limited(toTotalMilliseconds: 150)
        let started = Date()
        do {
            _ = try await configuration.send(ClientRequest(method: "GET", path: "/"), for: operation)
            XCTFail("a hanging transport answered")
        } catch {
            XCTAssertEqual(error.kind, .timedOut)
            XCTAssertLessThan(Date().timeIntervalSince(started), 10, "the attempt waited for the transport or the SLA timeout, not the limit")
        }
        // The transport is told the same deadline (URLSession's own timeout).
        XCTAssertEqual(transport.sent.map(\.timeoutMilliseconds), [150])
    }

    /// Rows: whether the task is cancelled while authorizing (or before the call) → nothing sent, no attempt
    /// counted, and the token asked for or not.
    func testACancelledCallSendsNothing() async {
        let rows: [(whileAuthorizing: Bool, tokensAsked: Int, line: UInt)] = [(false, 0, #line), (true, 1, #line)]
        for row in rows {
            let transport = ScriptedTransport([])
            let tokens = Pauses()
            let whileAuthorizing = row.whileAuthorizing
            let authorization = BearerAuthorization { _ in
                tokens.record(0)
                if whileAuthorizing { withUnsafeCurrentTask { $0?.cancel() } }
                return "t"
            }
            let config = configuration(transport, authorization: authorization)
            let operation = Self.post
            let task = Task { () async -> ClientError? in
                if !whileAuthorizing { withUnsafeCurrentTask { $0?.cancel() } }
                do {
                    _ = try await config.send(ClientRequest(method: "POST", path: "/orders"), for: operation)
                    return nil
                } catch {
                    return error as? ClientError
                }
            }
            let error = await task.value
            XCTAssertEqual(error?.kind, .cancelled, line: row.line)
            XCTAssertEqual(error?.attempts, 0, line: row.line)
            XCTAssertEqual(error?.idempotencyKey, "key-1", line: row.line)
            XCTAssertEqual(tokens.recorded.count, row.tokensAsked, line: row.line)
            XCTAssertTrue(transport.sent.isEmpty, line: row.line)
        }
    }

    /// A transport that does not stop when cancelled, and answers after the deadline: the answer is the result
    /// (the server did act on it), not a timeout, and the call is not repeated.
    func testAResponseAfterTheDeadlineIsReturned() async throws {
        let operation = ClientOperation(id: "slow", method: "GET", pathTemplate: "/", timeoutMilliseconds: 20)
        let transport = ScriptedTransport([.late(milliseconds: 200, ClientResponse(status: 201, body: Data("late".utf8)))])
        let pauses = Pauses()
        let response = try await configuration(transport, pauses: pauses).send(ClientRequest(method: "GET", path: "/"), for: operation)
        XCTAssertEqual(response, ClientResponse(status: 201, body: Data("late".utf8)))
        XCTAssertEqual(transport.sent.count, 1)
        XCTAssertEqual(pauses.recorded, [])
    }

    /// Rows: an operation, the caller's key and what the transport does → the key on the error (the one sent).
    func testErrorsCarryTheIdempotencyKeySent() async throws {
        let lost = ScriptedTransport.Step.fail(URLError(.networkConnectionLost))
        let rows: [(operation: ClientOperation, given: String?, key: String?, line: UInt)] = [
            (Self.post, nil, "key-1", #line),  // made by the client
            (Self.post, "mine", "mine", #line),
            (Self.query, "q-1", "q-1", #line),  // given for an operation that takes one but does not require it
            (Self.query, nil, nil, #line),
            (Self.get, "ignored", nil, #line),  // an operation without an idempotency header sends none
        ]
        for row in rows {
            let transport = ScriptedTransport([lost, lost, lost])
            let config = configuration(transport, authorization: BearerAuthorization { _ in "t" })
            do {
                _ = try await config.send(ClientRequest(method: row.operation.method, path: "/"), for: row.operation, idempotencyKey: row.given)
                XCTFail("a lost connection returned", line: row.line)
            } catch {
                XCTAssertEqual(error.kind, .transport, line: row.line)
                XCTAssertEqual(error.idempotencyKey, row.key, line: row.line)
            }
        }

        // Retrying by hand with the error's key sends the same key again.
        let transport = ScriptedTransport([lost, lost, lost, .respond(ClientResponse(status: 201))])
        let config = configuration(transport, authorization: BearerAuthorization { _ in "t" })
        var failure: ClientError?
        do { _ = try await config.send(ClientRequest(method: "POST", path: "/orders"), for: Self.post) } catch { failure = error }
        let retried = try await config.send(ClientRequest(method: "POST", path: "/orders"), for: Self.post, idempotencyKey: failure?.idempotencyKey)
        XCTAssertEqual(retried.status, 201)
        XCTAssertEqual(Set(transport.sent.map { $0.header("Idempotency-Key") }), ["key-1"])
    }

    func testADecodingErrorCarriesTheResponse() {
        let page = ClientResponse(status: 404, headers: [ClientHeader(name: "Content-Type", value: "text/html"), ClientHeader(name: "X-Request-Id", value: "r-9")],
                                  body: Data("<html>Not Found</html>".utf8))
        struct Problem: Decodable { let title: String }
        XCTAssertThrowsError(try configuration(ScriptedTransport([])).decodeBody(Problem.self, from: page, for: Self.get)) { error in
            let clientError = error as? ClientError
            XCTAssertEqual(clientError?.kind, .decoding)
            XCTAssertEqual(clientError?.status, 404)
            XCTAssertEqual(clientError?.response, page)
            XCTAssertEqual(clientError?.response?.header("x-request-id"), "r-9")
        }
    }

    /// Rows: what an operation requires, with no authorization configured → the error (nil: sent as it is).
    func testCredentialsRequiredWithoutAnAuthorizationAreAnError() async {
        let rows: [(requirement: ClientAuthRequirement?, error: String?, line: UInt)] = [
            (ClientAuthRequirement(scheme: "oauth2", type: "oauth2", scopes: ["orders:read"]),
             "getOrder: authorization: the operation requires scheme oauth2 and no authorization is configured", #line),
            (ClientAuthRequirement(scheme: "key", type: "apiKey", keyLocation: "header", keyName: "X-Api-Key"),
             "getOrder: authorization: the operation requires scheme key and no authorization is configured", #line),
            (ClientAuthRequirement(scheme: "none", type: ""), nil, #line),
            (ClientAuthRequirement(scheme: "mtls", type: "mutualTLS"), nil, #line),  // the transport's client certificate
            (nil, nil, #line),
        ]
        for row in rows {
            let transport = ScriptedTransport([])
            let operation = ClientOperation(id: "getOrder", method: "GET", pathTemplate: "/", auth: row.requirement)
            do {
                _ = try await configuration(transport).send(ClientRequest(method: "GET", path: "/"), for: operation)
                XCTAssertNil(row.error, line: row.line)
                XCTAssertEqual(transport.sent.count, 1, line: row.line)
            } catch {
                XCTAssertEqual(error.description, row.error, line: row.line)
                XCTAssertEqual(error.kind, .authorization, line: row.line)
                XCTAssertEqual((error.underlying as? MissingClientAuthorization)?.requirement, row.requirement, line: row.line)
                XCTAssertEqual(error.attempts, 0, line: row.line)
                XCTAssertTrue(transport.sent.isEmpty, line: row.line)
            }
        }
    }
}
