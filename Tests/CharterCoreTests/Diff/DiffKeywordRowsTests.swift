import XCTest
@testable import CharterCore
@testable import CharterCompatibility
@testable import CharterGovernance

/// Rows from the fourth review of `charter diff`: a base and a head → each change reported (check and impact; the
/// version gate aside). Equal schemas spelled differently report nothing; validation keywords Charter does not
/// interpret still count; readOnly and writeOnly move a property in or out of a direction.
final class DiffKeywordRowsTests: XCTestCase {
    func testRows() {
        let request = { (property: String, extra: String) in DiffExample.request(#""sku": {"type": "string"}, "v": "# + property, extra: extra) }
        let response = { (property: String, extra: String) in DiffExample.response(#""sku": {"type": "string"}, "v": "# + property, extra: extra) }
        let requiredRequest = { (property: String) in DiffExample.request(#""sku": {"type": "string"}, "v": "# + property, required: ["sku", "v"]) }
        let rows: [(label: String, base: String, head: String, expected: [String])] = [
            ("a one-value enum is the const", request(#"{"type": "string", "enum": ["a"]}"#, ""), request(#"{"type": "string", "const": "a"}"#, ""), []),
            ("and the other way round", response(#"{"type": "string", "const": "a"}"#, ""), response(#"{"type": "string", "enum": ["a"]}"#, ""), []),
            ("a const that becomes an enum of two gained a value", response(#"{"const": "a"}"#, ""), response(#"{"enum": ["a", "b"]}"#, ""),
             ["enum-value-added: breaks"]),
            ("a const changed", response(#"{"const": "a"}"#, ""), response(#"{"const": "b"}"#, ""), ["const-changed: breaks"]),
            ("a required readOnly property now sent", requiredRequest(#"{"type": "string", "readOnly": true}"#), requiredRequest(#"{"type": "string"}"#),
             ["property-access-changed: breaks"]),
            ("an optional property no longer sent", request(#"{"type": "string"}"#, ""), request(#"{"type": "string", "readOnly": true}"#, ""),
             ["property-access-changed: none"]),
            ("a writeOnly property now returned in a closed response", response(#"{"type": "string", "writeOnly": true}"#, #""additionalProperties": false"#),
             response(#"{"type": "string"}"#, #""additionalProperties": false"#), ["property-access-changed: breaks"]),
            ("unevaluatedProperties: false closes a request", request(#"{"type": "string"}"#, ""), request(#"{"type": "string"}"#, #""unevaluatedProperties": false"#),
             ["content-model-changed: breaks"]),
            ("an open request's extras restricted to strings", request(#"{"type": "string"}"#, ""), request(#"{"type": "string"}"#, #""additionalProperties": {"type": "string"}"#),
             ["content-model-changed: breaks"]),
            ("a response's extras freed", response(#"{"type": "string"}"#, #""additionalProperties": {"type": "string"}"#), response(#"{"type": "string"}"#, ""),
             ["content-model-changed: breaks"]),
            ("dependentRequired added to a request", request(#"{"type": "string"}"#, ""), request(#"{"type": "string"}"#, #""dependentRequired": {"v": ["sku"]}"#),
             ["validation-keyword-changed: breaks"]),
            ("not added to a request property", request(#"{"type": "string"}"#, ""), request(#"{"type": "string", "not": {"const": "x"}}"#, ""),
             ["validation-keyword-changed: breaks"]),
            ("not removed from a request property: looser", request(#"{"type": "string", "not": {"const": "x"}}"#, ""), request(#"{"type": "string"}"#, ""),
             ["validation-keyword-changed: none"]),
            ("the same not, members in another order", request(#"{"type": "string", "not": {"const": "x", "description": "d"}}"#, ""),
             request(#"{"type": "string", "not": {"description": "d", "const": "x"}}"#, ""), []),
            ("a response array's items freed", response(#"{"type": "array", "items": {"type": "string"}}"#, ""), response(#"{"type": "array"}"#, ""),
             ["validation-keyword-changed: breaks"]),
            ("exclusiveMaximum 5 → maximum 5 loosens", request(#"{"type": "number", "exclusiveMaximum": 5}"#, ""), request(#"{"type": "number", "maximum": 5}"#, ""),
             ["constraint-changed: none"]),
            ("maximum 5 → exclusiveMaximum 5 tightens", request(#"{"type": "number", "maximum": 5}"#, ""), request(#"{"type": "number", "exclusiveMaximum": 5}"#, ""),
             ["constraint-changed: breaks"]),
            ("an integer's minimum 1 is exclusiveMinimum 0", request(#"{"type": "integer", "minimum": 1}"#, ""), request(#"{"type": "integer", "exclusiveMinimum": 0}"#, ""), []),
            ("an integer's minimum 1.5 is minimum 2", request(#"{"type": "integer", "minimum": 1.5}"#, ""), request(#"{"type": "integer", "minimum": 2}"#, ""), []),
            ("minimum → exclusiveMinimum at the same number tightens, once", request(#"{"type": "number", "minimum": 1}"#, ""),
             request(#"{"type": "number", "exclusiveMinimum": 1}"#, ""), ["constraint-changed: breaks"]),
            ("bounds beyond a double's precision", request(#"{"type": "integer", "maximum": 9007199254740993}"#, ""),
             request(#"{"type": "integer", "maximum": 9007199254740992}"#, ""), ["constraint-changed: breaks"]),
            ("int32 → int64 in a request: old values still fit", request(#"{"type": "integer", "format": "int32"}"#, ""),
             request(#"{"type": "integer", "format": "int64"}"#, ""), ["format-changed: none"]),
            ("int32 → int64 in a response: old readers overflow", response(#"{"type": "integer", "format": "int32"}"#, ""),
             response(#"{"type": "integer", "format": "int64"}"#, ""), ["format-changed: breaks"]),
            ("int64 → int32 in a request: old values may not fit", request(#"{"type": "integer", "format": "int64"}"#, ""),
             request(#"{"type": "integer", "format": "int32"}"#, ""), ["format-changed: breaks"]),
        ]
        for row in rows {
            let changes = DiffHarness.diff(row.base, row.head)?.changes.filter { $0.checkID != "version-gate" } ?? []
            XCTAssertEqual(changes.map { "\($0.checkID): \($0.impact)" }.sorted(), row.expected.sorted(), "\(row.label): \(changes.map(\.message))")
        }
    }

    /// Rows: a property of request, response and event data (backward policy) in base and head → the change (`check:
    /// impact, bump`; the version gate aside). One rule for what Charter cannot prove safe or unsafe: a validation
    /// keyword changed (neither added nor removed) is judged as an unproven `pattern` is — it may break readers either
    /// way (a warning), asking for a minor version — while one added is tighter and one removed looser, as a bound is.
    /// The version gate still holds an unproven change to a minor version (a patch fails), and `--fail-on warning`
    /// fails on it where the default (`error`) does not.
    func testUnprovenChangeRows() throws {
        let property = { (schema: String) in #""sku": {"type": "string"}, "v": "# + schema }
        let event = { (schema: String, version: String) in
            DiffExample.contract(version: version, defs: DiffExample.item(property(schema)),
                                 events: ##""ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}}"##)
        }
        let rows: [(label: String, old: String, new: String, request: String, response: String, event: String)] = [
            ("not changed: unproven", #"{"type": "string", "not": {"const": "x"}}"#, #"{"type": "string", "not": {"const": "y"}}"#,
             "validation-keyword-changed: risky, minor", "validation-keyword-changed: risky, minor", "validation-keyword-changed: risky, minor"),
            ("then changed: unproven", #"{"type": "string", "if": {"minLength": 3}, "then": {"maxLength": 5}}"#,
             #"{"type": "string", "if": {"minLength": 3}, "then": {"maxLength": 6}}"#,
             "validation-keyword-changed: risky, minor", "validation-keyword-changed: risky, minor", "validation-keyword-changed: risky, minor"),
            ("a pattern changed: unproven, the same rule", #"{"type": "string", "pattern": "^[0-9]{4}$"}"#, #"{"type": "string", "pattern": "^[0-9]{3}-[0-9]$"}"#,
             "constraint-changed: risky, minor", "constraint-changed: risky, minor", "constraint-changed: risky, minor"),
            ("not added: tighter", #"{"type": "string"}"#, #"{"type": "string", "not": {"const": "x"}}"#,
             "validation-keyword-changed: breaks, major", "validation-keyword-changed: none, minor", "validation-keyword-changed: breaks, major"),
            ("not removed: looser", #"{"type": "string", "not": {"const": "x"}}"#, #"{"type": "string"}"#,
             "validation-keyword-changed: none, minor", "validation-keyword-changed: risky, minor", "validation-keyword-changed: none, minor"),
        ]
        for row in rows {
            let sides: [(name: String, base: (String) -> String, head: (String) -> String, expected: String)] = [
                ("request", { DiffExample.request(property(row.old), version: $0) }, { DiffExample.request(property(row.new), version: $0) }, row.request),
                ("response", { DiffExample.response(property(row.old), version: $0) }, { DiffExample.response(property(row.new), version: $0) }, row.response),
                ("event", { event(row.old, $0) }, { event(row.new, $0) }, row.event),
            ]
            for side in sides {
                let result = try XCTUnwrap(DiffHarness.diff(side.base("1.0.0"), side.head("1.1.0")), row.label)
                let changes = result.changes.filter { $0.checkID != "version-gate" }
                XCTAssertEqual(changes.map { "\($0.checkID): \($0.impact), \($0.bump)" }.joined(separator: "; "), side.expected,
                               "\(row.label), \(side.name): \(changes.map(\.message))")
                let breaks = side.expected.contains("breaks")
                // A minor version is enough unless the change breaks someone; a patch never is.
                XCTAssertEqual(result.versions.first?.passes, !breaks, "\(row.label), \(side.name)")
                XCTAssertEqual(DiffHarness.diff(side.base("1.0.0"), side.head("1.0.1"))?.versions.first?.passes, false, "\(row.label), \(side.name) at 1.0.1")
                // `--fail-on error` fails on what breaks; `--fail-on warning` on what may break too.
                let report = DiffReport.findings(result, files: ["a.json"])
                XCTAssertEqual(report.fails(at: .error), breaks, "\(row.label), \(side.name)")
                XCTAssertEqual(report.fails(at: .warning), breaks || side.expected.contains("risky"), "\(row.label), \(side.name)")
            }
        }
    }

    /// An unproven keyword change says so, as an unproven pattern change does, with the check's advice.
    func testUnprovenKeywordMessage() {
        let base = DiffExample.request(#""sku": {"type": "string", "not": {"const": "x"}}"#)
        let head = DiffExample.request(#""sku": {"type": "string", "not": {"const": "y"}}"#, version: "1.1.0")
        let change = DiffHarness.diff(base, head)?.changes.first { $0.checkID == "validation-keyword-changed" }
        XCTAssertEqual(change?.message, "not of Item.sku changed; Charter could not prove that either version accepts every value the other does"
            + " — may break existing clients' requests (data written before may not satisfy it)")
        XCTAssertEqual(change?.hint, ValidationKeywordChangedCheck().breakingHint)
    }

    /// A nullable wrapper removed from a property that refers to a named type is reported at the property, not at the
    /// (unchanged) type it refers to — in another file, when the type is shared.
    func testNullabilityChangeIsLocatedAtTheProperty() {
        let defs = { (property: String) in
            DiffExample.item(#""sku": {"type": "string"}, "v": "# + property) + #", "Other": {"title": "Other", "description": "O.", "type": "object", "properties": {"x": {"type": "string"}}}"#
        }
        let base = DiffExample.contract(defs: defs(##"{"anyOf": [{"$ref": "#/$defs/Other"}, {"type": "null"}]}"##), operations: DiffExample.putItem)
        let head = DiffExample.contract(defs: defs(##"{"$ref": "#/$defs/Other"}"##), operations: DiffExample.putItem)
        let changes = DiffHarness.diff(base, head)?.changes.filter { $0.checkID == "type-changed" } ?? []
        XCTAssertEqual(changes.map(\.message), ["Item.v is no longer nullable — breaks existing clients' requests (data written before may be null)"])
        XCTAssertEqual(changes.map(\.location.pointer.description), ["/$defs/Item/properties/v"])
    }

    /// A recursive type whose references swap to another type lists what differs once, not once per reference met
    /// inside it.
    func testRecursiveSwapIsSaidOnce() {
        let node = { (kids: String, parent: String, required: String) in
            ##""Node": {"title": "Node", "description": "N.", "type": "object", "required": [\##(required)], "properties": {"id": {"type": "string"}, "kids": {"type": "array", "items": {"$ref": "#/$defs/\##(kids)"}}, "parent": {"$ref": "#/$defs/\##(parent)"}}}"##
        }
        let item = DiffExample.item(##""sku": {"type": "string"}, "tree": {"$ref": "#/$defs/Node"}"##)
        let base = DiffExample.contract(defs: item + ", " + node("Node", "Node", #""id""#), operations: DiffExample.putItem)
        let head = DiffExample.contract(defs: item + ", " + node("Node2", "Node", #""id""#) + ", " + node("Node2", "Node2", #""id", "parent""#).replacingOccurrences(of: #""Node": {"#, with: #""Node2": {"#),
                                        operations: DiffExample.putItem)
        let changes = DiffHarness.diff(base, head)?.changes.filter { $0.checkID == "property-requiredness-changed" } ?? []
        XCTAssertEqual(changes.map(\.message), ["Node.kids[] is now Node2 instead of Node: property parent became required — breaks existing clients' requests (data written before may omit it)"])
    }

    /// Rows: an operation's request body or an event's retries in base and head → what is reported.
    func testRequestBodyAndRetryRows() {
        let body = { (required: Bool, version: String) in
            DiffExample.operation(##""method": "POST", "path": "/items/search", "request": {"required": \##(required), "schema": {"$ref": "#/$defs/Item"}}, "responses": {"200": {}}"##, version: version)
        }
        let retry = { (attempts: Int, version: String) in DiffExample.event(#""topic": "demo.item-changed.v1", "retry": {"maxAttempts": \#(attempts)}"#, version: version) }
        let rows: [(label: String, base: String, head: String, expected: [String])] = [
            ("a request body made optional", body(true, "1.0.0"), body(false, "1.1.0"), ["request-body-changed: none"]),
            ("a request body made required", body(false, "1.0.0"), body(true, "1.1.0"), ["request-body-changed: breaks"]),
            ("fewer retries", retry(5, "1.0.0"), retry(2, "1.1.0"), ["event-delivery-changed: risky"]),
            ("more retries", retry(2, "1.0.0"), retry(5, "1.0.1"), []),
        ]
        for row in rows {
            let changes = DiffHarness.diff(row.base, row.head)?.changes.filter { $0.checkID != "version-gate" } ?? []
            XCTAssertEqual(changes.map { "\($0.checkID): \($0.impact)" }, row.expected, "\(row.label): \(changes.map(\.message))")
        }
    }

    /// An event whose access lists name systems says which break: its producers and consumers by name.
    func testEventChangesNameTheSystemsTheyBreak() {
        let event = { (key: String, version: String) in
            DiffExample.event(#""topic": "demo.item-changed.v1", "orderingKey": ["\#(key)"], "publish": {"allowed": ["oms"]}, "subscribe": {"allowed": ["erp", "wms"]}"#, version: version)
        }
        let changes = DiffHarness.diff(event("/sku", "1.0.0"), event("/shop", "2.0.0"))?.changes.filter { $0.checkID == "event-ordering-changed" } ?? []
        XCTAssertEqual(changes.map(\.message), ["ordering key of ItemChanged changed from /sku to /shop — breaks existing producers (oms) and consumers (erp, wms)"])
    }

    /// Rows: a feed in base and head → what `feed-changed` reports.
    func testFeedRows() {
        let feed = { (members: String, version: String) in
            DiffExample.contract(version: version, defs: DiffExample.item(#""sku": {"type": "string"}"#), extra: ##""feeds": {"StockFile": {"payload": {"$ref": "#/$defs/Item"}, "format": "application/x-ndjson", "schedule": {"cron": "0 2 * * *", "timezone": "UTC"}, "## + members + "}}")
        }
        let base = #""sla": {"deliveredWithin": "PT2H"}, "producer": "wms", "consumers": ["erp", "bi"]"#
        let rows: [(label: String, head: String, expected: [String])] = [
            ("a consumer dropped", #""sla": {"deliveredWithin": "PT2H"}, "producer": "wms", "consumers": ["erp"]"#, ["feed-changed: breaks"]),
            ("a consumer added", #""sla": {"deliveredWithin": "PT2H"}, "producer": "wms", "consumers": ["erp", "bi", "pos"]"#, ["feed-changed: none"]),
            ("another producer", #""sla": {"deliveredWithin": "PT2H"}, "producer": "erp", "consumers": ["erp", "bi"]"#, ["feed-changed: risky"]),
            ("an earlier deadline is a stronger promise", #""sla": {"deliveredWithin": "PT1H"}, "producer": "wms", "consumers": ["erp", "bi"]"#, ["feed-changed: none"]),
            ("the same deadline spelt otherwise", #""sla": {"deliveredWithin": "PT120M"}, "producer": "wms", "consumers": ["erp", "bi"]"#, ["feed-changed: none"]),
            ("a later deadline", #""sla": {"deliveredWithin": "PT3H"}, "producer": "wms", "consumers": ["erp", "bi"]"#, ["feed-changed: risky"]),
            ("no deadline any more", #""producer": "wms", "consumers": ["erp", "bi"]"#, ["feed-changed: risky"]),
        ]
        for row in rows {
            let changes = DiffHarness.diff(feed(base, "1.0.0"), feed(row.head, "1.1.0"))?.changes.filter { $0.checkID != "version-gate" } ?? []
            XCTAssertEqual(changes.map { "\($0.checkID): \($0.impact)" }, row.expected, "\(row.label): \(changes.map(\.message))")
        }
    }
}

/// A path parameter renamed with its placeholder: nothing on the wire, the generated Swift argument renamed.
final class PathParameterRenameRowsTests: XCTestCase {
    /// `GET path` taking `parameters` (members of the array), at `version`.
    private func operation(_ path: String, _ parameters: String, version: String = "1.0.0") -> String {
        DiffExample.operation(#""method": "GET", "path": "\#(path)", "parameters": [\#(parameters)], "responses": {"200": {}}"#, version: version)
    }

    private func path(_ name: String, required: Bool = true) -> String {
        #"{"name": "\#(name)", "in": "path", "required": \#(required), "schema": {"type": "string"}}"#
    }

    /// Rows: base and head → each change (`check: impact, bump`; the version gate aside), and whether the head's
    /// version passes.
    func testRows() {
        let rows: [(label: String, base: String, head: String, expected: [String], passes: Bool)] = [
            ("renamed, with a minor version", operation("/orders/{id}", path("id")), operation("/orders/{orderId}", path("orderId"), version: "1.1.0"),
             ["path-parameter-renamed: none, minor"], true),
            ("renamed in a patch version: the generated API changed", operation("/orders/{id}", path("id")),
             operation("/orders/{orderId}", path("orderId"), version: "1.0.1"), ["path-parameter-renamed: none, minor"], false),
            ("the second of two renamed", operation("/shops/{shop}/orders/{id}", path("shop") + ", " + path("id")),
             operation("/shops/{shop}/orders/{orderId}", path("shop") + ", " + path("orderId"), version: "1.1.0"), ["path-parameter-renamed: none, minor"], true),
            ("two swapped: each argument now fills the other segment", operation("/a/{x}/b/{y}", path("x") + ", " + path("y")),
             operation("/a/{y}/b/{x}", path("y") + ", " + path("x"), version: "1.1.0"), ["path-parameter-renamed: none, minor", "path-parameter-renamed: none, minor"], true),
            ("renamed and moved: the move breaks, and is the change reported", operation("/orders/{id}", path("id")),
             operation("/purchases/{orderId}", path("orderId"), version: "1.1.0"), ["operation-path-changed: breaks, major"], false),
            ("a segment added before it: no rename, a parameter added", operation("/orders/{id}", path("id")),
             operation("/shops/{shopId}/orders/{id}", path("shopId") + ", " + path("id"), version: "1.1.0"),
             ["operation-path-changed: breaks, major", "parameter-added: breaks, major"], false),
            ("the same name, the same operation", operation("/orders/{id}", path("id")), operation("/orders/{id}", path("id"), version: "1.0.1"), [], true),
            ("renamed to a name with the same Swift label: nothing changes for anyone", operation("/orders/{order_id}", path("order_id")),
             operation("/orders/{orderId}", path("orderId"), version: "1.0.1"), [], true),
            ("renamed to a Swift keyword: the label changes", operation("/orders/{id}", path("id")),
             operation("/orders/{default}", path("default"), version: "1.0.1"), ["path-parameter-renamed: none, minor"], false),
            ("a query parameter renamed is one removed and one added",
             operation("/orders", #"{"name": "q", "in": "query", "schema": {"type": "string"}}"#),
             operation("/orders", #"{"name": "query", "in": "query", "schema": {"type": "string"}}"#, version: "1.1.0"),
             ["parameter-added: none, minor", "parameter-removed: risky, minor"], true),
        ]
        for row in rows {
            guard let result = DiffHarness.diff(row.base, row.head) else { continue }
            let changes = result.changes.filter { $0.checkID != "version-gate" }
            XCTAssertEqual(changes.map { "\($0.checkID): \($0.impact), \($0.bump)" }.sorted(), row.expected.sorted(), "\(row.label): \(changes.map(\.message))")
            XCTAssertEqual(result.versions.first?.passes, row.passes, "\(row.label): \(result.changes.map(\.message))")
        }
    }

    /// The message says the wire is unchanged and the generated argument label changes; the place is the new name.
    func testMessageAndPlace() {
        let changes = DiffHarness.diff(operation("/orders/{id}", path("id")), operation("/orders/{orderId}", path("orderId"), version: "1.1.0"))?
            .changes.filter { $0.checkID == "path-parameter-renamed" } ?? []
        XCTAssertEqual(changes.map(\.message), ["path parameter id of op renamed to orderId: the wire is unchanged, but the generated Swift client's argument label changes with it, from id: to orderId: (and the provider protocol's), so Swift callers must change"])
        XCTAssertEqual(changes.map(\.location.pointer.description), ["/x-contract/operations/op/parameters/0/name"])
        XCTAssertEqual(changes.map(\.severity), [.note])
    }
}
