import XCTest
@testable import CharterCore
@testable import CharterCompatibility
@testable import CharterGovernance

/// Numeric bounds compared by the values they admit, exactly: an integer's bounds rounded inward (`minimum: 1.5` is
/// `minimum: 2`, `exclusiveMaximum: -1` is `maximum: -2`), a number's compared by value (`0.1` = `0.10`).
final class NumericBoundRowsTests: XCTestCase {
    /// Rows: `v` in a request's base and head → each change (`check: impact`; the version gate aside).
    func testRows() {
        let request = { (v: String) in DiffExample.request(#""sku": {"type": "string"}, "v": "# + v) }
        let rows: [(label: String, base: String, head: String, expected: [String])] = [
            ("an integer's maximum -1.5 is maximum -2", #"{"type": "integer", "maximum": -1.5}"#, #"{"type": "integer", "maximum": -2}"#, []),
            ("an integer's exclusiveMaximum -1 is maximum -2", #"{"type": "integer", "exclusiveMaximum": -1}"#, #"{"type": "integer", "maximum": -2}"#, []),
            ("an integer's exclusiveMinimum 2.5 is minimum 3", #"{"type": "integer", "exclusiveMinimum": 2.5}"#, #"{"type": "integer", "minimum": 3}"#, []),
            ("an integer's exclusiveMinimum -0.5 is minimum 0", #"{"type": "integer", "exclusiveMinimum": -0.5}"#, #"{"type": "integer", "minimum": 0}"#, []),
            ("an integer's minimum 2 → exclusiveMinimum 2 tightens", #"{"type": "integer", "minimum": 2}"#, #"{"type": "integer", "exclusiveMinimum": 2}"#,
             ["constraint-changed: breaks"]),
            ("an integer's maximum 2.9 → 2.1 is the same bound", #"{"type": "integer", "maximum": 2.9}"#, #"{"type": "integer", "maximum": 2.1}"#, []),
            ("a number's 0.1 and 0.10 and 1e-1 are one value", #"{"type": "number", "minimum": 0.1}"#, #"{"type": "number", "minimum": 1e-1}"#, []),
            ("a number's maximum 2.9 → 2.1 tightens", #"{"type": "number", "maximum": 2.9}"#, #"{"type": "number", "maximum": 2.1}"#, ["constraint-changed: breaks"]),
            ("a number's minimum -0.25 → -0.5 loosens", #"{"type": "number", "minimum": -0.25}"#, #"{"type": "number", "minimum": -0.5}"#, ["constraint-changed: none"]),
            ("a number's exclusiveMinimum 1 beside minimum 1: the exclusive one holds", #"{"type": "number", "minimum": 1}"#,
             #"{"type": "number", "minimum": 1, "exclusiveMinimum": 1}"#, ["constraint-changed: breaks"]),
            ("an integer's exclusiveMaximum at Int's lowest stays as written", #"{"type": "integer", "exclusiveMaximum": -9223372036854775808}"#,
             #"{"type": "integer", "exclusiveMaximum": -9223372036854775807}"#, ["constraint-changed: none"]),
        ]
        for row in rows {
            let changes = DiffHarness.diff(request(row.base), request(row.head))?.changes.filter { $0.checkID != "version-gate" } ?? []
            XCTAssertEqual(changes.map { "\($0.checkID): \($0.impact)" }, row.expected, "\(row.label): \(changes.map(\.message))")
        }
    }
}
