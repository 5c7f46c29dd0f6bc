import CharterCore

/// What constrains a schema's values with its inline `allOf` parts folded in: `{"allOf": [{"$ref": "#/$defs/Money"},
/// {"maximum": 100}]}` has a maximum of 100. Every part applies at once, so the checks compare what they would compare
/// if the schema said it all itself: types intersect (`integer` is within `number`), enums intersect, the first `const`,
/// `format`, `default`, `x-transitions`, `items` and `additionalProperties` schema stand, each length or count keeps its tightest value, and every
/// numeric bound, pattern and `multipleOf` is kept (each must hold). A part that is a named type is not folded in: it is compared once, as a
/// named type. Each value remembers the schema that writes it, so a change is located at that keyword.
///
/// A class: the checks ask for the same pair's constraints several times each, and a cached reference is handed out
/// without copying.
final class EffectiveConstraints {
    /// A keyword's value and the schema (the schema itself, or one of its parts) that writes it.
    struct Sourced<Value> {
        var value: Value
        var schema: SchemaID
    }

    /// The schemas folded in: the schema itself first, then its inline parts, depth first.
    let parts: [SchemaID]
    /// The JSON types a value may take (`null` included), by name; nil when no part says.
    private(set) var types: Sourced<Set<String>>?
    /// The values an `enum` allows (`null` included), those of every part's enum; nil without one.
    private(set) var enumValues: Sourced<[JSONNode]>?
    /// The first `const`.
    private(set) var constValue: Sourced<JSONNode>?
    /// The first `format`.
    private(set) var format: Sourced<String>?
    /// The greatest `minLength`, `minItems` and `minProperties`, and the least of their maxima.
    private(set) var minLength: Sourced<Int>?
    private(set) var maxLength: Sourced<Int>?
    private(set) var minItems: Sourced<Int>?
    private(set) var maxItems: Sourced<Int>?
    private(set) var minProperties: Sourced<Int>?
    private(set) var maxProperties: Sourced<Int>?
    /// Every numeric lower bound (`minimum`, `exclusiveMinimum`) with its keyword, and every upper bound.
    private(set) var lowerBounds: [Sourced<(keyword: String, number: JSONNumber)>] = []
    private(set) var upperBounds: [Sourced<(keyword: String, number: JSONNumber)>] = []
    /// Every `pattern`, each once.
    private(set) var patterns: [Sourced<String>] = []
    /// Every `multipleOf`, each value once.
    private(set) var multipleOf: [Sourced<JSONNumber>] = []
    /// The first part that requires unique items.
    private(set) var uniqueItems: SchemaID?
    /// The first `items` schema and the first `additionalProperties` that is a schema (not a boolean): the ones the
    /// walker descends into.
    private(set) var items: Sourced<SchemaID>?
    private(set) var additionalProperties: Sourced<SchemaID>?
    /// The first `default`.
    private(set) var defaultValue: Sourced<JSONNode>?
    /// The first status machine (`x-transitions`).
    private(set) var transitions: Sourced<[(from: String, to: [String])]>?

    /// The constraints of `id` in `graph`; `isNamed` says which schemas are named types (not folded in).
    init(_ graph: SchemaGraph, _ id: SchemaID, isNamed: (SchemaID) -> Bool) {
        parts = Self.parts(graph, id, isNamed: isNamed)
        for part in parts { fold(graph.schemas[part.rawValue], in: graph) }
    }

    /// `id`, then what it folds in, depth first: each `allOf` member, and the target of a `$ref` written beside other
    /// keywords, unless it is a named type (a part met twice, or past 32 levels, is left out).
    private static func parts(_ graph: SchemaGraph, _ id: SchemaID, isNamed: (SchemaID) -> Bool) -> [SchemaID] {
        // Most schemas fold nothing in.
        let schema = graph.schemas[id.rawValue]
        if schema.allOf.isEmpty, schema.ref.map({ isNamed(graph.resolved($0)) }) ?? true { return [id] }
        var parts = [id]
        var seen: Set<SchemaID> = [id]
        func visit(_ schema: SchemaID, depth: Int) {
            guard depth < 32 else { return }
            let written = graph.schemas[schema.rawValue]
            for member in written.allOf + (written.ref.map { [$0] } ?? []) {
                let part = graph.resolved(member)
                guard graph.schemas[part.rawValue].booleanValue == nil, !isNamed(part), seen.insert(part).inserted else { continue }
                parts.append(part)
                visit(part, depth: depth + 1)
            }
        }
        visit(id, depth: 0)
        return parts
    }

    private func fold(_ schema: Schema, in graph: SchemaGraph) {
        let id = schema.id
        if let written = schema.types {
            let names = Self.typeNames(written)
            types = types.map { Sourced(value: Self.intersect($0.value, names), schema: $0.schema) } ?? Sourced(value: names, schema: id)
        }
        if let values = schema.enumValues {
            enumValues = enumValues.map { known in
                Sourced(value: known.value.filter { value in values.contains { $0.value == value.value } }, schema: known.schema)
            } ?? Sourced(value: values, schema: id)
        }
        if constValue == nil, let value = schema.constValue { constValue = Sourced(value: value, schema: id) }
        if format == nil, let value = schema.format { format = Sourced(value: value, schema: id) }
        Self.keep(&minLength, schema.minLength, id, greatest: true)
        Self.keep(&maxLength, schema.maxLength, id, greatest: false)
        Self.keep(&minItems, schema.minItems, id, greatest: true)
        Self.keep(&maxItems, schema.maxItems, id, greatest: false)
        Self.keep(&minProperties, schema.minProperties, id, greatest: true)
        Self.keep(&maxProperties, schema.maxProperties, id, greatest: false)
        // Written out rather than looped over a literal array: this runs for every schema a diff compares.
        if let number = schema.minimum { lowerBounds.append(Sourced(value: ("minimum", number), schema: id)) }
        if let number = schema.exclusiveMinimum { lowerBounds.append(Sourced(value: ("exclusiveMinimum", number), schema: id)) }
        if let number = schema.maximum { upperBounds.append(Sourced(value: ("maximum", number), schema: id)) }
        if let number = schema.exclusiveMaximum { upperBounds.append(Sourced(value: ("exclusiveMaximum", number), schema: id)) }
        if let pattern = schema.pattern, !patterns.contains(where: { $0.value == pattern }) { patterns.append(Sourced(value: pattern, schema: id)) }
        if let divisor = schema.multipleOf, !multipleOf.contains(where: { $0.value == divisor }) { multipleOf.append(Sourced(value: divisor, schema: id)) }
        if uniqueItems == nil, schema.uniqueItems { uniqueItems = id }
        if items == nil, let value = schema.items { items = Sourced(value: value, schema: id) }
        if additionalProperties == nil, let value = schema.additionalProperties, graph.schemas[value.rawValue].booleanValue == nil {
            additionalProperties = Sourced(value: value, schema: id)
        }
        if defaultValue == nil, let value = schema.defaultValue { defaultValue = Sourced(value: value, schema: id) }
        if transitions == nil, let value = schema.transitions { transitions = Sourced(value: value, schema: id) }
    }

    /// The names of `types` as a set, shared: one set for each combination of the seven JSON types, made once.
    static func typeNames(_ types: [JSONType]) -> Set<String> {
        var mask = 0
        for type in types { mask |= 1 << allTypes.firstIndex(of: type)! }
        return typeNameSets[mask]
    }

    private static let allTypes = JSONType.allCases
    private static let typeNameSets: [Set<String>] = (0..<(1 << allTypes.count)).map { mask in
        Set(allTypes.indices.filter { mask & (1 << $0) != 0 }.map { allTypes[$0].rawValue })
    }

    /// Keeps the tighter of `current` and `value`: the greatest of lower bounds, the least of upper ones.
    private static func keep(_ current: inout Sourced<Int>?, _ value: Int?, _ id: SchemaID, greatest: Bool) {
        guard let value else { return }
        if let known = current?.value, greatest ? known >= value : known <= value { return }
        current = Sourced(value: value, schema: id)
    }

    /// The types both allow, by name; `integer` is the part of `number` that is whole.
    static func intersect(_ lhs: Set<String>, _ rhs: Set<String>) -> Set<String> {
        var result = lhs.intersection(rhs)
        if (lhs.contains("number") && rhs.contains("integer")) || (lhs.contains("integer") && rhs.contains("number")) { result.insert("integer") }
        return result
    }

    /// Whether any length, count, bound, pattern, divisor or uniqueness applies (most schemas: none).
    var hasConstraints: Bool {
        minLength != nil || maxLength != nil || minItems != nil || maxItems != nil || minProperties != nil || maxProperties != nil
            || !lowerBounds.isEmpty || !upperBounds.isEmpty || !patterns.isEmpty || !multipleOf.isEmpty || uniqueItems != nil
    }
}
