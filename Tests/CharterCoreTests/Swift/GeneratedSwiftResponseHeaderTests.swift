import Foundation
import XCTest
@testable import CharterCore

/// Response headers a contract declares (`responses.<status>.headers`): associated values of the response case after
/// the body, always there when the contract says `required`, optional (defaulting to nil) when not. A generated
/// client reads and parses them, a generated provider sends them, and the two, compiled together, agree.
final class GeneratedSwiftResponseHeaderTests: XCTestCase {
    /// The contract of the tests: a 201 with a required `Location`, an optional `ETag` and an optional integer; a 204
    /// with a required integer, an optional enumeration and optional arrays; a `4XX` range with an optional
    /// `Retry-After`; header names that collide with the case's own labels (`Status`) or are keywords (`Default`, `inout`).
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
                "Default": {"schema": {"type": "boolean"}},
                "inout": {"schema": {"type": "string"}},
                "X-Ids": {"schema": {"type": "array", "items": {"type": "string", "format": "uuid"}}},
                "X-Modes": {"schema": {"type": "array", "items": {"$ref": "#/$defs/Mode"}}},
                "X-Seen": {"schema": {"type": "array", "items": {"type": "string", "format": "date-time"}}}}},
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
            ("body-less response; a header named like the range's `status` label, keywords, arrays",
             "case noContent(xCount: Int64, xMode: StockV1.Mode? = nil, status2: String? = nil, `default`: Bool? = nil, `inout`: String? = nil, xIds: [UUID]? = nil, xModes: [StockV1.Mode]? = nil, xSeen: [Date]? = nil)"),
            ("client: a keyword label keeps its backticks (`inout` is a label only so); array items parsed one by one",
             #"case 204: return .noContent(xCount: try configuration.header("X-Count", in: response, for: operation) { text throws(ProviderRequestError) in try ProviderRouting.parse(text, as: Int64.self, "response header X-Count") }, xMode: try configuration.headerIfPresent("X-Mode", in: response, for: operation) { StockV1.Mode(rawValue: $0) }, status2: response.header("Status"), default: try configuration.headerIfPresent("Default", in: response, for: operation) { text throws(ProviderRequestError) in try ProviderRouting.parse(text, as: Bool.self, "response header Default") }, `inout`: response.header("inout"), xIds: try configuration.headerIfPresent("X-Ids", in: response, for: operation) { text throws(ProviderRequestError) in try ProviderRouting.headerValues(text).map { (item: String) throws(ProviderRequestError) -> UUID in try ProviderRouting.parse(item, as: UUID.self, "response header X-Ids") } }, xModes: try configuration.headerIfPresent("X-Modes", in: response, for: operation) { ProviderRouting.headerValues($0).map { (item: String) -> StockV1.Mode in StockV1.Mode(rawValue: item) } }, xSeen: try configuration.headerIfPresent("X-Seen", in: response, for: operation) { text throws(ProviderRequestError) in try ProviderRouting.headerValues(text).map { (item: String) throws(ProviderRequestError) -> Date in try ProviderRouting.parse(item, as: Date.self, "response header X-Seen") } })"#),
            ("range: the status first", "case clientError(status: Int, StockV1.Problem, retryAfter: Int32? = nil)"),
            ("client: a required string header read as it is, an optional one parsed",
             #"case 201: return .created(try configuration.decodeBody(StockV1.Item.self, from: response, for: operation), location: try configuration.header("Location", in: response, for: operation), eTag: response.header("ETag"), xRateLimitRemaining: try configuration.headerIfPresent("X-Rate-Limit-Remaining", in: response, for: operation) { text throws(ProviderRequestError) in try ProviderRouting.parse(text, as: Int32.self, "response header X-Rate-Limit-Remaining") })"#),
            ("provider: the bound headers sent after Content-Type",
             #"case .created(let value, let location, let eTag, let xRateLimitRemaining): return ProviderResponse.json(201, value, contentType: "application/json", headers: ClientHeader.list(["Location": location, "ETag": eTag, "X-Rate-Limit-Remaining": xRateLimitRemaining.map { ClientParameter.text($0) }]))"#),
            ("provider: a body-less response with headers",
             #"case .noContent(let xCount, let xMode, let status2, let `default`, let `inout`, let xIds, let xModes, let xSeen): return ProviderResponse.empty(204, headers: ClientHeader.list(["X-Count": ClientParameter.text(xCount), "X-Mode": xMode.map { $0.rawValue }, "Status": status2, "Default": `default`.map { ClientParameter.text($0) }, "inout": `inout`, "X-Ids": try xIds.map { try ProviderResponse.headerList($0.map { ClientParameter.text($0) }, "X-Ids") }, "X-Modes": try xModes.map { try ProviderResponse.headerList($0.map { $0.rawValue }, "X-Modes") }, "X-Seen": try xSeen.map { try ProviderResponse.headerList($0.map { try ClientParameter.text($0) }, "X-Seen") }]))"#),
        ]
        for row in rows {
            XCTAssertTrue(lines.contains(row.line), "\(row.label): missing\n\(row.line)")
        }
    }

    /// A client and a provider from the contract, compiled together: every header the provider sets reaches the
    /// caller typed, an optional one left nil is not sent, and a response that lacks a required header or carries
    /// one that does not parse fails the call with `ClientError` `.decoding`, naming the header. An array header on
    /// several field lines is read as one list; any other header from its first line.
    func testClientAndProviderAgreeOnResponseHeaders() throws {
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate().value("generate"))
        let main = [
            "import Foundation",
            "struct Stock: StockV1.Provider {",
            "    func createItem(_ body: StockV1.Item, idempotencyKey: String?) async throws -> StockV1.CreateItemResponse {",
            "        switch body.sku {",
            "        case \"full\": return .created(body, location: \"/items/full\", eTag: \"\\\"v1\\\"\", xRateLimitRemaining: 7)",
            "        case \"bare\": return .created(body, location: \"/items/bare\")",
            "        case \"same\": return .noContent(",
            "            xCount: 9_000_000_000, xMode: .slow, status2: \"s\", default: false, `inout`: \"io\",",
            "            xIds: [UUID(uuidString: \"E621E1F8-C36C-495A-93FC-0C247A3E6E5F\")!, UUID(uuidString: \"00000000-0000-0000-0000-0000000000AB\")!],",
            "            xModes: [.fast, StockV1.Mode(rawValue: \"warp\")], xSeen: [Date(timeIntervalSince1970: 1_700_000_000.25), Date(timeIntervalSince1970: 0)])",
            "        case \"same-empty\": return .noContent(xCount: 0, xIds: [])",
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
            "for sku in [\"full\", \"bare\", \"same\", \"same-empty\", \"same-bare\", \"other\"] {",
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
            "// Headers on several field lines: an array's lines are one list, in order; another header's first line counts.",
            "let lines = StockV1.Client(configuration: ClientConfiguration(serverURL: server, transport: Canned(response: ClientResponse(status: 204, headers: [",
            "    ClientHeader(name: \"X-Count\", value: \"5\"), ClientHeader(name: \"x-count\", value: \"6\"),",
            "    ClientHeader(name: \"X-Ids\", value: \"e621e1f8-c36c-495a-93fc-0c247a3e6e5f\"), ClientHeader(name: \"x-ids\", value: \"00000000-0000-0000-0000-0000000000ab\"),",
            "    ClientHeader(name: \"X-Modes\", value: \"fast\"), ClientHeader(name: \"X-Modes\", value: \"\"), ClientHeader(name: \"X-Modes\", value: \"slow, warp\")])), retry: .none))",
            "print(\"GOT \\(try await lines.createItem(StockV1.Item(sku: \"c\")))\")",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            #"WIRE 201 Content-Type=application/json Location=/items/full ETag="v1" X-Rate-Limit-Remaining=7"#,
            #"GOT created(Check.StockV1.Item(sku: "full"), location: "/items/full", eTag: Optional("\"v1\""), xRateLimitRemaining: Optional(7))"#,
            // Optional headers left nil are not sent, and read back as nil.
            "WIRE 201 Content-Type=application/json Location=/items/bare",
            #"GOT created(Check.StockV1.Item(sku: "bare"), location: "/items/bare", eTag: nil, xRateLimitRemaining: nil)"#,
            // Arrays as comma-separated items in each item's own format: UUIDs in lowercase, dates in RFC 3339, an
            // enumeration by raw value (one the enum does not know too).
            "WIRE 204 X-Count=9000000000 X-Mode=slow Status=s Default=false inout=io X-Ids=e621e1f8-c36c-495a-93fc-0c247a3e6e5f,00000000-0000-0000-0000-0000000000ab X-Modes=fast,warp X-Seen=2023-11-14T22:13:20.25Z,1970-01-01T00:00:00Z",
            #"GOT noContent(xCount: 9000000000, xMode: Optional(Check.StockV1.Mode.slow), status2: Optional("s"), default: Optional(false), inout: Optional("io"), xIds: Optional([E621E1F8-C36C-495A-93FC-0C247A3E6E5F, 00000000-0000-0000-0000-0000000000AB]), xModes: Optional([Check.StockV1.Mode.fast, Check.StockV1.Mode.unrecognized("warp")]), xSeen: Optional([2023-11-14 22:13:20 +0000, 1970-01-01 00:00:00 +0000]))"#,
            // An empty array is sent as an empty header and read back empty.
            "WIRE 204 X-Count=0 X-Ids=",
            "GOT noContent(xCount: 0, xMode: nil, status2: nil, default: nil, inout: nil, xIds: Optional([]), xModes: nil, xSeen: nil)",
            "WIRE 204 X-Count=-1",
            "GOT noContent(xCount: -1, xMode: nil, status2: nil, default: nil, inout: nil, xIds: nil, xModes: nil, xSeen: nil)",
            "WIRE 429 Content-Type=application/problem+json Retry-After=30",
            #"GOT clientError(status: 429, Check.StockV1.Problem(title: Optional("slow down")), retryAfter: Optional(30))"#,
            // A required header missing, then an optional one that does not parse (names compared case-insensitively).
            "ERROR decoding 201 response header Location is missing",
            #"ERROR decoding 201 response header X-Rate-Limit-Remaining: expected an integer, got "soon""#,
            #"GOT noContent(xCount: 5, xMode: nil, status2: nil, default: nil, inout: nil, xIds: Optional([E621E1F8-C36C-495A-93FC-0C247A3E6E5F, 00000000-0000-0000-0000-0000000000AB]), xModes: Optional([Check.StockV1.Mode.fast, Check.StockV1.Mode.slow, Check.StockV1.Mode.unrecognized("warp")]), xSeen: nil)"#,
        ])
    }
}
