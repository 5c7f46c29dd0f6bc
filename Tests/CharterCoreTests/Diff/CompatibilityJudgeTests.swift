import XCTest
@testable import CharterCore
@testable import CharterCompatibility
@testable import CharterGovernance

/// Who a data change breaks: one row per (where the data flows, the policy, the change's effect).
final class CompatibilityJudgeTests: XCTestCase {
    private let addRequired = CompatibilityEffect(backward: .breaks, "data written before lacks it")
    private let removeRequired = CompatibilityEffect(forward: .breaks, "they require it")
    private let loosen = CompatibilityEffect(forward: .risky, "readers that validate")

    func testRows() {
        let rows: [(effect: CompatibilityEffect, roles: SchemaRoles, mode: CompatibilityMode?, impact: Impact, parties: [String])] = [
            (addRequired, .request, .backward, .breaks, ["existing clients' requests (data written before lacks it)"]),
            (addRequired, .response, .backward, .none, []),
            (addRequired, .response, .full, .breaks, ["upgraded clients reading an older provider's responses (data written before lacks it)"]),
            (removeRequired, .response, .backward, .breaks, ["existing clients reading responses (they require it)"]),
            (removeRequired, .request, .backward, .none, []),
            (removeRequired, [.request, .response], .backward, .breaks, ["existing clients reading responses (they require it)"]),
            (addRequired, .event, .backward, .breaks, ["upgraded consumers reading events published before (data written before lacks it)"]),
            (addRequired, .event, .forward, .none, []),
            (removeRequired, .event, .forward, .breaks, ["existing consumers reading new events (they require it)"]),
            (removeRequired, .event, nil, .none, []),  // no policy: judged as backward, Schema Registry's default
            (removeRequired, .event, .fullTransitive, .breaks, ["existing consumers reading new events (they require it)"]),
            (addRequired, .model, .backward, .breaks, ["readers on the new version reading data written before (data written before lacks it)"]),
            (addRequired, .request, CompatibilityMode.none, .none, []),
            (loosen, .response, .backward, .risky, ["existing clients reading responses (readers that validate)"]),
        ]
        for (index, row) in rows.enumerated() {
            let judged = CompatibilityJudge.judge(row.effect, roles: row.roles, mode: row.mode)
            XCTAssertEqual(judged.impact, row.impact, "row \(index)")
            XCTAssertEqual(judged.parties, row.parties, "row \(index)")
        }
    }

    /// The same change to the same type, judged by where the type's data flows in the contract.
    func testDirectionComesFromWhereTheTypeIsUsed() {
        let rows: [(base: String, head: String, expected: Impact)] = [
            // A required property added: breaks requests, not responses.
            (DiffExample.request(#""sku": {"type": "string"}"#), DiffExample.request(#""sku": {"type": "string"}, "shop": {"type": "string"}"#, required: ["sku", "shop"]), .breaks),
            (DiffExample.response(#""sku": {"type": "string"}"#), DiffExample.response(#""sku": {"type": "string"}, "shop": {"type": "string"}"#, required: ["sku", "shop"]), .none),
            // An enum value added: breaks responses, not requests.
            (DiffExample.response(#""sku": {"enum": ["a"]}"#), DiffExample.response(#""sku": {"enum": ["a", "b"]}"#), .breaks),
            (DiffExample.request(#""sku": {"enum": ["a"]}"#), DiffExample.request(#""sku": {"enum": ["a", "b"]}"#), .none),
            // A $ref renamed to a structurally identical type: no change at all.
            (DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}"#), operations: DiffExample.getItem),
             DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}"#) + #", "Product": {"title": "Item", "description": "An item.", "type": "object", "required": ["sku"], "properties": {"sku": {"type": "string"}}}"#,
                                  operations: DiffExample.getItem.replacingOccurrences(of: "#/$defs/Item", with: "#/$defs/Product")).replacingOccurrences(of: #""version": "1.0.0""#, with: #""version": "1.1.0""#), .none),
        ]
        for (index, row) in rows.enumerated() {
            let changes = DiffHarness.diff(row.base, row.head)?.changes.filter { $0.checkID != "version-gate" && $0.checkID != "type-added" } ?? []
            XCTAssertEqual(changes.map(\.impact).max() ?? Impact.none, row.expected, "row \(index): \(changes.map(\.message))")
        }
    }

    /// Review findings, one row each: base and head → the checks reported (version gate and notes aside).
    func testReviewedEdgeCases() {
        let money = { (type: String) in ##""Money": {"title": "Money", "description": "Money.", "type": "object", "required": ["amount"], "properties": {"amount": {"type": "\##(type)"}}}"## }
        let getItems = #""method": "GET", "path": "/items", "responses": {"200": {}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}"#
        let qty = ##""Qty": {"title": "Qty", "description": "A quantity.", "type": "object", "required": ["value"], "properties": {"value": {"type": "integer"}, "unit": {"type": "string"}}}"##
        let rows: [(name: String, base: String, head: String, expected: [String])] = [
            ("a head that drops its policy is judged by the base's",
             DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}"#, required: ["sku", "name"]),
             DiffExample.response(#""sku": {"type": "string"}"#).replacingOccurrences(of: #""compatibility": "backward""#, with: #""compatibility": "none""#),
             ["compatibility-changed", "property-removed"]),
            ("a path parameter renamed is no change on the wire, only to the generated argument",
             DiffExample.operation(#""method": "GET", "path": "/items/{sku}", "parameters": [{"name": "sku", "in": "path", "schema": {"type": "string"}}], "responses": {"200": {}}"#),
             DiffExample.operation(#""method": "GET", "path": "/items/{id}", "parameters": [{"name": "id", "in": "path", "schema": {"type": "string"}}], "responses": {"200": {}}"#),
             ["path-parameter-renamed"]),
            ("an inline variant inserted in front is one variant gained",
             DiffExample.request(#""sku": {"type": "string"}, "v": {"oneOf": [{"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}}, {"type": "object", "required": ["b"], "properties": {"b": {"type": "string"}}}]}"#),
             DiffExample.request(#""sku": {"type": "string"}, "v": {"oneOf": [{"type": "string"}, {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}}, {"type": "object", "required": ["b"], "properties": {"b": {"type": "string"}}}]}"#),
             ["union-variant-changed"]),
            ("an enum dropped entirely widens the values",
             DiffExample.response(#""sku": {"type": "string", "enum": ["a", "b"]}"#), DiffExample.response(#""sku": {"type": "string"}"#), ["enum-value-added"]),
            ("multipleOf 2 → 1 is looser, not tighter",
             DiffExample.response(#""sku": {"type": "string"}, "n": {"type": "integer", "multipleOf": 2}"#),
             DiffExample.response(#""sku": {"type": "string"}, "n": {"type": "integer", "multipleOf": 1}"#), ["constraint-changed"]),
            ("a $ref with siblings is folded like allOf",
             DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}"#), operations: DiffExample.getItem),
             DiffExample.contract(defs: ##""Base": {"title": "Base", "description": "B.", "type": "object", "required": ["sku"], "properties": {"sku": {"type": "string"}}}, "Item": {"title": "Item", "description": "An item.", "$ref": "#/$defs/Base"}"##, operations: DiffExample.getItem),
             ["type-added"]),
            ("a same-named type in another contract is compared, not skipped",
             DiffExample.contract(defs: DiffExample.item(##""sku": {"type": "string"}, "price": {"$ref": "#/$defs/Money"}"##) + ", " + money("string"), operations: DiffExample.getItem),
             DiffExample.contract(defs: DiffExample.item(##""sku": {"type": "string"}, "price": {"$ref": "#/$defs/Money"}"##) + ", " + money("integer"), operations: DiffExample.getItem),
             ["type-changed"]),
            ("trailing parameters removed (the base's pointers past the head's array)",
             DiffExample.operation(#""method": "GET", "path": "/items", "parameters": [{"name": "a", "in": "query", "schema": {"type": "string"}}, {"name": "b", "in": "query", "schema": {"type": "string"}}, {"name": "c", "in": "query", "schema": {"type": "string"}}], "responses": {"200": {}}"#),
             DiffExample.operation(#""method": "GET", "path": "/items", "parameters": [{"name": "a", "in": "query", "schema": {"type": "string"}}], "responses": {"200": {}}"#),
             ["parameter-removed"]),
            ("a type said through allOf is the same type said directly",
             DiffExample.contract(defs: DiffExample.item(##""sku": {"allOf": [{"$ref": "#/$defs/Sku"}]}"##) + #", "Sku": {"title": "Sku", "description": "S.", "type": "string"}"#, operations: DiffExample.putItem),
             DiffExample.contract(defs: DiffExample.item(##""sku": {"$ref": "#/$defs/Sku"}"##) + #", "Sku": {"title": "Sku", "description": "S.", "type": "string"}"#, operations: DiffExample.putItem),
             []),
            ("a $ref made nullable the documented way (anyOf with null) only became nullable",
             DiffExample.contract(defs: DiffExample.item(##""sku": {"type": "string"}, "qty": {"$ref": "#/$defs/Qty"}"##) + ", " + qty, operations: DiffExample.getItem),
             DiffExample.contract(defs: DiffExample.item(##""sku": {"type": "string"}, "qty": {"anyOf": [{"$ref": "#/$defs/Qty"}, {"type": "null"}]}"##) + ", " + qty, operations: DiffExample.getItem),
             ["type-changed"]),
            ("an inline object wrapped in oneOf with null only became nullable",
             DiffExample.response(#""sku": {"type": "string"}, "q": {"type": "object", "required": ["v"], "properties": {"v": {"type": "integer"}}}"#),
             DiffExample.response(#""sku": {"type": "string"}, "q": {"oneOf": [{"type": "null"}, {"type": "object", "required": ["v"], "properties": {"v": {"type": "integer"}}}]}"#),
             ["type-changed"]),
            ("nullable said with a type list, then with anyOf, is no change",
             DiffExample.response(#""sku": {"type": "string"}, "n": {"type": ["string", "null"], "maxLength": 9}"#),
             DiffExample.response(#""sku": {"type": "string"}, "n": {"anyOf": [{"type": "string", "maxLength": 9}, {"type": "null"}]}"#),
             []),
            ("a security scheme renamed, the same on the wire, is no change",
             DiffExample.operation(getItems),
             DiffExample.operation(getItems).replacingOccurrences(of: #""oauth": {"type""#, with: #""sso": {"type""#).replacingOccurrences(of: #""scheme": "oauth""#, with: #""scheme": "sso""#),
             []),
            ("a scheme of the same name that is now an API key breaks every client",
             DiffExample.operation(getItems),
             DiffExample.operation(getItems).replacingOccurrences(of: #""oauth": {"type": "oauth2", "scopes": {"demo:read": "Read", "demo:write": "Write"}}"#, with: #""oauth": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}"#),
             ["auth-changed"]),
            ("a header parameter's name in another case is the same parameter",
             DiffExample.operation(#""method": "GET", "path": "/items", "parameters": [{"name": "X-Tenant-Id", "in": "header", "required": true, "schema": {"type": "string"}}], "responses": {"200": {}}"#),
             DiffExample.operation(#""method": "GET", "path": "/items", "parameters": [{"name": "x-tenant-id", "in": "header", "required": true, "schema": {"type": "string"}}], "responses": {"200": {}}"#),
             []),
            ("number enum values written differently are the same values",
             DiffExample.response(#""sku": {"type": "string"}, "n": {"enum": [1, 2.5]}"#),
             DiffExample.response(#""sku": {"type": "string"}, "n": {"enum": [1.0, 2.50]}"#),
             []),
        ]
        for row in rows {
            let changes = DiffHarness.diff(row.base, row.head)?.changes.filter { $0.checkID != "version-gate" } ?? []
            XCTAssertEqual(Set(changes.map(\.checkID)), Set(row.expected), "\(row.name): \(changes.map(\.message))")
        }
        let kind = DiffHarness.diff(rows[rows.count - 3].base, rows[rows.count - 3].head)?.changes.first { $0.checkID == "auth-changed" }
        XCTAssertEqual(kind?.message, "auth of op changed from oauth (oauth2) to oauth (apiKey, header X-Api-Key) — breaks existing clients")
        XCTAssertEqual(kind?.impact, .breaks)
        let nullable = DiffHarness.diff(rows[rows.count - 7].base, rows[rows.count - 7].head)?.changes.filter { $0.checkID == "type-changed" } ?? []
        XCTAssertEqual(nullable.map(\.message), ["Item.qty became nullable — breaks existing clients reading responses (they cannot read null)"])
        XCTAssertEqual(nullable.first?.location.pointer.description, "/$defs/Item/properties/qty", "where the wrapper is written, not the wrapped type")
        // The same check as error: dropping the policy does not make the removal harmless.
        let loophole = DiffHarness.diff(rows[0].base, rows[0].head)?.changes.first { $0.checkID == "property-removed" }
        XCTAssertEqual(loophole?.impact, .breaks)
    }

    /// Rows from the second review: base and head → the checks reported and the worst impact (version gate aside).
    func testSecondReviewRows() {
        let limit = { (quota: Int, window: String) in #""method": "GET", "path": "/items", "responses": {"200": {}}, "rateLimit": {"quota": \#(quota), "window": "\#(window)"}"# }
        let subscribe = { (allowed: String) in #""topic": "demo.item-changed.v1", "subscribe": {"auth": {"scheme": "oauth", "scopes": ["demo:read"]}\#(allowed)}"# }
        let rows: [(name: String, base: String, head: String, checks: Set<String>, impact: Impact)] = [
            ("a required readOnly property added to request data: clients never send it",
             DiffExample.request(#""sku": {"type": "string"}"#),
             DiffExample.request(#""sku": {"type": "string"}, "id": {"type": "string", "readOnly": true}"#, required: ["sku", "id"]),
             ["property-added"], .none),
            ("a required property added to request data still breaks clients", DiffExample.request(#""sku": {"type": "string"}"#),
             DiffExample.request(#""sku": {"type": "string"}, "id": {"type": "string"}"#, required: ["sku", "id"]), ["property-added"], .breaks),
            ("the same rate in another unit is no change", DiffExample.operation(limit(600, "PT1M")), DiffExample.operation(limit(600, "PT60S")), [], .none),
            ("a higher rate is no weakening", DiffExample.operation(limit(600, "PT1M")), DiffExample.operation(limit(600, "PT30S")), [], .none),
            ("a lower rate is", DiffExample.operation(limit(600, "PT1M")), DiffExample.operation(limit(300, "PT1M")), ["sla-weakened"], .risky),
            ("the same rate with a smaller burst is", DiffExample.operation(limit(600, "PT1M")), DiffExample.operation(limit(10, "PT1S")), ["sla-weakened"], .risky),
            ("a map's maxProperties lowered in request data",
             DiffExample.request(#""sku": {"type": "string"}, "tags": {"type": "object", "additionalProperties": {"type": "string"}, "maxProperties": 10}"#),
             DiffExample.request(#""sku": {"type": "string"}, "tags": {"type": "object", "additionalProperties": {"type": "string"}, "maxProperties": 5}"#),
             ["constraint-changed"], .breaks),
            ("a quota now shared by all clients",
             DiffExample.operation(#""method": "GET", "path": "/items", "responses": {"200": {}}, "rateLimit": {"quota": 600, "window": "PT1M", "scope": "client"}"#),
             DiffExample.operation(#""method": "GET", "path": "/items", "responses": {"200": {}}, "rateLimit": {"quota": 600, "window": "PT1M", "scope": "global"}"#),
             ["sla-weakened"], .risky),
            ("subscribers limited to a list where anyone could subscribe",
             DiffExample.event(subscribe("")), DiffExample.event(subscribe(#", "allowed": ["pos"]"#)), ["event-access-changed"], .breaks),
        ]
        for row in rows {
            let changes = DiffHarness.diff(row.base, row.head)?.changes.filter { $0.checkID != "version-gate" } ?? []
            XCTAssertEqual(Set(changes.map(\.checkID)), row.checks, "\(row.name): \(changes.map(\.message))")
            XCTAssertEqual(changes.map(\.impact).max() ?? .none, row.impact, "\(row.name): \(changes.map(\.message))")
        }
    }

    /// Rows: a contract's shape → what its removal (the file deleted, or its major bumped in place) says it breaks and
    /// the parties it affects: only the roles the removed contract has — operations' clients and providers, events'
    /// producers and consumers, feeds' recipients — and, for a contract of types alone (or a plain schema file), the code
    /// generated from it.
    func testContractRemovalNamesTheRolesItHas() throws {
        let feeds = ##""feeds": {"StockFile": {"payload": {"$ref": "#/$defs/Item"}, "format": "text/csv", "schedule": {"cron": "0 2 * * *", "timezone": "UTC"}}}"##
        let event = ##""ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}}"##
        let item = DiffExample.item(#""sku": {"type": "string"}"#)
        let rows: [(label: String, base: String, who: String, affects: [Party])] = [
            ("operations", DiffExample.contract(defs: item, operations: DiffExample.getItem), "its clients and providers", [.client, .provider]),
            ("events", DiffExample.contract(defs: item, events: event), "its producers and consumers", [.producer, .consumer]),
            ("a feed", DiffExample.contract(defs: item, extra: feeds), "its feed recipients", [.consumer]),
            ("operations and events", DiffExample.contract(defs: item, operations: DiffExample.getItem, events: event),
             "its clients, providers, producers and consumers", [.client, .provider, .producer, .consumer]),
            ("operations, events and a feed", DiffExample.contract(defs: item, operations: DiffExample.getItem, events: event, extra: feeds),
             "its clients, providers, producers, consumers and feed recipients", [.client, .provider, .producer, .consumer]),
            ("types only", DiffExample.contract(defs: item), "code generated from it", []),
        ]
        for row in rows {
            let bumped = row.base.replacingOccurrences(of: #""version": "1.0.0""#, with: #""version": "2.0.0""#)
            for (way, result) in [("deleted", DiffHarness.diff(["a.json": row.base], [:])), ("bumped in place", DiffHarness.diff(row.base, bumped))] {
                let removal = try XCTUnwrap(result?.changes.first { $0.checkID == "contract-removed" }, "\(row.label), \(way)")
                XCTAssertTrue(removal.message.hasSuffix(" — breaks \(row.who)"), "\(row.label), \(way): \(removal.message)")
                XCTAssertEqual(removal.affects, row.affects, "\(row.label), \(way)")
            }
        }
        // A plain schema file has no interfaces: only the code generated from it.
        let plain = #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Geo", "type": "object"}"#
        let removal = try XCTUnwrap(DiffHarness.diff(["geo.json": plain], [:])?.changes.first { $0.checkID == "contract-removed" })
        XCTAssertEqual(removal.message, "geo.json removed — breaks code generated from it")
    }

    /// Interface changes name who they break, as data changes do.
    func testInterfaceChangesNameWhoTheyBreak() {
        let operations = DiffHarness.diff(
            DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}"#), operations: DiffExample.getItem + ", " + DiffExample.putItem),
            DiffExample.contract(version: "2.0.0", defs: DiffExample.item(#""sku": {"type": "string"}"#), operations: DiffExample.getItem))?.changes ?? []
        XCTAssertEqual(operations.first { $0.checkID == "operation-removed" }?.message, "operation putItem (PUT /items) removed (base line 3) — breaks existing clients calling it")
        let topic = DiffHarness.diff(DiffExample.event(#""topic": "demo.item-changed.v1""#),
                                     DiffExample.event(#""topic": "demo.item-changed.v2""#, version: "2.0.0"))?.changes ?? []
        XCTAssertTrue(topic.first { $0.checkID == "event-topic-changed" }?.message.hasSuffix("— breaks existing producers and consumers") == true, "\(topic.map(\.message))")
    }

    /// Rows from the re-review: base and head → the checks reported and the worst impact (version gate aside).
    func testThirdReviewRows() {
        let a = ##""A": {"title": "A", "description": "A.", "type": "object", "required": ["x"], "properties": {"x": {"type": "string"}}}"##
        let response = { (p: String) in DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}, "p": "# + p) + ", " + a, operations: DiffExample.getItem) }
        let rows: [(name: String, base: String, head: String, checks: Set<String>, impact: Impact)] = [
            ("a wrapper that becomes a real union is compared as unions: null lost, string gained",
             response(##"{"anyOf": [{"$ref": "#/$defs/A"}, {"type": "null"}]}"##), response(##"{"anyOf": [{"$ref": "#/$defs/A"}, {"type": "string"}]}"##),
             ["union-variant-changed"], .breaks),
            ("a wrapper inside a wrapper is one wrapper",
             response(##"{"anyOf": [{"$ref": "#/$defs/A"}, {"type": "null"}]}"##),
             response(##"{"anyOf": [{"anyOf": [{"$ref": "#/$defs/A"}, {"type": "null"}]}, {"type": "null"}]}"##), [], .none),
            ("a keyword beside anyOf makes it more than a wrapper",
             DiffExample.request(#""sku": {"type": "string"}, "p": {"anyOf": [{"type": "object", "properties": {"x": {"type": "string"}}}, {"type": "null"}]}"#),
             DiffExample.request(#""sku": {"type": "string"}, "p": {"anyOf": [{"type": "object", "properties": {"x": {"type": "string"}}}, {"type": "null"}], "required": ["x"]}"#),
             ["property-added"], .breaks),
            ("a readOnly property's bound tightened in request data breaks no request",
             DiffExample.request(#""sku": {"type": "string"}, "p": {"type": "string", "readOnly": true, "maxLength": 10}"#),
             DiffExample.request(#""sku": {"type": "string"}, "p": {"type": "string", "readOnly": true, "maxLength": 5}"#), [], .none),
            ("a const written 1, then 1.0, is the same value",
             DiffExample.response(#""sku": {"type": "string"}, "n": {"const": 1}"#), DiffExample.response(#""sku": {"type": "string"}, "n": {"const": 1.0}"#), [], .none),
            ("null in an enum, then the enum wrapped with null, is no change",
             DiffExample.response(#""sku": {"type": "string"}, "n": {"type": ["string", "null"], "enum": ["a", "b", null]}"#),
             DiffExample.response(#""sku": {"type": "string"}, "n": {"anyOf": [{"type": "string", "enum": ["a", "b"]}, {"type": "null"}]}"#), [], .none),
            ("null dropped from a typed enum is one change, reported as the type's",
             DiffExample.response(#""sku": {"type": "string"}, "n": {"type": ["string", "null"], "enum": ["a", "b", null]}"#),
             DiffExample.response(#""sku": {"type": "string"}, "n": {"type": "string", "enum": ["a", "b"]}"#), ["type-changed"], .none),
            ("null listed in an untyped enum, then said by a wrapper, is no change",
             DiffExample.response(#""sku": {"type": "string"}, "n": {"enum": ["a", null]}"#),
             DiffExample.response(#""sku": {"type": "string"}, "n": {"anyOf": [{"enum": ["a"]}, {"type": "null"}]}"#), [], .none),
            ("null dropped from an untyped enum in request data breaks clients sending it",
             DiffExample.request(#""sku": {"type": "string"}, "n": {"enum": ["a", null]}"#),
             DiffExample.request(#""sku": {"type": "string"}, "n": {"enum": ["a"]}"#), ["type-changed"], .breaks),
            ("a typed nullable enum, then a wrapper around the untyped enum, is no change",
             DiffExample.response(#""sku": {"type": "string"}, "n": {"type": ["string", "null"], "enum": ["a", null]}"#),
             DiffExample.response(#""sku": {"type": "string"}, "n": {"anyOf": [{"enum": ["a"]}, {"type": "null"}]}"#), [], .none),
            ("null in the type list but not in the enum admits no null: no change",
             DiffExample.response(#""sku": {"type": "string"}, "n": {"type": "string", "enum": ["a"]}"#),
             DiffExample.response(#""sku": {"type": "string"}, "n": {"type": ["string", "null"], "enum": ["a"]}"#), [], .none),
            ("a wrapper, then null in the type list but not in the enum: no longer nullable, once",
             DiffExample.request(#""sku": {"type": "string"}, "n": {"anyOf": [{"type": "string", "enum": ["a"]}, {"type": "null"}]}"#),
             DiffExample.request(#""sku": {"type": "string"}, "n": {"type": ["string", "null"], "enum": ["a"]}"#), ["type-changed"], .breaks),
            ("a named type whose own types admit null, then reached through a wrapper, is no change",
             DiffExample.contract(defs: DiffExample.item(##""sku": {"type": "string"}, "c": {"$ref": "#/$defs/Code"}"##) + #", "Code": {"title": "Code", "description": "C.", "type": ["string", "null"], "enum": ["a", null]}"#, operations: DiffExample.getItem),
             DiffExample.contract(defs: DiffExample.item(##""sku": {"type": "string"}, "c": {"anyOf": [{"$ref": "#/$defs/Code"}, {"type": "null"}]}"##) + #", "Code": {"title": "Code", "description": "C.", "type": ["string", "null"], "enum": ["a", null]}"#, operations: DiffExample.getItem),
             [], .none),
            ("minLength 0 is no bound",
             DiffExample.request(#""sku": {"type": "string", "minLength": 0}"#), DiffExample.request(#""sku": {"type": "string"}"#), [], .none),
        ]
        for row in rows {
            let changes = DiffHarness.diff(row.base, row.head)?.changes.filter { $0.checkID != "version-gate" } ?? []
            XCTAssertEqual(Set(changes.map(\.checkID)), row.checks, "\(row.name): \(changes.map(\.message))")
            XCTAssertEqual(changes.map(\.impact).max() ?? .none, row.impact, "\(row.name): \(changes.map(\.message))")
        }
    }

    /// An event's publish and subscribe sides are judged as operations' auth is — by what the broker connection
    /// carries, not by scheme names — and by who may connect: no `allowed` list means any system, an empty one none.
    func testEventAccessRows() {
        let access = { (auth: String, allowed: String) in #""topic": "demo.item-changed.v1", "subscribe": {"auth": \#(auth)\#(allowed)}"# }
        let oauth = #"{"scheme": "oauth", "scopes": ["demo:read"]}"#
        let renamed = { (text: String) in
            text.replacingOccurrences(of: #""oauth": {"type""#, with: #""sso": {"type""#).replacingOccurrences(of: #""scheme": "oauth""#, with: #""scheme": "sso""#)
        }
        let apiKey = { (text: String) in
            text.replacingOccurrences(of: #""oauth": {"type": "oauth2", "scopes": {"demo:read": "Read", "demo:write": "Write"}}"#, with: #""oauth": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}"#)
        }
        let rows: [(name: String, base: String, head: String, checks: Set<String>, impact: Impact)] = [
            ("a scheme renamed, the same credential, is no change",
             DiffExample.event(access(oauth, "")), renamed(DiffExample.event(access(oauth, ""))), [], .none),
            ("a scheme of the same name that is now an API key breaks subscribers",
             DiffExample.event(access(oauth, "")), apiKey(DiffExample.event(access(oauth, ""))), ["event-access-changed"], .breaks),
            ("a scope dropped breaks nobody",
             DiffExample.event(access(#"{"scheme": "oauth", "scopes": ["demo:read", "demo:write"]}"#, "")), DiffExample.event(access(oauth, "")),
             ["event-access-changed"], .none),
            ("a list of systems dropped lets any system subscribe: nobody breaks",
             DiffExample.event(access(oauth, #", "allowed": ["pos"]"#)), DiffExample.event(access(oauth, "")), ["event-access-changed"], .none),
            ("a system added breaks nobody",
             DiffExample.event(access(oauth, #", "allowed": ["pos"]"#)), DiffExample.event(access(oauth, #", "allowed": ["pos", "wms"]"#)),
             ["event-access-changed"], .none),
            ("an empty list allows no system: every listed one is dropped",
             DiffExample.event(access(oauth, #", "allowed": ["pos"]"#)), DiffExample.event(access(oauth, #", "allowed": []"#)), ["event-access-changed"], .breaks),
            ("an empty list where there was none shuts every system out",
             DiffExample.event(access(oauth, "")), DiffExample.event(access(oauth, #", "allowed": []"#)), ["event-access-changed"], .breaks),
        ]
        for row in rows {
            let changes = DiffHarness.diff(row.base, row.head)?.changes.filter { $0.checkID != "version-gate" } ?? []
            XCTAssertEqual(Set(changes.map(\.checkID)), row.checks, "\(row.name): \(changes.map(\.message))")
            XCTAssertEqual(changes.map(\.impact).max() ?? .none, row.impact, "\(row.name): \(changes.map(\.message))")
        }
        let kind = DiffHarness.diff(rows[1].base, rows[1].head)?.changes.first { $0.checkID == "event-access-changed" }
        XCTAssertEqual(kind?.message, "subscribe auth of ItemChanged changed from oauth (oauth2) to oauth (apiKey, header X-Api-Key) — breaks existing consumers")
        let shut = DiffHarness.diff(rows[6].base, rows[6].head)?.changes.first { $0.checkID == "event-access-changed" }
        XCTAssertEqual(shut?.message, "subscribe of ItemChanged now allows no system (any system could before) — breaks every other system")
    }

    /// A moved OAuth token endpoint is reported once for the scheme, not once per operation using it, and may
    /// break clients configured with the old one; the same endpoint under a renamed scheme is no change.
    func testTokenEndpointMoved() {
        let withToken = { (url: String, text: String) in
            text.replacingOccurrences(of: #""oauth": {"type": "oauth2", "#, with: #""oauth": {"type": "oauth2", "tokenUrl": "\#(url)", "#)
        }
        let two = DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}"#), operations: DiffExample.getItem + ", " + DiffExample.putItem)
        let moved = DiffHarness.diff(withToken("https://a.example/token", two), withToken("https://b.example/token", two))?.changes.filter { $0.checkID != "version-gate" } ?? []
        XCTAssertEqual(moved.map(\.checkID), ["auth-changed"])
        XCTAssertEqual(moved.first?.impact, .risky)
        XCTAssertEqual(moved.first?.bump, .minor)
        XCTAssertEqual(moved.first?.location.pointer.description, "/x-contract/security/oauth/tokenUrl")
        XCTAssertEqual(moved.first?.message,
                       "token endpoint of scheme oauth moved from https://a.example/token to https://b.example/token — may break clients configured with the old endpoint")
        let renamed = withToken("https://a.example/token", two)
            .replacingOccurrences(of: #""oauth": {"type""#, with: #""sso": {"type""#).replacingOccurrences(of: #""scheme": "oauth""#, with: #""scheme": "sso""#)
        XCTAssertEqual(DiffHarness.diff(withToken("https://a.example/token", two), renamed)?.changes.filter { $0.checkID != "version-gate" }.map(\.message), [])
        // Renamed and moved: paired by the rename, reported once. Bumped in place to a new major: still compared.
        let renamedAndMoved = withToken("https://b.example/token", two)
            .replacingOccurrences(of: #""oauth": {"type""#, with: #""sso": {"type""#).replacingOccurrences(of: #""scheme": "oauth""#, with: #""scheme": "sso""#)
        XCTAssertEqual(DiffHarness.diff(withToken("https://a.example/token", two), renamedAndMoved)?.changes.filter { $0.checkID != "version-gate" }.map(\.message),
                       ["token endpoint of scheme sso moved from https://a.example/token to https://b.example/token — may break clients configured with the old endpoint"])
        let bumped = withToken("https://b.example/token", two).replacingOccurrences(of: #""version": "1.0.0""#, with: #""version": "2.0.0""#)
        XCTAssertEqual(DiffHarness.diff(withToken("https://a.example/token", two), bumped)?.changes.map(\.checkID).filter { $0 == "auth-changed" }, ["auth-changed"])
    }

    /// Switching an operation or an event side between two schemes both versions declare is another credential,
    /// even when both are OAuth: tokens from the other issuer are refused. Only a scheme gone and one new that carry
    /// the same credential are a rename.
    func testSwitchingBetweenDeclaredSchemesBreaks() {
        let oauth = #""oauth": {"type": "oauth2", "scopes": {"demo:read": "Read", "demo:write": "Write"}}"#
        let twoSchemes = { (text: String) in
            text.replacingOccurrences(of: oauth, with: oauth + #", "partner": {"type": "oauth2", "tokenUrl": "https://p.example/token", "scopes": {"demo:read": "Read", "demo:write": "Write"}}"#)
        }
        let operation = #""method": "GET", "path": "/items", "responses": {"200": {}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}"#
        let event = #""topic": "demo.item-changed.v1", "subscribe": {"auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "allowed": ["pos"]}"#
        let rows: [(base: String, head: String, check: String)] = [
            (twoSchemes(DiffExample.operation(operation)), twoSchemes(DiffExample.operation(operation.replacingOccurrences(of: #""scheme": "oauth""#, with: #""scheme": "partner""#))), "auth-changed"),
            (twoSchemes(DiffExample.event(event)), twoSchemes(DiffExample.event(event.replacingOccurrences(of: #""scheme": "oauth""#, with: #""scheme": "partner""#))), "event-access-changed"),
        ]
        for row in rows {
            let changes = DiffHarness.diff(row.base, row.head)?.changes.filter { $0.checkID == row.check } ?? []
            XCTAssertEqual(changes.map(\.impact), [.breaks], "\(changes.map(\.message))")
        }
    }

    /// A change inside a named type that others compose through `allOf` is reported once, at that type (with every
    /// role that flows into it), not again under each composing type; a change the composing type makes itself is its own.
    func testComposedNamedTypeChangesAreReportedOnce() {
        let details = { (extra: String, required: String) in
            ##""Details": {"title": "Details", "description": "D.", "type": "object", "required": [\##(required)], "properties": {"ref": {"type": "string", "maxLength": \##(extra)}}}"##
        }
        // Details is also returned on its own, so more roles flow into it than into Item.
        let getDetails = ##""getDetails": {"method": "GET", "path": "/details", "responses": {"200": {"schema": {"$ref": "#/$defs/Details"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}}"##
        let contract = { (detailsDef: String, item: String) in
            DiffExample.contract(defs: detailsDef + ", " + ##""Item": {"title": "Item", "description": "An item.", "allOf": [{"$ref": "#/$defs/Details"}, {"type": "object", \##(item)}]}"##,
                                 operations: DiffExample.putItem + ", " + getDetails)
        }
        let base = contract(details("40", ""), #""required": ["sku"], "properties": {"sku": {"type": "string"}}"#)
        let rows: [(name: String, head: String, expected: [String])] = [
            ("a bound tightened in the composed type", contract(details("30", ""), #""required": ["sku"], "properties": {"sku": {"type": "string"}}"#),
             ["Details.ref"]),
            ("a property the composed type made required", contract(details("40", #""ref""#), #""required": ["sku"], "properties": {"sku": {"type": "string"}}"#),
             ["Details.ref"]),
            ("a property the composing type made required", contract(details("40", ""), #""required": ["sku", "ref"], "properties": {"sku": {"type": "string"}}"#),
             ["Item.ref"]),
        ]
        for row in rows {
            let changes = DiffHarness.diff(base, row.head)?.changes.filter { $0.checkID != "version-gate" } ?? []
            XCTAssertEqual(changes.count, 1, "\(row.name): \(changes.map(\.message))")
            XCTAssertTrue(changes.allSatisfy { change in row.expected.contains { change.message.contains($0) } }, "\(row.name): \(changes.map(\.message))")
            XCTAssertEqual(changes.first?.impact, .breaks, "\(row.name): the request role flows into the composed type")
        }
    }

    /// Rows from the architect's review: governance changes reported (lifecycle, deprecations, event SLA and
    /// retention), feed records judged as records, no fix-it hint on a change that breaks nobody, and a rate limit
    /// change located at the rate limit.
    func testArchitectReviewRows() {
        func lifecycle(_ members: String, version: String = "1.0.0") -> String { LifecycleChangedCheck.contract(members, version: version) }
        let event = { (members: String) in DiffExample.event(#""topic": "demo.item-changed.v1", "# + members) }
        let feed = { (properties: String, required: String) in
            DiffExample.contract(defs: DiffExample.item(properties, required: [required]),
                                 extra: ##""feeds": {"StockFile": {"payload": {"$ref": "#/$defs/Item"}, "format": "application/x-ndjson", "schedule": {"cron": "0 2 * * *", "timezone": "UTC"}}}"##)
        }
        let rows: [(name: String, base: String, head: String, checks: Set<String>, impact: Impact)] = [
            ("a sunset brought forward", lifecycle(#""status": "deprecated", "since": "2025-01-01", "sunset": "2027-06-30""#),
             lifecycle(#""status": "deprecated", "since": "2025-01-01", "sunset": "2027-01-31""#, version: "1.1.0"), ["lifecycle-changed"], .risky),
            ("a sunset pushed back", lifecycle(#""status": "deprecated", "since": "2025-01-01", "sunset": "2027-01-31""#),
             lifecycle(#""status": "deprecated", "since": "2025-01-01", "sunset": "2027-06-30""#, version: "1.0.1"), [], .none),
            ("a contract retired", lifecycle(#""status": "deprecated", "since": "2025-01-01", "sunset": "2027-01-31""#),
             lifecycle(#""status": "retired", "since": "2025-01-01", "sunset": "2027-01-31""#, version: "1.1.0"), ["lifecycle-changed"], .risky),
            ("an operation deprecated", DiffExample.operation(#""method": "GET", "path": "/items", "responses": {"200": {}}"#),
             DiffExample.operation(#""method": "GET", "path": "/items", "deprecated": true, "responses": {"200": {}}"#, version: "1.1.0"), ["lifecycle-changed"], .none),
            ("an event deprecated", event(#""deprecated": false"#), event(#""deprecated": true"#), ["lifecycle-changed"], .none),
            ("an event's maximum lag grew", event(#""sla": {"maxLagMs": 3000}"#), event(#""sla": {"maxLagMs": 30000}"#), ["event-delivery-changed"], .risky),
            ("an event's dead letters kept for less time", event(#""deadLetter": {"topic": "demo.item-changed.v1.dlq", "retention": "P14D"}"#),
             event(#""deadLetter": {"topic": "demo.item-changed.v1.dlq", "retention": "P1D"}"#), ["event-delivery-changed"], .risky),
        ]
        for row in rows {
            let changes = DiffHarness.diff(row.base, row.head)?.changes.filter { $0.checkID != "version-gate" } ?? []
            XCTAssertEqual(Set(changes.map(\.checkID)), row.checks, "\(row.name): \(changes.map(\.message))")
            XCTAssertEqual(changes.map(\.impact).max() ?? .none, row.impact, "\(row.name): \(changes.map(\.message))")
        }
        // Feed records are records, not events; a required property added to response data breaks nobody and says
        // nothing about how to avoid it.
        let record = DiffHarness.diff(feed(#""sku": {"type": "string"}"#, "sku"), feed(#""sku": {"type": "string"}, "ledger": {"type": "string"}"#, "ledger"))?
            .changes.first { $0.checkID == "property-added" }
        XCTAssertTrue(record?.message.contains("upgraded consumers reading records delivered before") == true, "\(String(describing: record?.message))")
        let note = DiffHarness.diff(DiffExample.response(#""sku": {"type": "string"}"#),
                                    DiffExample.response(#""sku": {"type": "string"}, "n": {"type": "string"}"#, required: ["sku", "n"]))?
            .changes.first { $0.checkID == "property-added" }
        XCTAssertEqual(note?.impact, Impact.none)
        XCTAssertNil(note?.hint)
        let limit = DiffHarness.diff(DiffExample.operation(#""method": "GET", "path": "/items", "responses": {"200": {}}, "rateLimit": {"quota": 600, "window": "PT1M"}"#),
                                     DiffExample.operation(#""method": "GET", "path": "/items", "responses": {"200": {}}, "rateLimit": {"quota": 300, "window": "PT1M"}"#))?
            .changes.first { $0.checkID == "sla-weakened" }
        XCTAssertEqual(limit?.location.pointer.description, "/x-contract/operations/op/rateLimit")
    }

    /// A response that now names another type is one change, where the reference is written, listing what differs;
    /// a reference to another type of the same shape is none.
    func testReferenceToAnotherTypeIsOneChange() {
        let types = ##""Old": {"title": "Old", "description": "O.", "type": "object", "required": ["a", "b"], "properties": {"a": {"type": "string"}, "b": {"type": "string"}}}, "New": {"title": "New", "description": "N.", "type": "object", "required": ["c"], "properties": {"c": {"type": "string"}}}, "Same": {"title": "Same", "description": "S.", "type": "object", "required": ["a", "b"], "properties": {"a": {"type": "string"}, "b": {"type": "string"}}}"##
        let returning = { (type: String) in
            DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}"#) + ", " + types,
                                 operations: ##""getOld": {"method": "GET", "path": "/old", "responses": {"200": {"schema": {"$ref": "#/$defs/\##(type)"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}}"##)
        }
        let changes = DiffHarness.diff(returning("Old"), returning("New"))?.changes.filter { $0.checkID != "version-gate" } ?? []
        XCTAssertEqual(changes.map(\.message), ["getOld 200 response is now New instead of Old: required property a removed; required property b removed; required property c added — breaks existing clients reading responses (they require it)"])
        XCTAssertEqual(changes.first?.location.pointer.description, "/x-contract/operations/getOld/responses/200/schema")
        XCTAssertEqual(changes.first?.impact, .breaks)
        XCTAssertEqual(DiffHarness.diff(returning("Old"), returning("Same"))?.changes.filter { $0.checkID != "version-gate" }.map(\.message), [])
    }

    /// A breaking change to a type another contract's interfaces use names them.
    func testSharedTypeChangeNamesTheInterfacesItReaches() {
        let common = { (required: String) in
            DiffExample.contract(defs: ##""Address": {"title": "Address", "description": "A.", "type": "object", "required": [\##(required)], "properties": {"city": {"type": "string"}, "postalCode": {"type": "string"}}}"##)
                .replacingOccurrences(of: #""name": "demo""#, with: #""name": "common""#)
        }
        // Item flows both ways; a property made required breaks only requests, so only putItem is named.
        let orders = DiffExample.contract(defs: DiffExample.item(##""sku": {"type": "string"}, "address": {"$ref": "common.json#/$defs/Address"}"##),
                                          operations: DiffExample.getItem + ", " + DiffExample.putItem)
            .replacingOccurrences(of: #""name": "demo""#, with: #""name": "orders""#)
        let result = DiffHarness.diff(["common.json": common(#""city""#), "orders.json": orders], ["common.json": common(#""city", "postalCode""#), "orders.json": orders])
        let change = result?.changes.first { $0.checkID == "property-requiredness-changed" }
        XCTAssertEqual(change?.contract, "common v1")
        XCTAssertTrue(change?.message.hasSuffix(" — through orders v1 (putItem)") == true, "\(String(describing: change?.message))")
    }

    /// Rows from the re-review: an `allOf` of another contract's type is still the composing contract's change, every
    /// reference making a swap is reported, month and year retentions compare, and leaving draft needs no minor version.
    func testReReviewRows() {
        // orders' A composes common's C; C.x removed breaks orders' responses, judged under orders' policy.
        let common = { (properties: String) in
            DiffExample.contract(defs: ##""C": {"title": "C", "description": "C.", "type": "object", "required": ["x"], "properties": {\##(properties)}}"##)
                .replacingOccurrences(of: #""name": "demo""#, with: #""name": "common""#)
                .replacingOccurrences(of: #""compatibility": "backward""#, with: #""compatibility": "none""#)
        }
        let orders = DiffExample.contract(defs: ##""Item": {"title": "Item", "description": "I.", "allOf": [{"$ref": "common.json#/$defs/C"}]}"##, operations: DiffExample.getItem)
            .replacingOccurrences(of: #""name": "demo""#, with: #""name": "orders""#)
        let composed = DiffHarness.diff(["common.json": common(#""x": {"type": "string"}, "y": {"type": "string"}"#), "orders.json": orders],
                                        ["common.json": common(#""y": {"type": "string"}"#), "orders.json": orders])?.changes ?? []
        XCTAssertEqual(composed.filter { $0.contract == "orders v1" && $0.checkID == "property-removed" }.map(\.impact), [.breaks], "\(composed.map(\.message))")

        // Two responses swap Old for New: each reference is one change.
        let types = ##""Old": {"title": "Old", "description": "O.", "type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}}, "New": {"title": "New", "description": "N.", "type": "object", "required": ["b"], "properties": {"b": {"type": "string"}}}"##
        let twice = { (type: String) in
            DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}"#) + ", " + types, operations:
                ##""getOne": {"method": "GET", "path": "/one", "responses": {"200": {"schema": {"$ref": "#/$defs/\##(type)"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}}, "getTwo": {"method": "GET", "path": "/two", "responses": {"200": {"schema": {"$ref": "#/$defs/\##(type)"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}}"##)
        }
        let swaps = DiffHarness.diff(twice("Old"), twice("New"))?.changes.filter { $0.checkID != "version-gate" } ?? []
        XCTAssertEqual(swaps.map(\.location.pointer.description).sorted(), ["/x-contract/operations/getOne/responses/200/schema", "/x-contract/operations/getTwo/responses/200/schema"])

        let event = { (members: String, version: String) in DiffExample.event(#""topic": "demo.item-changed.v1", "# + members, version: version) }
        let retention = DiffHarness.diff(event(#""deadLetter": {"topic": "demo.item-changed.v1.dlq", "retention": "P1M"}"#, "1.0.0"),
                                         event(#""deadLetter": {"topic": "demo.item-changed.v1.dlq", "retention": "P7D"}"#, "1.1.0"))?.changes ?? []
        XCTAssertEqual(retention.filter { $0.checkID == "event-delivery-changed" }.map(\.impact), [.risky])
        let unclear = DiffHarness.diff(event(#""deadLetter": {"topic": "demo.item-changed.v1.dlq", "retention": "P1M"}"#, "1.0.0"),
                                       event(#""deadLetter": {"topic": "demo.item-changed.v1.dlq", "retention": "P30D"}"#, "1.0.1"))?.changes ?? []
        XCTAssertEqual(unclear.filter { $0.checkID == "event-delivery-changed" }.count, 0, "a month may be 28 days: not certainly shorter")

        let draft = DiffHarness.diff(LifecycleChangedCheck.contract(#""status": "draft", "since": "2025-01-01""#),
                                     LifecycleChangedCheck.contract(#""status": "active", "since": "2025-01-01""#, version: "1.0.1"))
        XCTAssertEqual(draft?.changes.filter { $0.checkID == "lifecycle-changed" }.map(\.message), ["demo v1 is active (was draft)"])
        XCTAssertEqual(draft?.versions.first?.passes, true)
    }

    /// Rows: a response header in base and head → what `response-body-changed` says. Clients read a header the
    /// contract says is always sent as a value: it going, or becoming optional, breaks them; one added or made
    /// required breaks nobody and is reported as a minor change.
    func testResponseHeaderRows() {
        let operation = { (headers: String, version: String) in
            DiffExample.operation(##""method": "POST", "path": "/items", "responses": {"201": {"schema": {"$ref": "#/$defs/Item"}, "headers": {\##(headers)}}}, "idempotency": {"required": false}"##, version: version)
        }
        let location = #""Location": {"required": true, "schema": {"type": "string"}}"#
        let rows: [(label: String, base: String, head: String, version: String, messages: [String])] = [
            ("removed", location, "", "2.0.0", ["201 response of op no longer sends header Location — breaks existing clients"]),
            ("renamed in case only", location, location.replacingOccurrences(of: "Location", with: "location"), "1.0.1", []),
            ("required to optional", location, #""Location": {"schema": {"type": "string"}}"#, "2.0.0",
             ["201 response of op no longer always sends header Location — breaks existing clients"]),
            // Breaking nobody on the wire, but new to generated code (a value where there was an optional, or none):
            // reported for the record, as a minor change.
            ("optional to required", #""Location": {"schema": {"type": "string"}}"#, location, "1.1.0",
             ["201 response of op now always sends header Location"]),
            ("added", "", location, "1.1.0", ["201 response of op now sends header Location"]),
        ]
        for row in rows {
            let changes = DiffHarness.diff(operation(row.base, "1.0.0"), operation(row.head, row.version))?.changes ?? []
            let reported = changes.filter { $0.checkID == "response-body-changed" }
            XCTAssertEqual(reported.map(\.message), row.messages, row.label)
            let breaking = row.label == "removed" || row.label == "required to optional"
            XCTAssertTrue(reported.allSatisfy { $0.impact == (breaking ? .breaks : Impact.none) }, row.label)
            if row.label == "required to optional" {
                XCTAssertEqual(reported.first?.location.pointer.description, "/x-contract/operations/op/responses/201/headers/Location")
            }
        }
        // An inline header schema is compared as response data, the header found by its name in any case.
        let typed = DiffHarness.diff(operation(#""X-Count": {"schema": {"type": "integer"}}"#, "1.0.0"),
                                     operation(#""x-count": {"schema": {"type": "string"}}"#, "2.0.0"))?.changes ?? []
        let changed = typed.filter { $0.checkID == "type-changed" }
        XCTAssertEqual(changed.map(\.impact), [.breaks], "\(typed.map(\.message))")
        XCTAssertTrue(changed.first?.message.contains("op 201 response header X-Count") == true, "\(changed.map(\.message))")
    }

    /// Under a `none` policy nothing breaks anyone, so nothing asks for a major version: an operation removed needs a
    /// minor one, and the gate does not claim "0 breaking changes need a major version".
    func testNonePolicyAsksForNoMajorVersion() {
        let none = { (text: String) in text.replacingOccurrences(of: #""compatibility": "backward""#, with: #""compatibility": "none""#) }
        let base = none(DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}"#), operations: DiffExample.getItem + ", " + DiffExample.putItem))
        let head = none(DiffExample.contract(version: "1.1.0", defs: DiffExample.item(#""sku": {"type": "string"}"#), operations: DiffExample.getItem))
        let result = DiffHarness.diff(base, head)
        XCTAssertEqual(result?.changes.map(\.checkID), ["operation-removed"])
        XCTAssertEqual(result?.versions.first?.required, .minor)
        XCTAssertEqual(result?.versions.first?.passes, true)
    }

    /// Rows: a pattern before and after → the label (a regular expression is judged tighter or looser than another
    /// only where Charter proves it, `PatternRowsTests`) and the impact on request data.
    func testPatternChangesAreLabelledOnlyWhenKnown() {
        let rows: [(old: String?, new: String?, suffix: String, impact: Impact)] = [
            (nil, "^[A-Z]{3}$", " (tighter)", .breaks),
            ("^[A-Z]{3}$", nil, " (looser)", .none),
            ("^[A-Z]{3}$", "^[A-Z]{3,8}$", " (looser)", .none),
            ("^[A-Z]{3}$", "^[A-Z]{2}[0-9]$", "; Charter could not prove that either pattern accepts every value the other does", .risky),
        ]
        for row in rows {
            func schema(_ pattern: String?) -> String { #""sku": {"type": "string""# + (pattern.map { #", "pattern": "\#($0)""# } ?? "") + "}" }
            let change = DiffHarness.diff(DiffExample.request(schema(row.old)), DiffExample.request(schema(row.new)))?.changes.first { $0.checkID == "constraint-changed" }
            let expected = "pattern of Item.sku changed from \(row.old ?? "none") to \(row.new ?? "none")\(row.suffix)"
            XCTAssertEqual(change?.message.hasPrefix(expected), true, "\(change?.message ?? "nothing") should start \(expected)")
            XCTAssertEqual(change?.impact, row.impact, expected)
        }
    }

    /// A type removed from one contract while a type of that name appears in another file of the head: still a
    /// removal, with a hint that it probably moved.
    func testTypeMovedToAnotherFileIsHinted() {
        let shop = #""Shop": {"title": "Shop", "description": "A shop.", "type": "string"}"#
        let base = ["a.json": DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}"#) + ", " + shop)]
        let head = ["a.json": DiffExample.contract(version: "2.0.0", defs: DiffExample.item(#""sku": {"type": "string"}"#)),
                    "b.json": DiffExample.contract(defs: shop).replacingOccurrences(of: #""name": "demo""#, with: #""name": "shops""#)]
        let removal = DiffHarness.diff(base, head)?.changes.first { $0.checkID == "type-removed" }
        XCTAssertEqual(removal?.impact, .breaks)
        XCTAssertTrue(removal?.hint?.hasPrefix("a type Shop is now in ") == true, removal?.hint ?? "no hint")
    }

    /// A file whose major moved in place is paired with its old self even when another major of the contract sits
    /// beside it, so its changes are shown (not only "v2 removed, v3 added").
    func testMajorBumpedInPlaceBesideAnotherMajor() {
        let v1 = DiffExample.response(#""sku": {"type": "string"}"#, version: "1.2.0")
        let base = ["v1.json": v1, "v2.json": DiffExample.response(#""sku": {"type": "string"}, "state": {"enum": ["a"]}"#, version: "2.0.0")]
        let head = ["v1.json": v1, "v2.json": DiffExample.response(#""sku": {"type": "string"}, "state": {"enum": ["a", "b"]}"#, version: "3.0.0")]
        let changes = DiffHarness.diff(base, head)?.changes ?? []
        XCTAssertEqual(Set(changes.map(\.checkID)), ["contract-removed", "enum-value-added"], "\(changes.map(\.message))")
        XCTAssertEqual(changes.first { $0.checkID == "enum-value-added" }?.contract, "demo v2 → demo v3")
    }

    func testMajorBumpedInPlaceRemovesTheOldMajor() {
        let base = DiffExample.response(#""sku": {"type": "string"}"#, version: "1.4.0")
        let head = DiffExample.response(#""sku": {"type": "string"}"#, version: "2.0.0")
        let changes = DiffHarness.diff(base, head)?.changes ?? []
        XCTAssertEqual(changes.map(\.checkID), ["contract-removed"])
        XCTAssertEqual(changes.first?.impact, .breaks)
    }

    /// A change that breaks no one never asks for a major version.
    func testHarmlessChangesNeedNoMajorVersion() {
        let base = DiffExample.operation(#""method": "GET", "path": "/items", "responses": {"200": {}, "404": {"contentType": "application/problem+json", "schema": {"type": "object"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}"#)
        let head = DiffExample.operation(#""method": "GET", "path": "/items", "responses": {"200": {}, "404": {}}"#)
        let verdict = DiffHarness.diff(base, head)?.versions.first
        XCTAssertEqual(verdict?.breaking, 0)
        XCTAssertEqual(verdict?.required, .minor)
    }

    func testVersionsAtTheLimitDoNotOverflow() {
        let base = DiffExample.response(#""sku": {"type": "string"}"#, version: "1.9223372036854775807.0")
        let head = DiffExample.response(#""sku": {"type": "string"}, "note": {"type": "string"}"#, version: "1.9223372036854775807.0")
        XCTAssertEqual(DiffHarness.diff(base, head)?.versions.first?.suggested?.description, "1.9223372036854775807.0")
    }

    func testVersionGateSuggestsTheNextCorrectVersion() {
        let base = DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}"#, required: ["sku", "name"], version: "1.4.2")
        let rows: [(head: String, suggested: String?)] = [
            (DiffExample.response(#""sku": {"type": "string"}"#, version: "1.5.0"), "2.0.0"),  // breaking
            (DiffExample.response(#""sku": {"type": "string"}"#, version: "2.0.0"), nil),  // bumped in place
            (DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}, "note": {"type": "string"}"#, required: ["sku", "name"], version: "1.4.3"), "1.5.0"),
            (DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}, "note": {"type": "string"}"#, required: ["sku", "name"], version: "1.5.0"), nil),
            (DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}"#, required: ["sku", "name"], version: "1.4.2"), nil),  // unchanged
            (DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}"#, required: ["sku", "name"], version: "1.3.0"), "1.4.2"),  // backwards: the base's own version is the smallest correct one
            (DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}"#, required: ["sku", "name"], version: "1.4.1"), "1.4.2"),  // backwards
        ]
        for (index, row) in rows.enumerated() {
            let versions = DiffHarness.diff(base, row.head)?.versions ?? []
            XCTAssertEqual(versions.count, 1, "row \(index)")
            XCTAssertEqual(versions.first?.suggested?.description, row.suggested, "row \(index)")
        }
        let backwards = DiffHarness.diff(base, rows[5].head)?.changes.filter { $0.checkID == "version-gate" }
        XCTAssertEqual(backwards?.map(\.message), ["demo v1 goes back from 1.4.2 to 1.3.0: a version never decreases"])
        let risky = DiffHarness.diff(base, rows[2].head)?.changes.filter { $0.checkID == "version-gate" }
        XCTAssertEqual(risky?.map(\.message), ["1 compatible change needs a minor version, but demo v1 goes from 1.4.2 to 1.4.3"])

        // A pre-release previews its release: moving on to it makes the change the release is for.
        let added = { (version: String) in
            DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}, "note": {"type": "string"}"#, required: ["sku", "name"], version: version)
        }
        let removed = { (version: String) in DiffExample.response(#""sku": {"type": "string"}"#, version: version) }
        let previews: [(base: String, head: String, suggested: String?)] = [
            ("1.5.0-rc.1", added("1.5.0"), nil),  // a minor release may add
            ("1.5.0-rc.1", added("1.5.0-rc.2"), nil),
            ("1.5.0-rc.1", removed("1.5.0"), "2.0.0"),  // but not break
            ("1.4.3-rc.1", added("1.4.3"), "1.5.0"),  // a patch release may not add
            ("2.0.0-rc.1", removed("2.0.0"), nil),  // a major release may break
            ("1.5.0-rc.2", added("1.5.0-rc.1"), "1.6.0"),  // backwards is never a move
        ]
        for (index, row) in previews.enumerated() {
            let preview = DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}"#, required: ["sku", "name"], version: row.base)
            let versions = DiffHarness.diff(preview, row.head)?.versions ?? []
            XCTAssertEqual(versions.first?.suggested?.description, row.suggested, "pre-release row \(index)")
        }
    }

    /// Under 0.y.z the minor number marks breaking changes and the patch number the rest (SemVer §4, as Cargo and npm
    /// read it): a draft contract moves 0.3.1 → 0.4.0 for a breaking change, not to 1.0.0 beside itself.
    func testInitialDevelopmentVersions() {
        let removed = { (version: String) in DiffExample.response(#""sku": {"type": "string"}"#, version: version) }
        let added = { (version: String) in
            DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}, "note": {"type": "string"}"#, required: ["sku", "name"], version: version)
        }
        let rows: [(base: String, head: String, suggested: String?)] = [
            ("0.3.1", removed("0.3.1"), "0.4.0"),  // breaking: the next minor
            ("0.3.1", removed("0.3.2"), "0.4.0"),
            ("0.3.1", removed("0.4.0"), nil),
            ("0.3.1", removed("1.0.0"), nil),  // leaving initial development is always enough
            ("0.3.1", added("0.3.1"), "0.3.2"),  // an addition: the next patch
            ("0.3.1", added("0.3.2"), nil),
            ("0.4.0-rc.1", removed("0.4.0"), nil),  // the release a pre-release previews may break
            ("0.3.1-rc.1", removed("0.3.1"), "0.4.0"),  // a patch release may not
        ]
        for (index, row) in rows.enumerated() {
            let base = DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}"#, required: ["sku", "name"], version: row.base)
            let versions = DiffHarness.diff(base, row.head)?.versions ?? []
            XCTAssertEqual(versions.count, 1, "row \(index)")
            XCTAssertEqual(versions.first?.suggested?.description, row.suggested, "row \(index)")
        }
        let base = DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}"#, required: ["sku", "name"], version: "0.3.1")
        let gate = DiffHarness.diff(base, removed("0.3.2"))?.changes.first { $0.checkID == "version-gate" }
        XCTAssertEqual(gate?.message, "1 breaking change needs a 0.x minor version, but demo v0 goes from 0.3.1 to 0.3.2")
        XCTAssertEqual(gate?.hint, "set the version to 0.4.0 (under 0.x the minor number marks breaking changes) — or revert them")
        let result = DiffHarness.diff(base, removed("0.3.2"))
        XCTAssertEqual(result.map(DiffReport.versionLines), ["demo v0: 0.3.1 → 0.3.2: 1 breaking, 0 risky, 0 compatible; needs 0.x minor — version should be at least 0.4.0"])
    }

    /// The HTML report's verdict, worst first: breaking changes, else versions to fix, else risky changes, else compatible.
    func testHTMLVerdict() throws {
        let base = DiffExample.operation(#""method": "GET", "path": "/items", "responses": {"200": {}}, "rateLimit": {"quota": 600, "window": "PT1M"}"#, version: "1.4.2")
        let lower = #""method": "GET", "path": "/items", "responses": {"200": {}}, "rateLimit": {"quota": 300, "window": "PT1M"}"#
        let rows: [(head: String, verdict: String)] = [
            (DiffExample.operation(lower, version: "1.5.0"), "Risky"),
            (DiffExample.operation(lower, version: "1.4.3"), "Versions to fix"),
            (DiffExample.operation(#""method": "GET", "path": "/items", "responses": {"200": {}}, "summary": "Items.", "rateLimit": {"quota": 600, "window": "PT1M"}"#, version: "1.4.3"), "Compatible"),
            (DiffExample.operation(#""method": "POST", "path": "/items", "responses": {"200": {}}, "rateLimit": {"quota": 600, "window": "PT1M"}"#, version: "2.0.0"), "Breaking"),
        ]
        for row in rows {
            let head = try XCTUnwrap(DiffHarness.load(["a.json": row.head]))
            let result = try XCTUnwrap(DiffHarness.diff(base, row.head))
            let html = CompatibilityHTMLReport.render(result, head: head, bases: ["base"], today: "2026-11-29")
            XCTAssertTrue(html.contains("<div class=\"value\">\(row.verdict)</div><div class=\"label\">Verdict</div>"), "\(row.verdict): \(result.changes.map(\.message))")
        }
    }
}
