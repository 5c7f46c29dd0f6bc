import XCTest
@testable import CharterCore
@testable import CharterCompatibility
@testable import CharterGovernance

/// Plain schema files (no `x-contract`): their root, when it describes a value, is compared like any named type, and
/// their version verdict says they are unversioned — a breaking change in one cannot pass the gate.
final class DiffPlainSchemaTests: XCTestCase {
    private let item = #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Item", "type": "object", "required": ["sku"], "#
        + #""properties": {"sku": {"type": "string"}, "status": {"enum": ["a", "b"]}}}"#

    /// Rows: the base root and the head root → each change, as `check: impact at pointer`.
    func testRootRows() {
        let rows: [(label: String, head: String, expected: [String])] = [
            ("a required property added to the root", item.replacingOccurrences(of: #""required": ["sku"]"#, with: #""required": ["sku", "x"]"#)
                .replacingOccurrences(of: #""sku": {"type": "string"},"#, with: #""sku": {"type": "string"}, "x": {"type": "string"},"#),
             ["property-added: breaks at /properties/x"]),
            ("an enum value lost in a root property", item.replacingOccurrences(of: #"["a", "b"]"#, with: #"["a"]"#),
             ["enum-value-removed: breaks at /properties/status"]),
            ("the root's title changed: no change", item.replacingOccurrences(of: #""Item""#, with: #""Thing""#), []),
        ]
        for row in rows {
            let result = DiffHarness.diff(item, row.head)
            let changes = result?.changes ?? []
            XCTAssertEqual(changes.map { "\($0.checkID): \($0.impact) at \($0.location.pointer)" }, row.expected, "\(row.label): \(changes.map(\.message))")
            let verdict = result?.versions.first
            XCTAssertEqual(verdict?.unversioned, true, row.label)
            XCTAssertEqual(verdict?.passes, row.expected.isEmpty, "\(row.label): a breaking change in a plain schema cannot pass")
        }
    }

    /// A root that only holds `$defs` is no type: its definitions are compared, the root is not.
    func testContainerRootIsNotAType() {
        let defs = { (type: String) in ##"{"$defs": {"A": {"type": "\##(type)"}}}"## }
        let changes = DiffHarness.diff(defs("string"), defs("integer"))?.changes ?? []
        XCTAssertEqual(changes.map { "\($0.checkID) at \($0.location.pointer)" }, ["type-changed at /$defs/A"])
    }

    /// The version lines of plain files read `unversioned`, `new` and `removed` as they are.
    func testVersionLines() throws {
        let changed = item.replacingOccurrences(of: #"["a", "b"]"#, with: #"["a"]"#)
        let result = try XCTUnwrap(DiffHarness.diff(["geo.json": item, "gone.json": item], ["geo.json": changed, "new.json": item]))
        XCTAssertEqual(DiffReport.versionLines(result), [
            "geo.json: unversioned: 1 breaking, 0 risky, 0 compatible; needs major — a plain schema has no version to say so",
            "gone.json: unversioned → removed: 1 breaking, 0 risky, 0 compatible; needs major — removed before it was retired",
            "new.json: new → unversioned: 0 breaking, 0 risky, 1 compatible; needs minor, version ok",
        ])
        XCTAssertEqual(result.versions.map(\.passes), [false, false, true])
        // JSON names each state, since a plain file's `base` and `head` are null whether it was added, removed or kept.
        XCTAssertEqual(result.versions.map { DiffReport.statusName($0.status) }, ["breaking-without-version", "removed-while-in-use", "ok"])
    }
}
