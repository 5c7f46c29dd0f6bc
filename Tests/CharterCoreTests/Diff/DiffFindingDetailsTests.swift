import Foundation
import XCTest
@testable import CharterCore
@testable import CharterCompatibility
@testable import CharterGovernance

/// `charter diff`'s findings carry, as data, what their messages say in prose: the contract, what changed, the impact,
/// the parties it affects and the interfaces it reaches — JSON after the members every finding has, SARIF as the
/// result's `properties`; `charter lint`'s findings carry none.
final class DiffFindingDetailsTests: XCTestCase {
    /// One finding's details as a line: `rule: contract | change | impact | affects | interfaces`.
    private func line(_ finding: [String: Any]) -> String {
        let interfaces = (finding["interfaces"] as? [[String: Any]] ?? []).map { "\($0["contract"] ?? "?")/\($0["name"] ?? "?")" }
        let affects = (finding["affects"] as? [String] ?? []).joined(separator: ",")
        return "\(finding["rule"] ?? finding["ruleId"] ?? "?"): \(finding["contract"] ?? "-") | \(finding["change"] ?? "-") | \(finding["impact"] ?? "-") | "
            + "\(affects) | \(interfaces.joined(separator: ","))"
    }

    /// Rows: a base and a head → each finding's details, in report order, from the JSON output; SARIF's `properties`
    /// say the same.
    func testRows() throws {
        let event = { (shop: String, version: String) in
            DiffExample.contract(version: version, defs: DiffExample.item(#""sku": {"type": "string"}, "shop": "# + shop),
                                 events: ##""ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}}"##)
        }
        let inline = { (type: String, version: String) in
            DiffExample.operation(#""method": "POST", "path": "/notes", "request": {"schema": {"type": "object", "properties": {"text": {"type": "\#(type)"}}}}, "responses": {"204": {}}, "idempotency": {"required": false}"#, version: version)
        }
        // The version gate: the contract's own, reaching no one interface.
        let gate = "version-gate: demo v1 | 1 breaking change needs a major version, but demo v1 goes from 1.0.0 to 1.1.0 | breaks |  | "
        let rows: [(label: String, base: String, head: String, expected: [String])] = [
            ("a required response property removed, without a major version",
             DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}"#, required: ["sku", "name"]),
             DiffExample.response(#""sku": {"type": "string"}"#, version: "1.1.0"),
             [gate, "property-removed: demo v1 | required property Item.name removed | breaks | client | demo v1/getItem"]),
            ("a pattern widened in a response: may break clients that validate",
             DiffExample.response(#""sku": {"type": "string", "pattern": "^[0-9]{4}$"}"#),
             DiffExample.response(#""sku": {"type": "string", "pattern": "^[0-9]{4,6}$"}"#, version: "1.1.0"),
             ["constraint-changed: demo v1 | pattern of Item.sku changed from ^[0-9]{4}$ to ^[0-9]{4,6}$ (looser) | may-break | client | demo v1/getItem"]),
            ("an optional request property added: compatible, still reaching its operation",
             DiffExample.request(#""sku": {"type": "string"}"#),
             DiffExample.request(#""sku": {"type": "string"}, "note": {"type": "string"}"#, version: "1.1.0"),
             ["property-added: demo v1 | optional property Item.note added | compatible |  | demo v1/putItem"]),
            ("an event payload's property type changed: consumers",
             event(#"{"type": "string"}"#, "1.0.0"), event(#"{"type": "integer"}"#, "1.1.0"),
             [gate, "type-changed: demo v1 | Item.shop type changed from string to integer | breaks | consumer | demo v1/event ItemChanged"]),
            ("an inline request schema: the operation it was found in",
             inline("string", "1.0.0"), inline("integer", "1.1.0"),
             [gate, "type-changed: demo v1 | op request.text type changed from string to integer | breaks | client | demo v1/op"]),
            ("an operation removed: its clients",
             DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}"#), operations: DiffExample.getItem + ", " + DiffExample.putItem),
             DiffExample.contract(version: "1.1.0", defs: DiffExample.item(#""sku": {"type": "string"}"#), operations: DiffExample.getItem),
             [gate, "operation-removed: demo v1 | operation putItem (PUT /items) removed | breaks | client | demo v1/putItem"]),
            ("an event removed: its producers and consumers",
             DiffExample.event(#""topic": "demo.item-changed.v1""#),
             DiffExample.contract(version: "1.1.0", defs: DiffExample.item(#""sku": {"type": "string"}, "shop": {"type": "string"}"#, required: ["sku", "shop"])),
             ["event-removed: demo v1 | event ItemChanged removed | breaks | producer,consumer | demo v1/event ItemChanged", gate]),
            ("a required query parameter added: the operation's clients",
             DiffExample.operation(#""method": "GET", "path": "/items", "responses": {"200": {}}"#),
             DiffExample.operation(#""method": "GET", "path": "/items", "parameters": [{"name": "q", "in": "query", "required": true, "schema": {"type": "string"}}], "responses": {"200": {}}"#, version: "1.1.0"),
             [gate, "parameter-added: demo v1 | required query parameter q added to op | breaks | client | demo v1/op"]),
            ("a required response property renamed and said so (x-renamed-from): one change, its clients",
             DiffExample.response(#""sku": {"type": "string"}, "binCode": {"type": "string"}"#, required: ["sku", "binCode"]),
             DiffExample.response(#""sku": {"type": "string"}, "binLocation": {"type": "string", "x-renamed-from": "binCode"}"#, required: ["sku", "binLocation"], version: "1.1.0"),
             [gate, "property-renamed: demo v1 | required property Item.binCode renamed to binLocation (x-renamed-from) | breaks | client | demo v1/getItem"]),
        ]
        for row in rows {
            let result = try XCTUnwrap(DiffHarness.diff(row.base, row.head), row.label)
            let report = DiffReport.findings(result, files: ["a.json"])
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(LintJSONOutput.render(report).utf8)) as? [String: Any])
            let findings = json["findings"] as? [[String: Any]] ?? []
            XCTAssertEqual(findings.map(line), row.expected, row.label)
            // Each finding keeps every member it had, in order, the new ones after them.
            for finding in findings {
                XCTAssertEqual(Set(finding.keys).subtracting(["hint"]),
                               ["rule", "severity", "message", "file", "line", "column", "pointer", "fingerprint", "contract", "change", "impact", "affects", "interfaces"], row.label)
            }
            let sarif = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(LintSARIFOutput.render(report).utf8)) as? [String: Any])
            let results = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
            XCTAssertEqual(results.map { result in line((result["properties"] as? [String: Any] ?? [:]).merging(["ruleId": result["ruleId"] ?? "?"]) { old, _ in old }) },
                           row.expected, row.label)
        }
    }

    /// Rows: a base and a head → each finding's details (as ``testRows()``, the version gate aside): a changed schema
    /// lists every interface of the head whose data reaches it in a direction the change affects, in contract order,
    /// each once — however many types or interfaces refer to it — and a reference swapped to another type only those
    /// that reach it through the reference.
    func testInterfaceRows() throws {
        let address = { (type: String) in #"{"type": "object", "properties": {"zip": {"type": "\#(type)"}}}"# }
        let order = ##""Order": {"title": "Order", "description": "An order.", "type": "object", "properties": {"addr": {"$ref": "#/$defs/Item/properties/addr"}}}"##
        let getOrder = ##""getOrder": {"method": "GET", "path": "/orders", "responses": {"200": {"schema": {"$ref": "#/$defs/Order"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}}"##
        let shared = { (type: String, version: String) in
            DiffExample.contract(version: version, defs: DiffExample.item(#""sku": {"type": "string"}, "addr": "# + address(type)) + ", " + order,
                                 operations: DiffExample.getItem + ", " + getOrder)
        }
        let events = { (type: String, version: String) in
            DiffExample.contract(version: version, defs: DiffExample.item(#""sku": {"type": "string"}, "addr": "# + address(type)),
                                 events: ##""Moved": {"topic": "demo.moved.v1", "payload": {"$ref": "#/$defs/Item/properties/addr"}}, "##
                                    + ##""Fixed": {"topic": "demo.fixed.v1", "payload": {"$ref": "#/$defs/Item/properties/addr"}}"##)
        }
        // `Item` returned by an operation, its `addr` (or all of it) also sent by an event directly.
        let mixed = { (payload: String, type: String, version: String) in
            DiffExample.contract(version: version, defs: DiffExample.item(#""sku": {"type": "string"}, "addr": "# + address(type)),
                                 operations: DiffExample.getItem,
                                 events: ##""Moved": {"topic": "demo.moved.v1", "payload": {"$ref": "#/$defs/"## + payload + ##""}}"##)
        }
        // `Order.addr` refers to `Item.addr` through a nullable wrapper, or directly; an event sends `Item.addr` itself.
        let wrapped = { (addr: String, version: String) in
            DiffExample.contract(version: version, defs: DiffExample.item(#""sku": {"type": "string"}, "addr": "# + address("string")) + ", "
                                    + ##""Order": {"title": "Order", "description": "An order.", "type": "object", "properties": {"addr": "## + addr + "}}",
                                 operations: getOrder,
                                 events: ##""Moved": {"topic": "demo.moved.v1", "payload": {"$ref": "#/$defs/Item/properties/addr"}}"##)
        }
        let allocation = ##""Allocation": {"title": "Allocation", "description": "A.", "type": "object", "properties": {"sku": {"type": "string"}}}, "##
            + ##""AllocationResult": {"title": "AllocationResult", "description": "R.", "type": "object", "properties": {"sku": {"type": "integer"}}}"##
        let swapped = { (returned: String, version: String) in
            DiffExample.contract(version: version, defs: DiffExample.item(#""sku": {"type": "string"}"#) + ", " + allocation,
                                 operations: ##""getAllocation": {"method": "GET", "path": "/allocations", "responses": {"200": {"schema": {"$ref": "#/$defs/"## + returned + ##""}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}}"##,
                                 events: ##""Allocated": {"topic": "demo.allocated.v1", "payload": {"$ref": "#/$defs/AllocationResult"}}"##)
        }
        let feed = { (format: String, version: String) in
            DiffExample.contract(version: version, defs: DiffExample.item(#""sku": {"type": "string"}"#),
                                 extra: ##""feeds": {"StockFile": {"payload": {"$ref": "#/$defs/Item"}, "format": "##
                                    + "\"\(format)\"" + ##", "schedule": {"cron": "0 2 * * *", "timezone": "UTC"}}}"##)
        }
        let rows: [(label: String, base: String, head: String, expected: [String])] = [
            ("a property schema another type refers to: the operations of both types",
             shared("string", "1.0.0"), shared("integer", "1.1.0"),
             ["type-changed: demo v1 | Item.addr.zip type changed from string to integer | breaks | client | demo v1/getItem,demo v1/getOrder"]),
            ("two events whose payload is a schema inside a type no interface reaches: one finding, both events",
             events("string", "1.0.0"), events("integer", "1.1.0"),
             ["type-changed: demo v1 | Item.addr.zip type changed from string to integer | breaks | consumer | demo v1/event Moved,demo v1/event Fixed"]),
            ("a response's type whose property an event sends directly: one finding, the operation and the event",
             mixed("Item/properties/addr", "string", "1.0.0"), mixed("Item/properties/addr", "integer", "1.1.0"),
             ["type-changed: demo v1 | Item.addr.zip type changed from string to integer | breaks | client,consumer | demo v1/getItem,demo v1/event Moved"]),
            ("a response's type an event also sends whole: one finding, the operation and the event",
             mixed("Item", "string", "1.0.0"), mixed("Item", "integer", "1.1.0"),
             ["type-changed: demo v1 | Item.addr.zip type changed from string to integer | breaks | client,consumer | demo v1/getItem,demo v1/event Moved"]),
            ("a nullable wrapper dropped where a response refers to a schema an event sends: the operation, judged as a response",
             wrapped(##"{"anyOf": [{"$ref": "#/$defs/Item/properties/addr"}, {"type": "null"}]}"##, "1.0.0"),
             wrapped(##"{"$ref": "#/$defs/Item/properties/addr"}"##, "1.1.0"),
             ["type-changed: demo v1 | Order.addr is no longer nullable | compatible |  | demo v1/getOrder"]),
            ("a response swapped to a type an event also sends: only the operation that swapped",
             swapped("Allocation", "1.0.0"), swapped("AllocationResult", "1.1.0"),
             ["type-changed: demo v1 | getAllocation 200 response is now AllocationResult instead of Allocation: sku type changed from string to integer | breaks | client | demo v1/getAllocation"]),
            ("a feed's format changed: the feed",
             feed("application/x-ndjson", "1.0.0"), feed("text/csv", "1.1.0"),
             ["feed-changed: demo v1 | feed StockFile changed from application/x-ndjson over ? to text/csv over ? | breaks | consumer | demo v1/feed StockFile"]),
        ]
        for row in rows {
            let result = try XCTUnwrap(DiffHarness.diff(row.base, row.head), row.label)
            let report = DiffReport.findings(result, files: ["a.json"])
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(LintJSONOutput.render(report).utf8)) as? [String: Any])
            let all = json["findings"] as? [[String: Any]] ?? []
            let findings = all.filter { $0["rule"] as? String != "version-gate" }
            XCTAssertEqual(findings.map(line), row.expected, row.label)
            // The counts are the findings': the summary's, and the version verdict's (each change counted once).
            let summary = json["summary"] as? [String: Any] ?? [:]
            XCTAssertEqual(["errors", "warnings", "notes"].map { summary[$0] as? Int ?? -1 }.reduce(0, +), all.count, row.label)
            XCTAssertEqual(result.versions.map { $0.breaking + $0.risky + $0.other }.reduce(0, +), findings.count, row.label)
        }
    }

    /// Rows: a base and a head → each finding's details (the version gate aside): a schema an operation reaches through a
    /// nullable wrapper (`anyOf`/`oneOf` with `{"type": "null"}`) and an event directly is compared once, whichever way
    /// is met first — each change one finding, judged over every direction its data flows and listing every interface —
    /// while what the wrapper says (whether `null` is allowed) is judged as the wrapper is reached, where it is written.
    func testWrappedAndDirectRows() throws {
        let getOrder = ##""getOrder": {"method": "GET", "path": "/orders", "responses": {"200": {"schema": {"$ref": "#/$defs/Order"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}}"##
        let moved = ##""Moved": {"topic": "demo.moved.v1", "payload": {"$ref": "#/$defs/Item/properties/addr"}}"##
        // `Order.addr` refers to `Item.addr` (an object with `properties`) as `addr` says; `Order` written before `Item`
        // is walked first.
        let ways = { (orderFirst: Bool, addr: String, properties: String, version: String) in
            let item = DiffExample.item(#""sku": {"type": "string"}, "addr": {"type": "object", "required": ["zip"], "properties": {"# + properties + "}}")
            let order = ##""Order": {"title": "Order", "description": "An order.", "type": "object", "properties": {"addr": "## + addr + "}}"
            return DiffExample.contract(version: version, defs: orderFirst ? order + ", " + item : item + ", " + order, operations: getOrder, events: moved)
        }
        let anyOf = ##"{"anyOf": [{"$ref": "#/$defs/Item/properties/addr"}, {"type": "null"}]}"##
        let oneOf = ##"{"oneOf": [{"type": "null"}, {"$ref": "#/$defs/Item/properties/addr"}]}"##
        let direct = ##"{"$ref": "#/$defs/Item/properties/addr"}"##
        let zip = #""zip": {"type": "string"}"#, city = #""city": {"type": "string"}"#
        // `zip` is required: removing it breaks clients reading responses (an event's consumers read data written after
        // they upgrade, under a backward policy: judged over both flows, the one finding lists the operation).
        let both = "demo v1/getOrder,demo v1/event Moved"
        let rows: [(label: String, base: String, head: String, expected: [String])] = [
            ("an optional property added, the wrapper kept: one finding, the operation and the event",
             ways(false, anyOf, zip, "1.0.0"), ways(false, anyOf, zip + ", " + city, "1.1.0"),
             ["property-added: demo v1 | optional property Item.addr.city added | compatible |  | \(both)"]),
            ("a required property removed, the wrapper kept: one finding, judged over both flows",
             ways(false, anyOf, zip + ", " + city, "1.0.0"), ways(false, anyOf, city, "1.1.0"),
             ["property-removed: demo v1 | required property Item.addr.zip removed | breaks | client | demo v1/getOrder"]),
            ("the same with the wrapper met first: one finding, named where it was met",
             ways(true, anyOf, zip + ", " + city, "1.0.0"), ways(true, anyOf, city, "1.1.0"),
             ["property-removed: demo v1 | required property Order.addr.zip removed | breaks | client | demo v1/getOrder"]),
            ("a oneOf wrapper, null first: the same as anyOf",
             ways(false, oneOf, zip + ", " + city, "1.0.0"), ways(false, oneOf, city, "1.1.0"),
             ["property-removed: demo v1 | required property Item.addr.zip removed | breaks | client | demo v1/getOrder"]),
            // The nullability is located where the wrapper was written (`Order.addr`, after `Item` here), so it is listed
            // after the removal inside `Item.addr`.
            ("the wrapper dropped too: the removal for both, the nullability for the operation",
             ways(false, anyOf, zip + ", " + city, "1.0.0"), ways(false, direct, city, "1.1.0"),
             ["property-removed: demo v1 | required property Item.addr.zip removed | breaks | client | demo v1/getOrder",
              "type-changed: demo v1 | Order.addr is no longer nullable | compatible |  | demo v1/getOrder"]),
            ("the same with the wrapper met first",
             ways(true, anyOf, zip + ", " + city, "1.0.0"), ways(true, direct, city, "1.1.0"),
             ["type-changed: demo v1 | Order.addr is no longer nullable | compatible |  | demo v1/getOrder",
              "property-removed: demo v1 | required property Order.addr.zip removed | breaks | client | demo v1/getOrder"]),
            ("a wrapper added where it was direct: nullable for the operation only",
             ways(false, direct, zip, "1.0.0"), ways(false, anyOf, zip, "1.1.0"),
             ["type-changed: demo v1 | Order.addr became nullable | breaks | client | demo v1/getOrder"]),
            ("a type changed inside the wrapped schema: one finding",
             ways(false, anyOf, zip, "1.0.0"), ways(false, anyOf, #""zip": {"type": "integer"}"#, "1.1.0"),
             ["type-changed: demo v1 | Item.addr.zip type changed from string to integer | breaks | client,consumer | \(both)"]),
        ]
        // Tests/Fixtures/diff/nullable-wrapper-and-direct: a property made required in a schema a response reaches
        // through a wrapper and an event directly, in a major bumped in place — breaking the event's consumers only.
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/diff/nullable-wrapper-and-direct")
        let files = try ["base", "head"].map { try String(contentsOf: fixture.appendingPathComponent("\($0)/demo-v1.json"), encoding: .utf8) }
        let pair = "demo v1 → demo v2"
        let fixtureRow = ("the fixture: a property made required, one finding for the event", files[0], files[1],
                          ["contract-removed: \(pair) | demo v1 removed (its file now holds v2) | breaks | client,provider,producer,consumer | ",
                           "property-requiredness-changed: \(pair) | property Item.addr.zip became required | breaks | consumer | \(pair)/event Moved"])
        for row in rows + [fixtureRow] {
            let result = try XCTUnwrap(DiffHarness.diff(row.base, row.head), row.label)
            let report = DiffReport.findings(result, files: ["a.json"])
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(LintJSONOutput.render(report).utf8)) as? [String: Any])
            let findings = (json["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String != "version-gate" }
            XCTAssertEqual(findings.map(line), row.expected, row.label)
            XCTAssertEqual(result.versions.map { $0.breaking + $0.risky + $0.other }.reduce(0, +), findings.count, row.label)
        }
    }

    /// Rows: a base and a head → each finding's details and where it is written (the version gate aside): a change to
    /// a value's types and to whether it admits `null` at one place in the contract is one finding whose message says
    /// both, judged by the worse of the two — the types by every direction the data flows, the `null` of a nullable
    /// wrapper by the way the wrapper is reached (the same judgement, merged, when those are the same); at two places
    /// (a schema reached directly first, its wrapper elsewhere), one finding each. A change to `null` alone is said one
    /// way however it is written: `became nullable`, `is no longer nullable`.
    func testTypesAndNullChangedAtOnePlaceRows() throws {
        let getOrder = ##""getOrder": {"method": "GET", "path": "/orders", "responses": {"200": {"schema": {"$ref": "#/$defs/Order"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}}"##
        let moved = ##""Moved": {"topic": "demo.moved.v1", "payload": {"$ref": "#/$defs/Item/properties/code"}}"##
        // `Order.code` reaches `Item.code` (of type `type`) as `code` says, a response; the event `Moved` sends
        // `Item.code` directly; `Order` written before `Item` is walked first. `policy` is the contract's.
        let codes = { (orderFirst: Bool, code: String, type: String, policy: String, version: String) in
            let item = DiffExample.item(#""sku": {"type": "string"}, "code": {"type": "\#(type)"}"#)
            let order = ##""Order": {"title": "Order", "description": "An order.", "type": "object", "properties": {"code": "## + code + "}}"
            return DiffExample.contract(version: version, defs: orderFirst ? order + ", " + item : item + ", " + order, operations: getOrder, events: moved)
                .replacingOccurrences(of: #""compatibility": "backward""#, with: #""compatibility": "\#(policy)""#)
        }
        let wrapper = ##"{"anyOf": [{"$ref": "#/$defs/Item/properties/code"}, {"type": "null"}]}"##
        let direct = ##"{"$ref": "#/$defs/Item/properties/code"}"##
        // `Order.note`, written in place, reached by the response alone.
        let note = { (schema: String, version: String) in
            DiffExample.contract(version: version, defs: ##""Order": {"title": "Order", "description": "An order.", "type": "object", "properties": {"note": "## + schema + "}}",
                                 operations: getOrder)
        }
        let both = "demo v1/getOrder,demo v1/event Moved"
        let order = "@ /$defs/Order/properties/code", item = "@ /$defs/Item/properties/code", atNote = "@ /$defs/Order/properties/note"
        let rows: [(label: String, base: String, head: String, expected: [String])] = [
            ("the wrapper met first, dropped, and the type changed: one finding, the types' judgement (the worse)",
             codes(true, wrapper, "string", "backward", "1.0.0"), codes(true, direct, "integer", "backward", "1.1.0"),
             ["type-changed: demo v1 | Order.code type changed from string to integer and is no longer nullable | breaks | client,consumer | \(both) \(order)"]),
            ("the wrapper met first, added, and the type changed: both break, the types' judgement (every flow)",
             codes(true, direct, "string", "backward", "1.0.0"), codes(true, wrapper, "integer", "backward", "1.1.0"),
             ["type-changed: demo v1 | Order.code type changed from string to integer and became nullable | breaks | client,consumer | \(both) \(order)"]),
            ("under a forward policy a narrowed type breaks nobody, null added breaks the response's clients: the wrapper's judgement",
             codes(true, direct, "number", "forward", "1.0.0"), codes(true, wrapper, "integer", "forward", "1.1.0"),
             ["type-changed: demo v1 | Order.code type changed from number to integer and became nullable | breaks | client | demo v1/getOrder \(order)"]),
            ("both compatible: one finding, every interface the types reach",
             codes(true, wrapper, "number", "forward", "1.0.0"), codes(true, direct, "integer", "forward", "1.1.0"),
             ["type-changed: demo v1 | Order.code type changed from number to integer and is no longer nullable | compatible |  | \(both) \(order)"]),
            ("the schema met directly first: two places, one finding each",
             codes(false, wrapper, "string", "backward", "1.0.0"), codes(false, direct, "integer", "backward", "1.1.0"),
             ["type-changed: demo v1 | Item.code type changed from string to integer | breaks | client,consumer | \(both) \(item)",
              "type-changed: demo v1 | Order.code is no longer nullable | compatible |  | demo v1/getOrder \(order)"]),
            ("an inline wrapper dropped and its type changed: one finding",
             note(#"{"anyOf": [{"type": "string"}, {"type": "null"}]}"#, "1.0.0"), note(#"{"type": "integer"}"#, "1.1.0"),
             ["type-changed: demo v1 | Order.note type changed from string to integer and is no longer nullable | breaks | client | demo v1/getOrder \(atNote)"]),
            ("the same written as a type list: said the same way",
             note(#"{"type": ["string", "null"]}"#, "1.0.0"), note(#"{"type": "integer"}"#, "1.1.0"),
             ["type-changed: demo v1 | Order.note type changed from string to integer and is no longer nullable | breaks | client | demo v1/getOrder \(atNote)"]),
            ("an inline wrapper dropped, the type kept: no longer nullable",
             note(#"{"anyOf": [{"type": "string"}, {"type": "null"}]}"#, "1.0.0"), note(#"{"type": "string"}"#, "1.1.0"),
             ["type-changed: demo v1 | Order.note is no longer nullable | compatible |  | demo v1/getOrder \(atNote)"]),
            ("null dropped from a type list: said the same way",
             note(#"{"type": ["string", "null"]}"#, "1.0.0"), note(#"{"type": "string"}"#, "1.1.0"),
             ["type-changed: demo v1 | Order.note is no longer nullable | compatible |  | demo v1/getOrder \(atNote)"]),
            ("null added to a type list: became nullable",
             note(#"{"type": "string"}"#, "1.0.0"), note(#"{"type": ["string", "null"]}"#, "1.1.0"),
             ["type-changed: demo v1 | Order.note became nullable | breaks | client | demo v1/getOrder \(atNote)"]),
            ("a type list nullable on both sides: only the types are said",
             note(#"{"type": ["string", "null"]}"#, "1.0.0"), note(#"{"type": ["integer", "null"]}"#, "1.1.0"),
             ["type-changed: demo v1 | Order.note type changed from string to integer | breaks | client | demo v1/getOrder \(atNote)"]),
            ("null alone, then a string: both type lists named",
             note(#"{"type": "null"}"#, "1.0.0"), note(#"{"type": "string"}"#, "1.1.0"),
             ["type-changed: demo v1 | Order.note type changed from null to string | breaks | client | demo v1/getOrder \(atNote)"]),
        ]
        for row in rows {
            let result = try XCTUnwrap(DiffHarness.diff(row.base, row.head), row.label)
            let report = DiffReport.findings(result, files: ["a.json"])
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(LintJSONOutput.render(report).utf8)) as? [String: Any])
            let findings = (json["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String != "version-gate" }
            XCTAssertEqual(findings.map { line($0) + " @ \($0["pointer"] ?? "?")" }, row.expected, row.label)
            XCTAssertEqual(result.versions.map { $0.breaking + $0.risky + $0.other }.reduce(0, +), findings.count, row.label)
        }
    }

    /// Rows: a base and a head → the `type-changed` messages in full: judged as one (a type list, an inline wrapper: the
    /// same roles), the reasons of the types and of `null` are said together; judged apart (a wrapper reached one way
    /// around a schema whose data flows more ways), everyone either breaks is named, with the reasons of what changed
    /// where its data flows — both's where the two share a direction, each one's where only it does — and every interface
    /// either breaks (after `@`).
    func testTypesAndNullMessageRows() throws {
        let getOrder = ##""getOrder": {"method": "GET", "path": "/orders", "responses": {"200": {"schema": {"$ref": "#/$defs/Order"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}}"##
        let putOrder = ##""putOrder": {"method": "PUT", "path": "/orders", "request": {"schema": {"$ref": "#/$defs/Order"}}, "responses": {"204": {}}, "auth": {"scheme": "oauth", "scopes": ["demo:write"]}}"##
        let order = { (operation: String, property: String, schema: String, version: String) in
            DiffExample.contract(version: version, defs: ##""Order": {"title": "Order", "description": "An order.", "type": "object", "properties": {"## + "\"\(property)\": \(schema)}}",
                                 operations: operation)
        }
        let moved = ##""Moved": {"topic": "demo.moved.v1", "payload": {"$ref": "#/$defs/Item/properties/code"}}"##
        let shared = { (code: String, type: String, version: String) in
            DiffExample.contract(version: version, defs: ##""Order": {"title": "Order", "description": "An order.", "type": "object", "properties": {"code": "## + code + "}}, "
                                    + DiffExample.item(#""sku": {"type": "string"}, "code": {"type": "\#(type)"}"#),
                                 operations: getOrder, events: moved)
        }
        let getItem = DiffExample.getItem
        /// `Order.code` (sent by `putOrder`) refers to `Item.code` (returned by `getItem`), as `code` says.
        let split = { (code: String, type: String, version: String) in
            DiffExample.contract(version: version, defs: ##""Order": {"title": "Order", "description": "An order.", "type": "object", "properties": {"code": "## + code + "}}, "
                                    + DiffExample.item(#""sku": {"type": "string"}, "code": \#(type)"#),
                                 operations: putOrder + ", " + getItem)
        }
        let rows: [(label: String, base: String, head: String, expected: [String])] = [
            ("an inline wrapper dropped in a request, its type changed: both reasons",
             order(putOrder, "note", #"{"anyOf": [{"type": "string"}, {"type": "null"}]}"#, "1.0.0"), order(putOrder, "note", #"{"type": "integer"}"#, "2.0.0"),
             ["Order.note type changed from string to integer and is no longer nullable — breaks existing clients' requests (data written before may be null or string) @ putOrder"]),
            ("null added to a type list in a response beside another type: both reasons",
             order(getOrder, "note", #"{"type": "string"}"#, "1.0.0"), order(getOrder, "note", #"{"type": ["integer", "string", "null"]}"#, "2.0.0"),
             ["Order.note type changed from string to integer|string and became nullable — breaks existing clients reading responses (they cannot read integer or null) @ getOrder"]),
            ("a wrapper added around a shared schema whose type changed: the responses both reasons, the events the types'",
             shared(##"{"$ref": "#/$defs/Item/properties/code"}"##, "string", "1.0.0"),
             shared(##"{"anyOf": [{"$ref": "#/$defs/Item/properties/code"}, {"type": "null"}]}"##, "integer", "2.0.0"),
             ["Order.code type changed from string to integer and became nullable — breaks existing clients reading responses (they cannot read integer or null); "
                + "upgraded consumers reading events published before (data written before may be string) @ getOrder, event Moved"]),
            ("a wrapper dropped in a request around a shared schema widened in a response: the requests null's reason, the responses the types'",
             split(##"{"anyOf": [{"$ref": "#/$defs/Item/properties/code"}, {"type": "null"}]}"##, #"{"type": "string"}"#, "1.0.0"),
             split(##"{"$ref": "#/$defs/Item/properties/code"}"##, #"{"type": ["string", "integer"]}"#, "2.0.0"),
             ["Order.code type changed from string to integer|string and is no longer nullable — breaks existing clients' requests (data written before may be null); "
                + "existing clients reading responses (they cannot read integer) @ putOrder, getItem"]),
            ("a wrapper added in a request around it instead: null breaks no request, so only the types' readers are named",
             split(##"{"$ref": "#/$defs/Item/properties/code"}"##, #"{"type": "string"}"#, "1.0.0"),
             split(##"{"anyOf": [{"$ref": "#/$defs/Item/properties/code"}, {"type": "null"}]}"##, #"{"type": ["string", "integer"]}"#, "1.1.0"),
             ["Order.code type changed from string to integer|string and became nullable — breaks existing clients reading responses (they cannot read integer) @ getItem"]),
        ]
        for row in rows {
            let changes = try XCTUnwrap(DiffHarness.diff(row.base, row.head), row.label).changes.filter { $0.checkID == "type-changed" }
            XCTAssertEqual(changes.map { "\($0.message) @ " + $0.interfaces.map(\.name).joined(separator: ", ") }, row.expected, row.label)
        }
    }

    /// A major version bumped in place (the file that held v1 now says 2.0.0) is one pair, `demo v1 → demo v2`: every
    /// change in it names the pair as its contract, and so does every interface it lists — one the base had, one the head
    /// added, one both have — so no interface of the pair is named as another contract's (`through demo v2`).
    func testAMajorBumpedInPlaceNamesThePair() throws {
        let base = DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}, "n": {"type": "string"}"#),
                                        operations: DiffExample.getItem + ", " + DiffExample.putItem)
        let head = DiffExample.contract(version: "2.0.0", defs: DiffExample.item(#""sku": {"type": "string"}, "n": {"type": "integer"}"#),
                                        operations: DiffExample.getItem + ", " + DiffExample.putItem.replacingOccurrences(of: #""putItem": {"method": "PUT""#, with: #""postItem": {"method": "POST""#))
        let result = try XCTUnwrap(DiffHarness.diff(base, head))
        let pair = "demo v1 → demo v2"
        XCTAssertEqual(result.versions.map(\.contract), [pair])
        let rows: [(check: String, interfaces: [String])] = [
            ("contract-removed", []),
            ("operation-removed", ["\(pair)/putItem"]),
            ("operation-added", ["\(pair)/postItem"]),
            ("type-changed", ["\(pair)/getItem", "\(pair)/postItem"]),
        ]
        let changes = result.changes.filter { $0.checkID != "version-gate" }
        XCTAssertEqual(changes.map(\.checkID), rows.map(\.check))
        for (change, row) in zip(changes, rows) {
            XCTAssertEqual(change.contract, pair, row.check)
            XCTAssertEqual(change.interfaces.map { "\($0.contract)/\($0.name)" }, row.interfaces, row.check)
            XCTAssertFalse(change.message.contains(" — through "), change.message)
        }
    }

    /// The members follow `fingerprint`, written at the findings' depth, and the document's `version` stays 1.
    func testMembersFollowTheFingerprint() throws {
        let result = try XCTUnwrap(DiffHarness.diff(DiffExample.request(#""sku": {"type": "string"}"#),
                                                    DiffExample.request(#""sku": {"type": "string"}, "note": {"type": "string"}"#, version: "1.1.0")))
        let text = LintJSONOutput.render(DiffReport.findings(result, files: ["a.json"]))
        let expected = [
            #"      "fingerprint": ""#, // then the digits, then:
            #"      "contract": "demo v1","#,
            #"      "change": "optional property Item.note added","#,
            #"      "impact": "compatible","#,
            #"      "affects": [],"#,
            #"      "interfaces": ["#,
            #"        {"#,
            #"          "contract": "demo v1","#,
            #"          "name": "putItem""#,
            #"        }"#,
            #"      ]"#,
            #"    }"#,
        ]
        let lines = text.components(separatedBy: "\n")
        let at = try XCTUnwrap(lines.firstIndex { $0.hasPrefix(expected[0]) }, text)
        XCTAssertEqual(Array(lines[(at + 1)...].prefix(expected.count - 1)), Array(expected.dropFirst()), text)
        XCTAssertTrue(text.hasPrefix("{\n  \"version\": 1,"), text)
    }

    /// A lint finding has no details: its JSON object and SARIF result are as before.
    func testLintFindingsCarryNone() throws {
        let finding = LintFinding(ruleID: "money-not-float", severity: .error, message: "m", location: SourceLocation(file: "a.json"), stablePath: "a.json")
        let report = LintReport(findings: [finding], suppressedCount: 0, baselinedCount: 0, files: ["a.json"], rules: [], loadWarnings: [])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(LintJSONOutput.render(report).utf8)) as? [String: Any])
        XCTAssertEqual((json["findings"] as? [[String: Any]])?.first.map { Set($0.keys) },
                       ["rule", "severity", "message", "file", "line", "column", "pointer", "fingerprint"])
        XCTAssertFalse(LintSARIFOutput.render(report).contains("\"properties\": {\n            \"contract\""))
        let sarif = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(LintSARIFOutput.render(report).utf8)) as? [String: Any])
        let results = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        XCTAssertNil(results.first?["properties"])
    }
}
