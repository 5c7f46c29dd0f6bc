import Foundation
import XCTest
@testable import CharterCore

/// Every object of `x-contract` is closed (docs/contract-format.md §3): a key the extension schema does not list is
/// an error where the key is written, naming the nearest allowed key; keys beginning with `x-` are the estate's own.
final class ContractExtensionKeysTests: XCTestCase {
    private static func root(_ members: String) -> String { ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "## + members + "}}" }
    private static func operation(_ members: String) -> String {
        root(##""operations": {"get": {"method": "GET", "path": "/a", "## + members + "}}")
    }
    private static func event(_ members: String) -> String { root(##""events": {"E": {"payload": {}, "## + members + "}}") }
    private static func feed(_ members: String) -> String { root(##""feeds": {"F": {"payload": {}, "## + members + "}}") }

    /// Rows: the text of `/c/a.json` → its one `contract.unknown-key` error: the key's position, pointer and hint.
    func testUnknownKeysAreErrorsAtTheKey() {
        let rows: [(label: String, text: String, at: String, pointer: String, hint: String)] = [
            ("top level", Self.root(#""compatability": "backward""#), "a.json:1:58", "/x-contract/compatability", #"did you mean "compatibility"?"#),
            ("owner", Self.root(#""owner": {"teem": "t"}"#), "a.json:1:68", "/x-contract/owner/teem", #"did you mean "team"?"#),
            ("owner contact", Self.root(#""owner": {"team": "t", "contact": {"emial": "t@retail.example"}}"#),
             "a.json:1:93", "/x-contract/owner/contact/emial", #"did you mean "email"?"#),
            ("lifecycle", Self.root(#""lifecycle": {"status": "active", "since": "2025-01-01", "sunet": "2026-01-01"}"#),
             "a.json:1:115", "/x-contract/lifecycle/sunet", #"did you mean "sunset"?"#),
            ("security scheme", Self.root(#""security": {"oauth": {"type": "oauth2", "tokenURL": "https://a.example/t", "scopes": {"a:read": "Read"}}}"#),
             "a.json:1:99", "/x-contract/security/oauth/tokenURL", #"did you mean "tokenUrl"?"#),
            ("operation", Self.operation(#""rateLimt": {"quota": 1, "window": "PT1M"}"#),
             "a.json:1:112", "/x-contract/operations/get/rateLimt", #"did you mean "rateLimit"?"#),
            ("parameter", Self.operation(#""parameters": [{"name": "x", "in": "query", "requird": true, "schema": {}}]"#),
             "a.json:1:156", "/x-contract/operations/get/parameters/0/requird", #"did you mean "required"?"#),
            ("request body", Self.root(#""operations": {"post": {"method": "POST", "path": "/a", "request": {"schema": {}, "contenttype": "text/csv"}}}"#),
             "a.json:1:140", "/x-contract/operations/post/request/contenttype", #"did you mean "contentType"?"#),
            ("response", Self.operation(#""responses": {"200": {"description": "OK", "header": {}}}"#),
             "a.json:1:155", "/x-contract/operations/get/responses/200/header", #"did you mean "headers"?"#),
            ("response header", Self.operation(#""responses": {"200": {"description": "OK", "headers": {"ETag": {"schema": {}, "requried": true}}}}"#),
             "a.json:1:190", "/x-contract/operations/get/responses/200/headers/ETag/requried", #"did you mean "required"?"#),
            ("auth", Self.operation(#""auth": {"schema": "oauth"}"#), "a.json:1:121", "/x-contract/operations/get/auth/schema", #"did you mean "scheme"?"#),
            ("idempotency", Self.operation(#""idempotency": {"required": true, "keyheader": "Idempotency-Key"}"#),
             "a.json:1:146", "/x-contract/operations/get/idempotency/keyheader", #"did you mean "keyHeader"?"#),
            ("operation SLA", Self.operation(#""sla": {"latencyP99": 200}"#),
             "a.json:1:120", "/x-contract/operations/get/sla/latencyP99", #"did you mean "latencyP99Ms"?"#),
            ("event", Self.event(#""deliverry": "at-least-once""#), "a.json:1:90", "/x-contract/events/E/deliverry", #"did you mean "delivery"?"#),
            ("event SLA", Self.event(#""sla": {"maxLag": 5000}"#), "a.json:1:98", "/x-contract/events/E/sla/maxLag", #"did you mean "maxLagMs"?"#),
            ("retry policy", Self.event(#""retry": {"maxAttempt": 3}"#), "a.json:1:100", "/x-contract/events/E/retry/maxAttempt", #"did you mean "maxAttempts"?"#),
            ("dead letter", Self.event(#""deadLetter": {"topic": "a.dlq", "retension": "P7D"}"#),
             "a.json:1:123", "/x-contract/events/E/deadLetter/retension", #"did you mean "retention"?"#),
            ("access policy", Self.event(#""publish": {"allowed": ["wms"], "allow": ["pos"]}"#),
             "a.json:1:122", "/x-contract/events/E/publish/allow", #"did you mean "allowed"?"#),
            ("feed", Self.feed(#""consumer": ["bi"]"#), "a.json:1:89", "/x-contract/feeds/F/consumer", #"did you mean "consumers"?"#),
            ("feed schedule", Self.feed(#""schedule": {"cron": "0 2 * * *", "timeZone": "UTC"}"#),
             "a.json:1:123", "/x-contract/feeds/F/schedule/timeZone", #"did you mean "timezone"?"#),
            ("feed SLA", Self.feed(#""sla": {"deliverWithin": "PT2H"}"#), "a.json:1:97", "/x-contract/feeds/F/sla/deliverWithin", #"did you mean "deliveredWithin"?"#),
            ("no key near it", Self.root(#""costCentre": "CC-7100""#), "a.json:1:58", "/x-contract/costCentre",
             "allowed here: name, domain, version, owner, lifecycle, compatibility, security, operations, events, feeds (and keys of your own beginning with x-)"),
        ]
        for row in rows {
            guard let error = ContractFixture(row.text).load().failure(row.label) else { continue }
            let unknown = error.diagnostics.filter { $0.code == LoaderOptions.unknownKeyCode }
            XCTAssertEqual(unknown.map { "\($0.severity.rawValue) \($0.location?.description ?? "-") [\($0.location?.pointer.description ?? "-")] \($0.hint ?? "-")" },
                           ["error \(row.at) [\(row.pointer)] \(row.hint)"], row.label)
        }
    }

    /// Keys beginning with `x-` are allowed in every object of the extension, whatever their value, and change nothing.
    func testKeysOfYourOwnAreAllowed() throws {
        let text = Self.root(##"""
            "x-cost-centre": "CC-7100", "owner": {"team": "t", "x-slack": 5, "contact": {"email": "t@retail.example", "x-pager": {"rota": 1}}},
            "lifecycle": {"status": "active", "since": "2025-01-01", "x-reviewed": true},
            "security": {"oauth": {"type": "oauth2", "tokenUrl": "https://a.example/t", "scopes": {"a:read": "Read"}, "x-issuer": "idp"}},
            "operations": {"get": {"method": "GET", "path": "/a", "x-owner": "t", "auth": {"scheme": "oauth", "scopes": ["a:read"], "x-note": ""},
              "parameters": [{"name": "q", "in": "query", "schema": {}, "x-example": "a"}],
              "responses": {"200": {"description": "OK", "x-cache": "1h", "headers": {"ETag": {"schema": {}, "x-note": ""}}}},
              "sla": {"latencyP99Ms": 200, "x-note": ""}, "rateLimit": {"quota": 1, "window": "PT1M", "x-burst": 2}}},
            "events": {"E": {"payload": {}, "x-note": "", "sla": {"maxLagMs": 1, "x-note": ""}, "retry": {"maxAttempts": 1, "x-note": ""},
              "deadLetter": {"topic": "a.dlq", "x-note": ""}, "publish": {"allowed": ["wms"], "x-note": ""}}},
            "feeds": {"F": {"payload": {}, "x-note": "", "schedule": {"cron": "0 2 * * *", "x-note": ""}, "sla": {"deliveredWithin": "PT2H", "x-note": ""}}}
            """##)
        let graph = try ContractFixture(text).load().get()
        XCTAssertEqual(graph.warnings.map(\.message), [])
        let contract = try XCTUnwrap(graph.documents.first?.contract)
        XCTAssertEqual(contract.owner?.contact, ["email": "t@retail.example"])
        XCTAssertEqual(contract.operations.first?.rateLimit?.quota, 1)
    }

    /// The audit's file: four misspelt keys at four depths are four errors, not a clean load.
    func testEveryUnknownKeyIsReported() {
        let text = Self.root(##"""
            "compatability": "backward", "owner": {"team": "t", "contact": {"emial": "t@retail.example"}},
            "operations": {"get": {"method": "GET", "path": "/a", "rateLimt": {"quota": 1, "window": "PT1M"}}},
            "events": {"E": {"payload": {}, "deliverry": "at-least-once"}}
            """##)
        guard let error = ContractFixture(text).load().failure("four misspelt keys") else { return }
        XCTAssertEqual(error.diagnostics.filter { $0.code == LoaderOptions.unknownKeyCode }.compactMap { $0.location?.pointer.description }.sorted(),
                       ["/x-contract/compatability", "/x-contract/events/E/deliverry", "/x-contract/operations/get/rateLimt",
                        "/x-contract/owner/contact/emial"])
    }

    /// With ``LoaderOptions/unknownKeySeverity`` `.warning` (`charter diff`'s bases, older versions the head may be
    /// fixing) the same keys load: the same diagnostic, as a warning, and the value is not read.
    func testUnknownKeysAsWarnings() throws {
        var options = LoaderOptions()
        options.unknownKeySeverity = .warning
        let text = Self.operation(#""rateLimt": {"quota": 1, "window": "PT1M"}"#)
        let graph = try ContractFixture(text, options: options).load().get()
        XCTAssertEqual(graph.warnings.map { "\($0.severity.rawValue) \($0.code ?? "-") \($0.location?.description ?? "-") [\($0.location?.pointer.description ?? "-")] \($0.message)" },
                       [#"warning contract.unknown-key a.json:1:112 [/x-contract/operations/get/rateLimt] unknown key "rateLimt" in /x-contract/operations/get"#])
        XCTAssertNil(graph.documents.first?.contract?.operations.first?.rateLimit)
    }

    /// The parser's closed objects are exactly the extension schema's: docs/contract-extension.schema.json is read, and
    /// every object in it with `additionalProperties: false` (but the event envelope, which is not part of
    /// `x-contract`) is an ``ExtensionObject`` whose keys are that object's `properties`, and each allows `x-` keys;
    /// and an operation's `method` enum is ``ContractOperation/methods``, and the methods its `allOf` refuses a
    /// `request` are ``ContractOperation/methodsWithoutRequestBody``.
    func testClosedObjectsAreTheExtensionSchemas() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../docs/contract-extension.schema.json").standardized
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var closed: [String: Set<String>] = [:]
        func collect(_ value: Any, at pointer: String) {
            if let object = value as? [String: Any] {
                if object["additionalProperties"] as? Bool == false, !pointer.hasPrefix("/$defs/EventEnvelope") {
                    closed[pointer] = Set((object["properties"] as? [String: Any] ?? [:]).keys)
                    XCTAssertNotNil((object["patternProperties"] as? [String: Any])?["^x-"], "\(pointer) allows no x- keys in the schema")
                }
                for (key, member) in object { collect(member, at: pointer + "/" + key) }
            } else if let array = value as? [Any] {
                for (index, element) in array.enumerated() { collect(element, at: pointer + "/\(index)") }
            }
        }
        collect(schema, at: "")
        XCTAssertEqual(Set(closed.keys), Set(ExtensionObject.allCases.map(\.rawValue)))
        // The methods an operation may declare, too: the parser's list is the schema's enum, in its order.
        let operation = (schema["$defs"] as? [String: Any])?["Operation"] as? [String: Any]
        let method = (operation?["properties"] as? [String: Any])?["method"] as? [String: Any]
        XCTAssertEqual(method?["enum"] as? [String], ContractOperation.methods)
        // And the methods whose operations may not declare a request: the `if` of the `allOf` entry whose `then` is
        // `not: {required: [request]}`.
        let rules = operation?["allOf"] as? [[String: Any]] ?? []
        let withoutBody = rules.filter { (($0["then"] as? [String: Any])?["not"] as? [String: Any])?["required"] as? [String] == ["request"] }
            .compactMap { ((($0["if"] as? [String: Any])?["properties"] as? [String: Any])?["method"] as? [String: Any])?["enum"] as? [String] }
        XCTAssertEqual(withoutBody, [ContractOperation.methodsWithoutRequestBody])
        for object in ExtensionObject.allCases {
            XCTAssertEqual(Set(object.keys), closed[object.rawValue], object.rawValue)
            XCTAssertEqual(object.keys.count, Set(object.keys).count, "\(object.rawValue) lists a key twice")
            XCTAssertTrue(object.allows("x-anything"), object.rawValue)
        }
    }
}
