import Foundation
import XCTest
@testable import CharterCore

/// Response headers a contract declares (`responses.<status>.headers`): associated values of the response case after
/// the body, always there when the contract says `required`, optional (defaulting to nil) when not. A generated
/// client reads and parses them, a generated provider sends them, and the two, compiled together, agree.
final class GeneratedSwiftResponseHeaderTests: XCTestCase {
    /// The contract of the tests: a 201 with a required `Location`, an optional `ETag` and an optional integer; a 204
    /// with a required integer and an optional enumeration; a `4XX` range with an optional `Retry-After`; header
    /// names that collide with the case's own labels (`Status`) or are keywords (`Default`).
    static let contract = #"""
        {"$defs": {
          "Item": {"type": "object", "properties": {"sku": {"type": "string"}}, "required": ["sku"]},
          "Mode": {"type": "string", "enum": ["fast", "slow"]},
          "Problem": {"type": "object", "properties": {"title": {"type": "string"}}}
        },
        "x-contract": {"name": "stock", "version": "1.0.0", "operations": {
          "createItem": {"method": "POST", "path": "/items", "request": {"schema": {"$ref": "#/$defs/Item"}},
            "responses": {
              "201": {"description": "Created.", "schema": {"$ref": "#/$defs/Item"}, "headers": {
                "Location": {"required": true, "description": "URL of the item.", "schema": {"type": "string", "format": "uri-reference"}},
                "ETag": {"schema": {"type": "string"}},
                "X-Rate-Limit-Remaining": {"schema": {"type": "integer", "format": "int32"}}}},
              "204": {"description": "Nothing new.", "headers": {
                "X-Count": {"required": true, "schema": {"type": "integer", "format": "int64"}},
                "X-Mode": {"schema": {"$ref": "#/$defs/Mode"}},
                "Status": {"schema": {"type": "string"}},
                "Default": {"schema": {"type": "boolean"}}}},
              "4XX": {"description": "Refused.", "contentType": "application/problem+json", "schema": {"$ref": "#/$defs/Problem"},
                "headers": {"Retry-After": {"schema": {"type": "integer", "format": "int32"}}}}
            },
            "idempotency": {"required": false}}
        }}}
        """#

    /// Rows: what the contract declares → the line it yields in the response enum, the client's switch or the
    /// provider's switch.
    func testResponseHeaderSnippets() throws {
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate().value("generate"))
        let lines = GeneratedSwiftSnippetTests.trimmedLines(try XCTUnwrap(files["StockV1.swift"]))
        let rows: [(label: String, line: String)] = [
            ("required header: a value; optional ones: nil by default",
             "case created(StockV1.Item, location: String, eTag: String? = nil, xRateLimitRemaining: Int32? = nil)"),
            ("a header's doc comment says whether it is always sent",
             "///   - location: The `Location` header (always sent): URL of the item."),
            ("optional header", "///   - eTag: The `ETag` header (nil when not sent)."),
            ("body-less response; a header named like the range's `status` label, and a keyword",
             "case noContent(xCount: Int64, xMode: StockV1.Mode? = nil, status2: String? = nil, `default`: Bool? = nil)"),
            ("range: the status first", "case clientError(status: Int, StockV1.Problem, retryAfter: Int32? = nil)"),
            ("client: a required string header read as it is, an optional one parsed",
             #"case 201: return .created(try configuration.decodeBody(StockV1.Item.self, from: response, for: operation), location: try configuration.header("Location", in: response, for: operation), eTag: response.header("ETag"), xRateLimitRemaining: try configuration.headerIfPresent("X-Rate-Limit-Remaining", in: response, for: operation) { text throws(ProviderRequestError) in try ProviderRouting.parse(text, as: Int32.self, "response header X-Rate-Limit-Remaining") })"#),
            ("provider: the bound headers sent after Content-Type",
             #"case .created(let value, let location, let eTag, let xRateLimitRemaining): return ProviderResponse.json(201, value, contentType: "application/json", headers: ClientHeader.list(["Location": location, "ETag": eTag, "X-Rate-Limit-Remaining": xRateLimitRemaining.map { ClientParameter.text($0) }]))"#),
            ("provider: a body-less response with headers",
             #"case .noContent(let xCount, let xMode, let status2, let `default`): return ProviderResponse.empty(204, headers: ClientHeader.list(["X-Count": ClientParameter.text(xCount), "X-Mode": xMode.map { $0.rawValue }, "Status": status2, "Default": `default`.map { ClientParameter.text($0) }]))"#),
        ]
        for row in rows {
            XCTAssertTrue(lines.contains(row.line), "\(row.label): missing\n\(row.line)")
        }
    }

    /// A client and a provider from the contract, compiled together: every header the provider sets reaches the
    /// caller typed, an optional one left nil is not sent, and a response that lacks a required header or carries
    /// one that does not parse fails the call with `ClientError` `.decoding`, naming the header.
    func testClientAndProviderAgreeOnResponseHeaders() throws {
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate().value("generate"))
        let main = [
            "import Foundation",
            "struct Stock: StockV1.Provider {",
            "    func createItem(_ body: StockV1.Item, idempotencyKey: String?) async throws -> StockV1.CreateItemResponse {",
            "        switch body.sku {",
            "        case \"full\": return .created(body, location: \"/items/full\", eTag: \"\\\"v1\\\"\", xRateLimitRemaining: 7)",
            "        case \"bare\": return .created(body, location: \"/items/bare\")",
            "        case \"same\": return .noContent(xCount: 9_000_000_000, xMode: .slow, status2: \"s\", default: false)",
            "        case \"same-bare\": return .noContent(xCount: -1)",
            "        default: return .clientError(status: 429, StockV1.Problem(title: \"slow down\"), retryAfter: 30)",
            "        }",
            "    }",
            "    func failed(_ error: any Error, in operation: String) async { print(\"failed \\(error)\") }",
            "}",
            "struct Loop: ClientTransport {",
            "    func send(_ request: ClientRequest, serverURL: URL) async throws -> ClientResponse {",
            "        let response = await Stock().handle(request)",
            "        print(\"WIRE \\(response.status) \\(response.headers.map { \"\\($0.name)=\\($0.value)\" }.joined(separator: \" \"))\")",
            "        return response",
            "    }",
            "}",
            "/// Answers every request with the same response: what a misbehaving server sends.",
            "struct Canned: ClientTransport {",
            "    let response: ClientResponse",
            "    func send(_ request: ClientRequest, serverURL: URL) async throws -> ClientResponse { response }",
            "}",
            "let server = URL(string: \"https://stock.example\")!",
            "let client = StockV1.Client(configuration: ClientConfiguration(serverURL: server, transport: Loop(), retry: .none))",
            "for sku in [\"full\", \"bare\", \"same\", \"same-bare\", \"other\"] {",
            "    print(\"GOT \\(try await client.createItem(StockV1.Item(sku: sku)))\")",
            "}",
            "let body = ClientHeader(name: \"Content-Type\", value: \"application/json\")",
            "for headers in [[body], [body, ClientHeader(name: \"location\", value: \"/x\"), ClientHeader(name: \"X-Rate-Limit-Remaining\", value: \"soon\")]] {",
            "    let canned = StockV1.Client(configuration: ClientConfiguration(",
            "        serverURL: server, transport: Canned(response: ClientResponse(status: 201, headers: headers, body: Data(#\"{\"sku\":\"c\"}\"#.utf8))), retry: .none))",
            "    do {",
            "        print(\"GOT \\(try await canned.createItem(StockV1.Item(sku: \"c\")))\")",
            "    } catch {",
            "        print(\"ERROR \\(error.kind) \\(error.status ?? 0) \\(error.underlying.map { \"\\($0)\" } ?? \"-\")\")",
            "    }",
            "}",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            #"WIRE 201 Content-Type=application/json Location=/items/full ETag="v1" X-Rate-Limit-Remaining=7"#,
            #"GOT created(Check.StockV1.Item(sku: "full"), location: "/items/full", eTag: Optional("\"v1\""), xRateLimitRemaining: Optional(7))"#,
            // Optional headers left nil are not sent, and read back as nil.
            "WIRE 201 Content-Type=application/json Location=/items/bare",
            #"GOT created(Check.StockV1.Item(sku: "bare"), location: "/items/bare", eTag: nil, xRateLimitRemaining: nil)"#,
            "WIRE 204 X-Count=9000000000 X-Mode=slow Status=s Default=false",
            #"GOT noContent(xCount: 9000000000, xMode: Optional(Check.StockV1.Mode.slow), status2: Optional("s"), default: Optional(false))"#,
            "WIRE 204 X-Count=-1",
            "GOT noContent(xCount: -1, xMode: nil, status2: nil, default: nil)",
            "WIRE 429 Content-Type=application/problem+json Retry-After=30",
            #"GOT clientError(status: 429, Check.StockV1.Problem(title: Optional("slow down")), retryAfter: Optional(30))"#,
            // A required header missing, then an optional one that does not parse (names compared case-insensitively).
            "ERROR decoding 201 response header Location is missing",
            #"ERROR decoding 201 response header X-Rate-Limit-Remaining: expected an integer, got "soon""#,
        ])
    }
}
