import Foundation
import XCTest
@testable import CharterCore

/// An alias is another name for a scalar, list or map (`typealias Sku = String`), which cannot conform to
/// `Validatable`: where it is the whole value — decoded on its own, a provider's request body, an event payload —
/// its constraints are checked by the namespace's `collectIssues(of<Alias>:at:into:)` / `validationIssues(of<Alias>:)`,
/// generated for every alias with something of its own to check. Where it is a property, element or map value,
/// the holder checks its constraints, also those of the elements of an alias of a list.
extension GeneratedSwiftFidelityTests {
    static let aliasContract = ##"""
        {"title": "Whole", "$defs": {
          "Sku": {"type": "string", "pattern": "^[A-Z0-9]+$", "maxLength": 4},
          "SkuList": {"type": "array", "items": {"$ref": "#/$defs/Sku"}, "maxItems": 3, "uniqueItems": true},
          "Grid": {"type": "array", "items": {"$ref": "#/$defs/SkuList"}},
          "Code": {"$ref": "#/$defs/Sku"},
          "Count": {"type": "integer", "minimum": 1},
          "Loose": {"minimum": 2},
          "Pair": {"type": "array", "prefixItems": [{"type": "integer"}, {"type": "string"}], "items": false},
          "Line": {"type": "object", "properties": {"sku": {"$ref": "#/$defs/Sku"}}},
          "Lines": {"type": "array", "items": {"$ref": "#/$defs/Line"}, "minItems": 1},
          "Holder": {"type": "object", "properties": {
            "list": {"$ref": "#/$defs/SkuList"}, "grid": {"$ref": "#/$defs/Grid"},
            "byName": {"type": "object", "additionalProperties": {"$ref": "#/$defs/SkuList"}},
            "lists": {"type": "array", "items": {"$ref": "#/$defs/SkuList"}}}}
        }}
        """##

    func testAliasConstraintsAreCheckedWhereTheAliasIsTheWholeValue() throws {
        try check(Self.aliasContract, namespace: "Whole", [
            ("Sku", ##""AB1""##, .valid),
            ("Sku", ##""ab12345""##, .roundTrips(issues: [" maxLength", " pattern"])),
            ("SkuList", ##"["A","B"]"##, .valid),
            ("SkuList", ##"["A","A","b","C"]"##, .roundTrips(issues: [" maxItems", " uniqueItems", "/2 pattern"])),
            ("Grid", ##"[["A"],["B","C"]]"##, .valid),
            ("Grid", ##"[["A"],["a","a"]]"##, .roundTrips(issues: ["/1 uniqueItems", "/1/0 pattern", "/1/1 pattern"])),
            // An alias of an alias has the constraints of both.
            ("Code", ##""x""##, .roundTrips(issues: [" pattern"])),
            ("Count", ##"0"##, .roundTrips(issues: [" minimum"])),
            ("Loose", ##"1"##, .roundTrips(issues: [" minimum"])),
            ("Loose", ##""a""##, .valid),
            // `items: false` after `prefixItems` bounds a free-form tuple's length.
            ("Pair", ##"[1,"a"]"##, .valid),
            ("Pair", ##"[1,"a",3]"##, .roundTrips(issues: [" maxItems"])),
            // The alias's own count, and each generated element's own checks.
            ("Lines", ##"[]"##, .roundTrips(issues: [" minItems"])),
            ("Lines", ##"[{"sku":"a"}]"##, .roundTrips(issues: ["/0/sku pattern"])),
            // Held by a record: the elements of an alias of a list are checked too, at every depth.
            ("Holder", ##"{"list":["A"],"grid":[["B"]],"byName":{"k":["C"]},"lists":[["D"]]}"##, .valid),
            ("Holder", ##"{"list":["a"],"grid":[["B"],["b"]],"byName":{"k":["C","C"],"l":["c"]},"lists":[["D"],["d","E","F","G"]]}"##,
             .roundTrips(issues: [
                "/byName/k uniqueItems", "/byName/l/0 pattern", "/grid/1/0 pattern", "/list/0 pattern", "/lists/1 maxItems", "/lists/1/0 pattern",
             ])),
        ])
    }

    /// Rows: an alias → whether it gets the namespace-level entry point (only an alias with something of its own
    /// to check: a list of records checks itself, a plain string has nothing to check).
    func testOnlyConstrainedAliasesGetAnEntryPoint() throws {
        let contract = ##"""
            {"title": "Few", "$defs": {
              "Plain": {"type": "string"},
              "Line": {"type": "object", "properties": {"n": {"type": "integer", "minimum": 0}}},
              "Lines": {"type": "array", "items": {"$ref": "#/$defs/Line"}},
              "Short": {"type": "string", "maxLength": 2},
              "Shorts": {"type": "array", "items": {"$ref": "#/$defs/Short"}}
            }}
            """##
        let files = try XCTUnwrap(ContractFixture(contract).generate().value("generate"))
        let text = try XCTUnwrap(files["Few.swift"])
        let rows: [(alias: String, entryPoint: Bool)] = [("Plain", false), ("Lines", false), ("Short", true), ("Shorts", true)]
        for row in rows {
            XCTAssertEqual(text.contains("public static func validationIssues(of\(row.alias) value: \(row.alias)) -> [ValidationIssue] {"), row.entryPoint, row.alias)
            XCTAssertEqual(text.contains("public static func collectIssues(of\(row.alias) value: \(row.alias), at path: String, into issues: inout [ValidationIssue]) {"), row.entryPoint, row.alias)
        }
    }
}

/// A provider's request body and an event's payload that are aliases with constraints of their own are checked
/// with the alias's entry point, compiled and run: the provider answers 400 naming every issue before the method is
/// called, and the envelope reports the payload's issues under `/data`.
final class GeneratedSwiftAliasValidationTests: XCTestCase {
    static let contract = ##"""
        {"title": "Stock", "x-contract": {"name": "stock", "version": "1.0.0",
          "operations": {
            "putSkus": {"method": "PUT", "path": "/skus", "request": {"schema": {"$ref": "#/$defs/SkuList"}}, "responses": {"204": {}}},
            "putStamps": {"method": "PUT", "path": "/stamps", "request": {"schema": {"$ref": "#/$defs/Stamps"}}, "responses": {"204": {}}},
            "putNote": {"method": "PUT", "path": "/note", "request": {"schema": {"anyOf": [{"$ref": "#/$defs/Sku"}, {"type": "null"}]}}, "responses": {"204": {}}}
          },
          "events": {
            "SkusChanged": {"topic": "skus", "payload": {"$ref": "#/$defs/SkuList"}},
            "SkuMaybe": {"topic": "sku", "payload": {"anyOf": [{"$ref": "#/$defs/Sku"}, {"type": "null"}]}}
          }},
         "$defs": {
          "Sku": {"type": "string", "pattern": "^[A-Z0-9]+$"},
          "SkuList": {"type": "array", "items": {"$ref": "#/$defs/Sku"}, "maxItems": 2, "uniqueItems": true},
          "Stamps": {"type": "array", "items": {"type": "string", "format": "date-time"}, "maxItems": 1}
        }}
        """##

    func testBodiesAndPayloadsOfAliasesAreChecked() throws {
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate().value("generate"))
        let text = try XCTUnwrap(files["StockV1.swift"])
        let lines = GeneratedSwiftSnippetTests.trimmedLines(text)
        for line in [
            "let body = try ProviderRouting.body(StockV1.SkuList.self, from: request, required: true, issues: StockV1.validationIssues(ofSkuList:))!",
            "let body = try ProviderRouting.body([RFC3339DateTime].self, from: request, required: true, issues: { StockV1.validationIssues(ofStamps: $0.map { $0.value }) })!.map { $0.value }",
            "let body = try ProviderRouting.body(StockV1.Sku?.self, from: request, required: true, issues: { $0.map(StockV1.validationIssues(ofSku:)) ?? [] })!",
            "StockV1.collectIssues(ofSkuList: payload, at: path, into: &issues)",
        ] {
            XCTAssertTrue(lines.contains(line), "missing: \(line)")
        }
        let main = [
            "import Foundation",
            "struct Stock: StockV1.Provider {",
            "    func putSkus(_ body: StockV1.SkuList) async throws -> StockV1.PutSkusResponse { print(\"putSkus \\(body)\"); return .noContent }",
            "    func putStamps(_ body: StockV1.Stamps) async throws -> StockV1.PutStampsResponse { print(\"putStamps \\(body.count)\"); return .noContent }",
            "    func putNote(_ body: StockV1.Sku?) async throws -> StockV1.PutNoteResponse { print(\"putNote \\(body ?? \"null\")\"); return .noContent }",
            "}",
            "func send(_ path: String, _ body: String) async {",
            "    let response = await Stock().handle(ClientRequest(method: \"PUT\", path: path, body: Data(body.utf8)))",
            "    print(response.status, String(decoding: response.body, as: UTF8.self).contains(\"breaks the contract\"))",
            "}",
            "await send(\"/skus\", #\"[\"A\",\"B\"]\"#)",
            "await send(\"/skus\", #\"[\"A\",\"A\",\"b\"]\"#)",
            "await send(\"/stamps\", #\"[\"2024-01-01T00:00:00Z\",\"2024-01-02T00:00:00Z\"]\"#)",
            "await send(\"/note\", #\"\"x\"\"#)",
            "await send(\"/note\", \"null\")",
            "let time = Date(timeIntervalSince1970: 0)",
            "let bad = EventEnvelope<StockV1.Events.SkusChanged>(source: \"urn:retail:system:test\", time: time, data: [\"a\", \"a\", \"B\"])",
            "print(bad.validationIssues.map { $0.path + \" \" + $0.keyword }.joined(separator: \",\"))",
            "let good = EventEnvelope<StockV1.Events.SkusChanged>(source: \"urn:retail:system:test\", time: time, data: [\"A\"])",
            "print(good.validationIssues.count)",
            "let maybe = EventEnvelope<StockV1.Events.SkuMaybe>(source: \"urn:retail:system:test\", time: time, data: \"x\")",
            "let none = EventEnvelope<StockV1.Events.SkuMaybe>(source: \"urn:retail:system:test\", time: time, data: nil)",
            "print(maybe.validationIssues.map { $0.path + \" \" + $0.keyword }.joined(separator: \",\"), none.validationIssues.count)",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            "putSkus [\"A\", \"B\"]", "204 false",
            "400 true",
            "400 true",
            "400 true",
            "putNote null", "204 false",
            "/data maxItems,/data uniqueItems,/data/0 pattern,/data/1 pattern",
            "0",
            "/data pattern 0",
        ])
    }
}
