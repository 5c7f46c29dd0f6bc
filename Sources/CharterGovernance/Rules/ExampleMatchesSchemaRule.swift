import CharterCore

/// `example-matches-schema`: every `examples` entry (OpenAPI's `example` too), `default` and `const` is a value its own
/// schema accepts.
struct ExampleMatchesSchemaRule: LintRule {
    let id = "example-matches-schema"
    let summary = "Every examples entry, default and const is valid against its own schema (formats generated code types included)."
    let rationale = "Examples are documentation consumers copy into requests and tests, and test data Charter's own tests decode through the generated code; a default is what a reader assumes when the value is absent. One that breaks its schema — a `uuid` that is not a UUID, a string its `pattern` refuses, a number where the schema says string, a value outside the `enum`, a missing required property — teaches the wrong wire format and fails the first time it is sent. Each is validated as JSON Schema 2020-12 reads it, through `$ref`s into other files, with the formats generated code gives a type (`date-time`, `date`, `uuid`, `uri`, `decimal`, `int32`, `int64`) and `email` asserted; the finding points at the offending value inside the example."
    let category = LintCategory.data
    let defaultSeverity = Severity.error
    let failingExample = ExampleContract.make(defs: #""Reservation": {"title": "Reservation", "description": "A stock reservation.", "type": "object", "required": ["reservationId", "quantity"], "properties": {"reservationId": {"type": "string", "format": "uuid"}, "quantity": {"type": "integer", "minimum": 1}, "channel": {"type": "string", "enum": ["web", "store"]}}, "examples": [{"reservationId": "R-1", "quantity": "2", "channel": "phone"}]}"#)
    let passingExample = ExampleContract.make(defs: #""Reservation": {"title": "Reservation", "description": "A stock reservation.", "type": "object", "required": ["reservationId", "quantity"], "properties": {"reservationId": {"type": "string", "format": "uuid"}, "quantity": {"type": "integer", "minimum": 1}, "channel": {"type": "string", "enum": ["web", "store"]}}, "examples": [{"reservationId": "0b7e3f9a-5c1d-4e8b-9f2a-6d4c3b2a1908", "quantity": 2, "channel": "web"}]}"#)

    func check(_ context: LintContext) {
        let graph = context.graph
        let validator = InstanceValidator(graph: graph)
        for id in context.schemaObjects {
            let schema = graph.schemas[id.rawValue]
            let constant = schema.hasRareKeywords ? schema.constValue : nil
            guard !schema.examples.isEmpty || schema.defaultValue != nil || constant != nil else { continue }
            let document = graph.documents[schema.document.rawValue]
            for (name, written, value) in Self.instances(of: schema, constant: constant) {
                for problem in validator.problems(of: value, against: id) {
                    let at = problem.pointer.isRoot ? "" : " at \(problem.pointer)"
                    context.report("\(name) is invalid\(at) (\(problem.keyword)): \(problem.message)\(Self.elsewhere(problem, from: schema, in: graph))",
                                   in: document, at: JSONPointer(tokens: written.tokens + problem.pointer.tokens), position: problem.position, hint: Self.hint)
                }
            }
        }
    }

    static let hint = "correct the value, or the schema if the value is one it must accept"

    /// ` (pattern of common/common-v1.json#/$defs/Money/properties/amount)` when the failing keyword is written in another
    /// file than the value (reached through a `$ref`), so the reader knows where to look; nothing otherwise.
    private static func elsewhere(_ problem: InstanceProblem, from schema: Schema, in graph: SchemaGraph) -> String {
        let owner = graph.schemas[problem.schema.rawValue]
        guard owner.document != schema.document else { return "" }
        return " (\(problem.keyword) of \(graph.documents[owner.document.rawValue].rootRelativePath)\(owner.location.pointer.uriFragment))"
    }

    /// The values a schema shows, each with how a message names it and where it is written.
    private static func instances(of schema: Schema, constant: JSONNode?) -> [(name: String, pointer: JSONPointer, value: JSONNode)] {
        var instances: [(String, JSONPointer, JSONNode)] = []
        let base = schema.location.pointer
        // OpenAPI's singular `example` is read only when there is no `examples`.
        if schema.node.object?["examples"] != nil {
            for (index, example) in schema.examples.enumerated() { instances.append(("example \(index)", base.appending("examples", String(index)), example)) }
        } else if let example = schema.examples.first {
            instances.append(("example", base.appending("example"), example))
        }
        if let value = schema.defaultValue { instances.append(("default", base.appending("default"), value)) }
        if let constant { instances.append(("const", base.appending("const"), constant)) }
        return instances
    }
}
