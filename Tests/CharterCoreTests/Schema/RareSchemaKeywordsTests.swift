import XCTest
@testable import CharterCore

/// The keywords `Schema` keeps out of line (``RareSchemaKeywords``) read back exactly as the loader
/// parsed them, and a `Schema` stays a value: changing a copy never changes the original.
final class RareSchemaKeywordsTests: XCTestCase {
    /// Rows: a schema using one rarely written keyword → what the loaded `Schema` holds for it.
    func testRareKeywordsLoad() throws {
        let rows: [(label: String, schema: String, check: (Schema, SchemaGraph) -> Bool)] = [
            ("$anchor", #"{"$anchor": "here"}"#, { s, _ in s.anchor == "here" }),
            ("$id", #"{"$id": "https://example.com/a.json"}"#, { s, _ in s.resourceURI == "https://example.com/a.json" }),
            ("const", #"{"const": 3}"#, { s, _ in s.constValue.map { JSONWriter.write($0) } == "3" }),
            ("exclusive bounds and multipleOf", #"{"exclusiveMinimum": 1, "exclusiveMaximum": 9, "multipleOf": 0.5}"#,
             { s, _ in s.exclusiveMinimum?.literal == "1" && s.exclusiveMaximum?.literal == "9" && s.multipleOf?.literal == "0.5" }),
            ("min/maxProperties", #"{"minProperties": 1, "maxProperties": 4}"#, { s, _ in s.minProperties == 1 && s.maxProperties == 4 }),
            ("patternProperties", #"{"patternProperties": {"^x-": {"type": "string"}}}"#,
             { s, g in s.patternProperties.map(\.name) == ["^x-"] && g[s.patternProperties[0].schema].types == [.string] }),
            ("propertyNames", #"{"propertyNames": {"maxLength": 3}}"#, { s, g in s.propertyNames.map { g[$0].maxLength } == 3 }),
            ("prefixItems and contains", #"{"prefixItems": [{"type": "integer"}], "contains": {"type": "boolean"}}"#,
             { s, g in s.prefixItems.map { g[$0].types } == [[.integer]] && s.contains.map { g[$0].types } == [.boolean] }),
            ("if/then/else and not", #"{"if": {"type": "string"}, "then": {"minLength": 1}, "else": {"type": "null"}, "not": {"type": "array"}}"#,
             { s, g in s.ifSchema.map { g[$0].types } == [.string] && s.thenSchema.map { g[$0].minLength } == 1
                 && s.elseSchema.map { g[$0].types } == [.null] && s.not.map { g[$0].types } == [.array] }),
            ("dependentRequired and dependentSchemas", #"{"dependentRequired": {"a": ["b"]}, "dependentSchemas": {"c": {"required": ["d"]}}}"#,
             { s, g in s.dependentRequired == ["a": ["b"]] && s.dependentSchemas.map(\.name) == ["c"]
                 && g[s.dependentSchemas[0].schema].required == ["d"] }),
            ("unevaluatedProperties", #"{"unevaluatedProperties": false}"#,
             { s, g in s.unevaluatedProperties.map { g[$0].booleanValue } == false }),
            ("unevaluatedItems and min/maxContains", #"{"unevaluatedItems": false, "contains": true, "minContains": 2, "maxContains": 5}"#,
             { s, g in s.unevaluatedItems.map { g[$0].booleanValue } == false && s.minContains == 2 && s.maxContains == 5 }),
            ("none written: defaults", #"{"type": "object"}"#,
             { s, _ in s.anchor == nil && s.constValue == nil && s.patternProperties.isEmpty && s.prefixItems.isEmpty
                 && s.dependentRequired.isEmpty && s.ifSchema == nil && s.transitions == nil && s.discriminator == nil }),
        ]
        for row in rows {
            let graph = try XCTUnwrap(ContractFixture(#"{"$defs": {"A": "# + row.schema + "}}").load().value(row.label))
            let schema = try XCTUnwrap(graph.schema(in: "a.json", at: "/$defs/A"), row.label)
            XCTAssertTrue(row.check(schema, graph), row.label)
        }
    }

    /// The box is shared between copies until one of them changes a keyword; the other keeps its value.
    func testCopiesStayIndependent() throws {
        let graph = try XCTUnwrap(ContractFixture(#"{"$defs": {"A": {"$anchor": "first", "minProperties": 2}}}"#).load().value("load"))
        let original = try XCTUnwrap(graph.schema(in: "a.json", at: "/$defs/A"))
        var copy = original
        copy.anchor = "second"
        copy.prefixItems.append(SchemaID(0))
        XCTAssertEqual(original.anchor, "first")
        XCTAssertEqual(original.prefixItems, [])
        XCTAssertEqual(copy.anchor, "second")
        XCTAssertEqual(copy.prefixItems, [SchemaID(0)])
        XCTAssertEqual(copy.minProperties, 2, "changing one rare keyword keeps the others")
    }

    /// Every keyword lives in one box shared by copies (`SchemaBox`): changing a copy's common keywords, in place
    /// or by assignment, leaves the original and the graph as loaded.
    func testCommonKeywordCopiesStayIndependent() throws {
        let graph = try XCTUnwrap(ContractFixture(#"{"$defs": {"A": {"title": "A", "type": "object", "properties": {"x": {"type": "string"}}, "required": ["x"]}}}"#).load().value("load"))
        let original = try XCTUnwrap(graph.schema(in: "a.json", at: "/$defs/A"))
        var copy = original
        copy.title = "B"
        copy.required.append("y")
        copy.properties.removeAll()
        copy.types = [.null]
        XCTAssertEqual(original.title, "A")
        XCTAssertEqual(original.required, ["x"])
        XCTAssertEqual(original.properties.map(\.name), ["x"])
        XCTAssertEqual(original.types, [.object])
        XCTAssertEqual(graph[original.id].title, "A", "the graph's schema is untouched")
        XCTAssertEqual(copy.title, "B")
        XCTAssertEqual(copy.required, ["x", "y"])
        XCTAssertEqual(copy.properties.count, 0)
        XCTAssertEqual(copy.id, original.id)
    }
}
