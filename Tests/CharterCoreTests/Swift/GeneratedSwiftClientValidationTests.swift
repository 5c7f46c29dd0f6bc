import Foundation
import XCTest
@testable import CharterCore

/// Generated clients check a call against the contract when their configuration asks (`ClientValidation`): the
/// parameters and request body before sending (`.requests`), the decoded response body after (`.responses`). Each
/// kind of body is covered: a record (checks itself), an alias with constraints of its own, and a list written in the
/// operation with constraints (checked by a closure the generator writes). The client is compiled with CharterRuntime
/// and run against a transport that records what is sent and answers from a script.
final class GeneratedSwiftClientValidationTests: XCTestCase {
    static let contract = ##"""
        {
          "x-contract": {
            "name": "stock", "version": "1.0.0",
            "operations": {
              "getLevel": {"summary": "Read a level", "method": "GET", "path": "/levels/{sku}",
                "parameters": [
                  {"name": "sku", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[A-Z]{3}$"}},
                  {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 10}}
                ],
                "responses": {"200": {"schema": {"$ref": "#/$defs/Level"}}}},
              "putLevel": {"summary": "Replace a level", "method": "PUT", "path": "/levels",
                "request": {"required": true, "schema": {"$ref": "#/$defs/Level"}},
                "responses": {"204": {"description": "Stored."}}},
              "putSkus": {"summary": "Replace the watched SKUs", "method": "PUT", "path": "/watched",
                "request": {"required": true, "schema": {"$ref": "#/$defs/SkuList"}},
                "responses": {"200": {"schema": {"$ref": "#/$defs/SkuList"}}}},
              "putCounts": {"summary": "Replace the counts", "method": "PUT", "path": "/counts",
                "request": {"required": true, "schema": {"type": "array", "maxItems": 2, "items": {"type": "integer"}}},
                "responses": {"200": {"schema": {"type": "array", "minItems": 1, "items": {"type": "integer"}}}}}
            }
          },
          "$defs": {
            "Level": {"type": "object", "required": ["onHand"], "properties": {"onHand": {"type": "integer", "minimum": 0}}},
            "SkuList": {"type": "array", "maxItems": 2, "items": {"type": "string"}}
          }
        }
        """##

    /// The lines that make the checks: parameters under `validatesRequests`, a closure for the inline list both ways,
    /// the alias's entry point; a record's body passes no closure (it checks itself).
    func testValidationSnippets() throws {
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate().value("generate"))
        let lines = GeneratedSwiftSnippetTests.trimmedLines(try XCTUnwrap(files["StockV1.swift"]))
        let expected = [
            "if configuration.validatesRequests {",
            "try configuration.rejectParameters(issues, for: operation)",
            "request.body = try configuration.encodeBody(body, for: operation)",
            "request.body = try configuration.encodeBody(body, for: operation, issues: StockV1.validationIssues(ofSkuList:))",
            "case 200: return .ok(try configuration.decodeBody(StockV1.SkuList.self, from: response, for: operation, issues: StockV1.validationIssues(ofSkuList:)))",
            "request.body = try configuration.encodeBody(body, for: operation, issues: { value in",
            "return .ok(try configuration.decodeBody([Int].self, from: response, for: operation, issues: { value in",
            "case 200: return .ok(try configuration.decodeBody(StockV1.Level.self, from: response, for: operation))",
        ]
        for line in expected { XCTAssertTrue(lines.contains(line), "missing: \(line)") }
    }

    func testConfiguredClientsCheckWhatTheyAskFor() throws {
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate().value("generate"))
        let main = [
            "import Foundation",
            "final class Recorder: ClientTransport, @unchecked Sendable {",
            "    let answer: ClientResponse",
            "    init(_ answer: ClientResponse) { self.answer = answer }",
            "    func send(_ request: ClientRequest, serverURL: URL) async throws -> ClientResponse {",
            "        print(\"SENT \\(request.method) \\(request.url(relativeTo: serverURL).absoluteString) body=\\(request.body.map { String(decoding: $0, as: UTF8.self) } ?? \"-\")\")",
            "        return answer",
            "    }",
            "}",
            "func client(_ validation: ClientValidation, answering status: Int = 204, _ body: String = \"\") -> StockV1.Client {",
            "    let answer = ClientResponse(status: status, body: Data(body.utf8))",
            "    return StockV1.Client(configuration: ClientConfiguration(serverURL: URL(string: \"https://stock.example\")!, transport: Recorder(answer), validation: validation, sleep: { _ in }))",
            "}",
            "func run<T>(_ name: String, _ call: () async throws -> T) async {",
            "    do { print(\"\\(name): GOT \\(try await call())\") } catch let error as ClientError {",
            "        let issues = (error.underlying as? ValidationError)?.issues.map(\\.description).joined(separator: \"; \") ?? \"\\(error.underlying.map { \"\\($0)\" } ?? \"-\")\"",
            "        print(\"\\(name): ERROR \\(error.kind) attempts=\\(error.attempts) status=\\(error.status.map(String.init) ?? \"-\") \\(issues)\")",
            "    } catch { print(\"\\(name): OTHER \\(error)\") }",
            "}",
            "let bad = StockV1.Level(onHand: -1)",
            "await run(\"param off\") { try await client([], answering: 200, #\"{\"onHand\":1}\"#).getLevel(sku: \"abc\", limit: 11) }",
            "await run(\"param on\") { try await client(.requests, answering: 200, #\"{\"onHand\":1}\"#).getLevel(sku: \"abc\", limit: 11) }",
            "await run(\"param ok\") { try await client(.all, answering: 200, #\"{\"onHand\":1}\"#).getLevel(sku: \"ABC\") }",
            "await run(\"record off\") { try await client(.responses).putLevel(bad) }",
            "await run(\"record on\") { try await client(.requests).putLevel(bad) }",
            "await run(\"alias on\") { try await client(.requests, answering: 200, \"[]\").putSkus([\"a\", \"b\", \"c\"]) }",
            "await run(\"inline on\") { try await client(.requests, answering: 200, \"[1]\").putCounts([1, 2, 3]) }",
            "await run(\"response off\") { try await client(.requests, answering: 200, #\"{\"onHand\":-5}\"#).getLevel(sku: \"ABC\") }",
            "await run(\"response on\") { try await client(.responses, answering: 200, #\"{\"onHand\":-5}\"#).getLevel(sku: \"ABC\") }",
            "await run(\"alias response on\") { try await client(.responses, answering: 200, #\"[\"a\",\"b\",\"c\"]\"#).putSkus([]) }",
            "await run(\"inline response on\") { try await client(.responses, answering: 200, \"[]\").putCounts([]) }",
            "await run(\"inline response off\") { try await client([], answering: 200, \"[]\").putCounts([]) }",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        let expected = [
            // Off: the broken parameters go out, and the server is left to refuse them.
            "SENT GET https://stock.example/levels/abc?limit=11 body=-",
            "param off: GOT ok(Check.StockV1.Level(onHand: 1))",
            // On: nothing is sent, and every problem is named (a parameter by its name, as a provider names it).
            #"param on: ERROR invalidRequest attempts=0 status=- sku: must match the pattern ^[A-Z]{3}$ (pattern); limit: must be less than or equal to 10 (is 11) (maximum)"#,
            "SENT GET https://stock.example/levels/ABC body=-",
            "param ok: GOT ok(Check.StockV1.Level(onHand: 1))",
            // `.responses` alone does not check what is sent.
            #"SENT PUT https://stock.example/levels body={"onHand":-1}"#,
            "record off: GOT noContent",
            "record on: ERROR invalidRequest attempts=0 status=- /onHand: must be greater than or equal to 0 (is -1) (minimum)",
            "alias on: ERROR invalidRequest attempts=0 status=- /: must have at most 2 items (has 3) (maxItems)",
            "inline on: ERROR invalidRequest attempts=0 status=- /: must have at most 2 items (has 3) (maxItems)",
            // A broken response decodes when responses are not checked...
            "SENT GET https://stock.example/levels/ABC body=-",
            "response off: GOT ok(Check.StockV1.Level(onHand: -5))",
            // ...and is refused, with its status, when they are.
            "SENT GET https://stock.example/levels/ABC body=-",
            "response on: ERROR invalidResponse attempts=1 status=200 /onHand: must be greater than or equal to 0 (is -5) (minimum)",
            #"SENT PUT https://stock.example/watched body=[]"#,
            "alias response on: ERROR invalidResponse attempts=1 status=200 /: must have at most 2 items (has 3) (maxItems)",
            #"SENT PUT https://stock.example/counts body=[]"#,
            "inline response on: ERROR invalidResponse attempts=1 status=200 /: must have at least 1 item (has 0) (minItems)",
            #"SENT PUT https://stock.example/counts body=[]"#,
            "inline response off: GOT ok([])",
        ]
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), expected)
    }
}
