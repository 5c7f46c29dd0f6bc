import XCTest
@testable import CharterCore

/// The `x-contract` extension, read through the loader.
final class ContractParserTests: XCTestCase {
    static let inventory = ##"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Inventory",
          "x-contract": {
            "name": "inventory",
            "domain": "supply-chain",
            "version": "2.1.0-rc.1+build.7",
            "owner": {"team": "stock-platform", "businessDomain": "supply", "contact": {"email": "stock@example.com", "chat": "#stock"}},
            "lifecycle": {"status": "deprecated", "since": "2023-01-01", "sunset": "2026-12-31", "successor": "inventory@3"},
            "compatibility": "backward-transitive",
            "security": {
              "oauth": {"type": "oauth2", "tokenUrl": "https://auth.example.com/token", "scopes": {"inventory.read": "Read", "inventory.write": "Write"}},
              "key": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}
            },
            "operations": {
              "getAvailability": {
                "method": "GET",
                "path": "/availability/{sku}",
                "summary": "Availability of one SKU",
                "tags": ["availability"],
                "parameters": [
                  {"name": "sku", "in": "path", "schema": {"$ref": "#/$defs/Sku"}},
                  {"name": "location", "in": "query", "schema": {"type": "string"}},
                  {"name": "X-Trace", "in": "header", "required": true, "schema": {"type": "string"}}
                ],
                "responses": {
                  "200": {"description": "Found", "schema": {"$ref": "#/$defs/Availability"}, "headers": {"ETag": {"schema": {"type": "string"}}}},
                  "404": {"description": "Unknown SKU"}
                },
                "auth": {"scheme": "oauth", "scopes": ["inventory.read"]},
                "sla": {"latencyP99Ms": 200, "availability": 0.999, "timeoutMs": 1000}
              },
              "reserveStock": {
                "method": "POST",
                "path": "/reservations",
                "deprecated": true,
                "request": {"schema": {"$ref": "#/$defs/Reservation"}},
                "responses": {"201": {"schema": {"$ref": "#/$defs/Reservation"}}},
                "idempotency": {"required": true, "keyHeader": "Idempotency-Key", "retention": "P1D"},
                "rateLimit": {"quota": 100, "window": "PT1M", "scope": "client"}
              }
            },
            "events": {
              "StockChanged": {
                "topic": "inventory.stock-changed",
                "payload": {"$ref": "#/$defs/Availability"},
                "orderingKey": ["/sku", "/location/id"],
                "delivery": "at-least-once",
                "sla": {"maxLagMs": 5000},
                "retry": {"maxAttempts": 5, "backoff": "exponential", "initialDelayMs": 100, "maxDelayMs": 60000},
                "deadLetter": {"topic": "inventory.dlq", "retention": "P7D"},
                "publish": {"allowed": ["wms"], "auth": {"scheme": "oauth", "scopes": ["inventory.write"]}},
                "subscribe": {"allowed": ["pos", "ecommerce"]}
              }
            },
            "feeds": {
              "DailySnapshot": {
                "payload": {"$ref": "#/$defs/Availability"},
                "format": "application/x-ndjson",
                "transport": "object-storage",
                "schedule": {"cron": "0 2 * * *", "timezone": "Europe/Paris"},
                "sla": {"deliveredWithin": "PT2H"},
                "producer": "erp",
                "consumers": ["finance", "bi"]
              }
            }
          },
          "$defs": {
            "Sku": {"type": "string"},
            "Availability": {"type": "object", "properties": {"sku": {"$ref": "#/$defs/Sku"}, "onHand": {"type": "integer"}}},
            "Reservation": {"type": "object", "properties": {"sku": {"$ref": "#/$defs/Sku"}}}
          }
        }
        """##

    func testIdentityOwnershipLifecycleAndPolicy() throws {
        let graph = try XCTUnwrap(ContractFixture(Self.inventory).load().value("inventory"))
        let contract = try XCTUnwrap(graph.documents.first?.contract)
        XCTAssertEqual(contract.name, "inventory")
        XCTAssertEqual(contract.domain, "supply-chain")
        XCTAssertEqual(contract.version, SemanticVersion(major: 2, minor: 1, patch: 0, prerelease: "rc.1"))
        XCTAssertEqual(contract.owner?.team, "stock-platform")
        XCTAssertEqual(contract.owner?.businessDomain, "supply")
        XCTAssertEqual(contract.owner?.contact, ["email": "stock@example.com", "chat": "#stock"])
        XCTAssertEqual(contract.lifecycle, Contract.Lifecycle(status: .deprecated, since: "2023-01-01", sunset: "2026-12-31", successor: "inventory@3"))
        XCTAssertEqual(contract.compatibility, .backwardTransitive)
        XCTAssertEqual(contract.securitySchemes.map(\.name), ["oauth", "key"])
        XCTAssertEqual(contract.securitySchemes.first?.scopes, ["inventory.read", "inventory.write"])
        XCTAssertEqual(contract.securitySchemes.first?.tokenURL, "https://auth.example.com/token")
        XCTAssertEqual(contract.securitySchemes.last?.keyLocation, "header")
        XCTAssertEqual(contract.securitySchemes.last?.keyName, "X-Api-Key")
        XCTAssertEqual(contract.location.pointer.description, "/x-contract")
        XCTAssertEqual(contract.location.description, "a.json:4:17")
    }

    func testOperations() throws {
        let graph = try XCTUnwrap(ContractFixture(Self.inventory).load().value("inventory"))
        let contract = try XCTUnwrap(graph.documents.first?.contract)
        XCTAssertEqual(contract.operations.map(\.id), ["getAvailability", "reserveStock"])
        let get = contract.operations[0]
        XCTAssertEqual(get.method, "GET")
        XCTAssertFalse(get.isWrite)
        XCTAssertEqual(get.path, "/availability/{sku}")
        XCTAssertEqual(get.summary, "Availability of one SKU")
        XCTAssertEqual(get.tags, ["availability"])
        XCTAssertFalse(get.deprecated)
        // Rows: parameter → (location, required, what its schema resolves to, where it is declared).
        let parameters: [(name: String, location: ParameterLocation, required: Bool, schema: String, declared: String)] = [
            ("sku", .path, true, "a.json#/$defs/Sku", "/x-contract/operations/getAvailability/parameters/0"),
            ("location", .query, false, "a.json#/x-contract/operations/getAvailability/parameters/1/schema", "/x-contract/operations/getAvailability/parameters/1"),
            ("X-Trace", .header, true, "a.json#/x-contract/operations/getAvailability/parameters/2/schema", "/x-contract/operations/getAvailability/parameters/2"),
        ]
        XCTAssertEqual(get.parameters.map(\.name), parameters.map(\.name))
        for (parameter, row) in zip(get.parameters, parameters) {
            XCTAssertEqual(parameter.location, row.location, row.name)
            XCTAssertEqual(parameter.required, row.required, row.name)
            XCTAssertEqual(parameter.schema.map { graph[graph.resolved($0)].location.reference }, row.schema, row.name)
            XCTAssertEqual(parameter.sourceLocation.pointer.description, row.declared, row.name)
        }
        XCTAssertEqual(get.responses.map(\.status), ["200", "404"])
        XCTAssertEqual(get.responses[0].description, "Found")
        XCTAssertEqual(get.responses[0].body?.contentType, "application/json")
        XCTAssertEqual(get.responses[0].body?.schema.map { graph[graph.resolved($0)].location.reference }, "a.json#/$defs/Availability")
        XCTAssertEqual(get.responses[0].headers.map(\.name), ["ETag"])
        XCTAssertNil(get.responses[1].body)
        XCTAssertEqual(get.auth?.scheme, "oauth")
        XCTAssertEqual(get.auth?.scopes, ["inventory.read"])
        XCTAssertEqual(get.sla, OperationSLA(latencyP99Ms: 200, availability: 0.999, timeoutMs: 1000))

        let reserve = contract.operations[1]
        XCTAssertEqual(reserve.method, "POST")
        XCTAssertTrue(reserve.isWrite)
        XCTAssertTrue(reserve.deprecated)
        XCTAssertEqual(reserve.request?.required, true)
        XCTAssertEqual(reserve.request?.schema.map { graph[graph.resolved($0)].location.reference }, "a.json#/$defs/Reservation")
        XCTAssertEqual(reserve.idempotency, Idempotency(required: true, keyHeader: "Idempotency-Key", retention: "P1D"))
        XCTAssertEqual(reserve.rateLimit, RateLimit(quota: 100, window: "PT1M", scope: "client"))
        XCTAssertNil(reserve.auth)
        XCTAssertNil(reserve.sla)
    }

    func testEventsAndFeeds() throws {
        let graph = try XCTUnwrap(ContractFixture(Self.inventory).load().value("inventory"))
        let contract = try XCTUnwrap(graph.documents.first?.contract)
        XCTAssertEqual(contract.events.map(\.name), ["StockChanged"])
        let event = contract.events[0]
        XCTAssertEqual(event.topic, "inventory.stock-changed")
        XCTAssertEqual(event.payload.map { graph[graph.resolved($0)].location.reference }, "a.json#/$defs/Availability")
        XCTAssertEqual(event.orderingKey, [JSONPointer(tokens: ["sku"]), JSONPointer(tokens: ["location", "id"])])
        XCTAssertEqual(event.delivery, "at-least-once")
        XCTAssertEqual(event.maxLagMs, 5000)
        XCTAssertEqual(event.retry, RetryPolicy(maxAttempts: 5, backoff: "exponential", initialDelayMs: 100, maxDelayMs: 60000))
        XCTAssertEqual(event.deadLetter, DeadLetterPolicy(topic: "inventory.dlq", retention: "P7D"))
        XCTAssertEqual(event.publish?.allowed, ["wms"])
        XCTAssertEqual(event.publish?.auth?.scopes, ["inventory.write"])
        XCTAssertEqual(event.subscribe?.allowed, ["pos", "ecommerce"])
        XCTAssertNil(event.subscribe?.auth)
        XCTAssertEqual(event.location.pointer.description, "/x-contract/events/StockChanged")

        XCTAssertEqual(contract.feeds.map(\.name), ["DailySnapshot"])
        let feed = contract.feeds[0]
        XCTAssertEqual(feed.payload.map { graph[graph.resolved($0)].location.reference }, "a.json#/$defs/Availability")
        XCTAssertEqual(feed.format, "application/x-ndjson")
        XCTAssertEqual(feed.transport, "object-storage")
        XCTAssertEqual(feed.cron, "0 2 * * *")
        XCTAssertEqual(feed.timezone, "Europe/Paris")
        XCTAssertEqual(feed.deliveredWithin, "PT2H")
        XCTAssertEqual(feed.producer, "erp")
        XCTAssertEqual(feed.consumers, ["finance", "bi"])
    }

    /// A file without `x-contract` has no contract; the schemas still load.
    func testPlainSchemaHasNoContract() throws {
        let graph = try XCTUnwrap(ContractFixture(##"{"$defs": {"A": {"type": "string"}}}"##).load().value("plain"))
        XCTAssertNil(graph.documents.first?.contract)
    }

    /// Rows: the text of `/c/a.json` → the error (code `contract.invalid` unless stated), positioned at the
    /// offending value (or at the object missing a field) with its pointer under `/x-contract`.
    func testMalformedExtensions() {
        let rows: [(label: String, text: String, at: String, pointer: String, code: String)] = [
            ("version that is not MAJOR.MINOR.PATCH", ##"{"x-contract": {"name": "inventory", "version": "1.2"}}"##,
             "a.json:1:49", "/x-contract/version", "contract.invalid"),
            ("version that is a number", ##"{"x-contract": {"name": "inventory", "version": 2}}"##,
             "a.json:1:49", "/x-contract/version", "contract.invalid"),
            ("version with a v prefix", ##"{"x-contract": {"name": "inventory", "version": "v1.0.0"}}"##,
             "a.json:1:49", "/x-contract/version", "contract.invalid"),
            ("version with a leading zero", ##"{"x-contract": {"name": "inventory", "version": "01.0.0"}}"##,
             "a.json:1:49", "/x-contract/version", "contract.invalid"),
            ("missing version", ##"{"x-contract": {"name": "inventory"}}"##,
             "a.json:1:16", "/x-contract", "contract.invalid"),
            ("unknown compatibility", ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "compatibility": "sideways"}}"##,
             "a.json:1:75", "/x-contract/compatibility", "contract.invalid"),
            ("name that is not kebab-case", ##"{"x-contract": {"name": "Inventory_V2", "version": "1.0.0"}}"##,
             "a.json:1:25", "/x-contract/name", "contract.invalid"),
            ("name that starts with a digit", ##"{"x-contract": {"name": "2fast", "version": "1.0.0"}}"##,
             "a.json:1:25", "/x-contract/name", "contract.invalid"),
            ("empty name", ##"{"x-contract": {"name": "", "version": "1.0.0"}}"##,
             "a.json:1:25", "/x-contract/name", "contract.invalid"),
            ("missing name", ##"{"x-contract": {"version": "1.0.0"}}"##,
             "a.json:1:16", "/x-contract", "contract.invalid"),
            ("unknown HTTP method", ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "operations": {"get": {"method": "FETCH", "path": "/a"}}}}"##,
             "a.json:1:91", "/x-contract/operations/get/method", "contract.invalid"),
            ("HEAD response with content", ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "operations": {"probe": {"method": "HEAD", "path": "/a", "responses": {"200": {"description": "OK", "schema": {"type": "string"}}}}}}}"##,
             "a.json:1:168", "/x-contract/operations/probe/responses/200/schema", "contract.invalid"),
            ("path without a leading slash", ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "operations": {"get": {"method": "GET", "path": "a"}}}}"##,
             "a.json:1:106", "/x-contract/operations/get/path", "contract.invalid"),
            ("parameter in a cookie", ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "operations": {"get": {"method": "GET", "path": "/a", "parameters": [{"name": "x", "in": "cookie"}]}}}}"##,
             "a.json:1:147", "/x-contract/operations/get/parameters/0/in", "contract.invalid"),
            ("parameters that are not an array", ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "operations": {"get": {"method": "GET", "path": "/a", "parameters": "x"}}}}"##,
             "a.json:1:126", "/x-contract/operations/get/parameters", "contract.invalid"),
            ("latency that is not an integer", ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "operations": {"get": {"method": "GET", "path": "/a", "sla": {"latencyP99Ms": "fast"}}}}}"##,
             "a.json:1:136", "/x-contract/operations/get/sla/latencyP99Ms", "contract.invalid"),
            ("rate limit without quota", ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "operations": {"get": {"method": "GET", "path": "/a", "rateLimit": {"window": "PT1M"}}}}}"##,
             "a.json:1:125", "/x-contract/operations/get/rateLimit", "contract.invalid"),
            ("ordering key that is not a JSON pointer", ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "events": {"E": {"payload": {}, "orderingKey": ["/sku", "sku"]}}}}"##,
             "a.json:1:114", "/x-contract/events/E/orderingKey/1", "contract.invalid"),
            ("unknown delivery guarantee", ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "events": {"E": {"payload": {}, "delivery": "twice"}}}}"##,
             "a.json:1:102", "/x-contract/events/E/delivery", "contract.invalid"),
            ("event without payload", ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "events": {"E": {"topic": "t"}}}}"##,
             "a.json:1:74", "/x-contract/events/E", "contract.invalid"),
            ("feed without payload", ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "feeds": {"F": {"format": "csv"}}}}"##,
             "a.json:1:73", "/x-contract/feeds/F", "contract.invalid"),
            ("unknown lifecycle status", ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "lifecycle": {"status": "zombie"}}}"##,
             "a.json:1:82", "/x-contract/lifecycle/status", "contract.invalid"),
            ("extension that is not an object", ##"{"x-contract": []}"##,
             "a.json:1:16", "/x-contract", "contract.invalid"),
            ("owner that is not an object", ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "owner": "team"}}"##,
             "a.json:1:67", "/x-contract/owner", "contract.invalid"),
            ("contact that is not a string", ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "owner": {"contact": {"email": 5}}}}"##,
             "a.json:1:89", "/x-contract/owner/contact/email", "contract.invalid"),
            ("response header name that is not an HTTP field name", ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "operations": {"get": {"method": "GET", "path": "/a", "responses": {"204": {"headers": {"X Trace": {"schema": {"type": "string"}}}}}}}}}"##,
             "a.json:1:157", "/x-contract/operations/get/responses/204/headers/X Trace", "contract.invalid"),
            ("Content-Type declared as a response header", ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "operations": {"get": {"method": "GET", "path": "/a", "responses": {"204": {"headers": {"content-type": {"schema": {"type": "string"}}}}}}}}}"##,
             "a.json:1:162", "/x-contract/operations/get/responses/204/headers/content-type", "contract.invalid"),
            ("response header declared twice", ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "operations": {"get": {"method": "GET", "path": "/a", "responses": {"204": {"headers": {"ETag": {"schema": {"type": "string"}}, "etag": {"schema": {"type": "string"}}}}}}}}}"##,
             "a.json:1:194", "/x-contract/operations/get/responses/204/headers/etag", "contract.invalid"),
            ("unresolved $ref in a request body", ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "operations": {"post": {"method": "POST", "path": "/a", "request": {"schema": {"$ref": "#/$defs/Nope"}}}}}}"##,
             "a.json:1:145", "/x-contract/operations/post/request/schema/$ref", "ref.unresolved"),
        ]
        for row in rows {
            guard let error = ContractFixture(row.text).load().failure(row.label) else { continue }
            assertDiagnostic(ExpectedDiagnostic(code: row.code, at: row.at, pointer: row.pointer), in: error.diagnostics, row.label)
        }
    }

    /// Rows: an operation's `method` and responses → the method it loads as. Every method of
    /// ``ContractOperation/methods`` loads, written as the extension schema's enum spells it (uppercase); a `HEAD`
    /// declares its responses' status and headers.
    func testEveryHTTPMethodLoads() throws {
        let rows: [(method: String, responses: String, loaded: String, line: UInt)] = [
            ("GET", #"{"200": {"description": "OK", "schema": {"type": "string"}}}"#, "GET", #line),
            ("POST", #"{"201": {"description": "Created", "schema": {"type": "string"}}}"#, "POST", #line),
            ("PUT", #"{"204": {"description": "Replaced"}}"#, "PUT", #line),
            ("PATCH", #"{"200": {"description": "OK", "schema": {"type": "string"}}}"#, "PATCH", #line),
            ("DELETE", #"{"204": {"description": "Gone"}}"#, "DELETE", #line),
            ("HEAD", #"{"200": {"description": "Exists", "headers": {"ETag": {"schema": {"type": "string"}}}}, "404": {"description": "No such item"}}"#, "HEAD", #line),
            ("OPTIONS", #"{"204": {"description": "Allowed methods", "headers": {"Allow": {"schema": {"type": "string"}}}}}"#, "OPTIONS", #line),
        ]
        for row in rows {
            let text = ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "operations": {"op": {"method": ""## + row.method
                + ##"", "path": "/a", "responses": "## + row.responses + "}}}}"
            let graph = try ContractFixture(text).load().get()
            XCTAssertEqual(graph.documents.first?.contract?.operations.map(\.method), [row.loaded], row.method, line: row.line)
        }
        XCTAssertEqual(Set(rows.map(\.loaded)), Set(ContractOperation.methods), "a row for every method")
    }

    /// Rows: an operation's members → its one error: its code, where the value is written, its pointer, the message and
    /// the hint. A method is one of the extension schema's enum (else `contract.invalid`), spelt as it is, in uppercase;
    /// a method whose request has no content (``ContractOperation/methodsWithoutRequestBody``, the schema's rule)
    /// declares no `request` (both ``LoaderOptions/methodRuleCode``).
    func testMethodSpellingAndRequestBodies() {
        let get = "/x-contract/operations/op"
        let rule = LoaderOptions.methodRuleCode, invalid = "contract.invalid"
        let rows: [(members: String, code: String, at: String, pointer: String, message: String, hint: String, line: UInt)] = [
            (#""method": "get", "path": "/a""#, rule, "a.json:1:90", "\(get)/method", #"HTTP method "get" must be written in uppercase"#, #"write "GET""#, #line),
            (#""method": "Delete", "path": "/a""#, rule, "a.json:1:90", "\(get)/method", #"HTTP method "Delete" must be written in uppercase"#, #"write "DELETE""#, #line),
            (#""method": "options", "path": "/a""#, rule, "a.json:1:90", "\(get)/method", #"HTTP method "options" must be written in uppercase"#, #"write "OPTIONS""#, #line),
            (#""method": "FETCH", "path": "/a""#, invalid, "a.json:1:90", "\(get)/method", #"unknown HTTP method "FETCH""#,
             "one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS", #line),
            (#""method": "fetch", "path": "/a""#, invalid, "a.json:1:90", "\(get)/method", #"unknown HTTP method "fetch""#,
             "one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS", #line),
            (#""method": "GET", "path": "/a", "request": {"schema": {"type": "string"}}"#, rule, "a.json:1:122", "\(get)/request",
             "a GET operation has no request body",
             #"remove "request": send what it needs as path, query or header parameters (a query with a body is a POST with "idempotency": {"required": false})"#, #line),
            (#""method": "DELETE", "path": "/a", "request": {"schema": {"type": "string"}}"#, rule, "a.json:1:125", "\(get)/request",
             "a DELETE operation has no request body",
             #"remove "request": send what it needs as path, query or header parameters (a query with a body is a POST with "idempotency": {"required": false})"#, #line),
            (#""method": "HEAD", "path": "/a", "request": {"schema": {"type": "string"}}"#, rule, "a.json:1:123", "\(get)/request",
             "a HEAD operation has no request body",
             #"remove "request": send what it needs as path, query or header parameters (a query with a body is a POST with "idempotency": {"required": false})"#, #line),
        ]
        for row in rows {
            let text = ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "operations": {"op": {"## + row.members + "}}}}"
            guard let error = ContractFixture(text).load().failure(row.members) else { continue }
            XCTAssertEqual(error.diagnostics.map { "\($0.severity.rawValue) \($0.code ?? "-") \($0.location?.description ?? "-") [\($0.location?.pointer.description ?? "-")] \($0.message) | \($0.hint ?? "-")" },
                           ["error \(row.code) \(row.at) [\(row.pointer)] \(row.message) | \(row.hint)"], row.members, line: row.line)
        }
        // Every other method may carry a request body.
        for method in ContractOperation.methods where !ContractOperation.methodsWithoutRequestBody.contains(method) {
            let text = ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "operations": {"op": {"method": ""## + method
                + ##"", "path": "/a", "request": {"schema": {"type": "string"}}, "responses": {"204": {"description": "Done"}}}}}}"##
            XCTAssertNotNil(ContractFixture(text).load().value(method), method)
        }
    }

    /// With ``LoaderOptions/methodRuleSeverity`` `.warning` (`charter diff`'s bases) an operation breaking the method
    /// rules loads: the same diagnostic, as a warning; the method reads as its uppercase spelling, a request on a method
    /// without one as not given. An unknown method is still an error.
    func testMethodRulesAsWarnings() throws {
        var options = LoaderOptions()
        options.methodRuleSeverity = .warning
        let method = "warning contract.method-rule [/x-contract/operations/op/method]"
        let request = "warning contract.method-rule [/x-contract/operations/op/request]"
        let rows: [(members: String, method: String, warnings: [String], line: UInt)] = [
            (#""method": "get", "path": "/a""#, "GET", [#"\#(method) HTTP method "get" must be written in uppercase"#], #line),
            (#""method": "delete", "path": "/a", "request": {"schema": {"type": "string"}}"#, "DELETE",
             [#"\#(method) HTTP method "delete" must be written in uppercase"#, "\(request) a DELETE operation has no request body"], #line),
            (#""method": "GET", "path": "/a", "request": {"schema": {"type": "string"}}"#, "GET", ["\(request) a GET operation has no request body"], #line),
        ]
        for row in rows {
            let text = ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "operations": {"op": {"## + row.members + "}}}}"
            let graph = try ContractFixture(text, options: options).load().get()
            XCTAssertEqual(graph.warnings.map { "\($0.severity.rawValue) \($0.code ?? "-") [\($0.location?.pointer.description ?? "-")] \($0.message)" },
                           row.warnings, row.members, line: row.line)
            let operation = try XCTUnwrap(graph.documents.first?.contract?.operations.first, row.members, line: row.line)
            XCTAssertEqual(operation.method, row.method, row.members, line: row.line)
            XCTAssertNil(operation.request, row.members, line: row.line)
        }
        let unknown = ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "operations": {"op": {"method": "fetch", "path": "/a"}}}}"##
        XCTAssertEqual(ContractFixture(unknown, options: options).load().failure("fetch")?.diagnostics.map(\.code), ["contract.invalid"])
    }

    /// Numbers outside the ranges contract-format.md §5–6 give, which no contract can mean (a negative or zero time,
    /// an availability that is a percentage, a zero quota), do not load: each is an error (`contract.out-of-range`) where
    /// it is written. The smallest values that mean something load.
    func testServiceLevelNumbersOutOfRange() {
        for row in Self.outOfRangeRows {
            guard let error = ContractFixture(row.text).load().failure(row.text) else { continue }
            XCTAssertEqual(error.diagnostics.map { "\($0.location?.pointer.description ?? "-"): \($0.message)" }, row.expected, row.text)
            XCTAssertTrue(error.diagnostics.allSatisfy { $0.severity == .error && $0.code == LoaderOptions.outOfRangeCode && $0.location?.position != nil }, row.text)
        }
        let smallest = [
            Self.operation(#""sla": {"latencyP99Ms": 1, "availability": 1, "timeoutMs": 1}, "rateLimit": {"quota": 1, "window": "PT1M"}"#),
            Self.event(#""sla": {"maxLagMs": 1}, "retry": {"maxAttempts": 1, "initialDelayMs": 0, "maxDelayMs": 0}"#),
        ]
        for text in smallest {
            if case .failure(let error) = ContractFixture(text).load() { XCTFail("\(text): \(error)") }
        }
    }

    /// With ``LoaderOptions/outOfRangeSeverity`` `.warning` (`charter diff`'s bases) the same numbers load: the same
    /// diagnostics, as warnings, and each value reads as not given (a rate limit with such a quota as none), so it is
    /// compared with nothing. A problem of another kind is still an error.
    func testServiceLevelNumbersOutOfRangeAsWarnings() throws {
        var options = LoaderOptions()
        options.outOfRangeSeverity = .warning
        for row in Self.outOfRangeRows {
            let graph = try ContractFixture(row.text, options: options).load().get()
            XCTAssertEqual(graph.warnings.map { "\($0.location?.pointer.description ?? "-"): \($0.message)" }, row.expected, row.text)
            XCTAssertTrue(graph.warnings.allSatisfy { $0.severity == .warning && $0.code == LoaderOptions.outOfRangeCode && $0.location?.position != nil }, row.text)
            let contract = try XCTUnwrap(graph.documents.first?.contract, row.text)
            let sla = contract.operations.first?.sla
            XCTAssertEqual([sla?.latencyP99Ms, sla?.timeoutMs, contract.events.first?.maxLagMs, contract.events.first?.retry?.initialDelayMs,
                            contract.events.first?.retry?.maxDelayMs].compactMap { $0 }, [], row.text)
            XCTAssertNil(sla?.availability, row.text)
            XCTAssertNil(contract.operations.first?.rateLimit, row.text)
        }
        // Values in range beside them are read as ever.
        let mixed = try ContractFixture(Self.operation(#""sla": {"latencyP99Ms": 200, "availability": 99.9, "timeoutMs": 1000}"#), options: options).load().get()
        let sla = try XCTUnwrap(mixed.documents.first?.contract?.operations.first?.sla)
        XCTAssertEqual([sla.latencyP99Ms, sla.timeoutMs], [200, 1000])
        XCTAssertNil(sla.availability)
        // Not a range: a number where a string belongs, or a missing quota, is an error whatever the option.
        for text in [Self.operation(#""sla": {"availability": "high"}"#), Self.operation(#""rateLimit": {"window": "PT1M"}"#)] {
            guard let error = ContractFixture(text, options: options).load().failure(text) else { continue }
            XCTAssertEqual(error.diagnostics.map(\.code), ["contract.invalid"], text)
        }
    }

    /// An operation `get` with `members`.
    private static func operation(_ members: String) -> String {
        ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "operations": {"get": {"method": "GET", "path": "/a", "## + members + "}}}}"
    }

    /// An event `E` with `members`.
    private static func event(_ members: String) -> String {
        ##"{"x-contract": {"name": "inventory", "version": "1.0.0", "events": {"E": {"payload": {}, "## + members + "}}}}"
    }

    /// Numbers out of range: the text of `/c/a.json` → the diagnostics (pointer: message).
    private static var outOfRangeRows: [(text: String, expected: [String])] {
        [
            (operation(#""sla": {"latencyP99Ms": -5, "availability": 99.9, "timeoutMs": 0}"#),
             [#"/x-contract/operations/get/sla/latencyP99Ms: "latencyP99Ms" must be at least 1, not -5"#,
              #"/x-contract/operations/get/sla/availability: "availability" must be a fraction more than 0 and at most 1 (0.999 for 99.9%), not 99.9"#,
              #"/x-contract/operations/get/sla/timeoutMs: "timeoutMs" must be at least 1, not 0"#]),
            (operation(#""sla": {"availability": 0}"#),
             [#"/x-contract/operations/get/sla/availability: "availability" must be a fraction more than 0 and at most 1 (0.999 for 99.9%), not 0"#]),
            (operation(#""rateLimit": {"quota": 0, "window": "PT1M"}"#), [#"/x-contract/operations/get/rateLimit/quota: "quota" must be at least 1, not 0"#]),
            (event(#""sla": {"maxLagMs": -1}"#), [#"/x-contract/events/E/sla/maxLagMs: "maxLagMs" must be at least 1, not -1"#]),
            (event(#""retry": {"maxAttempts": 3, "initialDelayMs": -100, "maxDelayMs": -50}"#),
             [#"/x-contract/events/E/retry/initialDelayMs: "initialDelayMs" must be at least 0, not -100"#,
              #"/x-contract/events/E/retry/maxDelayMs: "maxDelayMs" must be at least 0, not -50"#]),
        ]
    }

    /// Messages say what was expected.
    func testMessagesNameTheRule() throws {
        let rows: [(text: String, fragment: String)] = [
            (##"{"x-contract": {"name": "inventory", "version": "1.2"}}"##, "version \"1.2\" is not a semantic version"),
            (##"{"x-contract": {"name": "Inventory", "version": "1.0.0"}}"##, "must be kebab-case"),
            (##"{"x-contract": {"name": "inventory", "version": "1.0.0", "compatibility": "sideways"}}"##, "backward, backward-transitive, forward"),
            (##"{"x-contract": {"name": "inventory"}}"##, "missing required field \"version\""),
        ]
        for row in rows {
            let error = try XCTUnwrap(ContractFixture(row.text).load().failure(row.fragment))
            XCTAssertTrue(error.diagnostics.contains { $0.message.contains(row.fragment) }, "\(row.fragment): \(error)")
        }
    }
}
