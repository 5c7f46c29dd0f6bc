import Foundation
import XCTest
@testable import CharterCore

/// Generated clients: the method signatures and request-building lines a contract's operations yield
/// (snippets), and the client compiled with CharterRuntime and run against a transport that records every
/// request and answers from a script: paths, queries, headers, bodies, credentials and idempotency keys as
/// sent, and each documented status decoded into its case.
final class GeneratedSwiftClientTests: XCTestCase {
    static let contract = ##"""
        {
          "x-contract": {
            "name": "shop", "version": "1.4.0",
            "security": {
              "oauth2": {"type": "oauth2", "scopes": {"items:write": "Write items."}},
              "key": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}
            },
            "operations": {
              "getItem": {"summary": "Read an item", "method": "GET", "path": "/stores/{store}/items/{sku}",
                "parameters": [
                  {"name": "store", "in": "path", "required": true, "schema": {"type": "integer", "format": "int32"}},
                  {"name": "sku", "in": "path", "required": true, "schema": {"$ref": "#/$defs/Sku"}, "description": "The item's SKU."},
                  {"name": "at", "in": "query", "schema": {"type": "string", "format": "date-time"}},
                  {"name": "channel", "in": "query", "schema": {"$ref": "#/$defs/Channel"}},
                  {"name": "tags", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
                  {"name": "X-Trace", "in": "header", "schema": {"type": "string"}},
                  {"name": "near", "in": "query", "schema": {"type": "number"}}
                ],
                "responses": {
                  "200": {"description": "The item.", "schema": {"$ref": "#/$defs/Item"}},
                  "404": {"description": "No such item.", "contentType": "application/problem+json", "schema": {"$ref": "#/$defs/Problem"}},
                  "5XX": {"description": "The server failed.", "contentType": "application/problem+json", "schema": {"$ref": "#/$defs/Problem"}}
                },
                "sla": {"latencyP99Ms": 100, "timeoutMs": 800}},
              "putItem": {"summary": "Replace an item", "method": "PUT", "path": "/items/{sku}",
                "parameters": [{"name": "sku", "in": "path", "required": true, "schema": {"$ref": "#/$defs/Sku"}}],
                "request": {"required": true, "schema": {"$ref": "#/$defs/Item"}},
                "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}, "204": {"description": "Unchanged."},
                              "default": {"contentType": "application/problem+json", "schema": {"$ref": "#/$defs/Problem"}}},
                "auth": {"scheme": "key"}},
              "createItem": {"summary": "Create an item", "method": "POST", "path": "/items",
                "request": {"required": true, "schema": {"$ref": "#/$defs/Item"}},
                "responses": {"201": {"schema": {"$ref": "#/$defs/Item"}}, "409": {"contentType": "application/problem+json", "schema": {"$ref": "#/$defs/Problem"}}},
                "auth": {"scheme": "oauth2", "scopes": ["items:write"]},
                "idempotency": {"required": true, "keyHeader": "Idempotency-Key", "retention": "PT24H"},
                "sla": {"timeoutMs": 2000}, "rateLimit": {"quota": 50, "window": "PT1M", "scope": "client"}},
              "search": {"summary": "Search", "method": "POST", "path": "/search", "deprecated": true,
                "request": {"required": false, "schema": {"type": "object", "properties": {"text": {"type": "string"}}}},
                "responses": {"200": {"schema": {"type": "array", "items": {"$ref": "#/$defs/Item"}}}},
                "idempotency": {"required": false}},
              "configuration": {"summary": "Named like the client's property", "method": "GET", "path": "/configuration",
                "responses": {"200": {"schema": {"type": "string"}}}}
            }
          },
          "$defs": {
            "Sku": {"type": "string", "maxLength": 20},
            "Channel": {"type": "string", "enum": ["web", "store"]},
            "Item": {"type": "object", "required": ["sku", "price"], "properties": {
              "sku": {"$ref": "#/$defs/Sku"}, "price": {"type": "string", "format": "decimal"}}},
            "Problem": {"type": "object", "required": ["title"], "properties": {"title": {"type": "string"}, "status": {"type": "integer"}}},
            "Client": {"type": "object", "properties": {"id": {"type": "string"}}}
          }
        }
        """##

    func testClientSnippets() throws {
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate().value("generate"))
        let text = try XCTUnwrap(files["ShopV1.swift"])
        let lines = GeneratedSwiftSnippetTests.trimmedLines(text)
        let expected = [
            "public struct Client2: Sendable {",
            "public func getItem(store: Int32, sku: ShopV1.Sku, at: Date? = nil, channel: ShopV1.Channel? = nil, tags: [String]? = nil, xTrace: String? = nil, near: Double? = nil) async throws(ClientError) -> GetItemResponse {",
            "var request = ClientRequest(method: \"GET\", path: [\"/stores/\", ClientParameter.pathSegment(ClientParameter.text(store)), \"/items/\", ClientParameter.pathSegment(sku)].joined())",
            "request.addQuery(\"at\", try ClientParameter.text(value, for: operation))",
            "request.addQuery(\"channel\", value.rawValue)",
            "for item in value {",
            "request.addQuery(\"tags\", item)",
            "request.setHeader(\"X-Trace\", value)",
            // A number can be NaN or infinite, which no text carries: written so that it throws, as a date-time is.
            "request.addQuery(\"near\", try ClientParameter.text(value, for: operation))",
            "request.setHeader(\"Accept\", \"application/json, application/problem+json\")",
            "case 200: return .ok(try configuration.decodeBody(ShopV1.Item.self, from: response, for: operation))",
            "case 500...599: return .serverError(status: response.status, try configuration.decodeBody(ShopV1.Problem.self, from: response, for: operation))",
            "default: return .undocumented(status: response.status, body: response.body)",
            "case serverError(status: Int, ShopV1.Problem)",
            "case undocumented(status: Int, body: Data)",
            "public func putItem(sku: ShopV1.Sku, _ body: ShopV1.Item) async throws(ClientError) -> PutItemResponse {",
            "case 204: return .noContent",
            "default: return .other(status: response.status, try configuration.decodeBody(ShopV1.Problem.self, from: response, for: operation))",
            "public func createItem(_ body: ShopV1.Item, idempotencyKey: String? = nil) async throws(ClientError) -> CreateItemResponse {",
            "let response = try await configuration.send(request, for: operation, idempotencyKey: idempotencyKey)",
            "@available(*, deprecated, message: \"Deprecated in the contract.\")",
            "public func search(_ body: ShopV1.SearchRequest? = nil, idempotencyKey: String? = nil) async throws(ClientError) -> SearchResponse {",
            "if let body {",
            "public func configuration2() async throws(ClientError) -> ConfigurationResponse {",
            "public static let createItem = ClientOperation(id: \"createItem\", method: \"POST\", pathTemplate: \"/items\", auth: ClientAuthRequirement(scheme: \"oauth2\", type: \"oauth2\", scopes: [\"items:write\"]), idempotencyKeyHeader: \"Idempotency-Key\", requiresIdempotencyKey: true, timeoutMilliseconds: 2000)",
            // A query (a POST whose idempotency is not required) takes a key, and is safe to repeat only with one.
            "public static let search = ClientOperation(id: \"search\", method: \"POST\", pathTemplate: \"/search\", idempotencyKeyHeader: \"Idempotency-Key\")",
            "public static let putItem = ClientOperation(id: \"putItem\", method: \"PUT\", pathTemplate: \"/items/{sku}\", auth: ClientAuthRequirement(scheme: \"key\", type: \"apiKey\", scopes: [], keyLocation: \"header\", keyName: \"X-Api-Key\"))",
            "/// - Operation: `POST /items`",
            "/// - Auth: oauth2 (items:write)",
            "/// - Idempotency: required, key in `Idempotency-Key`, kept PT24H",
            "/// - Rate limit: 50 per PT1M (client)",
            "///   - sku: The item's SKU.",
            "///   - body: The request body (`application/json`).",
            // A POST whose key is optional (a query) is retried only with one.
            "///   - idempotencyKey: Sent in `Idempotency-Key` when given, and every retry repeats it; without one",
            "///   the call is not retried.",
            "///   - idempotencyKey: Sent in `Idempotency-Key`; a new key is made when nil, and every retry repeats",
        ]
        for line in expected {
            XCTAssertTrue(lines.contains(line), "missing: \(line)")
        }
        XCTAssertEqual(text.components(separatedBy: "case undocumented(status: Int, body: Data)").count - 1, 4,
                       "every operation but putItem (which documents default) has an undocumented case")
    }

    func testGeneratedClientSendsWhatTheContractSaysAndDecodesEveryStatus() throws {
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate().value("generate"))
        let main = [
            "import Foundation",
            "final class Recorder: ClientTransport, @unchecked Sendable {",
            "    let lock = NSLock()",
            "    var script: [ClientResponse]",
            "    init(_ script: [ClientResponse]) { self.script = script }",
            "    func send(_ request: ClientRequest, serverURL: URL) async throws -> ClientResponse {",
            "        let names = request.headers.map { $0.name.lowercased() }.sorted().joined(separator: \",\")",
            "        print(\"SENT \\(request.method) \\(request.url(relativeTo: serverURL).absoluteString) [\\(names)] key=\\(request.header(\"Idempotency-Key\") ?? \"-\") auth=\\(request.header(\"Authorization\") ?? request.header(\"X-Api-Key\") ?? \"-\") trace=\\(request.header(\"X-Trace\") ?? \"-\") timeout=\\(request.timeoutMilliseconds.map(String.init) ?? \"-\") body=\\(request.body.map { String(decoding: $0, as: UTF8.self) } ?? \"-\")\")",
            "        return lock.withLock { script.removeFirst() }",
            "    }",
            "}",
            "struct Keys: ClientAuthorization {",
            "    func authorize(_ request: inout ClientRequest, for requirement: ClientAuthRequirement) async throws {",
            "        if requirement.type == \"apiKey\", let name = requirement.keyName { request.setHeader(name, \"k3y\") }",
            "        if requirement.type == \"oauth2\" { request.setHeader(\"Authorization\", \"Bearer \" + requirement.scopes.joined(separator: \" \")) }",
            "    }",
            "}",
            "func json(_ status: Int, _ text: String) -> ClientResponse { ClientResponse(status: status, body: Data(text.utf8)) }",
            "let recorder = Recorder([",
            "    json(200, #\"{\"sku\":\"a/b\",\"price\":\"1.10\"}\"#), json(404, #\"{\"title\":\"gone\"}\"#), json(503, #\"{\"title\":\"down\"}\"#),",
            "    json(503, #\"{\"title\":\"down\"}\"#), json(503, #\"{\"title\":\"down\"}\"#), json(418, \"teapot\"),",
            "    json(204, \"\"), json(400, #\"{\"title\":\"bad\"}\"#),",
            "    json(201, #\"{\"sku\":\"n\",\"price\":\"2\"}\"#), json(409, #\"{\"title\":\"dup\"}\"#),",
            "    json(503, \"\"), json(200, #\"[{\"sku\":\"s\",\"price\":\"0.5\"}]\"#), json(503, \"\"), json(200, #\"\"x\"\"#), json(200, #\"{\"sku\":5}\"#),",
            "])",
            "final class Counter: @unchecked Sendable { let lock = NSLock(); var count = 0; func next() -> Int { lock.withLock { count += 1; return count } } }",
            "let counter = Counter()",
            "let config = ClientConfiguration(serverURL: URL(string: \"https://shop.example/v1\")!, transport: recorder, authorization: Keys(),",
            "    makeIdempotencyKey: { \"made-\\(counter.next())\" }, sleep: { _ in })",
            "let client = ShopV1.Client2(configuration: config)",
            "let time = Date(timeIntervalSince1970: 1_700_000_000)",
            "func show<T>(_ result: T) { print(\"GOT \\(result)\") }",
            "show(try await client.getItem(store: 42, sku: \"a/b c\", at: time, channel: .store, tags: [\"x\", \"y&z\"], xTrace: \"t-1\", near: 2.5))",
            "show(try await client.getItem(store: 1, sku: \"none\"))",
            "show(try await client.getItem(store: 1, sku: \"down\"))",
            "show(try await client.getItem(store: 1, sku: \"tea\"))",
            "let item = ShopV1.Item(sku: \"p\", price: Decimal(string: \"3.30\")!)",
            "show(try await client.putItem(sku: \"p\", item))",
            "show(try await client.putItem(sku: \"p\", item))",
            "show(try await client.createItem(item))",
            "show(try await client.createItem(item, idempotencyKey: \"mine\"))",
            "show(try await client.search(ShopV1.SearchRequest(text: \"q\"), idempotencyKey: \"q-1\"))",
            "show(try await client.search(ShopV1.SearchRequest(text: \"q\")))",
            "show(try await client.configuration2())",
            "do { _ = try await client.getItem(store: 1, sku: \"bad\") } catch { print(\"ERROR \\(error.kind) \\(error.status ?? 0) \\(error.response.map { String(decoding: $0.body, as: UTF8.self) } ?? \"-\")\") }",
            "for near in [Double.nan, -.infinity] {",
            "    do { _ = try await client.getItem(store: 1, sku: \"far\", near: near) } catch { print(\"ERROR \\(error.kind) attempts=\\(error.attempts)\") }",
            "}",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        let expected = [
            "SENT GET https://shop.example/v1/stores/42/items/a%2Fb%20c?at=2023-11-14T22%3A13%3A20Z&channel=store&tags=x&tags=y%26z&near=2.5 [accept,x-trace] key=- auth=- trace=t-1 timeout=800 body=-",
            #"GOT ok(Check.ShopV1.Item(sku: "a/b", price: 1.1))"#,
            "SENT GET https://shop.example/v1/stores/1/items/none [accept] key=- auth=- trace=- timeout=800 body=-",
            #"GOT notFound(Check.ShopV1.Problem(title: "gone", status: nil))"#,
            // A GET is retried on 503 (three attempts in all), and the last answer is decoded by its range.
            "SENT GET https://shop.example/v1/stores/1/items/down [accept] key=- auth=- trace=- timeout=800 body=-",
            "SENT GET https://shop.example/v1/stores/1/items/down [accept] key=- auth=- trace=- timeout=800 body=-",
            "SENT GET https://shop.example/v1/stores/1/items/down [accept] key=- auth=- trace=- timeout=800 body=-",
            #"GOT serverError(status: 503, Check.ShopV1.Problem(title: "down", status: nil))"#,
            "SENT GET https://shop.example/v1/stores/1/items/tea [accept] key=- auth=- trace=- timeout=800 body=-",
            "GOT undocumented(status: 418, body: 6 bytes)",
            #"SENT PUT https://shop.example/v1/items/p [accept,content-type,x-api-key] key=- auth=k3y trace=- timeout=- body={"price":"3.3","sku":"p"}"#,
            "GOT noContent",
            #"SENT PUT https://shop.example/v1/items/p [accept,content-type,x-api-key] key=- auth=k3y trace=- timeout=- body={"price":"3.3","sku":"p"}"#,
            #"GOT other(status: 400, Check.ShopV1.Problem(title: "bad", status: nil))"#,
            #"SENT POST https://shop.example/v1/items [accept,authorization,content-type,idempotency-key] key=made-1 auth=Bearer items:write trace=- timeout=2000 body={"price":"3.3","sku":"p"}"#,
            #"GOT created(Check.ShopV1.Item(sku: "n", price: 2))"#,
            #"SENT POST https://shop.example/v1/items [accept,authorization,content-type,idempotency-key] key=mine auth=Bearer items:write trace=- timeout=2000 body={"price":"3.3","sku":"p"}"#,
            #"GOT conflict(Check.ShopV1.Problem(title: "dup", status: nil))"#,
            // A query is retried on 503 when the caller gives it a key, with that key...
            #"SENT POST https://shop.example/v1/search [accept,content-type,idempotency-key] key=q-1 auth=- trace=- timeout=- body={"text":"q"}"#,
            #"SENT POST https://shop.example/v1/search [accept,content-type,idempotency-key] key=q-1 auth=- trace=- timeout=- body={"text":"q"}"#,
            #"GOT ok([Check.ShopV1.Item(sku: "s", price: 0.5)])"#,
            // ...and without one it is sent once, like any POST.
            #"SENT POST https://shop.example/v1/search [accept,content-type] key=- auth=- trace=- timeout=- body={"text":"q"}"#,
            "GOT undocumented(status: 503, body: 0 bytes)",
            "SENT GET https://shop.example/v1/configuration [accept] key=- auth=- trace=- timeout=- body=-",
            #"GOT ok("x")"#,
            "SENT GET https://shop.example/v1/stores/1/items/bad [accept] key=- auth=- trace=- timeout=800 body=-",
            // The decoding error keeps the response it could not decode.
            #"ERROR decoding 200 {"sku":5}"#,
            // A NaN or an infinity is refused before anything is sent.
            "ERROR encoding attempts=0",
            "ERROR encoding attempts=0",
        ]
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), expected)
    }
}
