import Foundation
import XCTest
@testable import CharterCore

/// Generated providers: a client and a provider generated from one contract, compiled together and joined by
/// a transport that sends the client's URL through Foundation's `URLComponents` (as a server would parse it)
/// into the provider's `handle(_:)`. Every argument must reach the provider's method as the client was given
/// it, every answer come back as the case the provider returned, and bad requests be refused with problems.
final class GeneratedSwiftProviderTests: XCTestCase {
    /// Rows: the operations on one path → the routing statements for HEAD. A GET answers HEAD through
    /// `ProviderResponse.head` unless the contract declares a HEAD of its own there.
    func testHeadIsRoutedToTheGetUnlessDeclared() throws {
        let get = #""read": {"method": "GET", "path": "/items/{sku}", "parameters": [{"name": "sku", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"schema": {"type": "string"}}}}"#
        let head = #""probe": {"method": "HEAD", "path": "/items/{sku}", "parameters": [{"name": "sku", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"204": {}}}"#
        let rows: [(label: String, operations: String, present: [String], absent: [String])] = [
            ("GET only", get,
             [#"if request.method == "HEAD" { return ProviderResponse.head(await handleRead(request, captures, idempotencyStore)) }"#, #"allowed.append("HEAD")"#], []),
            ("GET and a declared HEAD", get + ", " + head,
             [#"if request.method == "HEAD" { return await handleProbe(request, captures, idempotencyStore) }"#], ["ProviderResponse.head("]),
        ]
        for row in rows {
            let contract = #"{"x-contract": {"name": "probe", "version": "1.0.0", "operations": {"# + row.operations + "}}}"
            let files = try XCTUnwrap(ContractFixture(contract).generate().value(row.label))
            let lines = GeneratedSwiftSnippetTests.trimmedLines(try XCTUnwrap(files["ProbeV1.swift"], row.label))
            for line in row.present { XCTAssertTrue(lines.contains(line), "\(row.label): missing \(line)") }
            for text in row.absent { XCTAssertFalse(lines.contains { $0.contains(text) }, "\(row.label): unexpected \(text)") }
        }
    }

    /// A request body declared with a media type other than JSON is accepted under that type too.
    func testDeclaredRequestContentTypeIsAccepted() throws {
        let contract = #"{"x-contract": {"name": "probe", "version": "1.0.0", "operations": {"note": {"method": "POST", "path": "/notes", "request": {"contentType": "text/plain", "schema": {"type": "string"}}, "responses": {"204": {}}, "idempotency": {"required": false}}}}}"#
        let files = try XCTUnwrap(ContractFixture(contract).generate().value("generate"))
        let text = try XCTUnwrap(files["ProbeV1.swift"])
        XCTAssertTrue(text.contains(#"try ProviderRouting.body(String.self, from: request, required: true, declaredContentType: "text/plain")"#), text)
    }

    func testClientAndProviderFromOneContractAgree() throws {
        let files = try XCTUnwrap(ContractFixture(GeneratedSwiftClientTests.contract).generate().value("generate"))
        let text = try XCTUnwrap(files["ShopV1.swift"])
        let lines = GeneratedSwiftSnippetTests.trimmedLines(text)
        for line in [
            "public protocol Provider: Sendable {",
            "func getItem(store: Int32, sku: ShopV1.Sku, at: Date?, channel: ShopV1.Channel?, tags: [String]?, xTrace: String?, near: Double?) async throws -> GetItemResponse",
            "func createItem(_ body: ShopV1.Item, idempotencyKey: String?) async throws -> CreateItemResponse",
            "extension ShopV1.Provider {",
            "public func handle(_ request: ClientRequest) async -> ClientResponse {",
            "if let captures = ProviderRouting.match(request.path, [\"stores\", nil, \"items\", nil]) {",
            "let store = try ProviderRouting.parse(captures[0], as: Int32.self, \"path parameter store\")",
            "let channel = ProviderRouting.query(request, \"channel\").first.map { ShopV1.Channel(rawValue: $0) }",
            "let tags = ProviderRouting.query(request, \"tags\").isEmpty ? nil : ProviderRouting.query(request, \"tags\")",
            "if idempotencyKey?.isEmpty ?? true { throw ProviderRequestError(\"the Idempotency-Key header is missing or empty\") }",
            "case .serverError(let status, let value): return ProviderResponse.json(status, value, contentType: \"application/problem+json\")",
        ] {
            XCTAssertTrue(lines.contains(line), "missing: \(line)")
        }

        let main = ["import Foundation"] + GeneratedSwiftRuntimeTests.logClass + [
            "struct Boom: Error {}",
            "struct Shop: ShopV1.Provider {",
            "    let log: Log",
            "    func getItem(store: Int32, sku: ShopV1.Sku, at: Date?, channel: ShopV1.Channel?, tags: [String]?, xTrace: String?, near: Double?) async throws -> ShopV1.GetItemResponse {",
            "        log.add(\"getItem store=\\(store) sku=\\(sku) at=\\(at.map { RFC3339.formatDateTime($0) } ?? \"-\") channel=\\(channel?.rawValue ?? \"-\") tags=\\(tags?.joined(separator: \"|\") ?? \"-\") trace=\\(xTrace ?? \"-\") near=\\(near.map { String($0) } ?? \"-\")\")",
            "        switch sku {",
            "        case \"none\": return .notFound(ShopV1.Problem(title: \"gone\", status: 404))",
            "        case \"down\": return .serverError(status: 503, ShopV1.Problem(title: \"down\"))",
            "        case \"boom\": throw Boom()",
            "        default: return .ok(ShopV1.Item(sku: sku, price: Decimal(string: \"1.25\")!))",
            "        }",
            "    }",
            "    func putItem(sku: ShopV1.Sku, _ body: ShopV1.Item) async throws -> ShopV1.PutItemResponse {",
            "        log.add(\"putItem sku=\\(sku) body=\\(body.sku)@\\(body.price)\")",
            "        return sku == body.sku ? .noContent : .other(status: 422, ShopV1.Problem(title: \"mismatch\"))",
            "    }",
            "    func createItem(_ body: ShopV1.Item, idempotencyKey: String?) async throws -> ShopV1.CreateItemResponse {",
            "        log.add(\"createItem key=\\(idempotencyKey ?? \"-\") body=\\(body.sku)\")",
            "        return .created(body)",
            "    }",
            "    func search(_ body: ShopV1.SearchRequest?, idempotencyKey: String?) async throws -> ShopV1.SearchResponse {",
            "        log.add(\"search text=\\(body?.text ?? \"-\")\")",
            "        return .ok([ShopV1.Item(sku: \"s\", price: 2)])",
            "    }",
            "    func configuration2() async throws -> ShopV1.ConfigurationResponse { .ok(\"x\") }",
            "    func failed(_ error: any Error, in operation: String) async { log.add(\"failed \\(operation): \\(error)\") }",
            "}",
            "let log = Log()",
            "let shop = Shop(log: log)",
            "/// The wire: the client's URL parsed back by Foundation, the provider answering.",
            "struct Loop: ClientTransport {",
            "    let shop: Shop",
            "    func send(_ request: ClientRequest, serverURL: URL) async throws -> ClientResponse {",
            "        let components = URLComponents(url: request.url(relativeTo: serverURL), resolvingAgainstBaseURL: false)!",
            "        let path = String(components.percentEncodedPath.dropFirst(\"/v1\".count))",
            "        let query = (components.queryItems ?? []).map { ClientHeader(name: $0.name, value: $0.value ?? \"\") }",
            "        return await shop.handle(ClientRequest(method: request.method, path: path, query: query, headers: request.headers, body: request.body))",
            "    }",
            "}",
            "let client = ShopV1.Client2(configuration: ClientConfiguration(serverURL: URL(string: \"https://shop.example/v1\")!, transport: Loop(shop: shop),",
            "    authorization: BearerAuthorization { _ in \"t\" }, retry: .none, makeIdempotencyKey: { \"made\" }))",
            "func show<T>(_ result: T) { print(\"GOT \\(result)\") }",
            "let at = Date(timeIntervalSince1970: 1_700_000_000.5)",
            "show(try await client.getItem(store: -3, sku: \"a/b c?&é\", at: at, channel: .web, tags: [\"x\", \"y&z\", \"\"], xTrace: \"t\", near: -0.25))",
            "show(try await client.getItem(store: 1, sku: \"none\"))",
            "show(try await client.getItem(store: 1, sku: \"down\"))",
            "show(try await client.getItem(store: 1, sku: \"boom\"))",
            "show(try await client.putItem(sku: \"p\", ShopV1.Item(sku: \"p\", price: 3)))",
            "show(try await client.putItem(sku: \"p\", ShopV1.Item(sku: \"q\", price: 3)))",
            "show(try await client.createItem(ShopV1.Item(sku: \"n\", price: Decimal(string: \"0.1\")!)))",
            "show(try await client.search())",
            "show(try await client.search(ShopV1.SearchRequest(text: \"t\")))",
            "show(try await client.configuration2())",
            "func raw(_ method: String, _ path: String, _ headers: [ClientHeader] = [], _ body: String? = nil) async {",
            "    let response = await shop.handle(ClientRequest(method: method, path: path, headers: headers, body: body.map { Data($0.utf8) }))",
            "    print(\"RAW \\(response.status) \\(response.header(\"Allow\") ?? \"\") \\(String(decoding: response.body, as: UTF8.self))\")",
            "}",
            "await raw(\"GET\", \"/nowhere\")",
            "await raw(\"DELETE\", \"/items/p\")",
            "await raw(\"GET\", \"/stores/abc/items/x\")",
            "await raw(\"GET\", \"/stores/1/items/this-sku-is-far-too-long\")",
            "await raw(\"POST\", \"/items\", [], #\"{\"sku\":\"n\",\"price\":\"1\"}\"#)",
            "await raw(\"POST\", \"/items\", [ClientHeader(name: \"idempotency-key\", value: \"k\")], #\"{\"sku\":\"this-sku-is-far-too-long\",\"price\":\"1\"}\"#)",
            "await raw(\"PUT\", \"/items/p\", [], \"not json\")",
            "await raw(\"POST\", \"/search\", [], #\"{\"text\":null}\"#)",
            "await raw(\"PUT\", \"/items/p\", [ClientHeader(name: \"Content-Type\", value: \"text/plain\")], #\"{\"sku\":\"p\",\"price\":\"1\"}\"#)",
            "await raw(\"PUT\", \"/items/p\", [ClientHeader(name: \"Content-Type\", value: \"Application/JSON; charset=utf-8\")], #\"{\"sku\":\"p\",\"price\":\"1\"}\"#)",
            "await raw(\"DELETE\", \"/stores/1/items/x\")",
            "let head = await shop.handle(ClientRequest(method: \"HEAD\", path: \"/stores/1/items/h\"))",
            "let get = await shop.handle(ClientRequest(method: \"GET\", path: \"/stores/1/items/h\"))",
            "print(\"HEAD \\(head.status) \\(head.header(\"Content-Type\") ?? \"-\") \\(head.body.count) bytes; GET \\(get.status) \\(get.headers == head.headers) \\(get.body.count > 0)\")",
            "print(log.lines.joined(separator: \"\\n\"))",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        let expected = [
            #"GOT ok(Check.ShopV1.Item(sku: "a/b c?&é", price: 1.25))"#,
            #"GOT notFound(Check.ShopV1.Problem(title: "gone", status: Optional(404)))"#,
            #"GOT serverError(status: 503, Check.ShopV1.Problem(title: "down", status: nil))"#,
            // The provider threw: a 500 problem, which this operation's `5XX` response describes.
            #"GOT serverError(status: 500, Check.ShopV1.Problem(title: "Internal Server Error", status: Optional(500)))"#,
            "GOT noContent",
            #"GOT other(status: 422, Check.ShopV1.Problem(title: "mismatch", status: nil))"#,
            #"GOT created(Check.ShopV1.Item(sku: "n", price: 0.1))"#,
            #"GOT ok([Check.ShopV1.Item(sku: "s", price: 2)])"#,
            #"GOT ok([Check.ShopV1.Item(sku: "s", price: 2)])"#,
            #"GOT ok("x")"#,
            #"RAW 404  {"detail":"no operation has the path /nowhere","status":404,"title":"Not Found","type":"about:blank"}"#,
            #"RAW 405 PUT {"detail":"DELETE is not allowed here","status":405,"title":"Method Not Allowed","type":"about:blank"}"#,
            #"RAW 400  {"detail":"path parameter store: expected an integer, got \"abc\"","status":400,"title":"Bad Request","type":"about:blank"}"#,
            // A path segment that breaks the parameter's schema is refused before the implementation sees it.
            #"RAW 400  {"detail":"parameters break the contract: sku must be at most 20 characters long (is 24)","status":400,"title":"Bad Request","type":"about:blank"}"#,
            #"RAW 400  {"detail":"the Idempotency-Key header is missing or empty","status":400,"title":"Bad Request","type":"about:blank"}"#,
            #"RAW 400  {"detail":"the request body breaks the contract: /sku must be at most 20 characters long (is 24)","status":400,"title":"Bad Request","type":"about:blank"}"#,
            #"RAW 400  {"detail":"the request body is not valid: "#,
            // `null` for an optional property that is not nullable is not absent: the body is refused, naming it.
            #"RAW 400  {"detail":"the request body is not valid: DecodingError.valueNotFound: Expected value of type String but found null instead. Path: text."#,
            // A body labelled as neither JSON nor the declared type is refused; JSON with parameters, in any case, is read.
            #"RAW 415  {"detail":"the request body is text/plain, not application/json","status":415,"title":"Unsupported Media Type","type":"about:blank"}"#,
            "RAW 204  ",
            // A GET also answers HEAD: listed in Allow, and the same status and headers without content.
            #"RAW 405 GET, HEAD {"detail":"DELETE is not allowed here","status":405,"title":"Method Not Allowed","type":"about:blank"}"#,
            "HEAD 200 application/json 0 bytes; GET 200 true true",
            "getItem store=-3 sku=a/b c?&é at=2023-11-14T22:13:20.5Z channel=web tags=x|y&z| trace=t near=-0.25",
            "getItem store=1 sku=none at=- channel=- tags=- trace=- near=-",
            "getItem store=1 sku=down at=- channel=- tags=- trace=- near=-",
            "getItem store=1 sku=boom at=- channel=- tags=- trace=- near=-",
            // What the method threw reaches the provider's `failed(_:in:)` before the 500.
            "failed getItem: Boom()",
            "putItem sku=p body=p@3",
            "putItem sku=p body=q@3",
            "createItem key=made body=n",
            "search text=-",
            "search text=t",
            "putItem sku=p body=p@1",
            "getItem store=1 sku=h at=- channel=- tags=- trace=- near=-",
            "getItem store=1 sku=h at=- channel=- tags=- trace=- near=-",
        ]
        let output = run.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(output.count, expected.count, run.output)
        for (line, want) in zip(output, expected) {
            if want.hasPrefix("RAW 400  {\"detail\":\"the request body is not valid") {
                XCTAssertTrue(line.hasPrefix(want), "\(line) does not start with \(want)")
            } else {
                XCTAssertEqual(line, want)
            }
        }
    }

    /// A provider served with an idempotency store: a write retried with its key runs once and its retry gets the
    /// first answer (marked `Idempotent-Replayed`), the key with another body is refused with 422, and without a
    /// store every call runs, as before.
    func testIdempotentWritesRunOnceWithAStore() throws {
        let files = try XCTUnwrap(ContractFixture(GeneratedSwiftClientTests.contract).generate().value("generate"))
        let text = try XCTUnwrap(files["ShopV1.swift"])
        XCTAssertTrue(GeneratedSwiftSnippetTests.trimmedLines(text).contains(
            #"return await ProviderIdempotency.serve(request, store: idempotencyStore, operation: "createItem", keyHeader: "Idempotency-Key", retention: 86400) {"#))
        let main = [
            "import Foundation",
            "final class Count: @unchecked Sendable { let lock = NSLock(); var runs = 0; func add() -> Int { lock.withLock { runs += 1; return runs } } }",
            "struct Shop: ShopV1.Provider {",
            "    let count: Count",
            "    func getItem(store: Int32, sku: ShopV1.Sku, at: Date?, channel: ShopV1.Channel?, tags: [String]?, xTrace: String?, near: Double?) async throws -> ShopV1.GetItemResponse { .undocumented(status: 501, body: Data()) }",
            "    func putItem(sku: ShopV1.Sku, _ body: ShopV1.Item) async throws -> ShopV1.PutItemResponse { .noContent }",
            "    func createItem(_ body: ShopV1.Item, idempotencyKey: String?) async throws -> ShopV1.CreateItemResponse {",
            "        .created(ShopV1.Item(sku: \"\\(body.sku)-\\(count.add())\", price: body.price))",
            "    }",
            "    func search(_ body: ShopV1.SearchRequest?, idempotencyKey: String?) async throws -> ShopV1.SearchResponse { .ok([]) }",
            "    func configuration2() async throws -> ShopV1.ConfigurationResponse { .ok(\"x\") }",
            "}",
            "struct Loop: ClientTransport {",
            "    let shop: Shop; let store: (any IdempotencyStore)?",
            "    func send(_ request: ClientRequest, serverURL: URL) async throws -> ClientResponse {",
            "        let response = await shop.handle(request, idempotency: store)",
            "        print(\"WIRE \\(response.status) replayed=\\(response.header(\"Idempotent-Replayed\") ?? \"-\")\")",
            "        return response",
            "    }",
            "}",
            "let count = Count()",
            "for store in [InMemoryIdempotencyStore(caller: { _ in nil }) as (any IdempotencyStore)?, nil] {",
            "    let client = ShopV1.Client2(configuration: ClientConfiguration(serverURL: URL(string: \"https://shop.example\")!,",
            "        transport: Loop(shop: Shop(count: count), store: store), authorization: BearerAuthorization { _ in \"t\" }, retry: .none))",
            "    print(\"GOT \\(try await client.createItem(ShopV1.Item(sku: \"a\", price: 1), idempotencyKey: \"same\"))\")",
            "    print(\"GOT \\(try await client.createItem(ShopV1.Item(sku: \"a\", price: 1), idempotencyKey: \"same\"))\")",
            "    print(\"GOT \\(try await client.createItem(ShopV1.Item(sku: \"b\", price: 1), idempotencyKey: \"same\"))\")",
            "}",
            "// A request refused before the implementation saw it claims no key: the corrected retry runs.",
            "let store = InMemoryIdempotencyStore(caller: { _ in nil })",
            "let key = ClientHeader(name: \"Idempotency-Key\", value: \"fix\")",
            "let bad = await Shop(count: count).handle(ClientRequest(method: \"POST\", path: \"/items\", headers: [key], body: Data(#\"{\"sku\": 5}\"#.utf8)), idempotency: store)",
            "let good = await Shop(count: count).handle(ClientRequest(method: \"POST\", path: \"/items\", headers: [key], body: Data(#\"{\"sku\":\"c\",\"price\":\"1\"}\"#.utf8)), idempotency: store)",
            "print(\"RAW \\(bad.status) \\(good.status) \\(String(decoding: good.body, as: UTF8.self))\")",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            "WIRE 201 replayed=-",
            #"GOT created(Check.ShopV1.Item(sku: "a-1", price: 1))"#,
            // The retry: the first answer, not a second item.
            "WIRE 201 replayed=true",
            #"GOT created(Check.ShopV1.Item(sku: "a-1", price: 1))"#,
            // The key with another body: 422, which createItem does not document.
            "WIRE 422 replayed=-",
            "GOT undocumented(status: 422, body: 133 bytes)",
            // Without a store, every call runs.
            "WIRE 201 replayed=-",
            #"GOT created(Check.ShopV1.Item(sku: "a-2", price: 1))"#,
            "WIRE 201 replayed=-",
            #"GOT created(Check.ShopV1.Item(sku: "a-3", price: 1))"#,
            "WIRE 201 replayed=-",
            #"GOT created(Check.ShopV1.Item(sku: "b-4", price: 1))"#,
            #"RAW 400 201 {"price":"1","sku":"c-5"}"#,
        ])
    }

    /// An idempotent write with nothing to read (no parameters, no body, an optional key) has no reading that can
    /// fail: its handler is the store's call alone, compiles without warnings, and replays. The method sees the
    /// request it serves through `ProviderContext.request`, and nothing outside `handle`.
    func testIdempotentWriteWithNothingToRead() throws {
        let contract = #"{"x-contract": {"name": "probe", "version": "1.0.0", "operations": {"touch": {"method": "PUT", "path": "/touch", "responses": {"204": {}}, "idempotency": {"required": false, "keyHeader": "X-Key", "retention": "PT0.5S"}}}}}"#
        let files = try XCTUnwrap(ContractFixture(contract).generate().value("generate"))
        let lines = GeneratedSwiftSnippetTests.trimmedLines(try XCTUnwrap(files["ProbeV1.swift"]))
        // Half a second is kept for a whole one: a store keeps answers for whole seconds.
        XCTAssertTrue(lines.contains(#"return await ProviderIdempotency.serve(request, store: idempotencyStore, operation: "touch", keyHeader: "X-Key", declaredContentType: nil, retention: 1) {"#))
        let main = [
            "import Foundation",
            "final class Count: @unchecked Sendable { let lock = NSLock(); var runs = 0; func add() { lock.withLock { runs += 1 } } }",
            "struct Probe: ProbeV1.Provider {",
            "    let count: Count",
            "    func touch(idempotencyKey: String?) async throws -> ProbeV1.TouchResponse {",
            "        // The request itself, beyond the contract's parameters, through ProviderContext.",
            "        print(\"in touch: \\(ProviderContext.request?.header(\"X-Caller\") ?? \"-\")\")",
            "        count.add()",
            "        return .noContent",
            "    }",
            "}",
            "let count = Count()",
            "let store = InMemoryIdempotencyStore(caller: { _ in nil })",
            "for _ in 0..<2 {",
            "    let headers = [ClientHeader(name: \"X-Key\", value: \"k\"), ClientHeader(name: \"X-Caller\", value: \"pos-7\")]",
            "    let response = await Probe(count: count).handle(ClientRequest(method: \"PUT\", path: \"/touch\", headers: headers), idempotency: store)",
            "    print(\"\\(response.status) \\(response.header(\"Idempotent-Replayed\") ?? \"-\") runs=\\(count.runs)\")",
            "}",
            "print(\"outside: \\(ProviderContext.request == nil)\")",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), ["in touch: pos-7", "204 - runs=1", "204 true runs=1", "outside: true"])
    }

    /// An idempotent write's body counts as the handler reads it, under every request type the contract can declare:
    /// a body labelled with a declared `text/plain`, form or binary type is read as JSON, so a retry that serialises
    /// the same value again (or sends it labelled JSON) is replayed, and another value is refused with 422; a form body
    /// is not read as fields (400, claiming nothing); another label is refused with 415; the body of an operation that
    /// declares none is not read, so it counts by its bytes.
    func testIdempotentBodiesCountAsTheHandlerReadsThem() throws {
        let contract = #"""
            {"$defs": {"Item": {"type": "object", "properties": {"sku": {"type": "string"}, "qty": {"type": "integer"}}, "required": ["sku"]}},
             "x-contract": {"name": "reads", "version": "1.0.0", "operations": {
              "putNote": {"method": "PUT", "path": "/notes", "request": {"contentType": "text/plain", "schema": {"$ref": "#/$defs/Item"}},
                "responses": {"204": {}}, "idempotency": {"required": false, "keyHeader": "Idempotency-Key", "retention": "PT1H"}},
              "putForm": {"method": "PUT", "path": "/forms", "request": {"contentType": "application/x-www-form-urlencoded", "schema": {"$ref": "#/$defs/Item"}},
                "responses": {"204": {}}, "idempotency": {"required": false, "keyHeader": "Idempotency-Key", "retention": "PT1H"}},
              "putBlob": {"method": "PUT", "path": "/blobs", "request": {"contentType": "application/octet-stream", "schema": {"type": "string", "contentEncoding": "base64"}},
                "responses": {"204": {}}, "idempotency": {"required": false, "keyHeader": "Idempotency-Key", "retention": "PT1H"}},
              "patchItem": {"method": "PATCH", "path": "/items", "request": {"contentType": "application/merge-patch+json", "schema": {"$ref": "#/$defs/Item"}},
                "responses": {"204": {}}, "idempotency": {"required": false, "keyHeader": "Idempotency-Key", "retention": "PT1H"}},
              "putItem": {"method": "PUT", "path": "/items", "request": {"schema": {"$ref": "#/$defs/Item"}},
                "responses": {"204": {}}, "idempotency": {"required": false, "keyHeader": "Idempotency-Key", "retention": "PT1H"}},
              "touch": {"method": "PUT", "path": "/touch", "responses": {"204": {}}, "idempotency": {"required": false, "keyHeader": "Idempotency-Key", "retention": "PT1H"}}
             }}}
            """#
        let files = try XCTUnwrap(ContractFixture(contract).generate().value("generate"))
        let lines = GeneratedSwiftSnippetTests.trimmedLines(try XCTUnwrap(files["ReadsV1.swift"]))
        // Rows: operation → the media type its handler tells the store it read the body under (none written: JSON).
        let serving: [(operation: String, counting: String)] = [
            ("putNote", #", declaredContentType: "text/plain""#),
            ("putForm", #", declaredContentType: "application/x-www-form-urlencoded""#),
            ("putBlob", #", declaredContentType: "application/octet-stream""#),
            ("patchItem", #", declaredContentType: "application/merge-patch+json""#),
            ("putItem", ""),
            ("touch", ", declaredContentType: nil"),
        ]
        for row in serving {
            let line = #"return await ProviderIdempotency.serve(request, store: idempotencyStore, operation: ""# + row.operation
                + #"", keyHeader: "Idempotency-Key""# + row.counting + ", retention: 3600) {"
            XCTAssertTrue(lines.contains(line), "missing: \(line)")
        }
        let main = [
            "import Foundation",
            "final class Log: @unchecked Sendable { let lock = NSLock(); var lines: [String] = []; func add(_ line: String) { lock.withLock { lines.append(line) } } }",
            "struct Reads: ReadsV1.Provider {",
            "    let log: Log",
            "    func putNote(_ body: ReadsV1.Item, idempotencyKey: String?) async throws -> ReadsV1.PutNoteResponse { log.add(\"note \\(body.sku)\"); return .noContent }",
            "    func putForm(_ body: ReadsV1.Item, idempotencyKey: String?) async throws -> ReadsV1.PutFormResponse { log.add(\"form \\(body.sku)\"); return .noContent }",
            "    func putBlob(_ body: String, idempotencyKey: String?) async throws -> ReadsV1.PutBlobResponse { log.add(\"blob \\(body)\"); return .noContent }",
            "    func patchItem(_ body: ReadsV1.Item, idempotencyKey: String?) async throws -> ReadsV1.PatchItemResponse { log.add(\"patch \\(body.sku)\"); return .noContent }",
            "    func putItem(_ body: ReadsV1.Item, idempotencyKey: String?) async throws -> ReadsV1.PutItemResponse { log.add(\"item \\(body.sku)\"); return .noContent }",
            "    func touch(idempotencyKey: String?) async throws -> ReadsV1.TouchResponse { log.add(\"touch\"); return .noContent }",
            "}",
            "let log = Log()",
            "let store = InMemoryIdempotencyStore(caller: { _ in nil })",
            "func send(_ method: String, _ path: String, key: String, _ contentType: String?, _ body: String) async {",
            "    var headers = [ClientHeader(name: \"Idempotency-Key\", value: key)]",
            "    if let contentType { headers.append(ClientHeader(name: \"Content-Type\", value: contentType)) }",
            "    let response = await Reads(log: log).handle(ClientRequest(method: method, path: path, headers: headers, body: Data(body.utf8)), idempotency: store)",
            "    print(\"\\(method) \\(path) \\(key) \\(response.status) \\(response.header(\"Idempotent-Replayed\") ?? \"-\")\")",
            "}",
            "let text = \"text/plain\", form = \"application/x-www-form-urlencoded\", binary = \"application/octet-stream\", patch = \"application/merge-patch+json\"",
            "await send(\"PUT\", \"/notes\", key: \"n\", text, #\"{\"sku\":\"a\",\"qty\":2}\"#)",
            "await send(\"PUT\", \"/notes\", key: \"n\", \"Text/Plain; charset=utf-8\", #\"{ \"qty\": 2.0, \"sku\": \"a\" }\"#)",
            "await send(\"PUT\", \"/notes\", key: \"n\", \"application/json\", #\"{\"qty\":2,\"sku\":\"a\"}\"#)",
            "await send(\"PUT\", \"/notes\", key: \"n\", text, #\"{\"sku\":\"b\",\"qty\":2}\"#)",
            "await send(\"PUT\", \"/notes\", key: \"n2\", \"text/csv\", #\"{\"sku\":\"a\"}\"#)",
            "await send(\"PUT\", \"/forms\", key: \"f\", form, #\"{\"sku\":\"a\",\"qty\":2}\"#)",
            "await send(\"PUT\", \"/forms\", key: \"f\", form + \"; charset=utf-8\", #\"{\"qty\":2,\"sku\":\"a\"}\"#)",
            "await send(\"PUT\", \"/forms\", key: \"f2\", form, \"sku=a&qty=2\")",
            "await send(\"PUT\", \"/forms\", key: \"f2\", form, #\"{\"sku\":\"c\"}\"#)",
            "await send(\"PUT\", \"/blobs\", key: \"b\", binary, #\"\"aGk=\"\"#)",
            "await send(\"PUT\", \"/blobs\", key: \"b\", binary, #\"\"\\u0061Gk=\"\"#)",
            "await send(\"PUT\", \"/blobs\", key: \"b\", binary, #\"\"aGo=\"\"#)",
            "await send(\"PATCH\", \"/items\", key: \"p\", patch, #\"{\"sku\":\"a\",\"qty\":2}\"#)",
            "await send(\"PATCH\", \"/items\", key: \"p\", patch, #\"{\"qty\":2,\"sku\":\"a\"}\"#)",
            "await send(\"PUT\", \"/items\", key: \"i\", nil, #\"{\"sku\":\"a\",\"qty\":2}\"#)",
            "await send(\"PUT\", \"/items\", key: \"i\", \"application/json\", #\"{\"qty\":2,\"sku\":\"a\"}\"#)",
            "await send(\"PUT\", \"/touch\", key: \"t\", \"application/json\", #\"{\"a\":1,\"b\":2}\"#)",
            "await send(\"PUT\", \"/touch\", key: \"t\", \"application/json\", #\"{\"b\":2,\"a\":1}\"#)",
            "await send(\"PUT\", \"/touch\", key: \"t\", nil, #\"{\"a\":1,\"b\":2}\"#)",
            "print(log.lines.joined(separator: \"\\n\"))",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            // text/plain declared: the same value re-serialised, under its label in another case or labelled JSON, is the same request.
            "PUT /notes n 204 -", "PUT /notes n 204 true", "PUT /notes n 204 true",
            "PUT /notes n 422 -",  // another value
            "PUT /notes n2 415 -",  // another label: refused before the store
            // A form declared: its JSON body in another order is the same; a form's fields are not read (400, no key claimed).
            "PUT /forms f 204 -", "PUT /forms f 204 true",
            "PUT /forms f2 400 -", "PUT /forms f2 204 -",
            // Binary declared: a JSON string with another escape is the same; another string is not.
            "PUT /blobs b 204 -", "PUT /blobs b 204 true", "PUT /blobs b 422 -",
            "PATCH /items p 204 -", "PATCH /items p 204 true",
            // JSON declared: unlabelled, then labelled, the same value.
            "PUT /items i 204 -", "PUT /items i 204 true",
            // No body declared: it is not read, so its bytes count.
            "PUT /touch t 204 -", "PUT /touch t 422 -", "PUT /touch t 204 true",
            "note a", "form a", "form c", "blob aGk=", "patch a", "item a", "touch",
        ])
    }

    /// Handlers of every shape compile without warnings and behave: a parameter named `store` (beside the
    /// handler's own `idempotencyStore`), reading that can only fail with request errors (a body and an optional key), a
    /// parameter named like a keyword in text (`try me`), a GET that declares idempotency (never stored: a read), an
    /// empty required key (400), and an array response header whose item has a comma (500, `failed` told).
    func testIdempotentHandlersOfEveryShape() throws {
        let contract = #"""
            {"$defs": {"Item": {"type": "object", "properties": {"sku": {"type": "string"}}, "required": ["sku"]}},
             "x-contract": {"name": "shapes", "version": "1.0.0", "operations": {
              "setStore": {"method": "POST", "path": "/stores", "parameters": [{"name": "store", "in": "query", "required": true, "schema": {"type": "string"}}],
                "request": {"schema": {"$ref": "#/$defs/Item"}}, "responses": {"201": {"schema": {"$ref": "#/$defs/Item"}}},
                "idempotency": {"required": true, "keyHeader": "Idempotency-Key", "retention": "PT1H"}},
              "putNote": {"method": "PUT", "path": "/notes", "request": {"schema": {"$ref": "#/$defs/Item"}}, "responses": {"204": {}},
                "idempotency": {"required": false, "keyHeader": "Idempotency-Key", "retention": "PT1H"}},
              "touch": {"method": "PUT", "path": "/touch", "parameters": [{"name": "try me", "in": "query", "schema": {"type": "string"}}],
                "responses": {"204": {}}, "idempotency": {"required": false, "keyHeader": "Idempotency-Key", "retention": "PT1H"}},
              "peek": {"method": "GET", "path": "/peek", "responses": {"200": {"schema": {"type": "string"}}},
                "idempotency": {"required": false, "keyHeader": "Idempotency-Key", "retention": "PT1H"}},
              "tags": {"method": "GET", "path": "/tags", "responses": {"204": {"headers": {"X-Tags": {"required": true, "schema": {"type": "array", "items": {"type": "string"}}}}}}}
             }}}
            """#
        let files = try XCTUnwrap(ContractFixture(contract).generate().value("generate"))
        let lines = GeneratedSwiftSnippetTests.trimmedLines(try XCTUnwrap(files["ShapesV1.swift"]))
        XCTAssertFalse(lines.contains { $0.contains(#"operation: "peek""#) }, "a GET went through the store")
        let main = [
            "import Foundation",
            "final class Log: @unchecked Sendable { let lock = NSLock(); var lines: [String] = []; func add(_ line: String) { lock.withLock { lines.append(line) } } }",
            "struct Shapes: ShapesV1.Provider {",
            "    let log: Log",
            "    func setStore(store: String, _ body: ShapesV1.Item, idempotencyKey: String?) async throws -> ShapesV1.SetStoreResponse {",
            "        log.add(\"setStore \\(store)\"); return .created(body)",
            "    }",
            "    func putNote(_ body: ShapesV1.Item, idempotencyKey: String?) async throws -> ShapesV1.PutNoteResponse { log.add(\"putNote\"); return .noContent }",
            "    func touch(tryMe: String?, idempotencyKey: String?) async throws -> ShapesV1.TouchResponse { log.add(\"touch \\(tryMe ?? \"-\")\"); return .noContent }",
            "    func peek(idempotencyKey: String?) async throws -> ShapesV1.PeekResponse { log.add(\"peek\"); return .ok(\"now\") }",
            "    func tags() async throws -> ShapesV1.TagsResponse { .noContent(xTags: [\"a\", \"b,c\"]) }",
            "    func failed(_ error: any Error, in operation: String) async { log.add(\"failed \\(operation): \\(error)\") }",
            "}",
            "let log = Log()",
            "let store = InMemoryIdempotencyStore(caller: { _ in nil })",
            "func send(_ method: String, _ path: String, query: [ClientHeader] = [], key: String?, _ body: String? = nil) async {",
            "    let headers = key.map { [ClientHeader(name: \"Idempotency-Key\", value: $0)] } ?? []",
            "    let response = await Shapes(log: log).handle(ClientRequest(method: method, path: path, query: query, headers: headers, body: body.map { Data($0.utf8) }), idempotency: store)",
            "    print(\"\\(method) \\(path) \\(response.status) \\(response.header(\"Idempotent-Replayed\") ?? \"-\")\")",
            "}",
            "let item = #\"{\"sku\":\"a\"}\"#",
            "await send(\"POST\", \"/stores\", query: [ClientHeader(name: \"store\", value: \"s1\")], key: \"\", item)",
            "await send(\"POST\", \"/stores\", query: [ClientHeader(name: \"store\", value: \"s1\")], key: \"k\", item)",
            "await send(\"POST\", \"/stores\", query: [ClientHeader(name: \"store\", value: \"s1\")], key: \"k\", item)",
            "await send(\"PUT\", \"/notes\", key: \"n\", item)",
            "await send(\"PUT\", \"/notes\", key: \"n\", item)",
            "await send(\"PUT\", \"/touch\", query: [ClientHeader(name: \"try me\", value: \"x\")], key: \"t\")",
            "await send(\"PUT\", \"/touch\", query: [ClientHeader(name: \"try me\", value: \"x\")], key: \"t\")",
            "await send(\"GET\", \"/peek\", key: \"p\")",
            "await send(\"GET\", \"/peek\", key: \"p\")",
            "await send(\"GET\", \"/tags\", key: nil)",
            "print(log.lines.joined(separator: \"\\n\"))",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            "POST /stores 400 -",  // an empty required key is none
            "POST /stores 201 -", "POST /stores 201 true",
            "PUT /notes 204 -", "PUT /notes 204 true",
            "PUT /touch 204 -", "PUT /touch 204 true",
            "GET /peek 200 -", "GET /peek 200 -",  // a read is never stored
            "GET /tags 500 -",
            "setStore s1", "putNote", "touch x", "peek", "peek",
            #"failed tags: header X-Tags: the item "b,c" holds a comma, which would split it in two"#,
        ])
    }

    /// Operation ids and parameter names that are keywords, reserved by the generated code, or not
    /// identifiers at all; a response documented only by `default`; a path with the same shape as another:
    /// client and provider still compile without warnings and agree.
    func testHostileOperationsCompileAndAgree() throws {
        let contract = ##"""
            {"x-contract": {"name": "odd", "version": "2.0.0", "operations": {
              "class": {"method": "GET", "path": "/things/{self}", "parameters": [
                {"name": "self", "in": "path", "required": true, "schema": {"type": "string"}},
                {"name": "request", "in": "query", "schema": {"type": "integer"}},
                {"name": "default", "in": "query", "schema": {"type": "boolean"}},
                {"name": "x-y z", "in": "header", "schema": {"type": "string", "format": "uuid"}}],
                "responses": {"default": {"schema": {"type": "string"}}}},
              "handle": {"method": "GET", "path": "/things/special", "responses": {"200": {"schema": {"type": "integer"}}}},
              "init": {"method": "DELETE", "path": "/things/{self}", "parameters": [{"name": "self", "in": "path", "required": true}],
                "responses": {"204": {}}},
              "get-item": {"method": "POST", "path": "/x", "request": {"schema": {"type": "object", "properties": {"a": {"type": "string"}}}},
                "responses": {"201": {}}}
            }}, "$defs": {"Provider": {"type": "string"}, "ClassResponse": {"type": "string"}}}
            """##
        let files = try XCTUnwrap(ContractFixture(contract).generate().value("generate"))
        let main = [
            "import Foundation",
            "struct Odd: OddV2.Provider2 {",
            "    func `class`(selfValue: String, request: Int?, `default`: Bool?, xYZ: UUID?) async throws -> OddV2.ClassResponse2 {",
            "        .other(status: 299, \"\\(selfValue)|\\(request ?? -1)|\\(`default` ?? false)|\\(xYZ.map { ClientParameter.text($0) } ?? \"-\")\")",
            "    }",
            "    func handle2() async throws -> OddV2.HandleResponse { .ok(7) }",
            "    func initValue(selfValue: String) async throws -> OddV2.InitResponse { .noContent }",
            "    func getItem(_ body: OddV2.GetItemRequest) async throws -> OddV2.GetItemResponse { .created }",
            "}",
            "struct Loop: ClientTransport {",
            "    func send(_ request: ClientRequest, serverURL: URL) async throws -> ClientResponse { await Odd().handle(request) }",
            "}",
            "let client = OddV2.Client(serverURL: URL(string: \"http://odd\")!, transport: Loop())",
            "let id = UUID(uuidString: \"0F8D3C52-7D4B-4B8E-9A51-2F0C6F4F9A10\")!",
            "print(try await client.class(selfValue: \"s/1\", request: 5, default: true, xYZ: id))",
            "print(try await client.handle2())",
            "print(try await client.initValue(selfValue: \"special\"))",
            "print(try await client.getItem(OddV2.GetItemRequest(a: \"a\")))",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            #"other(status: 299, "s/1|5|true|0f8d3c52-7d4b-4b8e-9a51-2f0c6f4f9a10")"#,
            "ok(7)",
            "noContent",
            "created",
        ])
    }

    /// Bodies whose schema is a date-time, a decimal string or UUIDs travel in the contract's format both ways;
    /// an array header goes as comma-separated values and comes back as the array (several field lines of it are one
    /// list); a required array query
    /// parameter that is missing is a 400; a template with a trailing slash is served.
    func testWireFormatsArrayHeadersAndTrailingSlashes() throws {
        let contract = ##"""
            {"x-contract": {"name": "wire", "version": "1.0.0", "operations": {
              "stamp": {"method": "POST", "path": "/stamps/", "request": {"required": true, "schema": {"type": "string", "format": "date-time"}},
                "parameters": [{"name": "X-Ids", "in": "header", "required": true, "schema": {"type": "array", "items": {"type": "integer"}}},
                               {"name": "ids", "in": "query", "required": true, "schema": {"type": "array", "items": {"type": "string", "format": "uuid"}}}],
                "responses": {"200": {"schema": {"type": "string", "format": "decimal"}}, "201": {"schema": {"type": "array", "items": {"type": "string", "format": "uuid"}}}}},
              "odd": {"method": "GET", "path": "/50%/a b/{id}", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                {"name": "X-Tags", "in": "header", "schema": {"type": "array", "items": {"type": "string"}}}],
                "responses": {"200": {"schema": {"type": "array", "items": {"$ref": "#/$defs/When"}}}}}
            }}, "$defs": {"When": {"type": "string", "format": "date-time"}}}
            """##
        let files = try XCTUnwrap(ContractFixture(contract).generate().value("generate"))
        let main = [
            "import Foundation",
            "struct Wire: WireV1.Provider {",
            "    func odd(id: String, xTags: [String]?) async throws -> WireV1.OddResponse {",
            "        .ok([Date(timeIntervalSince1970: Double(id.count)), Date(timeIntervalSince1970: Double(xTags?.count ?? -1))])",
            "    }",
            "    func stamp(xIds: [Int], ids: [UUID], _ body: Date) async throws -> WireV1.StampResponse {",
            "        xIds.count > 1 ? .created(ids) : .ok(Decimal(string: \"19.90\")! + Decimal(Int(body.timeIntervalSince1970) % 10))",
            "    }",
            "}",
            "final class Wiretap: ClientTransport, @unchecked Sendable {",
            "    func send(_ request: ClientRequest, serverURL: URL) async throws -> ClientResponse {",
            "        print(\"SENT \\(request.path) \\(request.header(\"X-Ids\") ?? \"-\") \\(String(decoding: request.body ?? Data(), as: UTF8.self))\")",
            "        let response = await Wire().handle(request)",
            "        print(\"BACK \\(response.status) \\(String(decoding: response.body, as: UTF8.self))\")",
            "        return response",
            "    }",
            "}",
            "let client = WireV1.Client(serverURL: URL(string: \"http://w\")!, transport: Wiretap())",
            "let id = UUID(uuidString: \"0F8D3C52-7D4B-4B8E-9A51-2F0C6F4F9A10\")!",
            "print(try await client.stamp(xIds: [7], ids: [id], Date(timeIntervalSince1970: 1_700_000_003.25)))",
            "print(try await client.stamp(xIds: [1, 2], ids: [id], Date(timeIntervalSince1970: 0)))",
            "let missing = await Wire().handle(ClientRequest(method: \"POST\", path: \"/stamps\", headers: [ClientHeader(name: \"X-Ids\", value: \"1\")], body: Data(#\"\"2024-01-01T00:00:00Z\"\"#.utf8)))",
            "print(missing.status, String(decoding: missing.body, as: UTF8.self))",
            "print(try await client.odd(id: \"a b\", xTags: []))",
            "print(try await client.odd(id: \"..\", xTags: [\"p\", \"q\"]))",
            "// An array header on several field lines is one list, in order.",
            "let twoLines = await Wire().handle(ClientRequest(method: \"POST\", path: \"/stamps\", headers: [ClientHeader(name: \"X-Ids\", value: \"1\"), ClientHeader(name: \"x-ids\", value: \"2\")], body: Data(#\"\"2024-01-01T00:00:00Z\"\"#.utf8)))",
            "print(twoLines.status, String(decoding: twoLines.body, as: UTF8.self))",
            "let tags = await Wire().handle(ClientRequest(method: \"GET\", path: \"/50%25/a%20b/x\", headers: [ClientHeader(name: \"X-Tags\", value: \"a, b\"), ClientHeader(name: \"X-Tags\", value: \"c\")]))",
            "print(tags.status, String(decoding: tags.body, as: UTF8.self))",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            #"SENT /stamps/ 7 "2023-11-14T22:13:23.25Z""#,
            #"BACK 200 "22.9""#,
            "ok(22.9)",
            #"SENT /stamps/ 1,2 "1970-01-01T00:00:00Z""#,
            #"BACK 201 ["0f8d3c52-7d4b-4b8e-9a51-2f0c6f4f9a10"]"#,
            "created([0F8D3C52-7D4B-4B8E-9A51-2F0C6F4F9A10])",
            // A required array that is absent is empty (an empty array sends nothing).
            #"200 "19.9""#,
            // The contract's literal path text is encoded ("50%" is a percent sign); an empty array header is not sent.
            #"SENT /50%25/a%20b/a%20b - "#,
            #"BACK 200 ["1970-01-01T00:00:03Z","1969-12-31T23:59:59Z"]"#,
            "ok([1970-01-01 00:00:03 +0000, 1969-12-31 23:59:59 +0000])",
            #"SENT /50%25/a%20b/%2E%2E - "#,
            #"BACK 200 ["1970-01-01T00:00:02Z","1970-01-01T00:00:02Z"]"#,
            "ok([1970-01-01 00:00:02 +0000, 1970-01-01 00:00:02 +0000])",
            "201 []",
            #"200 ["1970-01-01T00:00:01Z","1970-01-01T00:00:03Z"]"#,
        ])
    }
}
