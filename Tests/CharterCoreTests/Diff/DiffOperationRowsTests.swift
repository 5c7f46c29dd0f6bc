import XCTest
@testable import CharterCore
@testable import CharterCompatibility
@testable import CharterGovernance

/// Changes to an operation's interface: one row per change, base and head members → what is reported.
final class DiffOperationRowsTests: XCTestCase {
    /// Rows: the operation's members in base and head → each change, as `check: impact at pointer` (the gate aside).
    func testIdempotencyRows() {
        let write = #""method": "PUT", "path": "/items", "responses": {"204": {}}"#
        let keyed = #""idempotency": {"required": true, "keyHeader": "Idempotency-Key", "retention": "PT24H"}"#
        let op = "/x-contract/operations/op"
        let rows: [(label: String, base: String, head: String, expected: [String])] = [
            ("a key made required", write + #", "idempotency": {"required": false}"#, write + ", " + keyed,
             ["idempotency-changed: breaks at \(op)/idempotency"]),
            ("a required key no longer required: keyed retries are not deduplicated", write + ", " + keyed, write + #", "idempotency": {"required": false}"#,
             ["idempotency-changed: breaks at \(op)/idempotency"]),
            ("idempotency no longer declared", write + ", " + keyed, write, ["idempotency-changed: breaks at \(op)"]),
            ("the key header renamed", write + ", " + keyed, write + #", "idempotency": {"required": true, "keyHeader": "X-Request-Key", "retention": "PT24H"}"#,
             ["idempotency-changed: breaks at \(op)/idempotency"]),
            ("the header's case changed: the same header", write + ", " + keyed, write + #", "idempotency": {"required": true, "keyHeader": "idempotency-key", "retention": "PT24H"}"#, []),
            ("retention shortened", write + ", " + keyed, write + #", "idempotency": {"required": true, "keyHeader": "Idempotency-Key", "retention": "PT1H"}"#,
             ["idempotency-changed: risky at \(op)/idempotency"]),
            ("retention lengthened", write + ", " + keyed, write + #", "idempotency": {"required": true, "keyHeader": "Idempotency-Key", "retention": "P2D"}"#, []),
            ("a read that never required a key", write + #", "idempotency": {"required": false}"#, write, []),
        ]
        for row in rows {
            let changes = DiffHarness.diff(DiffExample.operation(row.base), DiffExample.operation(row.head, version: "1.0.1"))?.changes
                .filter { $0.checkID != "version-gate" } ?? []
            XCTAssertEqual(changes.map { "\($0.checkID): \($0.impact) at \($0.location.pointer)" }, row.expected, "\(row.label): \(changes.map(\.message))")
        }
    }

    /// A removed parameter is shown in the head at the list of parameters, not at whichever parameter now has its index;
    /// the message keeps its line in the base.
    func testRemovedParameterIsLocatedAtTheList() throws {
        let query = { (name: String) in ##"{"name": "\##(name)", "in": "query", "schema": {"type": "string"}}"## }
        let get = { (parameters: [String]) in ##""method": "GET", "path": "/items", "parameters": [\##(parameters.joined(separator: ", "))], "responses": {"200": {}}"## }
        let list = "/x-contract/operations/op/parameters"
        let rows: [(label: String, base: [String], head: [String], expected: [String])] = [
            ("the first of two removed", [query("locale"), query("shop")], [query("shop")], ["parameter-removed at \(list)"]),
            ("the last removed", [query("locale"), query("shop")], [query("locale")], ["parameter-removed at \(list)"]),
            ("a parameter kept at its index is the same parameter", [query("locale"), query("shop")], [query("locale"), query("shop"), query("page")],
             ["parameter-added at \(list)/2"]),
        ]
        for row in rows {
            let changes = DiffHarness.diff(DiffExample.operation(get(row.base)), DiffExample.operation(get(row.head), version: "1.1.0"))?.changes
                .filter { $0.checkID != "version-gate" } ?? []
            XCTAssertEqual(changes.map { "\($0.checkID) at \($0.location.pointer)" }, row.expected, "\(row.label): \(changes.map(\.message))")
            if row.expected.first?.hasPrefix("parameter-removed") == true {
                XCTAssertTrue(changes.first?.message.contains("(base line ") == true, "\(row.label): \(changes.map(\.message))")
            }
        }
    }
}
