import Foundation
import XCTest
@testable import CharterCore

/// A decimal string whose schema has a `pattern` is written in a text the pattern accepts: `Decimal` keeps no scale
/// (`"10.00"` is 10), and its plain form `"10"` breaks a two-places pattern, so a generated provider or client used
/// to send text that a strict receiver — or the contract's own validation of the wire text — refuses.
final class GeneratedSwiftDecimalPatternTests: XCTestCase {
    static let contract = ##"""
        {"title": "Dp", "$defs": {
          "Cents": {"type": "string", "format": "decimal", "pattern": "^-?[0-9]+\\.[0-9]{2}$"},
          "P": {"type": "object", "required": ["due"], "properties": {
            "due": {"type": "string", "format": "decimal", "pattern": "^-?[0-9]+\\.[0-9]{2}$"},
            "cents": {"type": "string", "format": "decimal", "pattern": "^-?[0-9]+\\.[0-9]{2}$"},
            "debit": {"type": "string", "format": "decimal", "pattern": "^-[0-9]+\\.[0-9]{2}$"},
            "plain": {"type": "string", "format": "decimal"},
            "never": {"type": "string", "format": "decimal", "pattern": "^x$"},
            "alias": {"$ref": "#/$defs/Cents"},
            "maybe": {"type": ["string", "null"], "format": "decimal", "pattern": "^-?[0-9]+\\.[0-9]{2}$"},
            "list": {"type": "array", "items": {"$ref": "#/$defs/Cents"}},
            "map": {"type": "object", "additionalProperties": {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{3}$"}},
            "u": {"$ref": "#/$defs/U"},
            "v": {"$ref": "#/$defs/V"},
            "w": {"$ref": "#/$defs/W"},
            "pair": {"type": "array", "prefixItems": [
                {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{2}$"},
                {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{3}$"}],
              "items": {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]$"}},
            "head": {"type": "array", "items": false, "prefixItems": [
              {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{2}$"}, {"type": "string", "format": "decimal"}]}
          }},
          "U": {"oneOf": [{"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{3}$"}, {"type": "boolean"}]},
          "V": {"anyOf": [{"$ref": "#/$defs/Cents"}, {"type": "integer"}]},
          "W": {"type": ["string", "boolean"], "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{2}$"},
          "Extra": {"type": "object", "properties": {"id": {"type": "string"}},
            "additionalProperties": {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{2}$"}}
        }}
        """##

    /// Rows: JSON decoded as `Dp.P` → the JSON it encodes to (compared exactly, strings and all).
    func testDecimalStringIsWrittenInATextItsPatternAccepts() throws {
        let rows: [(json: String, encoded: String, line: UInt)] = [
            (#"{"due":"10.00"}"#, #"{"due":"10.00"}"#, #line),                   // was "10"
            (#"{"due":"19.90"}"#, #"{"due":"19.90"}"#, #line),                   // was "19.9"
            (#"{"due":"-0.50"}"#, #"{"due":"-0.50"}"#, #line),                   // was "-0.5"
            (#"{"due":"1249.75"}"#, #"{"due":"1249.75"}"#, #line),               // the plain form matches already
            (#"{"due":"7"}"#, #"{"due":"7.00"}"#, #line),                        // the value's text the pattern accepts
            (#"{"due":"-0.00"}"#, #"{"due":"0.00"}"#, #line),                    // zero: unsigned first
            (#"{"due":"1","debit":"0"}"#, #"{"debit":"-0.00","due":"1.00"}"#, #line),  // a sign for zero when only that matches
            (#"{"due":"1","plain":"10.00"}"#, #"{"due":"1.00","plain":"10"}"#, #line),  // no pattern: the plain form
            (#"{"due":"1","never":"10.50"}"#, #"{"due":"1.00","never":"10.5"}"#, #line),  // nothing matches: the plain form
            (#"{"due":"1","cents":"3.1"}"#, #"{"cents":"3.10","due":"1.00"}"#, #line),  // optional
            (#"{"due":"1","alias":"8"}"#, #"{"alias":"8.00","due":"1.00"}"#, #line),  // through an alias
            (#"{"due":"1","maybe":"4.5"}"#, #"{"due":"1.00","maybe":"4.50"}"#, #line),  // nullable
            (#"{"due":"1","maybe":null}"#, #"{"due":"1.00","maybe":null}"#, #line),
            (#"{"due":"1","list":["2","2.5","0.25"]}"#, #"{"due":"1.00","list":["2.00","2.50","0.25"]}"#, #line),
            (#"{"due":"1","map":{"a":"3","b":"0.5"}}"#, #"{"due":"1.00","map":{"a":"3.000","b":"0.500"}}"#, #line),
            (#"{"due":"1","u":"2.5"}"#, #"{"due":"1.00","u":"2.500"}"#, #line),  // a union's decimal-string alternative
            (#"{"due":"1","u":true}"#, #"{"due":"1.00","u":true}"#, #line),
            (#"{"due":"1","v":"3"}"#, #"{"due":"1.00","v":"3.00"}"#, #line),    // an alternative through an alias
            (#"{"due":"1","v":7}"#, #"{"due":"1.00","v":7}"#, #line),
            (#"{"due":"1","w":"0.1"}"#, #"{"due":"1.00","w":"0.10"}"#, #line),  // a `type` array's string member
            // `prefixItems` positions under their own patterns, the elements after them under `items`'.
            (#"{"due":"1","pair":["1","2","3","4.5"]}"#, #"{"due":"1.00","pair":["1.00","2.000","3.0","4.5"]}"#, #line),
            (#"{"due":"1","pair":["1"]}"#, #"{"due":"1.00","pair":["1.00"]}"#, #line),
            (#"{"due":"1","head":["5","6.50"]}"#, #"{"due":"1.00","head":["5.00","6.5"]}"#, #line),
        ]
        var main = [
            "import Foundation",
            "let encoder = JSONEncoder()",
            "encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]",
            "func show<T: Encodable>(_ value: T) { print(String(decoding: try! encoder.encode(value), as: UTF8.self)) }",
        ]
        main += rows.map { "show(try! JSONDecoder().decode(Dp.P.self, from: Data(\(SwiftLiteral.string($0.json)).utf8)))" }
        // A value built in code, not decoded from any text.
        main.append("show(Dp.P(due: Decimal(10), cents: Decimal(string: \"19.9\")!, plain: Decimal(10)))")
        // Undeclared properties beside declared ones.
        main.append(##"show(try! JSONDecoder().decode(Dp.Extra.self, from: Data(#"{"id":"a","x":"5","y":"0.10"}"#.utf8)))"##)
        let expected = rows.map(\.encoded) + [#"{"cents":"19.90","due":"10.00","plain":"10"}"#, #"{"id":"a","x":"5.00","y":"0.10"}"#]

        guard let files = ContractFixture(Self.contract).generate().value("generate") else { return }
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        let lines = run.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, expected.count, run.output)
        let lineNumbers = rows.map(\.line) + [#line, #line]
        for (index, (output, wanted)) in zip(lines, expected).enumerated() {
            XCTAssertEqual(output, wanted, line: lineNumbers[index])
        }
    }

    /// A client's path, query and header parameters (alone, in arrays and in `prefixItems` tuples) and its request body
    /// are written in a text their pattern accepts: rows of the arguments given in code → the request sent.
    func testClientParametersAreWrittenInATextTheirPatternAccepts() throws {
        let contract = ##"""
            {
              "x-contract": {
                "name": "tills", "version": "1.0.0",
                "operations": {
                  "pay": {"method": "POST", "path": "/pay/{amount}",
                    "parameters": [
                      {"name": "amount", "in": "path", "required": true, "schema": {"$ref": "#/$defs/Cents"}},
                      {"name": "tip", "in": "query", "schema": {"$ref": "#/$defs/Cents"}},
                      {"name": "splits", "in": "query", "schema": {"type": "array", "items": {"$ref": "#/$defs/Cents"}}},
                      {"name": "plain", "in": "query", "schema": {"type": "string", "format": "decimal"}},
                      {"name": "X-Fee", "in": "header", "schema": {"$ref": "#/$defs/Cents"}},
                      {"name": "X-Fees", "in": "header", "schema": {"type": "array", "items": {"$ref": "#/$defs/Cents"}}},
                      {"name": "pair", "in": "query", "schema": {"type": "array", "prefixItems": [
                        {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{2}$"}, {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{3}$"}],
                        "items": {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]$"}}},
                      {"name": "X-Pair", "in": "header", "schema": {"$ref": "#/$defs/Pair"}}
                    ],
                    "request": {"required": false, "schema": {"type": "array", "items": {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{3}$"}}},
                    "responses": {"204": {}}}
                }
              },
              "$defs": {"Cents": {"type": "string", "format": "decimal", "pattern": "^-?[0-9]+\\.[0-9]{2}$"},
                "Pair": {"type": "array", "prefixItems": [
                  {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{2}$"}, {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{3}$"}],
                  "items": {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]$"}}}
            }
            """##
        let rows: [(arguments: String, sent: String, line: UInt)] = [
            ("amount: 10", "/pay/10.00? [] body=", #line),
            ("amount: Decimal(string: \"19.9\")!, tip: 1, splits: [2, Decimal(string: \"0.5\")!], plain: 10, xFee: 3, xFees: [4, -5]",
             #"/pay/19.90?tip=1.00&splits=2.00&splits=0.50&plain=10 ["X-Fee=3.00", "X-Fees=4.00,-5.00"] body="#, #line),
            ("amount: 0, [1, Decimal(string: \"0.25\")!]", #"/pay/0.00? [] body=["1.000","0.250"]"#, #line),
            // A `prefixItems` tuple: each position under its own pattern, the elements after them under `items`'.
            ("amount: 1, pair: [10, Decimal(string: \"1.5\")!, 2, Decimal(string: \"3.25\")!]",
             "/pay/1.00?pair=10.00&pair=1.500&pair=2.0&pair=3.25 [] body=", #line),  // nothing matches 3.25: the plain form
            ("amount: 1, pair: [7]", "/pay/1.00?pair=7.00 [] body=", #line),
            ("amount: 1, xPair: [10, Decimal(string: \"1.5\")!, 2]", #"/pay/1.00? ["X-Pair=10.00,1.500,2.0"] body="#, #line),
        ]
        guard let files = ContractFixture(contract).generate().value("generate") else { return }
        var main = [
            "import Foundation",
            "struct Show: ClientTransport {",
            "    func send(_ request: ClientRequest, serverURL: URL) async throws -> ClientResponse {",
            "        print(\"\\(request.path)?\\(request.query.map { \"\\($0.name)=\\($0.value)\" }.joined(separator: \"&\")) \\(request.headers.filter { $0.name.hasPrefix(\"X-\") }.map { \"\\($0.name)=\\($0.value)\" }) body=\\(String(decoding: request.body ?? Data(), as: UTF8.self))\")",
            "        return ClientResponse(status: 204)",
            "    }",
            "}",
            "let client = TillsV1.Client(configuration: ClientConfiguration(serverURL: URL(string: \"https://h.example\")!, transport: Show()))",
        ]
        main += rows.map { "_ = try await client.pay(\($0.arguments))" }
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        let lines = run.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, rows.count, run.output)
        for (row, output) in zip(rows, lines) {
            XCTAssertEqual(output, row.sent, line: row.line)
        }
    }

    /// A provider's response headers (alone, in arrays and in `prefixItems` tuples, inline or through an alias) are
    /// written in a text their pattern accepts: rows of the response returned in code → the headers sent.
    func testProviderResponseHeadersAreWrittenInATextTheirPatternAccepts() throws {
        let contract = ##"""
            {
              "x-contract": {
                "name": "tills", "version": "1.0.0",
                "operations": {
                  "quote": {"method": "GET", "path": "/quote",
                    "parameters": [{"name": "row", "in": "query", "required": true, "schema": {"type": "integer", "format": "int32"}}],
                    "responses": {"204": {"headers": {
                      "X-Total": {"required": true, "schema": {"$ref": "#/$defs/Cents"}},
                      "X-Tax": {"schema": {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{3}$"}},
                      "X-Parts": {"schema": {"type": "array", "items": {"$ref": "#/$defs/Cents"}}},
                      "X-Plain": {"schema": {"type": "string", "format": "decimal"}},
                      "X-Pair": {"schema": {"type": "array", "prefixItems": [
                        {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{2}$"}, {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{3}$"}],
                        "items": {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]$"}}},
                      "X-Head": {"schema": {"$ref": "#/$defs/Head"}}
                    }}}}
                }
              },
              "$defs": {"Cents": {"type": "string", "format": "decimal", "pattern": "^-?[0-9]+\\.[0-9]{2}$"},
                "Head": {"type": "array", "items": false, "prefixItems": [
                  {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{2}$"}, {"type": "string", "format": "decimal"}]}}
            }
            """##
        let rows: [(response: String, sent: String, line: UInt)] = [
            (".noContent(xTotal: 10)", "204 X-Total=10.00", #line),
            (".noContent(xTotal: Decimal(string: \"19.9\")!, xTax: Decimal(string: \"0.5\")!, xParts: [1, Decimal(string: \"-2.5\")!], xPlain: 10)",
             "204 X-Total=19.90 X-Tax=0.500 X-Parts=1.00,-2.50 X-Plain=10", #line),
            (".noContent(xTotal: Decimal(string: \"0.125\")!, xTax: 7)", "204 X-Total=0.125 X-Tax=7.000", #line),  // nothing matches: the plain form
            // A `prefixItems` tuple: each position under its own pattern, the elements after them under `items`'.
            (".noContent(xTotal: 1, xPair: [10, Decimal(string: \"1.5\")!, 2, Decimal(string: \"3.25\")!])",
             "204 X-Total=1.00 X-Pair=10.00,1.500,2.0,3.25", #line),  // nothing matches 3.25: the plain form
            (".noContent(xTotal: 1, xPair: [7])", "204 X-Total=1.00 X-Pair=7.00", #line),
            (".noContent(xTotal: 1, xHead: [5, Decimal(string: \"6.50\")!])", "204 X-Total=1.00 X-Head=5.00,6.5", #line),  // through an alias
        ]
        guard let files = ContractFixture(contract).generate().value("generate") else { return }
        var main = [
            "import Foundation",
            "struct Tills: TillsV1.Provider {",
            "    func quote(row: Int32) async throws -> TillsV1.QuoteResponse {",
            "        switch row {",
        ]
        main += rows.indices.map { "        case \($0): return \(rows[$0].response)" }
        main += [
            "        default: fatalError()",
            "        }",
            "    }",
            "    func failed(_ error: any Error, in operation: String) async { print(\"failed \\(error)\") }",
            "}",
            "for row in 0..<\(rows.count) {",
            "    let response = await Tills().handle(ClientRequest(method: \"GET\", path: \"/quote\", query: [ClientHeader(name: \"row\", value: String(row))]))",
            "    print(\"\\(response.status) \\(response.headers.filter { $0.name.hasPrefix(\"X-\") }.map { \"\\($0.name)=\\($0.value)\" }.joined(separator: \" \"))\")",
            "}",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        let lines = run.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, rows.count, run.output)
        for (row, output) in zip(rows, lines) {
            XCTAssertEqual(output, row.sent, line: row.line)
        }
    }

    /// A version adapter records what it drops in the source's wire form: a patterned decimal string, declared or
    /// undeclared (`additionalProperties`, lost when the target keeps none, or when the target declares its name), in
    /// a text its pattern accepts. Rows: the v1 value decoded → the losses of adapting it to v2.
    func testAdapterLossRecordsAreWrittenInATextTheirPatternAccepts() throws {
        let cents = #"{"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{2}$"}"#
        let v1 = #"{"x-contract": {"name": "till", "version": "1.0.0"}, "$defs": {"#
            + #""Lost": {"type": "object", "properties": {"fee": \#(cents)}, "additionalProperties": \#(cents)}, "#
            + #""Kept": {"type": "object", "properties": {"id": {"type": "string"}}, "additionalProperties": \#(cents)}}}"#
        let v2 = #"{"x-contract": {"name": "till", "version": "2.0.0"}, "$defs": {"#
            + #""Lost": {"type": "object", "additionalProperties": false}, "#
            + #""Kept": {"type": "object", "properties": {"id": {"type": "string"}, "y": {"type": "integer"}}, "additionalProperties": \#(cents)}}}"#
        let rows: [(type: String, json: String, losses: String, line: UInt)] = [
            ("Lost", #"{"x":"10.00"}"#, #"["/x = \"10.00\""]"#, #line),          // was "10"
            ("Lost", #"{"x":"7","w":"0.5"}"#, #"["/w = \"0.50\"", "/x = \"7.00\""]"#, #line),
            ("Lost", #"{"fee":"3.10"}"#, #"["/fee = \"3.10\""]"#, #line),        // a declared property v2 drops
            ("Kept", #"{"y":"0.50","z":"1.50"}"#, #"["/y = \"0.50\""]"#, #line),  // v2 declares y; z is carried
        ]
        let fixture = ContractFixture(["till-v1.json": v1, "till-v2.json": v2], inputs: ["till-v1.json", "till-v2.json"])
        guard let files = fixture.generate().value("generate") else { return }
        var main = ["import Foundation"]
        main += rows.map { row in
            "print(TillV2.\(row.type).adapting(try! JSONDecoder().decode(TillV1.\(row.type).self, from: Data(\(SwiftLiteral.string(row.json)).utf8))).losses.map(\\.description))"
        }
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        let lines = run.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, rows.count, run.output)
        for (row, output) in zip(rows, lines) {
            XCTAssertEqual(output, row.losses, line: row.line)
        }
    }
}
