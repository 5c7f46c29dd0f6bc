import XCTest
@testable import CharterCore
@testable import CharterGovernance

/// The rules' edge cases, one row a case: a contract fragment → the findings of one rule (pointer: message).
final class LintRuleRowsTests: XCTestCase {
    private func findings(_ rule: String, extension fields: String = "", defs: String = ExampleContract.item) -> [String] {
        let text = ExampleContract.make(extension: fields, defs: defs)
        return LintHarness.lint(text, configuration: LintHarness.strict)?.findings.filter { $0.ruleID == rule }
            .map { "\($0.location.pointer): \($0.message)" } ?? ["did not load"]
    }

    /// An operation `op` with the given members, after the OAuth2 scheme.
    private func operation(_ members: String) -> String {
        ExampleContract.oauth + #", "operations": {"op": {"# + members + (members.contains(#""responses""#) ? "" : #", "responses": {"200": {}}"#) + "}}"
    }

    func testOperationRows() {
        let rows: [(rule: String, members: String, expected: [String])] = [
            ("write-idempotency", #""method": "POST", "path": "/q", "idempotency": {"required": false}"#, []),  // a query
            ("write-idempotency", #""method": "PUT", "path": "/q", "idempotency": {"required": false}"#,
             ["/x-contract/operations/op/idempotency/required: PUT operation op must require an idempotency key"]),
            ("write-idempotency", #""method": "DELETE", "path": "/q", "idempotency": {"required": true}"#,
             ["/x-contract/operations/op/idempotency: operation op requires an idempotency key but names no header for it",
              "/x-contract/operations/op/idempotency: operation op requires an idempotency key but says not how long keys are kept"]),
            ("write-idempotency", #""method": "DELETE", "path": "/q", "idempotency": {"required": true, "keyHeader": "K", "retention": "P1D"}"#, []),
            ("duration-format", #""method": "PUT", "path": "/q", "idempotency": {"required": true, "keyHeader": "K", "retention": "p1d"}, "rateLimit": {"quota": 1, "window": "PT"}"#,
             [#"/x-contract/operations/op/idempotency/retention: idempotency retention of op "p1d" is not an ISO 8601 duration"#,
              #"/x-contract/operations/op/rateLimit/window: rate-limit window of op "PT" is not an ISO 8601 duration"#]),
            ("duration-format", #""method": "PUT", "path": "/q", "idempotency": {"required": true, "keyHeader": "K", "retention": "P1DT12H"}, "rateLimit": {"quota": 1, "window": "PT0.5S"}"#, []),
            ("duration-format", #""method": "PUT", "path": "/q", "idempotency": {"required": true, "keyHeader": "K", "retention": "PT1.5M"}, "rateLimit": {"quota": 1, "window": "P1M"}"#,
             [#"/x-contract/operations/op/idempotency/retention: idempotency retention of op "PT1.5M" is not an ISO 8601 duration"#]),
            ("write-idempotency", #""method": "GET", "path": "/q""#, []),
            ("write-scope", #""method": "POST", "path": "/q", "idempotency": {"required": false}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}"#, []),
            ("write-scope", #""method": "GET", "path": "/q", "auth": {"scheme": "oauth", "scopes": ["demo:write"]}"#,
             ["/x-contract/operations/op/auth/scopes: read operation op requires scope demo:write"]),
            ("operation-auth", #""method": "POST", "path": "/q", "auth": {"scheme": "none"}, "idempotency": {"required": true, "keyHeader": "K"}"#,
             ["/x-contract/operations/op/auth: write operation op allows anonymous callers"]),
            ("operation-auth", #""method": "GET", "path": "/q", "auth": {"scheme": "none"}"#, []),
            ("auth-scheme-declared", #""method": "GET", "path": "/q", "auth": {"scheme": "oath", "scopes": []}"#,
             [#"/x-contract/operations/op/auth/scheme: operation op uses undeclared auth scheme "oath""#]),
            ("path-parameters", #""method": "GET", "path": "/a/{x}/b/{y}", "parameters": [{"name": "x", "in": "path", "schema": {"type": "string"}}, {"name": "z", "in": "path", "schema": {"type": "string"}}]"#,
             ["/x-contract/operations/op/path: path placeholder {y} of op is not a declared path parameter",
              "/x-contract/operations/op/parameters/1: path parameter z of op is not in the path /a/{x}/b/{y}"]),
            ("operation-sla", #""method": "GET", "path": "/q", "sla": {"latencyP99Ms": 5000}"#,
             ["/x-contract/operations/op/sla: SLA of op has no availability",
              "/x-contract/operations/op/sla/latencyP99Ms: operation op promises a p99 of 5000 ms, over the 2000 ms budget"]),
            ("timeout-covers-latency", #""method": "GET", "path": "/q", "sla": {"latencyP99Ms": 100, "availability": 0.99, "timeoutMs": 100}"#, []),
            ("error-response-problem", #""method": "GET", "path": "/q", "responses": {"503": {"schema": {"type": "string"}}, "404": {"contentType": "application/problem+json", "schema": {"type": "object"}}}"#,
             ["/x-contract/operations/op/responses/503: 503 response of op is application/json, not application/problem+json"]),
        ]
        for row in rows {
            XCTAssertEqual(findings(row.rule, extension: operation(row.members)), row.expected, row.members)
        }
    }

    func testEventRows() {
        let union = ##""Changed": {"title": "Changed", "description": "A change.", "examples": [{"kind": "a", "sku": "1"}], "oneOf": [{"$ref": "#/$defs/A"}, {"$ref": "#/$defs/B"}]},"##
            + #""A": {"title": "A", "description": "A.", "type": "object", "required": ["kind", "sku", "where", "flag", "code"], "properties": {"code": {"allOf": [{"type": "string"}]}, "flag": {"type": ["string", "null"]}, "kind": {"const": "a"}, "sku": {"type": "string"}, "where": {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]}}, "examples": [{"kind": "a", "sku": "1"}]},"#
            + #""B": {"title": "B", "description": "B.", "type": "object", "required": ["kind", "flag", "code"], "properties": {"code": {"type": "string"}, "kind": {"const": "b"}, "flag": {"type": ["string", "null"]}, "sku": {"type": "string"}}, "examples": [{"kind": "b"}]}"#
        let rows: [(key: String, expected: [String])] = [
            ("/kind", []),
            ("/sku", [#"/x-contract/events/Changed/orderingKey/0: ordering key /sku of Changed: "sku" is optional"#]),
            ("/where", [#"/x-contract/events/Changed/orderingKey/0: ordering key /where of Changed: points at an object or array, not a scalar"#]),
            ("/nothing", [#"/x-contract/events/Changed/orderingKey/0: ordering key /nothing of Changed: the payload has no property "nothing""#]),
            ("/flag", [#"/x-contract/events/Changed/orderingKey/0: ordering key /flag of Changed: must be a string or an integer, never null"#]),
            ("/code", []),  // a string through allOf
        ]
        for row in rows {
            let event = ##""events": {"Changed": {"topic": "t.v1", "payload": {"$ref": "#/$defs/Changed"}, "orderingKey": [""## + row.key + ##""]}}"##
            XCTAssertEqual(findings("event-ordering-key", extension: event, defs: union), row.expected, row.key)
        }
        let objectKey = ##""events": {"E": {"topic": "t.v1", "payload": {"$ref": "#/$defs/A"}, "orderingKey": ["/where"]}}"##
        XCTAssertEqual(findings("event-ordering-key", extension: objectKey, defs: union),
                       ["/x-contract/events/E/orderingKey/0: ordering key /where of E: points at an object or array, not a scalar"])
        let topics = ##""events": {"E": {"topic": "t.v2", "payload": {"$ref": "#/$defs/Item"}, "delivery": "exactly-once", "deadLetter": {"topic": "t.v2"}}}"##
        XCTAssertEqual(findings("event-topic-versioned", extension: topics), ["/x-contract/events/E/topic: topic t.v2 of E does not end in .v1"])
        XCTAssertEqual(findings("event-dead-letter", extension: topics), ["/x-contract/events/E/deadLetter/topic: dead-letter topic of E is the event's own topic"])
        let kept = ##""events": {"E": {"topic": "t.v1", "payload": {"$ref": "#/$defs/Item"}, "deadLetter": {"topic": "t.v1.dlq", "retention": "7 days"}}}"##
        XCTAssertEqual(findings("duration-format", extension: kept), [#"/x-contract/events/E/deadLetter/retention: dead-letter retention of E "7 days" is not an ISO 8601 duration"#])
    }

    func testDataRows() {
        func property(_ name: String, _ schema: String) -> String {
            #""T": {"title": "T", "description": "T.", "type": "object", "properties": {""# + name + #"": "# + schema + #"}, "examples": [{}]}"#
        }
        let rows: [(rule: String, name: String, schema: String, expected: [String])] = [
            ("money-not-float", "totalAmount", #"{"type": ["number", "null"]}"#, ["/$defs/T/properties/totalAmount: totalAmount is a binary floating-point number; money must be exact"]),
            ("money-not-float", "prices", #"{"type": "array", "items": {"type": "number"}}"#, ["/$defs/T/properties/prices/items: prices is a binary floating-point number; money must be exact"]),
            ("money-not-float", "latitude", #"{"type": "number"}"#, []),
            ("money-not-float", "amount", #"{"type": "number", "format": "decimal"}"#, []),
            ("quantity-non-negative", "reservedQty", #"{"type": "integer", "exclusiveMinimum": -1}"#, []),
            ("quantity-non-negative", "itemCount", #"{"type": "integer", "minimum": -5}"#, ["/$defs/T/properties/itemCount: quantity itemCount may be negative"]),
            ("quantity-non-negative", "quantityDelta", #"{"type": "integer"}"#, []),
            ("timestamp-with-zone", "created_at", #"{"type": "string"}"#, ["/$defs/T/properties/created_at: timestamp created_at is a plain string, without a required UTC offset"]),
            ("timestamp-with-zone", "pickupTime", #"{"type": "string", "format": "time"}"#, []),  // a time of day
            ("timestamp-with-zone", "eventTimestamp", #"{"type": "string"}"#, ["/$defs/T/properties/eventTimestamp: timestamp eventTimestamp is a plain string, without a required UTC offset"]),
            ("timestamp-with-zone", "shippedAt", #"{"type": "string", "format": "date"}"#, []),  // a format chosen on purpose
            ("money-not-float", "feedbackScore", #"{"type": "number"}"#, []),  // "fee" only as a whole word
            ("money-not-float", "shippingFees", #"{"type": "number"}"#, ["/$defs/T/properties/shippingFees: shippingFees is a binary floating-point number; money must be exact"]),
            ("quantity-non-negative", "countryNumber", #"{"type": "integer"}"#, []),
            ("quantity-non-negative", "onHandQuantity", #"{"type": "integer"}"#, ["/$defs/T/properties/onHandQuantity: quantity onHandQuantity may be negative"]),
            ("timestamp-with-zone", "updatedAt", #"{"type": "string", "format": "date-time"}"#, []),
            ("property-name-case", "on-hand", #"{"type": "string"}"#, ["/$defs/T/properties/on-hand: property name on-hand is not lowerCamelCase"]),
        ]
        for row in rows {
            XCTAssertEqual(findings(row.rule, defs: property(row.name, row.schema)), row.expected, "\(row.rule) \(row.name)")
        }
    }

    func testGovernanceRows() {
        let lifecycle = { (fields: String) in
            #""owner": {"team": "t", "contact": {"email": "e"}}, "compatibility": "backward", "lifecycle": "# + fields
        }
        let text = { (fields: String) in ExampleContract.make(extension: lifecycle(fields), defs: ExampleContract.item, governance: false) }
        let rows: [(rule: String, lifecycle: String, expected: [String])] = [
            ("deprecation-planned", #"{"status": "active", "since": "2025-05-01", "sunset": "2025-01-01"}"#,
             ["/x-contract/lifecycle/sunset: sunset 2025-01-01 is not after since 2025-05-01"]),
            ("deprecation-planned", #"{"status": "deprecated", "successor": "x@2", "sunset": "2030-01-01"}"#, []),
            ("sunset-passed", #"{"status": "active", "sunset": "2026-05-31"}"#,
             ["/x-contract/lifecycle/sunset: contract demo is active but its sunset 2026-05-31 has passed"]),
            ("sunset-passed", #"{"status": "active", "sunset": "2026-06-01"}"#, []),  // the sunset day itself
        ]
        for row in rows {
            let findings = LintHarness.lint(text(row.lifecycle))?.findings.filter { $0.ruleID == row.rule }.map { "\($0.location.pointer): \($0.message)" }
            XCTAssertEqual(findings, row.expected, row.lifecycle)
        }
    }

    func testMissingFieldsPointAtTheObjectThatShouldHoldThem() throws {
        let text = ExampleContract.make(governance: false)
        let finding = try XCTUnwrap(LintHarness.lint(text)?.findings.first { $0.ruleID == "owner-declared" })
        XCTAssertEqual(finding.location.pointer.description, "/x-contract")
        XCTAssertEqual(finding.location.position?.line, 3)
        XCTAssertEqual(finding.location.position?.column, 17)
    }
}
