import XCTest
@testable import CharterCore

/// Malformed files and malformed keywords: each gives one positioned error with a stable code.
final class SchemaLoaderDiagnosticTests: XCTestCase {
    /// Rows: the text of `/c/a.json` → the error it gives.
    func testMalformedContracts() {
        let rows: [(label: String, text: String, expected: ExpectedDiagnostic)] = [
            ("trailing comma", ##"{"type": "object",}"##,
             ExpectedDiagnostic(code: "json.syntax", at: "a.json:1:19", pointer: "")),
            ("missing comma on a later line", "{\n  \"type\": \"object\"\n  \"title\": \"x\"\n}",
             ExpectedDiagnostic(code: "json.syntax", at: "a.json:3:3", pointer: "")),
            ("unterminated object inside $defs", ##"{"$defs": {"A": {"type": "string"}"##,
             ExpectedDiagnostic(code: "json.syntax", at: "a.json:1:35", pointer: "/$defs")),
            ("comment", "// contract\n{}",
             ExpectedDiagnostic(code: "json.syntax", at: "a.json:1:1", pointer: "")),
            ("duplicate key", ##"{"type": "object", "type": "string"}"##,
             ExpectedDiagnostic(code: "json.syntax", at: "a.json:1:20", pointer: "/type")),
            ("type is a number", ##"{"type": 42}"##,
             ExpectedDiagnostic(code: "schema.invalid-keyword", at: "a.json:1:10", pointer: "/type")),
            ("type is an unknown name", ##"{"type": "strin"}"##,
             ExpectedDiagnostic(code: "schema.invalid-keyword", at: "a.json:1:10", pointer: "/type")),
            ("type array holding a number", ##"{"type": ["string", 42]}"##,
             ExpectedDiagnostic(code: "schema.invalid-keyword", at: "a.json:1:21", pointer: "/type/1")),
            ("required is a string", ##"{"required": "x"}"##,
             ExpectedDiagnostic(code: "schema.invalid-keyword", at: "a.json:1:14", pointer: "/required")),
            ("required holds a number", ##"{"required": ["a", 1]}"##,
             ExpectedDiagnostic(code: "schema.invalid-keyword", at: "a.json:1:14", pointer: "/required")),
            ("properties is an array", ##"{"properties": []}"##,
             ExpectedDiagnostic(code: "schema.invalid-keyword", at: "a.json:1:16", pointer: "/properties")),
            ("negative minLength", ##"{"minLength": -1}"##,
             ExpectedDiagnostic(code: "schema.invalid-keyword", at: "a.json:1:15", pointer: "/minLength")),
            ("fractional maxItems", ##"{"maxItems": 1.5}"##,
             ExpectedDiagnostic(code: "schema.invalid-keyword", at: "a.json:1:14", pointer: "/maxItems")),
            ("empty allOf", ##"{"allOf": []}"##,
             ExpectedDiagnostic(code: "schema.invalid-keyword", at: "a.json:1:11", pointer: "/allOf")),
            ("enum is a string", ##"{"enum": "a"}"##,
             ExpectedDiagnostic(code: "schema.invalid-keyword", at: "a.json:1:10", pointer: "/enum")),
            ("pattern is a number", ##"{"pattern": 5}"##,
             ExpectedDiagnostic(code: "schema.invalid-keyword", at: "a.json:1:13", pointer: "/pattern")),
            ("deprecated is a string", ##"{"deprecated": "yes"}"##,
             ExpectedDiagnostic(code: "schema.invalid-keyword", at: "a.json:1:16", pointer: "/deprecated")),
            ("$id is a number", ##"{"$id": 5}"##,
             ExpectedDiagnostic(code: "schema.invalid-keyword", at: "a.json:1:9", pointer: "/$id")),
            ("discriminator without propertyName", ##"{"discriminator": {"mapping": {}}}"##,
             ExpectedDiagnostic(code: "schema.invalid-keyword", at: "a.json:1:19", pointer: "/discriminator")),
            ("a definition that is a number", ##"{"$defs": {"A": 5}}"##,
             ExpectedDiagnostic(code: "schema.not-a-schema", at: "a.json:1:17", pointer: "/$defs/A")),
            ("nested bad type", ##"{"$defs": {"A": {"type": 42}}}"##,
             ExpectedDiagnostic(code: "schema.invalid-keyword", at: "a.json:1:26", pointer: "/$defs/A/type")),
            ("bad type on a later line", "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"qty\": {\"type\": \"integr\"}\n  }\n}",
             ExpectedDiagnostic(code: "schema.invalid-keyword", at: "a.json:4:21", pointer: "/properties/qty/type")),
            ("duplicate $id", ##"{"$defs": {"A": {"$id": "https://x/a"}, "B": {"$id": "https://x/a"}}}"##,
             ExpectedDiagnostic(code: "schema.duplicate-id", at: "a.json:1:54", pointer: "/$defs/B/$id")),
            ("duplicate $anchor", ##"{"$defs": {"A": {"$anchor": "a"}, "B": {"$anchor": "a"}}}"##,
             ExpectedDiagnostic(code: "schema.duplicate-anchor", at: "a.json:1:52", pointer: "/$defs/B/$anchor")),
        ]
        for row in rows {
            guard let error = ContractFixture(row.text).load().failure(row.label) else { continue }
            assertDiagnostic(row.expected, in: error.diagnostics, row.label)
        }
    }

    func testDuplicateKeyNamesBothOccurrences() throws {
        let error = try XCTUnwrap(ContractFixture(##"{"type": "object", "type": "string"}"##).load().failure("duplicate"))
        let diagnostic = try XCTUnwrap(error.diagnostics.first)
        XCTAssertTrue(diagnostic.message.contains("duplicate key \"type\""), diagnostic.message)
        XCTAssertEqual(diagnostic.related.map(\.description), ["a.json:1:2"])
        XCTAssertEqual(diagnostic.location?.pointer.description, "/type", "the pointer names the duplicated member")
    }

    /// A duplicate `$id` points back at the first declaration with its line and column.
    func testDuplicateIDNamesTheFirstDeclaration() throws {
        let error = try XCTUnwrap(ContractFixture(##"{"$defs": {"A": {"$id": "https://x/a"}, "B": {"$id": "https://x/a"}}}"##).load().failure("duplicate $id"))
        let diagnostic = try XCTUnwrap(error.diagnostics.first { $0.code == "schema.duplicate-id" })
        XCTAssertEqual(diagnostic.related.map(\.description), ["a.json:1:25"])
        XCTAssertEqual(diagnostic.related.map(\.pointer.description), ["/$defs/A/$id"])
    }

    /// An unknown keyword is a warning, once per keyword and file; `x-` extensions are silent.
    func testUnknownKeywordWarnsButLoads() throws {
        let text = ##"{"type": "string", "colour": "red", "x-owner": "me", "$defs": {"A": {"colour": "blue"}}}"##
        let graph = try XCTUnwrap(ContractFixture(text).load().value("unknown keyword"))
        XCTAssertEqual(graph.warnings.count, 1, graph.warnings.map(\.description).joined(separator: "\n"))
        assertDiagnostic(ExpectedDiagnostic(code: "schema.unknown-keyword", at: "a.json:1:20", pointer: "/colour", severity: .warning),
                         in: graph.warnings, "unknown keyword")
        XCTAssertEqual(graph.schema(in: "a.json", at: "")?.unknownKeywords, ["colour", "x-owner"])
    }

    /// Warnings travel with the errors when loading fails.
    /// A broken file that is an input and also reached through a `$ref` from another input is reported once.
    func testAFileReachedTwiceIsReportedOnce() throws {
        let fixture = ContractFixture(["a.json": ##"{"$defs": {"A": {"$ref": "b.json#/$defs/B"}}}"##, "b.json": ##"{"$defs": {"B": {"type": "string"},}}"##])
        let error = try XCTUnwrap(fixture.load().failure("broken"))
        XCTAssertEqual(error.diagnostics.map(\.description), ["b.json:1:36: error: trailing comma before '}' [/$defs]"])
    }

    func testWarningsSurviveAFailedLoad() throws {
        let error = try XCTUnwrap(ContractFixture(##"{"colour": "red", "type": 42}"##).load().failure("both"))
        XCTAssertEqual(error.diagnostics.map { $0.code ?? "" }.sorted(), ["schema.invalid-keyword", "schema.unknown-keyword"])
    }

    /// Rows: a limit and a file that exceeds it → the error.
    func testLimits() {
        let deep = ##"{"properties":{"a":{"properties":{"b":{"properties":{"c":{"type":"string"}}}}}}}"##
        let rows: [(label: String, fixture: ContractFixture, expected: ExpectedDiagnostic)] = [
            ("schema depth", ContractFixture(deep, options: LoaderOptions(maxSchemaDepth: 2)),
             ExpectedDiagnostic(code: "limit.schema-depth", at: "a.json:1:58", pointer: "/properties/a/properties/b/properties/c")),
            ("file size", ContractFixture(##"{"type": "string"}"##, options: LoaderOptions(maxFileSize: 10)),
             ExpectedDiagnostic(code: "limit.file-size", at: "a.json", pointer: "")),
            ("JSON depth", ContractFixture(##"{"properties": {"a": {}}}"##, options: LoaderOptions(maxJSONDepth: 2)),
             ExpectedDiagnostic(code: "json.syntax", at: "a.json:1:22", pointer: "/properties/a")),
            ("documents", ContractFixture(["a.json": SchemaLoaderReferenceTests.refA("other.json"), "other.json": "{}"], inputs: ["a.json"],
                                          options: LoaderOptions(maxDocuments: 1)),
             ExpectedDiagnostic(code: "limit.documents", at: "a.json:1:26", pointer: "/$defs/A/$ref")),
            ("schemas", ContractFixture(##"{"$defs": {"A": {"type": "string"}, "B": {"type": "string"}, "C": {}}}"##, options: LoaderOptions(maxSchemas: 2)),
             ExpectedDiagnostic(code: "limit.schemas", at: "a.json:1:42", pointer: "/$defs/B")),
            ("input outside an explicit root", ContractFixture(["a.json": "{}"], inputs: ["a.json"], options: LoaderOptions(root: "/c/contracts")),
             ExpectedDiagnostic(code: "load.outside-root", at: "a.json", pointer: "")),
            ("missing input", ContractFixture(["a.json": "{}"], inputs: ["nothere.json"]),
             ExpectedDiagnostic(code: "load.missing-file", at: "nothere.json", pointer: "")),
        ]
        for row in rows {
            guard let error = row.fixture.load().failure(row.label) else { continue }
            assertDiagnostic(row.expected, in: error.diagnostics, row.label)
            XCTAssertEqual(error.diagnostics.filter { $0.code == row.expected.code }.count, 1, "\(row.label): reported once\n\(error)")
        }
    }

    /// The messages of limits say what the limit is.
    func testLimitMessagesNameTheLimit() throws {
        let size = try XCTUnwrap(ContractFixture(##"{"type": "string"}"##, options: LoaderOptions(maxFileSize: 10)).load().failure("size"))
        XCTAssertEqual(size.diagnostics.first?.message, "file is 18 bytes, larger than the limit of 10")
        let deep = ##"{"properties":{"a":{"properties":{"b":{}}}}}"##
        let depth = try XCTUnwrap(ContractFixture(deep, options: LoaderOptions(maxSchemaDepth: 1)).load().failure("depth"))
        let message = try XCTUnwrap(depth.diagnostics.first?.message)
        XCTAssertTrue(message.contains("deeper than 1"), message)
    }

    /// A recursive schema is not deep: references are followed once, not expanded.
    func testRecursiveSchemasLoadWithinLimits() throws {
        let text = ##"{"$defs": {"Node": {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}, "parent": {"$ref": "#/$defs/Node"}}}}}"##
        let graph = try XCTUnwrap(ContractFixture(text, options: LoaderOptions(maxSchemaDepth: 8, maxSchemas: 10)).load().value("recursive"))
        XCTAssertTrue(graph.warnings.isEmpty, graph.warnings.description)
        let node = try XCTUnwrap(graph.schema(in: "a.json", at: "/$defs/Node"))
        XCTAssertEqual(graph.schema(in: "a.json", at: "/$defs/Node/properties/children/items")?.ref, node.id)
        XCTAssertEqual(graph.schema(in: "a.json", at: "/$defs/Node/properties/parent")?.ref, node.id)
    }
}
