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
             ["/x-contract/operations/op/auth/scopes/0: read operation op requires scope demo:write"]),
            ("write-scope", #""method": "GET", "path": "/q", "auth": {"scheme": "oauth", "scopes": ["demo:read", "demo:write"]}"#,
             ["/x-contract/operations/op/auth/scopes/1: read operation op requires scope demo:write"]),
            ("operation-auth", #""method": "POST", "path": "/q", "auth": {"scheme": "none"}, "idempotency": {"required": true, "keyHeader": "K"}"#,
             ["/x-contract/operations/op/auth: write operation op allows anonymous callers"]),
            ("operation-auth", #""method": "GET", "path": "/q", "auth": {"scheme": "none"}"#, []),
            // Declaring a POST a query exempts it from idempotency keys, not from authentication.
            ("operation-auth", #""method": "POST", "path": "/q", "auth": {"scheme": "none"}, "idempotency": {"required": false}"#,
             ["/x-contract/operations/op/auth: query op allows anonymous callers"]),
            ("write-idempotency", #""method": "POST", "path": "/q", "auth": {"scheme": "none"}, "idempotency": {"required": false}"#, []),
            // :admin is the level above :write (contract-format.md §4); a read still needs only :read.
            ("write-scope", #""method": "DELETE", "path": "/q", "auth": {"scheme": "oauth", "scopes": ["demo:admin"]}, "idempotency": {"required": true, "keyHeader": "K", "retention": "P1D"}"#, []),
            ("write-scope", #""method": "GET", "path": "/q", "auth": {"scheme": "oauth", "scopes": ["demo:admin"]}"#,
             ["/x-contract/operations/op/auth/scopes/0: read operation op requires scope demo:admin"]),
            // Blank is missing.
            ("write-idempotency", #""method": "PUT", "path": "/q", "idempotency": {"required": true, "keyHeader": " ", "retention": ""}"#,
             ["/x-contract/operations/op/idempotency: operation op requires an idempotency key but names no header for it",
              "/x-contract/operations/op/idempotency: operation op requires an idempotency key but says not how long keys are kept"]),
            ("auth-scheme-declared", #""method": "GET", "path": "/q", "auth": {"scheme": "oath", "scopes": []}"#,
             [#"/x-contract/operations/op/auth/scheme: operation op uses undeclared auth scheme "oath""#]),
            // The scope that is not defined, not the whole list.
            ("auth-scheme-declared", #""method": "POST", "path": "/q", "auth": {"scheme": "oauth", "scopes": ["demo:write", "demo:admin"]}, "idempotency": {"required": true, "keyHeader": "K"}"#,
             [#"/x-contract/operations/op/auth/scopes/1: operation op requires scope "demo:admin", which scheme oauth does not define"#]),
            ("path-parameters", #""method": "GET", "path": "/a/{x}/b/{y}", "parameters": [{"name": "x", "in": "path", "schema": {"type": "string"}}, {"name": "z", "in": "path", "schema": {"type": "string"}}]"#,
             ["/x-contract/operations/op/path: path placeholder {y} of op is not a declared path parameter",
              "/x-contract/operations/op/parameters/1: path parameter z of op is not in the path /a/{x}/b/{y}"]),
            ("operation-sla", #""method": "GET", "path": "/q", "sla": {"latencyP99Ms": 5000}"#,
             ["/x-contract/operations/op/sla: SLA of op has no availability",
              "/x-contract/operations/op/sla/latencyP99Ms: operation op promises a p99 of 5000 ms, over the 2000 ms budget"]),
            ("timeout-covers-latency", #""method": "GET", "path": "/q", "sla": {"latencyP99Ms": 100, "availability": 0.99, "timeoutMs": 100}"#, []),
            ("error-response-problem", #""method": "GET", "path": "/q", "responses": {"503": {"schema": {"type": "string"}}, "404": {"contentType": "application/problem+json", "schema": {"type": "object"}}}"#,
             ["/x-contract/operations/op/responses/503: 503 response of op is application/json, not application/problem+json"]),
            // Media types compare without case and parameters; a written one is pointed at.
            ("error-response-problem", #""method": "GET", "path": "/q", "responses": {"404": {"contentType": "application/problem+json; charset=utf-8", "schema": {"type": "object"}}, "409": {"contentType": "Application/Problem+JSON", "schema": {"type": "object"}}}"#, []),
            ("error-response-problem", #""method": "GET", "path": "/q", "responses": {"404": {"contentType": "application/json; charset=utf-8", "schema": {"type": "object"}}}"#,
             ["/x-contract/operations/op/responses/404/contentType: 404 response of op is application/json; charset=utf-8, not application/problem+json"]),
        ]
        for row in rows {
            XCTAssertEqual(findings(row.rule, extension: operation(row.members)), row.expected, row.members)
        }
    }

    /// `event-ordering-key` sees the payload as its instances are: `allOf` parts and properties written beside a
    /// `oneOf`/`anyOf` hold in every variant, and `required` may be written in the variants.
    func testOrderingKeyThroughCompositionRows() {
        let defs = ##"""
            "Base": {"type": "object", "required": ["sku"], "properties": {"sku": {"type": "string"}}},
            "Sale": {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "sale"}}},
            "Return": {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "return"}}},
            "Movement": {"allOf": [{"$ref": "#/$defs/Base"}], "oneOf": [{"$ref": "#/$defs/Sale"}, {"$ref": "#/$defs/Return"}]},
            "Adjustment": {"type": "object", "required": ["kind"], "properties": {"sku": {"type": "string"}, "kind": {"type": "string"}}, "oneOf": [{"required": ["sku", "kind"]}, {"required": ["sku"]}]},
            "Loose": {"type": "object", "required": ["kind"], "properties": {"sku": {"type": "string"}, "kind": {"type": "string"}}, "oneOf": [{"required": ["sku"]}, {"required": ["kind"]}]},
            "Typed": {"type": "object", "required": ["sku"], "properties": {"sku": {}}, "anyOf": [{"properties": {"sku": {"type": "string"}}}, {"properties": {"sku": {"type": "integer"}}}]},
            "Mixed": {"type": "object", "required": ["sku"], "properties": {"sku": {}}, "anyOf": [{"properties": {"sku": {"type": "string"}}}, {"properties": {"sku": {"type": "number"}}}]},
            "Tree": {"oneOf": [{"$ref": "#/$defs/Tree"}, {"$ref": "#/$defs/Base"}]}
            """##
        let rows: [(payload: String, expected: [String])] = [
            ("Movement", []),  // sku required by the allOf part every variant shares
            ("Adjustment", []),  // declared beside the variants, required by each of them
            ("Loose", [#"/x-contract/events/E/orderingKey/0: ordering key /sku of E: "sku" is optional"#]),
            ("Typed", []),  // typed by each variant: a string or an integer either way
            ("Mixed", ["/x-contract/events/E/orderingKey/0: ordering key /sku of E: must be a string or an integer, never null"]),
            ("Tree", []),  // a union that holds itself ends
        ]
        for row in rows {
            let event = ##""events": {"E": {"topic": "t.v1", "payload": {"$ref": "#/$defs/"## + row.payload + ##""}, "orderingKey": ["/sku"]}}"##
            XCTAssertEqual(findings("event-ordering-key", extension: event, defs: defs), row.expected, row.payload)
        }
    }

    /// Event settings the rules require: a blank value is a missing one; retries stay within 1…100 attempts.
    func testEventSettingRows() {
        let rows: [(rule: String, members: String, expected: [String])] = [
            ("event-topic-versioned", #""topic": " ""#, ["/x-contract/events/E: event E names no topic"]),
            ("event-dead-letter", #""topic": "t.v1", "delivery": "at-least-once", "deadLetter": {"topic": ""}"#,
             ["/x-contract/events/E: at-least-once event E has no dead-letter topic"]),
            ("event-access-declared", #""topic": "t.v1", "publish": {"auth": {"scheme": "oauth"}, "allowed": [""]}, "subscribe": {"auth": {"scheme": "oauth"}, "allowed": ["pos", " "]}"#,
             ["/x-contract/events/E/publish/allowed: publish access of E allows no system",
              "/x-contract/events/E/subscribe/allowed/1: subscribe access of E lists a blank system"]),
            ("retry-backoff", #""topic": "t.v1", "retry": {"maxAttempts": 1000, "initialDelayMs": 0, "maxDelayMs": 0}"#,
             ["/x-contract/events/E/retry/maxAttempts: retry of E allows 1000 attempts"]),
            ("retry-backoff", #""topic": "t.v1", "retry": {"maxAttempts": 100, "initialDelayMs": 0, "maxDelayMs": 0}"#, []),
            ("retry-backoff", #""topic": "t.v1", "retry": {"maxAttempts": 0}"#, ["/x-contract/events/E/retry/maxAttempts: retry of E allows 0 attempts"]),
        ]
        for row in rows {
            let event = ##""events": {"E": {"payload": {"$ref": "#/$defs/Item"}, "## + row.members + "}}"
            XCTAssertEqual(findings(row.rule, extension: event), row.expected, row.members)
        }
    }

    /// A topic not ending in the contract's major: the hint replaces a version segment (`.v1` of a 2.0.0 contract)
    /// and appends one where there is none. Rows: version, topic → the finding and its hint.
    func testEventTopicVersionHintRows() {
        let rows: [(version: String, topic: String, expected: [String])] = [
            ("2.0.0", "billing.invoices-issued.v1",
             ["/x-contract/events/E/topic: topic billing.invoices-issued.v1 of E does not end in .v2 | name it billing.invoices-issued.v2 so each major version has its own topic"]),
            ("3.1.0", "t.v12", ["/x-contract/events/E/topic: topic t.v12 of E does not end in .v3 | name it t.v3 so each major version has its own topic"]),
            ("1.0.0", "demo.item-changed", ["/x-contract/events/E/topic: topic demo.item-changed of E does not end in .v1 | name it demo.item-changed.v1 so each major version has its own topic"]),
            ("1.0.0", "t.version", ["/x-contract/events/E/topic: topic t.version of E does not end in .v1 | name it t.version.v1 so each major version has its own topic"]),
            ("1.0.0", "t.v", ["/x-contract/events/E/topic: topic t.v of E does not end in .v1 | name it t.v.v1 so each major version has its own topic"]),
            ("2.0.0", "t.v2x", ["/x-contract/events/E/topic: topic t.v2x of E does not end in .v2 | name it t.v2x.v2 so each major version has its own topic"]),
            ("1.0.0", "topic", ["/x-contract/events/E/topic: topic topic of E does not end in .v1 | name it topic.v1 so each major version has its own topic"]),
            ("2.0.0", "t.v2", []),
        ]
        for row in rows {
            let event = ##""events": {"E": {"topic": ""## + row.topic + ##"", "payload": {"$ref": "#/$defs/Item"}}}"##
            let report = LintHarness.lint(ExampleContract.make(extension: event, defs: ExampleContract.item, version: row.version), configuration: LintHarness.strict)
            XCTAssertEqual(report?.findings.filter { $0.ruleID == "event-topic-versioned" }.map { "\($0.location.pointer): \($0.message) | \($0.hint ?? "-")" },
                           row.expected, row.topic)
        }
    }

    /// A file named for a major (`<name>-v<MAJOR>.json`) declares that major; a file not named so is not judged.
    /// Rows: file name, version → the findings (pointer: message | hint).
    func testVersionMatchesFileNameRows() {
        let rows: [(file: String, version: String, expected: [String])] = [
            ("billing/billing-v1.json", "2.0.0",
             ["/x-contract/version: billing-v1.json declares version 2.0.0: major 2, not the file name's v1 | publish major 2 as billing-v2.json beside billing-v1.json (its clients keep v1), or keep the version at 1.x"]),
            ("demo-v10.json", "1.0.0",
             ["/x-contract/version: demo-v10.json declares version 1.0.0: major 1, not the file name's v10 | publish major 1 as demo-v1.json beside demo-v10.json (its clients keep v10), or keep the version at 10.x"]),
            ("billing-v1.json", "0.3.0",
             ["/x-contract/version: billing-v1.json declares version 0.3.0: major 0, not the file name's v1 | publish major 0 as billing-v0.json beside billing-v1.json (its clients keep v1), or keep the version at 1.x"]),
            ("billing-v2.json", "2.0.0", []),
            ("billing-v1.json", "1.4.2-rc.1", []),
            ("billing-v0.json", "0.3.0", []),
            ("a.json", "2.0.0", []),
            ("-v1.json", "2.0.0", []),
            ("billing-v1.schema.json", "2.0.0", []),
            ("billing-vx.json", "2.0.0", []),
        ]
        for row in rows {
            let report = LintHarness.lint([row.file: ExampleContract.make(version: row.version)], configuration: LintHarness.strict)
            XCTAssertEqual(report?.findings.filter { $0.ruleID == "version-matches-file-name" }.map { "\($0.location.pointer): \($0.message) | \($0.hint ?? "-")" },
                           row.expected, row.file)
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
            ("timestamp-with-zone", "shippedAt", #"{"type": "string", "format": "date"}"#, ["/$defs/T/properties/shippedAt: timestamp shippedAt is a calendar date (format: date), without a time of day or UTC offset"]),
            ("timestamp-with-zone", "shippedAt", #"{"type": "string", "format": "duration"}"#, []),  // another format, chosen on purpose
            ("money-not-float", "feedbackScore", #"{"type": "number"}"#, []),  // "fee" only as a whole word
            ("money-not-float", "shippingFees", #"{"type": "number"}"#, ["/$defs/T/properties/shippingFees: shippingFees is a binary floating-point number; money must be exact"]),
            ("quantity-non-negative", "countryNumber", #"{"type": "integer"}"#, []),
            ("quantity-non-negative", "onHandQuantity", #"{"type": "integer"}"#, ["/$defs/T/properties/onHandQuantity: quantity onHandQuantity may be negative"]),
            ("quantity-non-negative", "quantity", #"{"type": "integer"}"#, ["/$defs/T/properties/quantity: quantity may be negative"]),  // not "quantity quantity"
            ("quantity-non-negative", "Quantities", #"{"type": "array", "items": {"type": "integer"}}"#, ["/$defs/T/properties/Quantities/items: Quantities may be negative"]),
            ("quantity-non-negative", "count", #"{"type": "integer"}"#, ["/$defs/T/properties/count: quantity count may be negative"]),
            ("timestamp-with-zone", "updatedAt", #"{"type": "string", "format": "date-time"}"#, []),
            ("property-name-case", "on-hand", #"{"type": "string"}"#, ["/$defs/T/properties/on-hand: property name on-hand is not lowerCamelCase"]),
        ]
        for row in rows {
            XCTAssertEqual(findings(row.rule, defs: property(row.name, row.schema)), row.expected, "\(row.rule) \(row.name)")
        }
    }

    /// The data rules judge the value a name holds, however the schema spells it: through `$ref`, nullable unions,
    /// `allOf` (whose parts all apply), `anyOf`/`oneOf` (any branch may be the value), array items and map values at
    /// any depth; and the names of parameters and response headers as well as properties.
    func testDataRulesJudgeTheEffectiveSchema() {
        func property(_ name: String, _ schema: String) -> String {
            #""T": {"title": "T", "description": "T.", "type": "object", "properties": {""# + name + #"": "# + schema + #"}, "examples": [{}]},"#
                + #""Float": {"title": "Float", "description": "F.", "type": "number", "examples": [1.5]},"#
                + #""Whole": {"title": "Whole", "description": "W.", "type": "integer", "examples": [1]},"#
                + #""NonNegative": {"title": "NonNegative", "description": "N.", "type": "integer", "minimum": 0, "examples": [1]},"#
                + #""Text": {"title": "Text", "description": "T.", "type": "string", "examples": ["a"]},"#
                + #""Instant": {"title": "Instant", "description": "I.", "type": "string", "format": "date-time", "examples": ["2026-01-01T00:00:00Z"]},"#
                + #""Dec": {"title": "Dec", "description": "D.", "type": "string", "format": "decimal", "examples": ["1.5"]}"#
                + (schema.contains("UnitPrice") ? #", "UnitPrice": {"title": "UnitPrice", "description": "U.", "type": "number", "examples": [1.5]}"# : "")
                + (schema.contains("Wrapper") ? #", "Wrapper": {"title": "Wrapper", "description": "W.", "type": "object", "properties": {"value": {"type": "number"}, "unit": {"type": "string"}}, "examples": [{}]}"# : "")
                + (schema.contains("Floats") ? #", "Floats": {"title": "Floats", "description": "F.", "type": "array", "items": {"type": "number"}, "examples": [[1.5]]}"# : "")
        }
        let at = { (name: String) in "/$defs/T/properties/" + name }
        let money = { (name: String) in "\(name) is a binary floating-point number; money must be exact" }
        let negative = { (name: String) in "quantity \(name) may be negative" }
        let plain = { (name: String) in "timestamp \(name) is a plain string, without a required UTC offset" }
        let date = { (name: String) in "timestamp \(name) is a calendar date (format: date), without a time of day or UTC offset" }
        let time = { (name: String) in "timestamp \(name) is a time of day (format: time), without a date" }
        let number = { (name: String) in "timestamp \(name) is a number, not an RFC 3339 date-time: its epoch and unit are left to guess" }
        let rows: [(rule: String, name: String, schema: String, expected: [String])] = [
            ("money-not-float", "unitPrice", ##"{"$ref": "#/$defs/Float"}"##, [at("unitPrice") + ": " + money("unitPrice")]),
            ("money-not-float", "unitPrice", #"{"anyOf": [{"type": "number"}, {"type": "null"}]}"#, [at("unitPrice") + ": " + money("unitPrice")]),
            ("money-not-float", "unitPrice", #"{"allOf": [{"type": "number"}]}"#, [at("unitPrice") + ": " + money("unitPrice")]),
            ("money-not-float", "unitPrice", #"{"oneOf": [{"type": "number"}, {"type": "string", "format": "decimal"}]}"#, [at("unitPrice") + ": " + money("unitPrice")]),
            ("money-not-float", "unitPrice", #"{"type": "number", "format": "double"}"#, [at("unitPrice") + ": " + money("unitPrice")]),
            ("money-not-float", "prices", #"{"type": "object", "additionalProperties": {"type": "number"}}"#, [at("prices") + "/additionalProperties: " + money("prices")]),
            ("money-not-float", "prices", #"{"type": "array", "items": {"type": "array", "items": {"type": "number"}}}"#, [at("prices") + "/items/items: " + money("prices")]),
            ("money-not-float", "orderVATAmount", #"{"type": "number"}"#, [at("orderVATAmount") + ": " + money("orderVATAmount")]),
            ("money-not-float", "totalUSD", #"{"type": "number"}"#, [at("totalUSD") + ": " + money("totalUSD")]),
            ("money-not-float", "line", #"{"type": "object", "properties": {"price": {"type": "number"}}}"#, [at("line") + "/properties/price: " + money("price")]),
            ("money-not-float", "unitPrice", #"{"anyOf": [{"type": "string", "format": "decimal"}, {"type": "null"}]}"#, []),
            ("money-not-float", "unitPrice", ##"{"type": "number", "$ref": "#/$defs/Dec"}"##, []),  // nothing is both
            // A money type is reported once, where it is declared, not at every use.
            ("money-not-float", "unitPrice", ##"{"$ref": "#/$defs/UnitPrice"}"##, ["/$defs/UnitPrice: " + money("UnitPrice")]),
            ("money-not-float", "prices", ##"{"type": "array", "items": {"$ref": "#/$defs/UnitPrice"}}"##, ["/$defs/UnitPrice: " + money("UnitPrice")]),
            ("quantity-non-negative", "onHandQuantity", ##"{"$ref": "#/$defs/Whole"}"##, [at("onHandQuantity") + ": " + negative("onHandQuantity")]),
            ("quantity-non-negative", "onHandQuantity", #"{"anyOf": [{"type": "integer"}, {"type": "null"}]}"#, [at("onHandQuantity") + ": " + negative("onHandQuantity")]),
            ("quantity-non-negative", "onHandQuantity", #"{"allOf": [{"type": "integer"}]}"#, [at("onHandQuantity") + ": " + negative("onHandQuantity")]),
            ("quantity-non-negative", "onHandQuantity", #"{"type": "number", "exclusiveMinimum": -1}"#, [at("onHandQuantity") + ": " + negative("onHandQuantity")]),  // admits -0.5
            ("quantity-non-negative", "quantities", #"{"type": "object", "additionalProperties": {"type": "integer"}}"#, [at("quantities") + "/additionalProperties: quantities may be negative"]),
            ("quantity-non-negative", "onHandSKUCount", #"{"type": "integer"}"#, [at("onHandSKUCount") + ": " + negative("onHandSKUCount")]),
            ("quantity-non-negative", "reservedQuantity", ##"{"type": "integer", "allOf": [{"$ref": "#/$defs/NonNegative"}]}"##, []),
            ("quantity-non-negative", "onHandQuantity", ##"{"type": "integer", "$ref": "#/$defs/NonNegative"}"##, []),
            ("quantity-non-negative", "onHandQuantity", #"{"type": "number", "exclusiveMinimum": 0}"#, []),
            ("quantity-non-negative", "totalSKUs", #"{"type": "integer"}"#, []),  // "SKUs" is not a count word
            ("quantity-non-negative", "packQuantity", #"{"type": "integer", "enum": [1, 6, 12]}"#, []),  // the values listed
            ("quantity-non-negative", "packQuantity", #"{"type": "integer", "enum": [-1, 6, 12]}"#, [at("packQuantity") + ": " + negative("packQuantity")]),
            ("quantity-non-negative", "packQuantity", #"{"type": "integer", "const": 6}"#, []),
            ("timestamp-with-zone", "createdAt", ##"{"$ref": "#/$defs/Text"}"##, [at("createdAt") + ": " + plain("createdAt")]),
            ("timestamp-with-zone", "createdAt", #"{"anyOf": [{"type": "string"}, {"type": "null"}]}"#, [at("createdAt") + ": " + plain("createdAt")]),
            ("timestamp-with-zone", "eventTimestamps", #"{"type": "array", "items": {"type": "string"}}"#, [at("eventTimestamps") + "/items: " + plain("eventTimestamps")]),
            ("timestamp-with-zone", "updated-at", #"{"type": "string"}"#, [at("updated-at") + ": " + plain("updated-at")]),
            ("timestamp-with-zone", "lastSeenAT", #"{"type": "string"}"#, [at("lastSeenAT") + ": " + plain("lastSeenAT")]),
            ("timestamp-with-zone", "eventtimestamp", #"{"type": "string"}"#, [at("eventtimestamp") + ": " + plain("eventtimestamp")]),
            // A rate, share, weight or length is a measure, not an amount.
            ("money-not-float", "taxRate", #"{"type": "number", "minimum": 0, "maximum": 1}"#, []),
            ("money-not-float", "discountPercent", #"{"type": "number"}"#, []),
            ("money-not-float", "feeRatio", #"{"type": "number"}"#, []),
            ("money-not-float", "priceElasticity", #"{"type": "number"}"#, []),
            ("money-not-float", "totalWeightKg", #"{"type": "number"}"#, []),
            ("money-not-float", "totalDistanceKm", #"{"type": "number"}"#, []),
            ("money-not-float", "discountAmount", #"{"type": "number"}"#, [at("discountAmount") + ": " + money("discountAmount")]),
            // Only the head of the name says it is a measure: its last word, or the last before "per".
            ("money-not-float", "pricePerKg", #"{"type": "number"}"#, [at("pricePerKg") + ": " + money("pricePerKg")]),
            ("money-not-float", "shippingCostPerKg", #"{"type": "number"}"#, [at("shippingCostPerKg") + ": " + money("shippingCostPerKg")]),
            ("money-not-float", "volumeDiscount", #"{"type": "number"}"#, [at("volumeDiscount") + ": " + money("volumeDiscount")]),
            ("money-not-float", "weightSurcharge", #"{"type": "number"}"#, [at("weightSurcharge") + ": " + money("weightSurcharge")]),
            ("money-not-float", "flatRateFee", #"{"type": "number"}"#, [at("flatRateFee") + ": " + money("flatRateFee")]),
            ("money-not-float", "taxRates", #"{"type": "array", "items": {"type": "number"}}"#, []),
            ("money-not-float", "ratePerKg", #"{"type": "number"}"#, []),  // "rate" per kilogram is still a rate
            // A wrapper's value ({"value": …, "currency": …}) is the money or quantity its object is named for.
            ("money-not-float", "unitPrice", #"{"type": "object", "properties": {"value": {"type": "number"}, "currency": {"type": "string"}}}"#,
             [at("unitPrice") + "/properties/value: " + money("unitPrice.value")]),
            ("money-not-float", "unitPrice", ##"{"$ref": "#/$defs/Wrapper"}"##, [at("unitPrice") + ": " + money("unitPrice.value")]),
            ("money-not-float", "unitPrice", #"{"type": "object", "properties": {"value": {"type": "string", "format": "decimal"}}}"#, []),
            ("money-not-float", "unitPrice", #"{"type": "object", "properties": {"scale": {"type": "number"}}}"#, []),
            ("quantity-non-negative", "onHand", ##"{"$ref": "#/$defs/Wrapper"}"##, [at("onHand") + ": " + negative("onHand.value")]),
            ("quantity-non-negative", "onHand", #"{"type": "object", "properties": {"value": {"type": "integer", "minimum": 0}}}"#, []),
            // Charter checks a decimal string's bounds like a number's: a quantity written as one needs its minimum.
            ("quantity-non-negative", "onHand", #"{"type": "string", "format": "decimal"}"#, [at("onHand") + ": " + negative("onHand")]),
            ("quantity-non-negative", "onHand", #"{"type": "string", "format": "decimal", "minimum": 0}"#, []),
            // A shared list or map type is reported at the property that uses it, where a suppression applies.
            ("money-not-float", "prices", ##"{"$ref": "#/$defs/Floats"}"##, [at("prices") + ": " + money("prices")]),
            ("money-not-float", "prices", ##"{"type": "object", "additionalProperties": {"$ref": "#/$defs/Floats"}}"##, [at("prices") + "/additionalProperties: " + money("prices")]),
            // Map values of every kind, and both branches of if/then/else.
            ("money-not-float", "pricesByCurrency", #"{"type": "object", "patternProperties": {"^[A-Z]{3}$": {"type": "number"}}}"#,
             [at("pricesByCurrency") + "/patternProperties/^[A-Z]{3}$: " + money("pricesByCurrency")]),
            ("money-not-float", "totals", #"{"type": "object", "unevaluatedProperties": {"type": "number"}}"#, [at("totals") + "/unevaluatedProperties: " + money("totals")]),
            ("money-not-float", "discountAmount", #"{"if": {"type": "number"}, "then": {"maximum": 100}, "else": {"type": "string", "format": "decimal"}}"#,
             [at("discountAmount") + ": " + money("discountAmount")]),
            ("money-not-float", "discountAmount", #"{"type": "object", "if": {"required": ["x"]}, "then": {"properties": {"x": {"type": "string"}}}, "else": {"additionalProperties": {"type": "number"}}}"#,
             [at("discountAmount") + "/else/additionalProperties: " + money("discountAmount")]),
            ("quantity-non-negative", "stockCounts", #"{"type": "object", "patternProperties": {"^[A-Z0-9-]+$": {"type": "integer"}}}"#,
             [at("stockCounts") + "/patternProperties/^[A-Z0-9-]+$: " + negative("stockCounts")]),
            // Digits end a word; a subtotal or a list price is money too.
            ("money-not-float", "unitPrice2", #"{"type": "number"}"#, [at("unitPrice2") + ": " + money("unitPrice2")]),
            ("money-not-float", "amount1", #"{"type": "number"}"#, [at("amount1") + ": " + money("amount1")]),
            ("money-not-float", "price_2", #"{"type": "number"}"#, [at("price_2") + ": " + money("price_2")]),
            ("money-not-float", "tier2Price", #"{"type": "number"}"#, [at("tier2Price") + ": " + money("tier2Price")]),
            ("money-not-float", "subtotal", #"{"type": "number"}"#, [at("subtotal") + ": " + money("subtotal")]),
            ("money-not-float", "lineSubtotals", #"{"type": "array", "items": {"type": "number"}}"#, [at("lineSubtotals") + "/items: " + money("lineSubtotals")]),
            ("money-not-float", "msrp", #"{"type": "number"}"#, [at("msrp") + ": " + money("msrp")]),
            ("money-not-float", "MSRP", #"{"type": "number"}"#, [at("MSRP") + ": " + money("MSRP")]),
            ("money-not-float", "shippingSurcharge", #"{"type": "number"}"#, [at("shippingSurcharge") + ": " + money("shippingSurcharge")]),
            ("money-not-float", "sellerPayout", #"{"type": "number"}"#, [at("sellerPayout") + ": " + money("sellerPayout")]),
            // Still whole words, and only binary floats.
            ("money-not-float", "priceTier", #"{"type": "integer"}"#, []),
            ("money-not-float", "sha256", #"{"type": "number"}"#, []),
            ("money-not-float", "totalizer", #"{"type": "number"}"#, []),
            ("money-not-float", "tax2Rate", #"{"type": "number"}"#, []),
            ("timestamp-with-zone", "createdAt", ##"{"type": "string", "$ref": "#/$defs/Instant"}"##, []),
            ("timestamp-with-zone", "updatedAt", ##"{"type": "string", "allOf": [{"$ref": "#/$defs/Instant"}]}"##, []),
            ("timestamp-with-zone", "format", #"{"type": "string"}"#, []),
            // A date, a time of day or a number is not an instant with its offset, whatever the spelling.
            ("timestamp-with-zone", "expiresAt", #"{"type": "string", "format": "date"}"#, [at("expiresAt") + ": " + date("expiresAt")]),
            ("timestamp-with-zone", "updatedTimestamp", #"{"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]}"#, [at("updatedTimestamp") + ": " + date("updatedTimestamp")]),
            ("timestamp-with-zone", "pickupAt", #"{"type": "string", "format": "time"}"#, [at("pickupAt") + ": " + time("pickupAt")]),
            ("timestamp-with-zone", "closedTimestamp", #"{"type": "integer"}"#, [at("closedTimestamp") + ": " + number("closedTimestamp")]),
            ("timestamp-with-zone", "createdAt", #"{"type": "integer", "format": "int64"}"#, [at("createdAt") + ": " + number("createdAt")]),
            ("timestamp-with-zone", "createdAt", #"{"type": "number"}"#, [at("createdAt") + ": " + number("createdAt")]),
            ("timestamp-with-zone", "createdAt", ##"{"$ref": "#/$defs/Whole"}"##, [at("createdAt") + ": " + number("createdAt")]),
            ("timestamp-with-zone", "createdAt", #"{"type": ["string", "integer"], "format": "date-time"}"#, [at("createdAt") + ": " + number("createdAt")]),
            ("timestamp-with-zone", "seenTimestamps", #"{"type": "array", "items": {"type": "integer"}}"#, [at("seenTimestamps") + "/items: " + number("seenTimestamps")]),
            ("timestamp-with-zone", "createdAt", #"{"type": "string", "format": "x-epoch"}"#, []),  // a custom format, chosen on purpose
            ("timestamp-with-zone", "pickupTime", #"{"type": "integer"}"#, []),  // not a timestamp name
            ("timestamp-with-zone", "shipDate", #"{"type": "string", "format": "date"}"#, []),
            ("timestamp-with-zone", "combat", #"{"type": "string"}"#, []),
        ]
        for row in rows {
            XCTAssertEqual(findings(row.rule, defs: property(row.name, row.schema)), row.expected, "\(row.rule) \(row.name) \(row.schema)")
        }

        let parameters = operation(#""method": "GET", "path": "/q", "parameters": [{"name": "maxPrice", "in": "query", "schema": {"type": "number"}}, {"name": "minQuantity", "in": "query", "schema": {"type": "integer"}}, {"name": "updatedAt", "in": "query", "schema": {"type": "string"}}], "responses": {"200": {"headers": {"X-Total-Amount": {"schema": {"type": "number"}}}}}"#)
        XCTAssertEqual(findings("money-not-float", extension: parameters),
                       ["/x-contract/operations/op/parameters/0/schema: " + money("maxPrice"),
                        "/x-contract/operations/op/responses/200/headers/X-Total-Amount/schema: " + money("X-Total-Amount")])
        XCTAssertEqual(findings("quantity-non-negative", extension: parameters), ["/x-contract/operations/op/parameters/1/schema: " + negative("minQuantity")])
        XCTAssertEqual(findings("timestamp-with-zone", extension: parameters), ["/x-contract/operations/op/parameters/2/schema: " + plain("updatedAt")])
    }

    /// Recursive types and unions that refer to themselves end, and are judged where they may be a number.
    func testRecursiveSchemasAreJudgedOnce() {
        let defs = ##""T": {"title": "T", "description": "T.", "type": "object", "properties": {"prices": {"$ref": "#/$defs/Tree"}, "costs": {"$ref": "#/$defs/Loop"}}, "examples": [{}]},"##
            + ##""Tree": {"title": "Tree", "description": "A tree.", "oneOf": [{"type": "number"}, {"type": "array", "items": {"$ref": "#/$defs/Tree"}}], "examples": [1]},"##
            + ##""Loop": {"title": "Loop", "description": "A loop.", "anyOf": [{"$ref": "#/$defs/Loop"}, {"type": "number"}], "examples": [1]}"##
        XCTAssertEqual(findings("money-not-float", defs: defs), [
            "/$defs/T/properties/prices: prices is a binary floating-point number; money must be exact",
            "/$defs/T/properties/costs: costs is a binary floating-point number; money must be exact",
        ])
    }

    /// `constraint-applies`: a keyword meets the type of the value it sits on — its own, what it references and
    /// applies in place, or (for a part applied in place) the enclosing schema's; `propertyNames` describe strings.
    func testConstraintAppliesRows() {
        func defs(_ schema: String) -> String {
            #""T": {"title": "T", "description": "T.", "type": "object", "properties": {"p": "# + schema + #"}, "examples": [{}]},"#
                + #""Text": {"title": "Text", "description": "T.", "type": "string", "examples": ["a"]}"#
                + (schema.contains("Key") ? #", "Key": {"title": "Key", "description": "K.", "pattern": "^[a-z]+$"}"# : "")
                + (schema.contains("Base") ? #", "Base": {"title": "Base", "description": "B.", "type": "object", "properties": {"amount": {"type": "integer"}}}"# : "")
                + (schema.contains("Percent") ? #", "Percent": {"title": "Percent", "description": "P.", "minimum": 0, "maximum": 100}"# : "")
        }
        let untyped = { (keyword: String, kind: String) in
            "\(keyword) constrains \(kind)s, but this schema does not say the value is one: it holds only for values of that kind, and any other value passes"
        }
        let rows: [(schema: String, expected: [String])] = [
            (#"{"type": "integer", "minimum": 1, "multipleOf": 2}"#, []),
            (#"{"type": ["string", "null"], "maxLength": 3}"#, []),
            (#"{"type": "array", "minItems": 1, "uniqueItems": true, "items": {"type": "string", "pattern": "^a"}}"#, []),
            (#"{"type": "object", "maxProperties": 3}"#, []),
            // No type: the keyword holds for values of its kind only, and generated code checks it nowhere.
            (#"{"minimum": 1}"#, ["/$defs/T/properties/p/minimum: " + untyped("minimum", "number")]),
            (#"{"pattern": "^a", "maxLength": 3}"#, ["/$defs/T/properties/p/pattern: " + untyped("pattern", "string"),
                                                      "/$defs/T/properties/p/maxLength: " + untyped("maxLength", "string")]),
            (#"{"type": "array", "items": {"minItems": 1}}"#, ["/$defs/T/properties/p/items/minItems: " + untyped("minItems", "array")]),
            // Another type: the keyword never applies.
            (#"{"type": "array", "pattern": "^a"}"#, ["/$defs/T/properties/p/pattern: pattern constrains strings, but the value is an array: it never applies"]),
            (#"{"type": "string", "minimum": 0}"#, ["/$defs/T/properties/p/minimum: minimum constrains numbers, but the value is a string: it never applies"]),
            (#"{"type": ["boolean", "null"], "minLength": 1}"#, ["/$defs/T/properties/p/minLength: minLength constrains strings, but the value is a boolean or null: it never applies"]),
            // The type comes from a reference or a part applied in place; a part meets the enclosing schema's type.
            (##"{"$ref": "#/$defs/Text", "maxLength": 3}"##, []),
            (##"{"allOf": [{"$ref": "#/$defs/Text"}, {"maxLength": 3}]}"##, []),
            (#"{"type": "string", "anyOf": [{"maxLength": 2}, {"minLength": 4}]}"#, []),
            (#"{"type": "integer", "not": {"multipleOf": 3}}"#, []),
            (#"{"anyOf": [{"type": "string", "maxLength": 2}, {"type": "integer", "maximum": 9}]}"#, []),
            (#"{"anyOf": [{"maxLength": 2}, {"type": "integer"}]}"#, ["/$defs/T/properties/p/anyOf/0/maxLength: " + untyped("maxLength", "string")]),
            // Property names are strings.
            (#"{"type": "object", "propertyNames": {"pattern": "^[a-z]+$", "maxLength": 20}}"#, []),
            (##"{"type": "object", "propertyNames": {"$ref": "#/$defs/Key"}}"##, []),
            // A property refined in another part of a composed object takes its type from there.
            (##"{"allOf": [{"$ref": "#/$defs/Base"}, {"properties": {"amount": {"maximum": 100}}}]}"##, []),
            (#"{"type": "object", "properties": {"qty": {"type": "integer"}}, "allOf": [{"properties": {"qty": {"minimum": 1}}}]}"#, []),
            // A mixin takes its type from the schemas that reference it; one nothing typed references is reported.
            (##"{"type": "integer", "allOf": [{"$ref": "#/$defs/Percent"}]}"##, []),
            (##"{"$ref": "#/$defs/Percent"}"##, ["/$defs/Percent/minimum: " + untyped("minimum", "number"), "/$defs/Percent/maximum: " + untyped("maximum", "number")]),
            // Charter checks bounds on a decimal string by its value.
            (#"{"type": "string", "format": "decimal", "minimum": 0}"#, []),
            (#"{"type": "string", "format": "date", "minimum": 0}"#, ["/$defs/T/properties/p/minimum: minimum constrains numbers, but the value is a string: it never applies"]),
            // The values an enum or const lists say the type; a then applies only to what its if admits.
            (#"{"enum": ["web", "store"], "maxLength": 5}"#, []),
            (#"{"const": "sale", "minLength": 1}"#, []),
            (#"{"enum": [1, 2], "maxLength": 5}"#, ["/$defs/T/properties/p/maxLength: maxLength constrains strings, but the value is an integer: it never applies"]),
            (#"{"if": {"type": "string"}, "then": {"maxLength": 3}}"#, []),
            (#"{"if": {"minLength": 2}, "then": {"maxLength": 3}}"#, ["/$defs/T/properties/p/if/minLength: " + untyped("minLength", "string"), "/$defs/T/properties/p/then/maxLength: " + untyped("maxLength", "string")]),
        ]
        for row in rows {
            XCTAssertEqual(findings("constraint-applies", defs: defs(row.schema)), row.expected, row.schema)
        }
    }

    /// `pattern-compiles`: ECMA-262 syntax first (what other validators read), then whether generated validation compiles
    /// it (ECMA-262 rewritten for ICU).
    func testPatternCompilesRows() {
        func defs(_ schema: String) -> String {
            #""T": {"title": "T", "description": "T.", "type": "object", "properties": {"p": "# + schema + #"}, "examples": [{}]}"#
        }
        let rows: [(schema: String, expected: [String])] = [
            (#"{"type": "string", "pattern": "^[A-Z]{2}-\\d+$"}"#, []),
            (#"{"type": "string", "pattern": "^[+--]$"}"#, []),  // ICU alone would read `--` as a set difference
            (#"{"type": "string", "pattern": "^(?<first_name>a)\\k<first_name>$"}"#, []),  // renamed for ICU
            (#"{"type": "string", "pattern": ""}"#, []),
            (#"{"type": "string", "pattern": "^[A-Z+$"}"#, ["/$defs/T/properties/p/pattern: pattern ^[A-Z+$ is not an ECMA-262 regular expression, so other validators refuse it or match differently: missing ] for the class opened at character 2"]),
            // ICU alone accepts these: Swift could check them, every other validator refuses them.
            (#"{"type": "string", "pattern": "(?i)^sku-\\d+$"}"#, [#"/$defs/T/properties/p/pattern: pattern (?i)^sku-\d+$ is not an ECMA-262 regular expression, so other validators refuse it or match differently: (? must start (?:, (?=, (?!, (?<=, (?<! or (?<name>: inline flags, atomic groups and comments are not ECMA-262 at character 1"#]),
            (#"{"type": "string", "pattern": "\\A[0-9]++\\Z"}"#, [#"/$defs/T/properties/p/pattern: pattern \A[0-9]++\Z is not an ECMA-262 regular expression, so other validators refuse it or match differently: \A is not an ECMA-262 escape (with the u flag only syntax characters and / are escaped as themselves) at character 1"#]),
            (#"{"type": "string", "pattern": "^[A-Z]{2}}$"}"#, [#"/$defs/T/properties/p/pattern: pattern ^[A-Z]{2}}$ is not an ECMA-262 regular expression, so other validators refuse it or match differently: a lone } must be escaped (\}) at character 10"#]),
            (#"{"type": "string", "pattern": "(?<=^\\d*)x"}"#, [#"/$defs/T/properties/p/pattern: pattern (?<=^\d*)x is not a regular expression generated validation can compile: every value would fail as unchecked"#]),
            (#"{"type": "object", "patternProperties": {"^x-(": {"type": "string"}}}"#, ["/$defs/T/properties/p/patternProperties/^x-(: patternProperties name ^x-( is not an ECMA-262 regular expression, so other validators refuse it or match differently: missing ) for the group opened at character 4"]),
        ]
        for row in rows {
            XCTAssertEqual(findings("pattern-compiles", defs: defs(row.schema)), row.expected, row.schema)
        }
    }

    func testMoneyMeasureNamesAreAnOption() throws {
        let text = ExampleContract.make(defs: #""T": {"title": "T", "description": "T.", "type": "object", "properties": {"priceIndex": {"type": "number"}, "taxRate": {"type": "number"}}, "examples": [{}]}"#)
        var configuration = LintHarness.strict
        configuration.rules["money-not-float"] = .init(options: try XCTUnwrap(JSONReader.parse(#"{"measureNames": ["index"]}"#).object))
        let found = LintHarness.lint(text, configuration: configuration)?.findings.filter { $0.ruleID == "money-not-float" }.map { $0.location.pointer.description }
        // The list replaces the default: priceIndex is a measure now, taxRate an amount.
        XCTAssertEqual(found, ["/$defs/T/properties/taxRate"])
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
            ("lifecycle-declared", #"{"status": "active", "since": "2025-02-30", "sunset": "soon"}"#,
             [#"/x-contract/lifecycle/since: lifecycle since "2025-02-30" of demo is not a date YYYY-MM-DD"#,
              #"/x-contract/lifecycle/sunset: lifecycle sunset "soon" of demo is not a date YYYY-MM-DD"#]),
            ("lifecycle-declared", #"{"status": "active", "since": "2024-02-29", "sunset": "2030-01-31"}"#, []),
            // Blank is missing; a successor is another contract, or a later major of this one (demo is 1.0.0).
            ("deprecation-planned", #"{"status": "deprecated", "successor": " ", "sunset": ""}"#,
             ["/x-contract/lifecycle: deprecated contract demo has no sunset date and successor"]),
            ("deprecation-planned", #"{"status": "deprecated", "successor": "demo@1", "sunset": "2030-01-01"}"#,
             ["/x-contract/lifecycle/successor: successor demo@1 of demo is the contract itself"]),
            ("deprecation-planned", #"{"status": "retired", "successor": "demo@0", "sunset": "2030-01-01"}"#,
             ["/x-contract/lifecycle/successor: successor demo@0 of demo is an earlier major version of it"]),
            ("deprecation-planned", #"{"status": "deprecated", "successor": "demo-next@1", "sunset": "2030-01-01"}"#, []),
        ]
        for row in rows {
            let findings = LintHarness.lint(text(row.lifecycle))?.findings.filter { $0.ruleID == row.rule }.map { "\($0.location.pointer): \($0.message)" }
            XCTAssertEqual(findings, row.expected, row.lifecycle)
        }
    }

    /// Ownership and documentation written blank (empty or whitespace) are missing, as a blank team always was.
    func testBlankOwnershipAndDocumentationRows() {
        let rows: [(rule: String, owner: String, defs: String, expected: [String])] = [
            ("owner-declared", #"{"team": " ", "contact": {"email": "e"}}"#, ExampleContract.item, ["/x-contract/owner: contract demo names no owning team"]),
            ("owner-contact", #"{"team": "t", "contact": {"email": "", "chat": " \t", "x-pager": "123"}}"#, ExampleContract.item,
             ["/x-contract/owner: owner of demo gives no contact channel"]),
            ("owner-contact", ##"{"team": "t", "contact": {"email": "", "chat": "#t"}}"##, ExampleContract.item, []),
            ("type-documented", #"{"team": "t", "contact": {"email": "e"}}"#, #""T": {"title": " ", "description": "", "type": "string", "examples": ["x"]}"#,
             ["/$defs/T: type T has no title or description"]),
        ]
        for row in rows {
            let fields = #""owner": "# + row.owner + #", "lifecycle": {"status": "active", "since": "2025-01-01"}, "compatibility": "backward""#
            let text = ExampleContract.make(extension: fields, defs: row.defs, governance: false)
            let found = LintHarness.lint(text)?.findings.filter { $0.ruleID == row.rule }.map { "\($0.location.pointer): \($0.message)" }
            XCTAssertEqual(found, row.expected, row.owner)
        }
    }

    /// A blank idempotency retention or lifecycle sunset is a missing one, reported once, by the rule whose doc says so:
    /// `write-idempotency` (a key kept for a stated retention) and `deprecation-planned` (a blank value is none) — not
    /// also as a duration or date that does not read, a sunset that has passed or one before `since`. A blank dead-letter
    /// retention or feed delivery deadline, which no rule asks for, is `duration-format`'s alone. Rows: a fragment →
    /// every finding of every rule (strict preset) at or under the object that holds the value (rule: pointer: message).
    func testBlankRetentionAndSunsetHaveOneOwner() {
        let idempotency = "/x-contract/operations/op/idempotency", lifecycle = "/x-contract/lifecycle"
        let deadLetter = "/x-contract/events/E/deadLetter", feedSLA = "/x-contract/feeds/F/sla"
        let rows: [(fields: String, under: String, expected: [String])] = [
            (operation(#""method": "PUT", "path": "/q", "idempotency": {"required": true, "keyHeader": "K", "retention": " "}, "sla": {"latencyP99Ms": 100, "availability": 0.999}"#),
             idempotency, ["write-idempotency: \(idempotency): operation op requires an idempotency key but says not how long keys are kept"]),
            (operation(#""method": "PUT", "path": "/q", "idempotency": {"required": true, "keyHeader": "K", "retention": ""}, "sla": {"latencyP99Ms": 100, "availability": 0.999}"#),
             idempotency, ["write-idempotency: \(idempotency): operation op requires an idempotency key but says not how long keys are kept"]),
            // A query keeps no keys: a blank retention is none, which it may have.
            (operation(#""method": "POST", "path": "/q", "idempotency": {"required": false, "retention": "\t"}, "sla": {"latencyP99Ms": 100, "availability": 0.999}"#),
             idempotency, []),
            // A retention written wrong is still duration-format's.
            (operation(#""method": "PUT", "path": "/q", "idempotency": {"required": true, "keyHeader": "K", "retention": "1 day"}, "sla": {"latencyP99Ms": 100, "availability": 0.999}"#),
             idempotency, [#"duration-format: \#(idempotency)/retention: idempotency retention of op "1 day" is not an ISO 8601 duration"#]),
            (#""lifecycle": {"status": "deprecated", "since": "2025-01-01", "sunset": " ", "successor": "demo@2"}"#,
             lifecycle, ["deprecation-planned: \(lifecycle): deprecated contract demo has no sunset date"]),
            (#""lifecycle": {"status": "deprecated", "since": "2025-01-01", "sunset": "", "successor": "demo@2"}"#,
             lifecycle, ["deprecation-planned: \(lifecycle): deprecated contract demo has no sunset date"]),
            // An active contract need not have a sunset: a blank one is none.
            (#""lifecycle": {"status": "active", "since": "2025-01-01", "sunset": "  "}"#, lifecycle, []),
            // A sunset written wrong is still lifecycle-declared's.
            (#""lifecycle": {"status": "active", "since": "2025-01-01", "sunset": "soon"}"#,
             lifecycle, [#"lifecycle-declared: \#(lifecycle)/sunset: lifecycle sunset "soon" of demo is not a date YYYY-MM-DD"#]),
            // No presence rule asks for a dead-letter retention or a feed's delivery deadline: a blank one is
            // duration-format's alone.
            (#""events": {"E": {"topic": "demo.e", "delivery": "at-least-once", "payload": {"type": "string"}, "deadLetter": {"topic": "demo.e.dlq", "retention": ""}}}"#,
             deadLetter, [#"duration-format: \#(deadLetter)/retention: dead-letter retention of E "" is not an ISO 8601 duration"#]),
            (#""feeds": {"F": {"payload": {"type": "string"}, "sla": {"deliveredWithin": " "}}}"#,
             feedSLA, [#"duration-format: \#(feedSLA)/deliveredWithin: delivery deadline of F " " is not an ISO 8601 duration"#]),
        ]
        for row in rows {
            let fields = row.under == lifecycle ? #""owner": {"team": "t", "contact": {"email": "e"}}, "compatibility": "backward", "# + row.fields : row.fields
            let text = ExampleContract.make(extension: fields, defs: ExampleContract.item, governance: row.under != lifecycle)
            let found = LintHarness.lint(text, configuration: LintHarness.strict)?.findings
                .filter { $0.location.pointer.description == row.under || $0.location.pointer.description.hasPrefix(row.under + "/") }
                .map { "\($0.ruleID): \($0.location.pointer): \($0.message)" }
            XCTAssertEqual(found, row.expected, row.fields)
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
