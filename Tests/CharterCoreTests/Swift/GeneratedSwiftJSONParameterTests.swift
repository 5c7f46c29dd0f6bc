import Foundation
import XCTest
@testable import CharterCore

/// A parameter or header written as JSON (an array in a path, a map, an array of arrays) holds its values in their
/// wire form, as a body does: a decimal string as a string in a text its pattern accepts, a date-time as RFC 3339 text.
/// A bare `[Decimal]` or `[Date]` used to be encoded as JSON numbers (`[10,1.5]`, seconds since 2001), which the
/// contract's schema refuses and a provider of another stack cannot read.
final class GeneratedSwiftJSONParameterTests: XCTestCase {
    static let contract = ##"""
        {
          "x-contract": {
            "name": "json", "version": "1.0.0",
            "operations": {
              "put": {"method": "PUT", "path": "/at/{parts}",
                "parameters": [
                  {"name": "parts", "in": "path", "required": true, "schema": {"type": "array", "items": {"$ref": "#/$defs/Cents"}}},
                  {"name": "byDay", "in": "query", "schema": {"type": "object", "additionalProperties": {"type": "string", "format": "date-time"}}},
                  {"name": "grid", "in": "query", "schema": {"type": "array", "items": {"type": "array", "items": {"type": "string", "format": "decimal"}}}},
                  {"name": "X-Rates", "in": "header", "schema": {"$ref": "#/$defs/Rates"}}
                ],
                "responses": {"200": {"headers": {"X-Back": {"required": true, "schema": {"$ref": "#/$defs/Rates"}}}}}}
            }
          },
          "$defs": {
            "Cents": {"type": "string", "format": "decimal", "pattern": "^-?[0-9]+\\.[0-9]{2}$"},
            "Rates": {"type": "object", "additionalProperties": {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{3}$"}}
          }
        }
        """##

    /// Rows: the arguments of a call in code → the request sent (its path percent-decoded), the values the provider
    /// read, the response header it sent and the value the client read from it.
    func testJSONParametersHoldTheirWireForms() throws {
        let rows: [(arguments: String, lines: [String], line: UInt)] = [
            ("parts: [10, Decimal(string: \"1.5\")!]", [
                #"SENT /at/["10.00","1.50"]? []"#,
                "READ [10, 1.5] nil nil nil",
                "BACK X-Back={} [:]",
            ], #line),
            ("parts: [], byDay: [\"a\": Date(timeIntervalSince1970: 0)], grid: [[1, Decimal(string: \"0.5\")!], []], xRates: [\"eur\": 2]", [
                #"SENT /at/[]?byDay={"a":"1970-01-01T00:00:00Z"}&grid=["1","0.5"]&grid=[] [X-Rates={"eur":"2.000"}]"#,
                #"READ [] Optional(["a": 1970-01-01 00:00:00 +0000]) Optional([[1, 0.5], []]) Optional(["eur": 2])"#,
                #"BACK X-Back={"eur":"2.000"} ["eur": 2]"#,
            ], #line),
        ]
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate().value("generate"))
        var main = [
            "import Foundation",
            "struct Service: JsonV1.Provider {",
            "    func put(parts: [Decimal], byDay: [String: Date]?, grid: [[Decimal]]?, xRates: JsonV1.Rates?) async throws -> JsonV1.PutResponse {",
            "        print(\"READ \\(parts) \\(String(describing: byDay)) \\(String(describing: grid)) \\(String(describing: xRates))\")",
            "        return .ok(xBack: xRates ?? [:])",
            "    }",
            "    func failed(_ error: any Error, in operation: String) async { print(\"FAILED \\(operation): \\(error)\") }",
            "}",
            "func show(_ headers: [ClientHeader]) -> String { headers.filter { $0.name.hasPrefix(\"X-\") }.map { \"\\($0.name)=\\($0.value)\" }.joined(separator: \" \") }",
            "struct Loop: ClientTransport {",
            "    func send(_ request: ClientRequest, serverURL: URL) async throws -> ClientResponse {",
            "        print(\"SENT \\(request.path.removingPercentEncoding!)?\\(request.query.map { \"\\($0.name)=\\($0.value)\" }.joined(separator: \"&\")) [\\(show(request.headers))]\")",
            "        let response = await Service().handle(request)",
            "        print(\"BACK \\(response.status == 200 ? show(response.headers) : String(decoding: response.body ?? Data(), as: UTF8.self))\", terminator: \" \")",
            "        return response",
            "    }",
            "}",
            "let client = JsonV1.Client(configuration: ClientConfiguration(serverURL: URL(string: \"https://h.example\")!, transport: Loop()))",
        ]
        main += rows.map { "if case .ok(let back) = try await client.put(\($0.arguments)) { print(back) }" }
        // Requests of other clients, straight to the provider: wire text → what it read and its status.
        let direct: [(path: String, query: [String], lines: [String], line: UInt)] = [
            ("/at/%5B%2210.00%22%5D", [], ["READ [10] nil nil nil", "DIRECT 200"], #line),
            ("/at/%5B10%5D", [], ["READ [10] nil nil nil", "DIRECT 200"], #line),  // a decimal string's reader takes a number too
            ("/at/%5B%5D", [#"byDay={"a":0}"#], ["DIRECT 400"], #line),  // a date-time is RFC 3339 text, not a number
        ]
        main += direct.map { row in
            let query = row.query.map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1).map { SwiftLiteral.string(String($0)) }
                return "ClientHeader(name: \(parts[0]), value: \(parts[1]))"
            }
            return "print(\"DIRECT \\(await Service().handle(ClientRequest(method: \"PUT\", path: \(SwiftLiteral.string(row.path)), query: [\(query.joined(separator: ", "))])).status)\")"
        }
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        let lines = run.output.split(separator: "\n").map(String.init)
        let expected = rows.flatMap { row in row.lines.map { ($0, row.line) } } + direct.flatMap { row in row.lines.map { ($0, row.line) } }
        XCTAssertEqual(lines.count, expected.count, run.output)
        for (output, (wanted, line)) in zip(lines, expected) {
            XCTAssertEqual(output, wanted, line: line)
        }
    }
}
