import CharterCore

/// `constraint-applies`: a validation keyword sits where a value of its kind is.
struct ConstraintAppliesRule: LintRule {
    let id = "constraint-applies"
    let summary = "A validation keyword (minimum, maxLength, pattern, minItems, …) constrains a value that has its type."
    let rationale = "In JSON Schema a keyword only constrains values of its kind: `maxLength` says nothing about a number, `minimum` nothing about a string. On a schema with no `type` it holds only for whichever values happen to be of that kind — every other value passes — and Charter generates such a schema as free-form JSON, so the limit is checked nowhere. On a schema of another type it never applies. Either way a limit someone wrote down is not enforced: declare the type (or move the keyword to the schema it was meant for)."
    let category = LintCategory.data
    let defaultSeverity = Severity.warning
    let failingExample = ExampleContract.make(defs: #""Line": {"title": "Line", "description": "An order line.", "type": "object", "properties": {"quantity": {"minimum": 1}}, "examples": [{"quantity": 2}]}"#)
    let passingExample = ExampleContract.make(defs: #""Line": {"title": "Line", "description": "An order line.", "type": "object", "properties": {"quantity": {"type": "integer", "minimum": 1}}, "examples": [{"quantity": 2}]}"#)

    /// The kinds of value validation keywords constrain.
    enum Kind: String {
        case number, string, array, object

        /// The JSON types of the kind (`integer` is a number).
        var types: Set<JSONType> {
            switch self {
            case .number: [.number, .integer]
            case .string: [.string]
            case .array: [.array]
            case .object: [.object]
            }
        }

        /// What to write to give a schema this kind.
        var typeHint: String { self == .number ? #""type": "number" or "integer""# : #""type": "\#(rawValue)""# }
    }

    /// The validation keywords `schema` writes, with the kind each constrains, in a fixed order.
    static func keywords(of schema: Schema) -> [(keyword: String, kind: Kind)] {
        var written: [(String, Kind)] = []
        if schema.minimum != nil { written.append(("minimum", .number)) }
        if schema.maximum != nil { written.append(("maximum", .number)) }
        if schema.exclusiveMinimum != nil { written.append(("exclusiveMinimum", .number)) }
        if schema.exclusiveMaximum != nil { written.append(("exclusiveMaximum", .number)) }
        if schema.multipleOf != nil { written.append(("multipleOf", .number)) }
        if schema.minLength != nil { written.append(("minLength", .string)) }
        if schema.maxLength != nil { written.append(("maxLength", .string)) }
        if schema.pattern != nil { written.append(("pattern", .string)) }
        if schema.minItems != nil { written.append(("minItems", .array)) }
        if schema.maxItems != nil { written.append(("maxItems", .array)) }
        if schema.uniqueItems { written.append(("uniqueItems", .array)) }
        if schema.minProperties != nil { written.append(("minProperties", .object)) }
        if schema.maxProperties != nil { written.append(("maxProperties", .object)) }
        return written
    }

    func check(_ context: LintContext) {
        let graph = context.graph
        // A schema applied in place (an allOf, anyOf or oneOf part; not, if, then, else; a dependent schema) describes
        // the value of the schema around it: that schema's type is the one its keywords meet.
        var enclosing: [SchemaID: SchemaID] = [:]
        // A `propertyNames` schema describes names, which are strings whatever it says.
        var names: Set<SchemaID> = []
        for id in context.schemaObjects {
            let schema = graph.schemas[id.rawValue]
            if let propertyNames = schema.propertyNames { names.insert(propertyNames) }
            for part in schema.allOf where enclosing[part] == nil { enclosing[part] = id }
            for part in schema.anyOf where enclosing[part] == nil { enclosing[part] = id }
            for part in schema.oneOf where enclosing[part] == nil { enclosing[part] = id }
            for part in schema.dependentSchemas where enclosing[part.schema] == nil { enclosing[part.schema] = id }
            for part in [schema.not, schema.ifSchema, schema.thenSchema, schema.elseSchema] {
                if let part, enclosing[part] == nil { enclosing[part] = id }
            }
        }
        for id in context.schemaObjects {
            let schema = graph.schemas[id.rawValue]
            let written = Self.keywords(of: schema)
            guard !written.isEmpty else { continue }
            let types = effectiveTypes(id, context, enclosing, names: names)
            if let types, written.allSatisfy({ !types.isDisjoint(with: $0.kind.types) }) { continue }
            let document = graph.documents[schema.document.rawValue]
            for (keyword, kind) in written {
                let pointer = schema.location.pointer.appending(keyword)
                let position = schema.node.object?[keyword]?.position ?? schema.location.position ?? .start
                guard let types else {
                    context.report(
                        "\(keyword) constrains \(kind.rawValue)s, but this schema does not say the value is one: any other value passes, and generated code checks it nowhere",
                        in: document, at: pointer, position: position, hint: "add \(kind.typeHint)")
                    continue
                }
                if types.isDisjoint(with: kind.types) {
                    let named = types.map(\.rawValue).sorted().joined(separator: " or ")
                    context.report(
                        "\(keyword) constrains \(kind.rawValue)s, but the value is \(Self.article(named)) \(named): it never applies",
                        in: document, at: pointer, position: position, hint: "remove it, or move it to the schema it was meant for")
                }
            }
        }
    }

    /// The JSON types the value `id` describes may have, from the schema, what it references and applies in place,
    /// and — when that leaves them open — the schemas it is applied inside; nil when nothing says.
    func effectiveTypes(_ id: SchemaID, _ context: LintContext, _ enclosing: [SchemaID: SchemaID], names: Set<SchemaID>) -> Set<JSONType>? {
        var current: SchemaID? = id
        var visited: Set<SchemaID> = []
        while let next = current, visited.insert(next).inserted {
            if names.contains(next) { return [.string] }
            // Most schemas say their type and apply nothing else: that type is the answer.
            let schema = context.graph.schemas[next.rawValue]
            if let written = schema.types, schema.ref == nil, schema.allOf.isEmpty, schema.anyOf.isEmpty, schema.oneOf.isEmpty {
                return Set(written)
            }
            let alternatives = context.alternatives(next)
            if !alternatives.isEmpty, alternatives.allSatisfy({ $0.types != nil }) {
                return alternatives.reduce(into: Set<JSONType>()) { $0.formUnion($1.types ?? []) }
            }
            current = enclosing[next]
        }
        return nil
    }

    /// "an" before a vowel sound, else "a".
    static func article(_ word: String) -> String {
        word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }
}
