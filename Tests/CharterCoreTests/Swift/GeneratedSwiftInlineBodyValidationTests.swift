import Foundation
import XCTest
@testable import CharterCore

/// A provider's request body and an event's payload written in the contract as a list, map or scalar with constraints
/// (`{"type": "array", "maxItems": 2, …}`, not a `$defs` type) are checked as a named alias's are, compiled and run:
/// the provider answers 400 naming every issue before the method is called, and the envelope reports the payload's
/// issues under `/data`. They used to be decoded and never checked.
final class GeneratedSwiftInlineBodyValidationTests: XCTestCase {
    static let contract = ##"""
        {"title": "Shelf", "x-contract": {"name": "shelf", "version": "1.0.0",
          "operations": {
            "putCodes": {"method": "PUT", "path": "/codes", "request": {"schema": {"type": "array", "maxItems": 2, "uniqueItems": true, "items": {"type": "string", "pattern": "^[A-Z]+$"}}}, "responses": {"204": {}}},
            "putNote": {"method": "PUT", "path": "/note", "request": {"schema": {"type": "string", "maxLength": 3}}, "responses": {"204": {}}},
            "putStamps": {"method": "PUT", "path": "/stamps", "request": {"schema": {"type": "array", "maxItems": 1, "items": {"type": "string", "format": "date-time"}}}, "responses": {"204": {}}},
            "putLines": {"method": "PUT", "path": "/lines", "request": {"schema": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/Line"}}}, "responses": {"204": {}}},
            "putLimits": {"method": "PUT", "path": "/limits", "request": {"schema": {"type": "object", "maxProperties": 1, "additionalProperties": {"type": "integer", "minimum": 0}}}, "responses": {"204": {}}},
            "putCount": {"method": "PUT", "path": "/count", "request": {"required": false, "schema": {"type": ["integer", "null"], "minimum": 1}}, "responses": {"204": {}}},
            "putPlain": {"method": "PUT", "path": "/plain", "request": {"schema": {"type": "array", "items": {"$ref": "#/$defs/Line"}}}, "responses": {"204": {}}},
            "postTags": {"method": "POST", "path": "/tags", "idempotency": {"required": true}, "request": {"schema": {"type": "array", "maxItems": 1, "items": {"type": "string"}}}, "responses": {"204": {}}}
          },
          "events": {
            "CodesChanged": {"topic": "codes", "payload": {"type": "array", "maxItems": 2, "items": {"type": "string", "pattern": "^[A-Z]+$"}}},
            "NoteSet": {"topic": "note", "payload": {"type": "string", "maxLength": 3}},
            "Counted": {"topic": "count", "payload": {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "null"}]}},
            "LinesAdded": {"topic": "lines", "payload": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/Line"}}}
          }},
         "$defs": {"Line": {"type": "object", "properties": {"qty": {"type": "integer", "minimum": 0}}}}
        }
        """##

    func testInlineBodiesAndPayloadsAreChecked() throws {
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate().value("generate"))
        let text = try XCTUnwrap(files["ShelfV1.swift"])
        // A body or payload without constraints of its own has no checks written for it: a list of records checks itself.
        XCTAssertTrue(
            GeneratedSwiftSnippetTests.trimmedLines(text).contains(
                "let body = try ProviderRouting.body([ShelfV1.Line].self, from: request, required: true)!"),
            text)
        let main = [
            "import Foundation",
            "struct Shelf: ShelfV1.Provider {",
            "    func putCodes(_ body: [String]) async throws -> ShelfV1.PutCodesResponse { print(\"putCodes \\(body)\"); return .noContent }",
            "    func putNote(_ body: String) async throws -> ShelfV1.PutNoteResponse { print(\"putNote \\(body)\"); return .noContent }",
            "    func putStamps(_ body: [Date]) async throws -> ShelfV1.PutStampsResponse { print(\"putStamps \\(body.count)\"); return .noContent }",
            "    func putLines(_ body: [ShelfV1.Line]) async throws -> ShelfV1.PutLinesResponse { print(\"putLines \\(body.count)\"); return .noContent }",
            "    func putLimits(_ body: [String: Int]) async throws -> ShelfV1.PutLimitsResponse { print(\"putLimits \\(body.count)\"); return .noContent }",
            "    func putCount(_ body: Nullable<Int>?) async throws -> ShelfV1.PutCountResponse {",
            "        switch body {",
            "        case nil: print(\"putCount none\")",
            "        case .null?: print(\"putCount null\")",
            "        case .value(let value)?: print(\"putCount \\(value)\")",
            "        }",
            "        return .noContent",
            "    }",
            "    func putPlain(_ body: [ShelfV1.Line]) async throws -> ShelfV1.PutPlainResponse { print(\"putPlain \\(body.count)\"); return .noContent }",
            "    func postTags(_ body: [String], idempotencyKey: String?) async throws -> ShelfV1.PostTagsResponse { print(\"postTags \\(body)\"); return .noContent }",
            "}",
            "func send(_ path: String, _ body: String, method: String = \"PUT\") async {",
            "    let request = ClientRequest(method: method, path: path, headers: [ClientHeader(name: \"Idempotency-Key\", value: \"k-\\(body.count)\")], body: Data(body.utf8))",
            "    let response = await Shelf().handle(request, idempotency: InMemoryIdempotencyStore(caller: { _ in \"test\" }))",
            "    let problem = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]",
            "    print(response.status, problem?[\"detail\"] as? String ?? \"-\")",
            "}",
            "await send(\"/codes\", #\"[\"A\",\"B\"]\"#)",
            "await send(\"/codes\", #\"[\"A\",\"A\",\"b\"]\"#)",
            "await send(\"/note\", #\"\"abc\"\"#)",
            "await send(\"/note\", #\"\"abcd\"\"#)",
            "await send(\"/stamps\", #\"[\"2024-01-01T00:00:00Z\"]\"#)",
            "await send(\"/stamps\", #\"[\"2024-01-01T00:00:00Z\",\"2024-01-02T00:00:00Z\"]\"#)",
            "await send(\"/lines\", #\"[{\"qty\":1}]\"#)",
            "await send(\"/lines\", #\"[]\"#)",
            "await send(\"/lines\", #\"[{\"qty\":-1}]\"#)",
            "await send(\"/limits\", #\"{\"a\":1}\"#)",
            "await send(\"/limits\", #\"{\"a\":-1,\"b\":2}\"#)",
            "await send(\"/count\", \"2\")",
            "await send(\"/count\", \"null\")",
            "await send(\"/count\", \"0\")",
            "await send(\"/plain\", #\"[{\"qty\":-1}]\"#)",
            // An idempotent write reads and checks its body before the store is asked.
            "await send(\"/tags\", #\"[\"a\"]\"#, method: \"POST\")",
            "await send(\"/tags\", #\"[\"a\",\"b\"]\"#, method: \"POST\")",
            "let time = Date(timeIntervalSince1970: 0)",
            "func issues(_ list: [ValidationIssue]) -> String { list.isEmpty ? \"none\" : list.map { $0.path + \" \" + $0.keyword }.joined(separator: \",\") }",
            "let source = \"urn:retail:system:test\"",
            "print(issues(EventEnvelope<ShelfV1.Events.CodesChanged>(source: source, time: time, data: [\"A\"]).validationIssues))",
            "print(issues(EventEnvelope<ShelfV1.Events.CodesChanged>(source: source, time: time, data: [\"a\", \"B\", \"C\"]).validationIssues))",
            "print(issues(EventEnvelope<ShelfV1.Events.NoteSet>(source: source, time: time, data: \"abc\").validationIssues))",
            "print(issues(EventEnvelope<ShelfV1.Events.NoteSet>(source: source, time: time, data: \"abcd\").validationIssues))",
            "print(issues(EventEnvelope<ShelfV1.Events.Counted>(source: source, time: time, data: nil).validationIssues))",
            "print(issues(EventEnvelope<ShelfV1.Events.Counted>(source: source, time: time, data: 0).validationIssues))",
            "print(issues(EventEnvelope<ShelfV1.Events.LinesAdded>(source: source, time: time, data: []).validationIssues))",
            "print(issues(EventEnvelope<ShelfV1.Events.LinesAdded>(source: source, time: time, data: [ShelfV1.Line(qty: -1)]).validationIssues))",
            // A checked payload still travels as itself: decoded from and encoded to the same JSON.
            "let encoded = try JSONEncoder().encode(EventEnvelope<ShelfV1.Events.CodesChanged>(source: source, time: time, data: [\"A\", \"B\"]))",
            "let decoded = try JSONDecoder().decode(EventEnvelope<ShelfV1.Events.CodesChanged>.self, from: encoded)",
            "print(decoded.data, issues(decoded.validationIssues))",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        let refused = "400 the request body breaks the contract: "
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            "putCodes [\"A\", \"B\"]", "204 -",
            refused + "/ must have at most 2 items (has 3); / must not contain equal items (items 0 and 1 are equal); /2 must match the pattern ^[A-Z]+$",
            "putNote abc", "204 -",
            refused + "/ must be at most 3 characters long (is 4)",
            "putStamps 1", "204 -",
            refused + "/ must have at most 1 item (has 2)",
            "putLines 1", "204 -",
            refused + "/ must have at least 1 item (has 0)",
            refused + "/0/qty must be greater than or equal to 0 (is -1)",
            "putLimits 1", "204 -",
            refused + "/ must have at most 1 property (has 2); /a must be greater than or equal to 0 (is -1)",
            "putCount 2", "204 -",
            "putCount null", "204 -",
            refused + "/ must be greater than or equal to 1 (is 0)",
            // A list of records without constraints of its own: its elements check themselves, as before.
            refused + "/0/qty must be greater than or equal to 0 (is -1)",
            "postTags [\"a\"]", "204 -",
            refused + "/ must have at most 1 item (has 2)",
            "none",
            "/data maxItems,/data/0 pattern",
            "none",
            "/data maxLength",
            "none",
            "/data minimum",
            "/data minItems",
            "/data/0/qty minimum",
            "[\"A\", \"B\"] none",
        ])
    }
}
