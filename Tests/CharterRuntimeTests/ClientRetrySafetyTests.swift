import CharterRuntime
import Foundation
import XCTest

/// Which calls a client repeats: an idempotent method always; a `POST` or `PATCH` only when the call carries an
/// idempotency key, which the client sends only for an operation that declares a key header (made when the contract
/// requires a key, the caller's when it is optional). A query declared with `idempotency.required: false` is such a
/// `POST`: without a key it is sent once.
final class ClientRetrySafetyTests: XCTestCase {
    /// What a contract says of an operation's idempotency.
    enum Idempotency {
        /// No `idempotency`.
        case none
        /// `"required": false`: a key header, the key optional.
        case optional
        /// `"required": true`: the client makes a key when the caller gives none.
        case required
    }

    /// Rows: method × the contract's idempotency × the caller's `idempotencyKey:` → the key sent (nil: none) and
    /// whether the call is retried (three attempts under the standard policy, else one).
    static let rows: [(method: String, idempotency: Idempotency, given: String?, sent: String?, retried: Bool, line: UInt)] = [
        ("GET", .none, nil, nil, true, #line),
        ("GET", .optional, "k-1", "k-1", true, #line),
        ("HEAD", .none, nil, nil, true, #line),
        ("OPTIONS", .none, nil, nil, true, #line),
        ("PUT", .none, nil, nil, true, #line),
        ("PUT", .required, nil, "made", true, #line),
        ("DELETE", .optional, nil, nil, true, #line),
        ("POST", .none, nil, nil, false, #line),
        ("POST", .none, "k-1", nil, false, #line),  // no key header declared: the key is not sent, so no retry
        ("POST", .optional, nil, nil, false, #line),  // a declared query without a key: sent once
        ("POST", .optional, "", nil, false, #line),  // an empty key is no key
        ("POST", .optional, "k-1", "k-1", true, #line),
        ("POST", .required, nil, "made", true, #line),
        ("POST", .required, "", "made", true, #line),
        ("POST", .required, "k-1", "k-1", true, #line),
        ("PATCH", .none, nil, nil, false, #line),
        ("PATCH", .optional, nil, nil, false, #line),
        ("PATCH", .optional, "k-1", "k-1", true, #line),
        ("PATCH", .required, nil, "made", true, #line),
    ]

    /// Each row twice: every answer a 503, then every attempt a lost connection.
    func testOnlyIdempotentMethodsAndKeyedCallsAreRetried() async {
        let unavailable = ScriptedTransport.Step.respond(ClientResponse(status: 503))
        let lost = ScriptedTransport.Step.fail(URLError(.networkConnectionLost))
        for row in Self.rows {
            let operation = ClientOperation(
                id: "op", method: row.method, pathTemplate: "/things", idempotencyKeyHeader: row.idempotency == .none ? nil : "Idempotency-Key",
                requiresIdempotencyKey: row.idempotency == .required)
            let attempts = row.retried ? 3 : 1
            for step in [unavailable, lost] {
                let transport = ScriptedTransport([step, step, step])
                let configuration = ClientConfiguration(
                    serverURL: URL(string: "https://h.example")!, transport: transport, retry: .standard, makeIdempotencyKey: { "made" }, sleep: { _ in })
                do {
                    let response = try await configuration.send(ClientRequest(method: row.method, path: "/things"), for: operation, idempotencyKey: row.given)
                    XCTAssertEqual(response.status, 503, line: row.line)
                } catch {
                    XCTAssertEqual(error.kind, .transport, line: row.line)
                    XCTAssertEqual(error.attempts, attempts, line: row.line)
                    XCTAssertEqual(error.idempotencyKey, row.sent, line: row.line)
                }
                XCTAssertEqual(transport.sent.count, attempts, "\(row.method) \(row.idempotency) \(row.given ?? "nil")", line: row.line)
                XCTAssertEqual(transport.sent.map { $0.header("Idempotency-Key") }, Array(repeating: row.sent, count: attempts), line: row.line)
            }
        }
    }
}
