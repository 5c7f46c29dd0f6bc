import XCTest
@testable import CharterCore
@testable import CharterCompatibility
@testable import CharterGovernance

/// A changed `pattern`, judged by what Charter can prove: a widening is looser, a narrowing tighter, the same
/// expression spelled otherwise no change, anything else a risky change that may break either side.
final class PatternRowsTests: XCTestCase {
    /// Rows: the old and new patterns (nil: none) → how the new one relates to the old (``PatternContainment``).
    func testRelationRows() {
        let rows: [(label: String, old: [String], new: [String], relation: PatternContainment.Relation)] = [
            ("a quantifier widened", ["^[0-9]{4}$"], ["^[0-9]{4,6}$"], .wider),
            ("a quantifier narrowed", ["^[0-9]{4,6}$"], ["^[0-9]{4}$"], .narrower),
            ("a quantifier made unbounded", ["^[a-z]{2,5}$"], ["^[a-z]{2,}$"], .wider),
            ("+ to *", ["^a+$"], ["^a*$"], .wider),
            ("a quantifier moved, neither contains the other", ["^[0-9]{4}$"], ["^[0-9]{5,6}$"], .unknown),
            ("both anchors dropped", ["^[0-9]{4}$"], ["[0-9]{4}"], .wider),
            ("the end anchor dropped", ["^[A-Z]+$"], ["^[A-Z]+"], .wider),
            ("anchors added", ["[0-9]{4}"], ["^[0-9]{4}$"], .narrower),
            ("an alternative added", ["^(EUR|USD)$"], ["^(EUR|USD|GBP)$"], .wider),
            ("an alternative added at the top", ["^EUR$|^USD$"], ["^EUR$|^USD$|^GBP$"], .wider),
            ("an alternative removed", ["^(EUR|USD|GBP)$"], ["^(EUR|USD)$"], .narrower),
            ("an alternative swapped", ["^(EUR|USD)$"], ["^(EUR|GBP)$"], .unknown),
            ("a class widened", ["^[a-f0-9]+$"], ["^[a-z0-9]+$"], .wider),
            ("a class narrowed", ["^[A-Za-z]+$"], ["^[a-z]+$"], .narrower),
            ("\\d is [0-9]", ["^\\d{4}$"], ["^[0-9]{4}$"], .same),
            ("{0,} is *, a group of one atom is the atom", ["^(?:a){0,}$"], ["^a*$"], .same),
            ("an optional suffix added", ["^[0-9]{4}$"], ["^[0-9]{4}(-[0-9]{2})?$"], .wider),
            ("a required suffix added", ["^[0-9]{4}$"], ["^[0-9]{4}-[0-9]{2}$"], .unknown),
            ("two parts folded into one repetition", ["^[0-9]{2}[0-9]{2}$"], ["^[0-9]{3,5}$"], .wider),
            ("the pattern removed", ["^[0-9]{4}$"], [], .wider),
            ("a pattern added", [], ["^[0-9]{4}$"], .narrower),
            ("a pattern that matches everything added", [], [".*"], .same),
            ("replaced by one that matches everything", ["^[0-9]{4}$"], ["^.*"], .wider),
            ("both anchors around .* do not match every string (a line break)", ["^[0-9]{4}$"], ["^.*$"], .wider),
            ("a second pattern beside the first", ["^[A-Z]+$"], ["^[A-Z]+$", "^.{3}$"], .narrower),
            ("a lookahead is compared only as written", ["^(?=a)[a-z]+$"], ["^(?=a)[a-z]{1,}$"], .unknown),
            ("a backreference is compared only as written", ["^(a)\\1$"], ["^(a)\\1?$"], .unknown),
            ("an anchor inside is compared only as written", ["a^b"], ["a^bc?"], .unknown),
            ("an alternative added beside one compared as written", ["a^b"], ["a^b|c"], .wider),
            ("a pattern that is not ECMA-262 is compared only as written", ["(?i)abc"], ["(?i)abcd?"], .unknown),
            (". admits every letter", ["^[a-z]{3}$"], ["^.{3}$"], .wider),
            ("[^0-9] and \\D are one set", ["^[^0-9]$"], ["^\\D$"], .same),
        ]
        for row in rows {
            XCTAssertEqual(PatternContainment.relation(old: row.old, new: row.new), row.relation, row.label)
        }
    }

    /// Rows: the old and new pattern of a property of request, response and event data → the change (`check: impact,
    /// bump`; the version gate aside): judged as a moved `maxLength` is, by direction, when proven, and as a risky change
    /// asking for a minor version (a warning) when not.
    func testDirectionRows() {
        let schema = { (pattern: String) in #""sku": {"type": "string"}, "code": {"type": "string", "pattern": "\#(pattern)"}"# }
        let event = { (pattern: String, version: String) in
            DiffExample.contract(version: version, defs: DiffExample.item(schema(pattern)),
                                 events: ##""ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}}"##)
        }
        let rows: [(label: String, old: String, new: String, request: String, response: String, event: String)] = [
            ("widened", "^[0-9]{4}$", "^[0-9]{4,6}$", "constraint-changed: none, minor", "constraint-changed: risky, minor", "constraint-changed: none, minor"),
            ("narrowed", "^[0-9]{4,6}$", "^[0-9]{4}$", "constraint-changed: breaks, major", "constraint-changed: none, minor", "constraint-changed: breaks, major"),
            ("alternative added", "^(EUR|USD)$", "^(EUR|USD|GBP)$", "constraint-changed: none, minor", "constraint-changed: risky, minor", "constraint-changed: none, minor"),
            ("anchors dropped", "^[A-Z]{3}$", "[A-Z]{3}", "constraint-changed: none, minor", "constraint-changed: risky, minor", "constraint-changed: none, minor"),
            ("unproven", "^[0-9]{4}$", "^[0-9]{3}-[0-9]$", "constraint-changed: risky, minor", "constraint-changed: risky, minor", "constraint-changed: risky, minor"),
            ("spelled otherwise", "^\\\\d{4}$", "^[0-9]{4}$", "", "", ""),
        ]
        for row in rows {
            let sides: [(name: String, base: String, head: String, expected: String)] = [
                ("request", DiffExample.request(schema(row.old)), DiffExample.request(schema(row.new), version: "1.1.0"), row.request),
                ("response", DiffExample.response(schema(row.old)), DiffExample.response(schema(row.new), version: "1.1.0"), row.response),
                ("event", event(row.old, "1.0.0"), event(row.new, "1.1.0"), row.event),
            ]
            for side in sides {
                let result = DiffHarness.diff(side.base, side.head)
                let changes = result?.changes.filter { $0.checkID != "version-gate" } ?? []
                XCTAssertEqual(changes.map { "\($0.checkID): \($0.impact), \($0.bump)" }.joined(separator: "; "), side.expected,
                               "\(row.label), \(side.name): \(changes.map(\.message))")
                // A minor version is enough unless the change breaks someone.
                XCTAssertEqual(result?.versions.first?.passes, !side.expected.contains("breaks"), "\(row.label), \(side.name)")
            }
        }
    }

    /// An unproven change says both patterns, that Charter could not prove either contains the other, and how to
    /// proceed; a proven one says which way it went.
    func testMessages() {
        let request = { (pattern: String, version: String) in
            DiffExample.request(#""sku": {"type": "string", "pattern": "\#(pattern)"}"#, version: version)
        }
        let rows: [(old: String, new: String, message: String, hint: String?)] = [
            ("^[0-9]{4}$", "^[0-9]{3}-[0-9]$",
             "pattern of Item.sku changed from ^[0-9]{4}$ to ^[0-9]{3}-[0-9]$; Charter could not prove that either pattern accepts every value the other does — may break existing clients' requests (data written before may not match it)",
             ConstraintChangedCheck.unprovenPatternHint),
            ("^[0-9]{4}$", "^[0-9]{4,6}$", "pattern of Item.sku changed from ^[0-9]{4}$ to ^[0-9]{4,6}$ (looser)", nil),
            ("^[0-9]{4,6}$", "^[0-9]{4}$",
             "pattern of Item.sku changed from ^[0-9]{4,6}$ to ^[0-9]{4}$ (tighter) — breaks existing clients' requests (data written before may violate it)",
             ConstraintChangedCheck().breakingHint),
        ]
        for row in rows {
            let change = DiffHarness.diff(request(row.old, "1.0.0"), request(row.new, "1.1.0"))?.changes.first { $0.checkID == "constraint-changed" }
            XCTAssertEqual(change?.message, row.message)
            XCTAssertEqual(change?.hint, row.hint, row.message)
        }
    }
}
