/// The effective shape of a schema once `allOf` members and a `$ref` with sibling keywords are folded
/// into one: what a generator needs to decide the type, without caring how the contract composed it.
///
/// A class, immutable once built: the translator computes each schema's view once, caches it and hands it
/// to many readers, and a reference costs one retain where a copy of this many fields cost a dozen. Lint rules
/// that must see a schema as its instances do (`event-ordering-key`) build it too.
///
/// Its stored properties are unchecked for exclusivity at run time (`@exclusivity(unchecked)`): they are written
/// only while the view is built and read after, and a checked class property cost a call into the runtime's
/// access set on every read.
package final class MergedSchema {
    /// The schema the view was built from.
    package let origin: SchemaID
    /// Every schema the view was built from (the parts that must all hold), in order; ``origin`` is the first.
    package let roots: [SchemaID]
    /// Intersection of every `type` seen (nil: unconstrained).
    @exclusivity(unchecked) package private(set) var types: [JSONType]?
    /// Properties by name, in first-seen order; each with the schema that wins.
    @exclusivity(unchecked) package private(set) var properties: [(name: String, schema: SchemaID)] = []
    /// For a property declared by more than one part (`allOf` members, a `$ref` and its siblings): every
    /// schema declaring it, in order. Its value must meet them all.
    @exclusivity(unchecked) package private(set) var propertyParts: [String: [SchemaID]] = [:]
    /// Union of every `required`.
    @exclusivity(unchecked) package private(set) var required: Set<String> = []
    /// The first `additionalProperties` seen.
    @exclusivity(unchecked) private(set) var additionalProperties: SchemaID?
    /// Every `patternProperties` entry.
    @exclusivity(unchecked) private(set) var patternProperties: [NamedSchema] = []
    /// The first `items` seen.
    @exclusivity(unchecked) private(set) var items: SchemaID?
    /// The first `prefixItems` seen.
    @exclusivity(unchecked) private(set) var prefixItems: [SchemaID] = []
    /// The first `enum` seen.
    @exclusivity(unchecked) package private(set) var enumValues: [JSONNode]?
    /// The first `const` seen.
    @exclusivity(unchecked) package private(set) var constValue: JSONNode?
    /// The first `format` seen.
    @exclusivity(unchecked) private(set) var format: String?
    /// The first `oneOf` or `anyOf` seen.
    @exclusivity(unchecked) private(set) var alternatives: [SchemaID] = []
    /// The schema that holds ``alternatives``.
    @exclusivity(unchecked) private(set) var alternativesOwner: SchemaID?
    /// Every `anyOf` and `oneOf` of every part, in the order seen (`exactlyOne` for a `oneOf`).
    @exclusivity(unchecked) package private(set) var alternativeGroups: [(exactlyOne: Bool, schemas: [SchemaID])] = []
    /// The first discriminator seen.
    @exclusivity(unchecked) private(set) var discriminator: SchemaDiscriminator?
    /// Constraints of every part, the tightest value of each keyword.
    @exclusivity(unchecked) private(set) var constraints = IRConstraints()
    /// Schemas whose `multipleOf` could not be combined with the others' into one divisor (not checked).
    @exclusivity(unchecked) private(set) var uncombinedMultipleOf: [SchemaID] = []
    /// The schema each numeric bound in ``constraints`` was taken from (keyword → schema; for a combined
    /// `multipleOf`, the first), so a problem with the bound can be reported where it is written.
    @exclusivity(unchecked) private(set) var constraintSources: [String: SchemaID] = [:]
    /// The first `x-transitions` seen.
    @exclusivity(unchecked) private(set) var transitions: [(from: String, to: [String])]?
    /// Whether any member says `false` (nothing validates).
    @exclusivity(unchecked) private(set) var isFalse = false
    /// Whether any part is deprecated.
    @exclusivity(unchecked) private(set) var deprecated = false

    /// Whether the view constrains nothing at all.
    var isUnconstrained: Bool {
        types == nil && properties.isEmpty && additionalProperties == nil && patternProperties.isEmpty && items == nil
            && prefixItems.isEmpty && enumValues == nil && constValue == nil && alternatives.isEmpty && format == nil
            && required.isEmpty
    }

    /// Builds the merged view of `id` in `graph`: the schema itself first, then (depth first, in order)
    /// its `$ref` target and its `allOf` members — with an explicit stack, so chains of any length are safe.
    package convenience init(_ id: SchemaID, in graph: SchemaGraph) {
        self.init(all: [id], in: graph)
    }

    /// Builds one view of several schemas that must all hold (the parts of a property that several `allOf`
    /// members declare), each folded with its `$ref` target and `allOf` members, in order.
    package init(all roots: [SchemaID], in graph: SchemaGraph) {
        origin = roots[0]
        self.roots = roots
        // Most schemas have neither a `$ref` nor `allOf`: the view is the schema itself, no walk needed.
        if roots.count == 1, graph[origin].ref == nil && graph[origin].allOf.isEmpty {
            fold(graph[origin], isRoot: true, graph)
            return
        }
        var visited: Set<SchemaID> = []
        for root in roots { walk(root, visited: &visited, graph) }
    }

    /// The view of one alternative of `outer`'s `oneOf`/`anyOf` with what `outer` says beside the alternatives
    /// (its properties, `required` and content model, also from its `allOf` members and `$ref`) folded in first:
    /// a value of the alternative is a value of `outer`, so it has the shared properties too.
    package init(alternative: SchemaID, sharing outer: MergedSchema, in graph: SchemaGraph) {
        origin = alternative
        roots = [alternative] + outer.roots
        types = outer.types
        properties = outer.properties
        propertyParts = outer.propertyParts
        required = outer.required
        additionalProperties = outer.additionalProperties
        patternProperties = outer.patternProperties
        constraints.minProperties = outer.constraints.minProperties
        constraints.maxProperties = outer.constraints.maxProperties
        var visited: Set<SchemaID> = []
        walk(alternative, visited: &visited, graph)
    }

    /// Folds `root`, then (depth first, in order) its `$ref` target and `allOf` members, skipping schemas
    /// already folded — with an explicit stack, so chains of any length are safe.
    private func walk(_ root: SchemaID, visited: inout Set<SchemaID>, _ graph: SchemaGraph) {
        var stack: [SchemaID] = [root]
        while let next = stack.popLast() {
            guard visited.insert(next).inserted else { continue }
            let s = graph[next]
            fold(s, isRoot: next == root, graph)
            if s.booleanValue == nil {
                stack.append(contentsOf: s.allOf.reversed())
                if let target = s.ref { stack.append(target) }
            }
        }
    }

    /// Whether the view says anything about an object's members beside its alternatives (what each alternative
    /// must then share).
    var hasSharedMembers: Bool {
        !properties.isEmpty || !required.isEmpty || !patternProperties.isEmpty || additionalProperties != nil
    }

    private func fold(_ s: Schema, isRoot: Bool, _ graph: SchemaGraph) {
        if let value = s.booleanValue {
            if !value { isFalse = true }
            return
        }
        if let t = s.types {
            types = types.map { existing in Self.intersect(existing, t) } ?? t
        }
        for property in s.properties {
            if let index = properties.firstIndex(where: { $0.name == property.name }) {
                propertyParts[property.name, default: [properties[index].schema]].append(property.schema)
                properties[index].schema = Self.preferred(properties[index].schema, property.schema, graph)
            } else {
                properties.append((property.name, property.schema))
            }
        }
        required.formUnion(s.required)
        if additionalProperties == nil { additionalProperties = s.additionalProperties ?? s.unevaluatedProperties }
        patternProperties += s.patternProperties
        if items == nil { items = s.items }
        if prefixItems.isEmpty { prefixItems = s.prefixItems }
        if enumValues == nil { enumValues = s.enumValues }
        if constValue == nil { constValue = s.constValue }
        if format == nil { format = s.format }
        if alternatives.isEmpty, !(s.oneOf.isEmpty && s.anyOf.isEmpty) {
            alternatives = s.oneOf.isEmpty ? s.anyOf : s.oneOf
            alternativesOwner = s.id
        }
        if !s.anyOf.isEmpty { alternativeGroups.append((false, s.anyOf)) }
        if !s.oneOf.isEmpty { alternativeGroups.append((true, s.oneOf)) }
        if discriminator == nil { discriminator = s.discriminator }
        if transitions == nil { transitions = s.transitions }
        if s.deprecated && isRoot { deprecated = true }
        mergeConstraints(s)
    }

    /// Folds a schema's constraints into the view: every constraint of every part applies, so each keyword
    /// keeps its tightest value (the greatest lower bound, the least upper bound, every pattern, the least
    /// common multiple of the divisors).
    private func mergeConstraints(_ s: Schema) {
        constraints.minLength = Self.greater(constraints.minLength, s.minLength)
        constraints.maxLength = Self.lesser(constraints.maxLength, s.maxLength)
        if let pattern = s.pattern, !constraints.patterns.contains(pattern) { constraints.patterns.append(pattern) }
        tighten(\.minimum, "minimum", s.minimum, from: s, keepGreater: true)
        tighten(\.maximum, "maximum", s.maximum, from: s, keepGreater: false)
        tighten(\.exclusiveMinimum, "exclusiveMinimum", s.exclusiveMinimum, from: s, keepGreater: true)
        tighten(\.exclusiveMaximum, "exclusiveMaximum", s.exclusiveMaximum, from: s, keepGreater: false)
        if let divisor = s.multipleOf {
            if let current = constraints.multipleOf, current != divisor {
                if let common = JSONNumber.leastCommonMultiple(current, divisor) {
                    constraints.multipleOf = common
                } else {
                    uncombinedMultipleOf.append(s.id)
                }
            } else if constraints.multipleOf == nil {
                constraints.multipleOf = divisor
                constraintSources["multipleOf"] = s.id
            }
        }
        constraints.minItems = Self.greater(constraints.minItems, s.minItems)
        constraints.maxItems = Self.lesser(constraints.maxItems, s.maxItems)
        constraints.uniqueItems = constraints.uniqueItems || s.uniqueItems
        constraints.minProperties = Self.greater(constraints.minProperties, s.minProperties)
        constraints.maxProperties = Self.lesser(constraints.maxProperties, s.maxProperties)
    }

    private func tighten(
        _ key: WritableKeyPath<IRConstraints, JSONNumber?>, _ keyword: String, _ value: JSONNumber?, from s: Schema, keepGreater: Bool
    ) {
        guard let value else { return }
        if let current = constraints[keyPath: key], JSONNumber.compare(value, current) * (keepGreater ? 1 : -1) <= 0 { return }
        constraints[keyPath: key] = value
        constraintSources[keyword] = s.id
    }

    private static func greater(_ a: Int?, _ b: Int?) -> Int? { a.map { x in b.map { max(x, $0) } ?? x } ?? b }
    private static func lesser(_ a: Int?, _ b: Int?) -> Int? { a.map { x in b.map { min(x, $0) } ?? x } ?? b }

    /// `integer` is a subset of `number`; otherwise plain intersection.
    static func intersect(_ a: [JSONType], _ b: [JSONType]) -> [JSONType] {
        var result: [JSONType] = []
        for type in a {
            if b.contains(type) {
                result.append(type)
            } else if type == .number && b.contains(.integer) {
                result.append(.integer)
            } else if type == .integer && b.contains(.number) {
                result.append(.integer)
            }
        }
        return result
    }

    /// When two `allOf` members declare the same property: the one that says more wins (a `const` or
    /// `enum` over a plain type, anything over an unconstrained schema), else the later (derived) one.
    static func preferred(_ first: SchemaID, _ second: SchemaID, _ graph: SchemaGraph) -> SchemaID {
        let a = graph[graph.resolved(first)]
        let b = graph[graph.resolved(second)]
        if b.isUnconstrained { return first }
        if a.isUnconstrained { return second }
        let aSpecific = a.constValue != nil || a.enumValues != nil
        let bSpecific = b.constValue != nil || b.enumValues != nil
        if aSpecific && !bSpecific { return first }
        return second
    }
}
