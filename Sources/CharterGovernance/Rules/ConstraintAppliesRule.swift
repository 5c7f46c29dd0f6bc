import CharterCore

/// `constraint-applies`: a validation keyword sits where a value of its kind is.
struct ConstraintAppliesRule: LintRule {
    let id = "constraint-applies"
    let summary = "A validation keyword (minimum, maxLength, pattern, minItems, …) constrains a value that has its type."
    let rationale = "In JSON Schema a keyword only constrains values of its kind: `maxLength` says nothing about a number, `minimum` nothing about a string. On a schema with no `type` it holds only for whichever values happen to be of that kind — every other value passes, and the generated Swift is free-form JSON rather than the typed value the limit was meant for. On a schema of another type it never applies. Either way the limit someone wrote down does not say what they meant: declare the type (or move the keyword to the schema it was meant for). The type may come from a `$ref`, an `allOf` part, the schema a part is applied inside, the same property in another part of a composed object, or the schemas that reference a mixin; bounds on a `format: decimal` string apply (Charter checks them by the decimal's value)."
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
        // Built only when a schema does not say its type plainly (most do).
        var relations: Relations?
        for id in context.schemaObjects {
            let schema = graph.schemas[id.rawValue]
            let written = Self.keywords(of: schema)
            guard !written.isEmpty else { continue }
            let types: Set<JSONType>?
            if let plain = Relations.plainTypes(schema) {
                types = plain
            } else {
                if relations == nil { relations = Relations(context) }
                var visited: Set<SchemaID> = []
                types = relations!.types(of: id, &visited)
            }
            // Charter checks bounds on a decimal string by its value (`{"type": "string", "format": "decimal", "minimum": 0}`).
            let decimal = schema.format == "decimal" || context.alternatives(id).contains { $0.format == "decimal" }
            func applies(_ kind: Kind, _ types: Set<JSONType>) -> Bool { !types.isDisjoint(with: kind.types) || (kind == .number && decimal) }
            if let types, written.allSatisfy({ applies($0.kind, types) }) { continue }
            let document = graph.documents[schema.document.rawValue]
            for (keyword, kind) in written {
                let pointer = schema.location.pointer.appending(keyword)
                let position = schema.node.object?[keyword]?.position ?? schema.location.position ?? .start
                guard let types else {
                    context.report(
                        "\(keyword) constrains \(kind.rawValue)s, but this schema does not say the value is one: it holds only for values of that kind, and any other value passes",
                        in: document, at: pointer, position: position, hint: "add \(kind.typeHint)")
                    continue
                }
                if !applies(kind, types) {
                    let named = types.map(\.rawValue).sorted().joined(separator: " or ")
                    context.report(
                        "\(keyword) constrains \(kind.rawValue)s, but the value is \(Self.article(named)) \(named): it never applies",
                        in: document, at: pointer, position: position, hint: "remove it, or move it to the schema it was meant for")
                }
            }
        }
    }

    /// Where a schema's type may come from when it does not say one itself.
    struct Relations {
        let context: LintContext
        /// The schema a part is applied in place of (an allOf, anyOf or oneOf part; not, if, then, else; a dependent schema).
        var enclosing: [SchemaID: SchemaID] = [:]
        /// The object and name a property's schema is written under.
        var propertyOf: [SchemaID: (owner: SchemaID, name: String)] = [:]
        /// The schemas that `$ref` a schema.
        var referrers: [SchemaID: [SchemaID]] = [:]
        /// `propertyNames` schemas: they describe names, which are strings whatever they say.
        var names: Set<SchemaID> = []
        /// The `if` of each `then`: a `then` applies only to values its `if` admits.
        var conditions: [SchemaID: SchemaID] = [:]

        init(_ context: LintContext) {
            self.context = context
            let graph = context.graph
            for id in context.schemaObjects {
                let schema = graph.schemas[id.rawValue]
                if let propertyNames = schema.propertyNames { names.insert(propertyNames) }
                if let then = schema.thenSchema, let condition = schema.ifSchema, conditions[then] == nil { conditions[then] = condition }
                for part in schema.allOf where enclosing[part] == nil { enclosing[part] = id }
                for part in schema.anyOf where enclosing[part] == nil { enclosing[part] = id }
                for part in schema.oneOf where enclosing[part] == nil { enclosing[part] = id }
                for part in schema.dependentSchemas where enclosing[part.schema] == nil { enclosing[part.schema] = id }
                for part in [schema.not, schema.ifSchema, schema.thenSchema, schema.elseSchema] {
                    if let part, enclosing[part] == nil { enclosing[part] = id }
                }
                for property in schema.properties where propertyOf[property.schema] == nil { propertyOf[property.schema] = (id, property.name) }
                if let target = schema.ref { referrers[target, default: []].append(id) }
            }
        }

        /// The types of a schema that says its type and applies nothing else (most do); nil otherwise. A `propertyNames`
        /// schema is not one of them: its type is its names', asked of ``types(of:_:)``.
        static func plainTypes(_ schema: Schema) -> Set<JSONType>? {
            guard let written = schema.types, schema.ref == nil, schema.allOf.isEmpty, schema.anyOf.isEmpty, schema.oneOf.isEmpty else { return nil }
            return Set(written)
        }

        /// The JSON types the value `id` describes may have: from the schema, what it references and applies in place;
        /// when that leaves them open, from the schema it is applied inside, from the same property in the other parts
        /// of a composed object (`"allOf": [{"$ref": "#/$defs/Base"}, {"properties": {"amount": {"maximum": 100}}}]`),
        /// or from the schemas that reference it (a mixin such as `{"minimum": 0, "maximum": 100}`); nil when nothing says.
        func types(of id: SchemaID, _ visited: inout Set<SchemaID>) -> Set<JSONType>? {
            guard visited.insert(id).inserted else { return nil }
            if names.contains(id) { return [.string] }
            if let plain = Self.plainTypes(context.graph.schemas[id.rawValue]) { return plain }
            let alternatives = context.alternatives(id)
            if !alternatives.isEmpty, alternatives.allSatisfy({ $0.types != nil }) {
                return alternatives.reduce(into: Set<JSONType>()) { $0.formUnion($1.types ?? []) }
            }
            if let condition = conditions[id], let types = types(of: condition, &visited) { return types }
            if let outer = enclosing[id], let types = types(of: outer, &visited) { return types }
            if let (owner, name) = propertyOf[id] {
                var found: Set<JSONType>?
                for part in context.allOfParts(enclosing[owner] ?? owner) {
                    for property in part.properties where property.name == name && property.schema != id {
                        if let types = types(of: property.schema, &visited) { found = (found ?? []).union(types) }
                    }
                }
                if let found { return found }
            }
            var fromReferrers: Set<JSONType>?
            for referrer in referrers[id] ?? [] {
                if let types = types(of: referrer, &visited) { fromReferrers = (fromReferrers ?? []).union(types) }
            }
            return fromReferrers
        }
    }

    /// "an" before a vowel sound, else "a".
    static func article(_ word: String) -> String {
        word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }
}
