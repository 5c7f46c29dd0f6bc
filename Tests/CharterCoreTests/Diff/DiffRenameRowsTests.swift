import Foundation
import XCTest
@testable import CharterCore
@testable import CharterCompatibility
@testable import CharterGovernance

/// Renames the head declares (`x-renamed-from`): a base and a head → each change reported, as
/// `check | message | parties it breaks | where` (the version gate aside). A property or type renamed and said so is
/// one change, judged as the worse of its removal and its addition, at the keyword; a rename that pairs nothing leaves
/// the removal and the addition as they are.
final class DiffRenameRowsTests: XCTestCase {
    private func line(_ change: Change) -> String {
        "\(change.checkID) | \(change.message) | \(change.affects.map(\.rawValue).joined(separator: ",")) | \(change.side == .head ? "head" : "base") \(change.location.pointer)"
    }

    func testPropertyRows() {
        let response = { (properties: String, required: [String]) in DiffExample.response(#""sku": {"type": "string"}, "# + properties, required: required) }
        let request = { (properties: String, required: [String]) in DiffExample.request(#""sku": {"type": "string"}, "# + properties, required: required) }
        let closedRequest = { (properties: String) in DiffExample.request(#""sku": {"type": "string"}, "# + properties, extra: #""additionalProperties": false"#) }
        let event = { (properties: String, required: [String]) in
            DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}, "# + properties, required: required),
                                 events: ##""ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}}"##)
        }
        let binCode = #""binCode": {"type": "string"}"#
        let binLocation = #""binLocation": {"type": "string", "x-renamed-from": "binCode"}"#
        let keyword = "head /$defs/Item/properties/binLocation/x-renamed-from"
        let rows: [(label: String, base: String, head: String, expected: [String])] = [
            ("a required response property renamed: old clients miss the name they require",
             response(binCode, ["sku", "binCode"]), response(binLocation, ["sku", "binLocation"]),
             ["property-renamed | required property Item.binCode renamed to binLocation (x-renamed-from) (base line 4) — breaks existing clients reading responses (they require it) | client | \(keyword)"]),
            ("a required request property renamed: the provider misses the new name in old clients' requests",
             request(binCode, ["sku", "binCode"]), request(binLocation, ["sku", "binLocation"]),
             ["property-renamed | required property Item.binCode renamed to binLocation (x-renamed-from) (base line 4) — breaks existing clients' requests (data written before lacks it) | client | \(keyword)"]),
            ("an optional response property renamed may break its readers, as its removal would",
             response(binCode, ["sku"]), response(binLocation, ["sku"]),
             ["property-renamed | optional property Item.binCode renamed to binLocation (x-renamed-from) (base line 4) — may break existing clients reading responses (they lose it, and generated code loses the property) | client | \(keyword)"]),
            ("an optional request property renamed breaks no one, as neither its removal nor its addition would",
             request(binCode, ["sku"]), request(binLocation, ["sku"]),
             ["property-renamed | optional property Item.binCode renamed to binLocation (x-renamed-from) (base line 4) |  | \(keyword)"]),
            ("an optional request property renamed to a required one: said, and judged by the addition",
             request(binCode, ["sku"]), request(binLocation, ["sku", "binLocation"]),
             ["property-renamed | optional property Item.binCode renamed to binLocation (x-renamed-from), now required (base line 4) — breaks existing clients' requests (data written before lacks it) | client | \(keyword)"]),
            ("a closed request: both the removal's and the addition's reasons, each once",
             closedRequest(binCode), closedRequest(binLocation),
             ["property-renamed | optional property Item.binCode renamed to binLocation (x-renamed-from) (base line 4) — breaks existing clients' requests (data written before still carries it and the new schema is closed) | client | \(keyword)"]),
            ("a required event property renamed: consumers, by the policy (backward)",
             event(binCode, ["sku", "binCode"]), event(binLocation, ["sku", "binLocation"]),
             ["property-renamed | required property Item.binCode renamed to binLocation (x-renamed-from) (base line 4) — breaks upgraded consumers reading events published before (data written before lacks it) | consumer | \(keyword)"]),
            ("renamed and retyped: the type change is reported as for a same-named pair, under the new name",
             response(binCode, ["sku", "binCode"]), response(#""binLocation": {"type": "integer", "x-renamed-from": "binCode"}"#, ["sku", "binLocation"]),
             ["type-changed | Item.binLocation type changed from string to integer — breaks existing clients reading responses (they cannot read integer) | client | head /$defs/Item/properties/binLocation",
              "property-renamed | required property Item.binCode renamed to binLocation (x-renamed-from) (base line 4) — breaks existing clients reading responses (they require it) | client | \(keyword)"]),
            ("a rename inside an inline object is named by its path",
             response(#""bin": {"type": "object", "properties": {"code": {"type": "string"}}}"#, ["sku"]),
             response(#""bin": {"type": "object", "properties": {"location": {"type": "string", "x-renamed-from": "code"}}}"#, ["sku"]),
             ["property-renamed | optional property Item.bin.code renamed to location (x-renamed-from) (base line 4) — may break existing clients reading responses (they lose it, and generated code loses the property) | client | head /$defs/Item/properties/bin/properties/location/x-renamed-from"]),
            ("a rename that names nothing in the base pairs nothing: removed and added, as without the keyword",
             response(binCode, ["sku"]), response(#""binLocation": {"type": "string", "x-renamed-from": "binCod"}"#, ["sku"]),
             ["property-removed | optional property Item.binCode removed (base line 4) — may break existing clients reading responses (they lose it, and generated code loses the property) | client | head /$defs/Item/properties/binCode",
              "property-added | optional property Item.binLocation added |  | head /$defs/Item/properties/binLocation"]),
            ("a rename whose old name the head still declares pairs nothing: only the addition",
             response(binCode, ["sku"]), response(binCode + ", " + binLocation, ["sku"]),
             ["property-added | optional property Item.binLocation added |  | head /$defs/Item/properties/binLocation"]),
            ("a rename whose new name the base already declared pairs nothing",
             response(binCode + #", "binLocation": {"type": "string"}"#, ["sku"]), response(binLocation, ["sku"]),
             ["property-removed | optional property Item.binCode removed (base line 4) — may break existing clients reading responses (they lose it, and generated code loses the property) | client | head /$defs/Item/properties/binCode"]),
            ("two renames of one property: the first declared takes it, the second is an addition",
             response(binCode, ["sku"]), response(binLocation + #", "bin": {"type": "string", "x-renamed-from": "binCode"}"#, ["sku"]),
             ["property-renamed | optional property Item.binCode renamed to binLocation (x-renamed-from) (base line 4) — may break existing clients reading responses (they lose it, and generated code loses the property) | client | \(keyword)",
              "property-added | optional property Item.bin added |  | head /$defs/Item/properties/bin"]),
            ("a writeOnly property renamed in a response: its data is never returned, so the rename breaks no reader",
             response(#""binCode": {"type": "string", "writeOnly": true}"#, ["sku", "binCode"]),
             response(#""binLocation": {"type": "string", "writeOnly": true, "x-renamed-from": "binCode"}"#, ["sku", "binLocation"]),
             ["property-renamed | required property Item.binCode renamed to binLocation (x-renamed-from) (base line 4) |  | \(keyword)"]),
            ("the same contract with the keyword on both sides: nothing",
             response(binLocation, ["sku", "binLocation"]), response(binLocation, ["sku", "binLocation"]), []),
        ]
        for row in rows {
            let changes = DiffHarness.diff(row.base, row.head)?.changes.filter { $0.checkID != "version-gate" } ?? []
            XCTAssertEqual(changes.map(line), row.expected, row.label)
        }
    }

    func testTypeRows() {
        let shop = #""Shop": {"title": "Shop", "description": "A shop.", "type": "object", "properties": {"code": {"type": "string"}}}"#
        let store = { (keyword: String, code: String) in
            #""Store": {"title": "Store", "description": "A shop.", "type": "object", "x-renamed-from": "\#(keyword)", "properties": {"code": {"type": "\#(code)"}}}"#
        }
        let contract = { (type: String, named: String) in
            DiffExample.contract(defs: DiffExample.item(##""sku": {"type": "string"}, "shop": {"$ref": "#/$defs/\##(named)"}"##) + ", " + type, operations: DiffExample.getItem)
        }
        let keyword = "head /$defs/Store/x-renamed-from"
        let rows: [(label: String, base: String, head: String, expected: [String])] = [
            ("a type renamed and said so: one change, breaking the code generated from it as a removal would",
             contract(shop, "Shop"), contract(store("Shop", "string"), "Store"),
             ["type-renamed | type Shop renamed to Store (x-renamed-from) (base line 4) — breaks code generated from it |  | \(keyword)"]),
            ("renamed and changed: what differs is reported at the type, under its new name, as for a type that kept its name",
             contract(shop, "Shop"), contract(store("Shop", "integer"), "Store"),
             ["type-renamed | type Shop renamed to Store (x-renamed-from) (base line 4) — breaks code generated from it |  | \(keyword)",
              "type-changed | Store.code type changed from string to integer — breaks existing clients reading responses (they cannot read integer) | client | head /$defs/Store/properties/code"]),
            ("a renamed recursive type: what differs is said once, not again for the reference inside",
             contract(##""Shop": {"title": "Shop", "description": "A shop.", "type": "object", "properties": {"code": {"type": "string"}, "next": {"$ref": "#/$defs/Shop"}}}"##, "Shop"),
             contract(##""Store": {"title": "Store", "description": "A shop.", "type": "object", "x-renamed-from": "Shop", "properties": {"code": {"type": "integer"}, "next": {"$ref": "#/$defs/Store"}}}"##, "Store"),
             ["type-renamed | type Shop renamed to Store (x-renamed-from) (base line 4) — breaks code generated from it |  | \(keyword)",
              "type-changed | Store.code type changed from string to integer — breaks existing clients reading responses (they cannot read integer) | client | head /$defs/Store/properties/code"]),
            ("a renamed type met inside another renamed one: what differs is the inner type's, at it",
             contract(##""Shop": {"title": "Shop", "description": "A shop.", "type": "object", "properties": {"addr": {"$ref": "#/$defs/Addr"}}}, "Addr": {"title": "Addr", "description": "An address.", "type": "object", "properties": {"city": {"type": "string"}}}"##, "Shop"),
             contract(##""Store": {"title": "Store", "description": "A shop.", "type": "object", "x-renamed-from": "Shop", "properties": {"addr": {"$ref": "#/$defs/Address"}}}, "Address": {"title": "Address", "description": "An address.", "type": "object", "x-renamed-from": "Addr", "properties": {"city": {"type": "integer"}}}"##, "Store"),
             ["type-renamed | type Shop renamed to Store (x-renamed-from) (base line 4) — breaks code generated from it |  | \(keyword)",
              "type-renamed | type Addr renamed to Address (x-renamed-from) (base line 4) — breaks code generated from it |  | head /$defs/Address/x-renamed-from",
              "type-changed | Address.city type changed from string to integer — breaks existing clients reading responses (they cannot read integer) | client | head /$defs/Address/properties/city"]),
            ("a rename that names nothing in the base pairs nothing: removed and added",
             contract(shop, "Shop"), contract(store("Shp", "string"), "Store"),
             ["type-removed | type Shop removed (base line 4) — breaks code generated from it |  | head /$defs/Shop",
              "type-added | type Store added |  | head /$defs/Store"]),
            ("and a reference to it is another type, as without the keyword",
             contract(shop, "Shop"), contract(store("Shp", "integer"), "Store"),
             ["type-removed | type Shop removed (base line 4) — breaks code generated from it |  | head /$defs/Shop",
              "type-changed | Item.shop is now Store instead of Shop: code type changed from string to integer — breaks existing clients reading responses (they cannot read integer) | client | head /$defs/Item/properties/shop",
              "type-added | type Store added |  | head /$defs/Store"]),
            ("the same contract with the keyword on both sides: nothing",
             contract(store("Shop", "string"), "Store"), contract(store("Shop", "string"), "Store"), []),
        ]
        for row in rows {
            let changes = DiffHarness.diff(row.base, row.head)?.changes.filter { $0.checkID != "version-gate" } ?? []
            XCTAssertEqual(changes.map(line), row.expected, row.label)
        }
    }

    /// A type renamed and said so is compared with the one it was as a named type is: by its head's name, judged by where
    /// its data flows on either side (the contract's policy when nothing refers to it), each change once — however many
    /// references, wrappers or compositions reach it — beside the one `type-renamed`.
    func testRenamedTypeBodyRows() {
        let slot = { (properties: String, required: String) in
            #""Slot": {"title": "Slot", "description": "A slot.", "type": "object", "required": [\#(required)], "properties": {\#(properties)}}"#
        }
        let bin = { (properties: String, required: String) in
            #""Bin": {"title": "Bin", "description": "A slot.", "type": "object", "x-renamed-from": "Slot", "required": [\#(required)], "properties": {\#(properties)}}"#
        }
        let both = #""code": {"type": "string"}, "zone": {"type": "string"}"#, zone = #""zone": {"type": "string"}"#
        /// `Item` with `refs` (more properties), `type` beside it and `getItem` returning `Item`.
        let contract = { (refs: String, type: String) in
            DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}"# + refs) + ", " + type, operations: DiffExample.getItem)
        }
        let event = { (type: String, named: String) in
            DiffExample.contract(defs: DiffExample.item(##""sku": {"type": "string"}, "bin": {"$ref": "#/$defs/\##(named)"}"##) + ", " + type,
                                 events: ##""ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}}"##)
        }
        let composed = { (type: String, named: String) in
            DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}"#, extra: ##""allOf": [{"$ref": "#/$defs/\##(named)"}]"##) + ", " + type,
                                 operations: DiffExample.getItem)
        }
        let forward = { (contract: String) in contract.replacingOccurrences(of: #""compatibility": "backward""#, with: #""compatibility": "forward""#) }
        let ref = { (property: String, named: String) in ##", "\##(property)": {"$ref": "#/$defs/\##(named)"}"## }
        let other = #""Other": {"title": "Other", "description": "Another place.", "type": "object", "properties": {"n": {"type": "integer"}}}"#
        /// `Item.bin`: one of `Other` and, unless nil, `variant`.
        let union = { (variant: String?) in
            ##", "bin": {"oneOf": [{"$ref": "#/$defs/Other"}"## + (variant.map { ##", {"$ref": "#/$defs/\##($0)"}"## } ?? "") + "]}"
        }
        let renamed = "type-renamed | type Slot renamed to Bin (x-renamed-from) (base line 4) — breaks code generated from it |  | head /$defs/Bin/x-renamed-from"
        /// `Other` renamed `Place`, its `n` now a string.
        let place = #""Place": {"title": "Place", "description": "Another place.", "type": "object", "x-renamed-from": "Other", "properties": {"n": {"type": "string"}}}"#
        let placeRenamed = "type-renamed | type Other renamed to Place (x-renamed-from) (base line 4) — breaks code generated from it |  | head /$defs/Place/x-renamed-from"
        /// `Item` referring to `Slot`/`Bin` and `Other`/`Place` twice each and from a union of the two.
        let slotRefs: String = ref("bin", "Slot") + ref("spare", "Slot")
        let otherRefs: String = ref("place", "Other") + ref("near", "Other") + ##", "either": {"oneOf": [{"$ref": "#/$defs/Slot"}, {"$ref": "#/$defs/Other"}]}"##
        let binRefs: String = ref("bin", "Bin") + ref("spare", "Bin")
        let placeRefs: String = ref("place", "Place") + ref("near", "Place") + ##", "either": {"oneOf": [{"$ref": "#/$defs/Bin"}, {"$ref": "#/$defs/Place"}]}"##
        let twoRenamedBase: String = contract(slotRefs + otherRefs, slot(both, #""code""#) + ", " + other)
        let twoRenamedHead: String = contract(binRefs + placeRefs, bin(zone, "") + ", " + place)
        let rows: [(label: String, base: String, head: String, expected: [String])] = [
            ("renamed, nothing else changed, nothing refers to it: only the rename",
             contract("", slot(both, #""code""#)), contract("", bin(both, #""code""#)), [renamed]),
            ("renamed, nothing else changed, a response refers to it: only the rename",
             contract(ref("bin", "Slot"), slot(both, #""code""#)), contract(ref("bin", "Bin"), bin(both, #""code""#)), [renamed]),
            ("kept its name, nothing refers to it, a required property removed: judged by the policy, forward (the yardstick for the rows below)",
             forward(contract("", slot(both, #""code""#))), forward(contract("", slot(zone, ""))),
             ["property-removed | required property Slot.code removed (base line 4) — breaks readers on the old version reading new data (they require it) |  | head /$defs/Slot/properties/code"]),
            ("renamed, nothing refers to it, a required property removed: reported as for a type that kept its name, under the new one",
             forward(contract("", slot(both, #""code""#))), forward(contract("", bin(zone, ""))),
             [renamed, "property-removed | required property Bin.code removed (base line 4) — breaks readers on the old version reading new data (they require it) |  | head /$defs/Bin/properties/code"]),
            ("the same under a backward policy: reported, breaking no reader, as for a type that kept its name",
             contract("", slot(both, #""code""#)), contract("", bin(zone, "")),
             [renamed, "property-removed | required property Bin.code removed (base line 4) |  | head /$defs/Bin/properties/code"]),
            ("renamed, a response refers to it, a required property removed: one finding, at the type, judged by the response",
             contract(ref("bin", "Slot"), slot(both, #""code""#)), contract(ref("bin", "Bin"), bin(zone, "")),
             [renamed, "property-removed | required property Bin.code removed (base line 4) — breaks existing clients reading responses (they require it) | client | head /$defs/Bin/properties/code"]),
            ("renamed, two properties refer to it: still one finding",
             contract(ref("bin", "Slot") + ref("spare", "Slot"), slot(both, #""code""#)), contract(ref("bin", "Bin") + ref("spare", "Bin"), bin(zone, "")),
             [renamed, "property-removed | required property Bin.code removed (base line 4) — breaks existing clients reading responses (they require it) | client | head /$defs/Bin/properties/code"]),
            ("two types renamed, each referred to twice and from a union: each compared under its new name, each change once",
             twoRenamedBase, twoRenamedHead,
             [renamed,
              "property-removed | required property Bin.code removed (base line 4) — breaks existing clients reading responses (they require it) | client | head /$defs/Bin/properties/code",
              placeRenamed,
              "type-changed | Place.n type changed from integer to string — breaks existing clients reading responses (they cannot read string) | client | head /$defs/Place/properties/n"]),
            ("renamed, an event payload refers to it: judged for its consumers (forward)",
             forward(event(slot(both, #""code""#), "Slot")), forward(event(bin(zone, ""), "Bin")),
             [renamed, "property-removed | required property Bin.code removed (base line 4) — breaks existing consumers reading new events (they require it) | consumer | head /$defs/Bin/properties/code"]),
            ("renamed, composed into the response (allOf): its property is its own, reported once, not again under Item",
             composed(slot(both, #""code""#), "Slot"), composed(bin(zone, ""), "Bin"),
             [renamed, "property-removed | required property Bin.code removed (base line 4) — breaks existing clients reading responses (they require it) | client | head /$defs/Bin/properties/code"]),
            ("renamed, a variant of a union: the same variant, its body compared at the type",
             contract(union("Slot"), slot(both, #""code""#) + ", " + other), contract(union("Bin"), bin(zone, "") + ", " + other),
             [renamed, "property-removed | required property Bin.code removed (base line 4) — breaks existing clients reading responses (they require it) | client | head /$defs/Bin/properties/code"]),
            ("renamed into a union that did not hold it: a variant gained, named as the head names it",
             contract(union(nil), slot(both, #""code""#) + ", " + other), contract(union("Bin"), bin(both, #""code""#) + ", " + other),
             ["union-variant-changed | union Item.bin gained variant Bin — breaks existing clients reading responses (they cannot decode Bin) | client | head /$defs/Item/properties/bin/oneOf/1",
              renamed]),
            ("renamed, and the reference made nullable: the wrapper is the reference's, the rename the type's",
             contract(ref("bin", "Slot"), slot(both, #""code""#)),
             contract(##", "bin": {"anyOf": [{"$ref": "#/$defs/Bin"}, {"type": "null"}]}"##, bin(both, #""code""#)),
             ["type-changed | Item.bin became nullable — breaks existing clients reading responses (they cannot read null) | client | head /$defs/Item/properties/bin",
              renamed]),
        ]
        for row in rows {
            let changes = DiffHarness.diff(row.base, row.head)?.changes.filter { $0.checkID != "version-gate" } ?? []
            XCTAssertEqual(changes.map(line), row.expected, row.label)
        }
    }

    /// The findings of both checks in every findings format: JSON and SARIF parse and name the check (SARIF lists it among
    /// its rules, with its summary), Markdown and text say the message. The head is the next major in the base's file, as
    /// a rename's is: the base's major is gone from it too.
    func testRenamesInEveryFormat() throws {
        let base = DiffExample.contract(defs: DiffExample.item(##""sku": {"type": "string"}, "binCode": {"type": "string"}, "shop": {"$ref": "#/$defs/Shop"}"##, required: ["sku", "binCode"])
                                        + #", "Shop": {"title": "Shop", "description": "A shop.", "type": "string"}"#, operations: DiffExample.getItem)
        let head = DiffExample.contract(version: "2.0.0", defs: DiffExample.item(##""sku": {"type": "string"}, "binLocation": {"type": "string", "x-renamed-from": "binCode"}, "shop": {"$ref": "#/$defs/Store"}"##, required: ["sku", "binLocation"])
                                        + #", "Store": {"title": "Store", "description": "A shop.", "type": "string", "x-renamed-from": "Shop"}"#, operations: DiffExample.getItem)
        let result = try XCTUnwrap(DiffHarness.diff(base, head))
        XCTAssertEqual(result.changes.map(\.checkID), ["contract-removed", "property-renamed", "type-renamed"], "\(result.changes.map(\.message))")
        let report = DiffReport.findings(result, files: ["a.json"])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(LintJSONOutput.render(report).utf8)) as? [String: Any])
        XCTAssertEqual((json["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }, ["contract-removed", "property-renamed", "type-renamed"])
        let sarif = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(LintSARIFOutput.render(report).utf8)) as? [String: Any])
        let run = try XCTUnwrap((sarif["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual((run["results"] as? [[String: Any]])?.compactMap { $0["ruleId"] as? String }, ["contract-removed", "property-renamed", "type-renamed"])
        let rules = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        for check in [PropertyRenamedCheck() as any ChangeCheck, TypeRenamedCheck()] {
            let rule = rules.first { $0["id"] as? String == check.id }
            XCTAssertEqual((rule?["shortDescription"] as? [String: Any])?["text"] as? String, check.summary, check.id)
        }
        let markdown = LintMarkdownOutput.render(report, preamble: DiffReport.markdownPreamble(result, bases: ["old"], today: "2026-12-01"))
        let text = LintTextOutput.render(report)
        for message in ["required property Item.binCode renamed to binLocation (x-renamed-from)", "type Shop renamed to Store (x-renamed-from)"] {
            XCTAssertTrue(markdown.contains(message), "Markdown: \(message)")
            XCTAssertTrue(text.contains(message), "text: \(message)")
        }
    }
}
