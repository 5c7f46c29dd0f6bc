import CharterCore

/// One way a value may be, as the data rules judge it: the keywords of every schema that applies to it at once
/// (the schema, what its `$ref`s point at, its `allOf` parts, at any depth) intersected, with one branch of each
/// `anyOf`/`oneOf` on the way.
struct ValueFacets {
    /// The JSON types the value may have (nil: any).
    var types: Set<JSONType>?
    /// The first `format` any applying schema writes.
    var format: String?
    /// The highest `minimum` of the applying schemas.
    var minimum: Double?
    /// The highest `exclusiveMinimum` of the applying schemas.
    var exclusiveMinimum: Double?
    /// Whether an applying schema lists the values (`enum`, `const`) and none is a negative number.
    var listsNoNegative = false

    /// Whether the value may be a JSON number with a fraction (`type` names `number`).
    var mayBeFloat: Bool { types?.contains(.number) == true }
    /// Whether the value may be numeric at all (`number` or `integer`).
    var mayBeNumeric: Bool { types.map { $0.contains(.number) || $0.contains(.integer) } ?? false }
    /// Whether the value may be a decimal number written as a string (`format: decimal`), whose bounds Charter
    /// checks like a number's.
    var mayBeDecimalString: Bool { types?.contains(.string) == true && format == "decimal" }
    /// Whether nothing can match (the types of the applying schemas exclude each other).
    var isImpossible: Bool { types?.isEmpty == true }

    /// Whether the value can be below zero: with no lower bound and no list of its values without a negative one,
    /// a minimum below zero, or an exclusive minimum below zero that still admits a negative value (`exclusiveMinimum: -1` admits none among integers, but -0.5
    /// among numbers).
    var mayBeNegative: Bool {
        if listsNoNegative { return false }
        if let minimum, minimum >= 0 { return false }
        if let exclusiveMinimum {
            if exclusiveMinimum >= 0 { return false }
            if exclusiveMinimum >= -1, types?.contains(.number) == false { return false }
        }
        return true
    }

    /// Adds the constraints of one more schema that applies to the value.
    mutating func add(_ schema: Schema) {
        if schema.booleanValue == false { types = [] }
        if let written = schema.types { types = Self.intersect(types, Set(written)) }
        if format == nil { format = schema.format }
        if let value = schema.minimum?.doubleValue { minimum = Swift.max(minimum ?? value, value) }
        if let value = schema.exclusiveMinimum?.doubleValue { exclusiveMinimum = Swift.max(exclusiveMinimum ?? value, value) }
        if let values = schema.enumValues ?? schema.constValue.map({ [$0] }) {
            if values.allSatisfy({ ($0.number?.doubleValue ?? 0) >= 0 }) { listsNoNegative = true }
            // The listed values say the types too: `{"enum": ["web", "store"]}` is a string.
            types = Self.intersect(types, Set(values.map(Self.jsonType)))
        }
    }

    /// The JSON type of a value (`integer` for a whole number, which is a `number` as well: see ``intersect(_:_:)``).
    static func jsonType(of value: JSONNode) -> JSONType {
        switch value.value {
        case .null: .null
        case .bool: .boolean
        case .number(let number): number.isInteger ? .integer : .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }

    /// Both sets of constraints at once.
    func merged(with other: ValueFacets) -> ValueFacets {
        var result = self
        if let types = other.types { result.types = Self.intersect(result.types, types) }
        if result.format == nil { result.format = other.format }
        if let value = other.minimum { result.minimum = Swift.max(result.minimum ?? value, value) }
        if let value = other.exclusiveMinimum { result.exclusiveMinimum = Swift.max(result.exclusiveMinimum ?? value, value) }
        result.listsNoNegative = result.listsNoNegative || other.listsNoNegative
        return result
    }

    /// The types both allow; `integer` is the part of `number` that is whole.
    static func intersect(_ lhs: Set<JSONType>?, _ rhs: Set<JSONType>) -> Set<JSONType> {
        guard let lhs else { return rhs }
        var result = lhs.intersection(rhs)
        if (lhs.contains(.number) && rhs.contains(.integer)) || (lhs.contains(.integer) && rhs.contains(.number)) { result.insert(.integer) }
        return result
    }
}

extension LintContext {
    /// The ways the value `id` describes may be: one ``ValueFacets`` per combination of `anyOf`/`oneOf` branches
    /// (a schema without unions has one), combinations that nothing can match left out. At most 64 combinations
    /// are kept; a union met again inside itself (a recursive type) counts as unconstrained there. Each schema's
    /// answer is computed once per run, so rules asking about shared types do not repeat the work.
    ///
    /// `if`/`then`/`else` is a union of two branches: the value meets `if` and `then`, or it meets `else` (a branch
    /// left out is unconstrained; what `else` implies about `if` is not modelled).
    func alternatives(_ id: SchemaID) -> [ValueFacets] {
        if let known = alternativesCache[id] { return known }
        guard alternativesInProgress.insert(id).inserted else { return [ValueFacets()] }
        defer { alternativesInProgress.remove(id) }
        var base = ValueFacets()
        // Each union is a list of branches; each branch the schemas a value of it meets at once (none: any value).
        var unions: [[[SchemaID]]] = []
        var pending = [id]
        var seen: Set<SchemaID> = []
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            let schema = graph.schemas[next.rawValue]
            base.add(schema)
            if let ref = schema.ref { pending.append(ref) }
            pending += schema.allOf
            if !schema.anyOf.isEmpty { unions.append(schema.anyOf.map { [$0] }) }
            if !schema.oneOf.isEmpty { unions.append(schema.oneOf.map { [$0] }) }
            if schema.thenSchema != nil || schema.elseSchema != nil {
                unions.append([[schema.ifSchema, schema.thenSchema].compactMap { $0 }, [schema.elseSchema].compactMap { $0 }])
            }
        }
        var result = [base]
        for union in unions {
            result = Self.product(result, union.flatMap(conjunction))
        }
        result.removeAll(where: \.isImpossible)
        alternativesCache[id] = result
        return result
    }

    /// The ways a value meeting every schema of `parts` at once may be (no parts: any value).
    private func conjunction(_ parts: [SchemaID]) -> [ValueFacets] {
        var result = [ValueFacets()]
        for part in parts {
            result = Self.product(result, alternatives(part))
        }
        return result
    }

    /// Every partial result met with every alternative (at most 64 combinations), the impossible ones left out.
    private static func product(_ partials: [ValueFacets], _ alternatives: [ValueFacets]) -> [ValueFacets] {
        var combined: [ValueFacets] = []
        for alternative in alternatives {
            for partial in partials where combined.count < 64 { combined.append(partial.merged(with: alternative)) }
        }
        return combined.filter { !$0.isImpossible }
    }

    /// The schemas that describe values of one named thing: its schema and, at any depth, the items of the arrays
    /// and the values of the maps it may be (`items`, `prefixItems`, `additionalProperties`, `patternProperties`,
    /// `unevaluatedProperties`), through `$ref`, `allOf`, `anyOf`, `oneOf` and `then`/`else`; and, when `wrapped` says
    /// so of a property name, the properties of the objects it may be that hold the value of a wrapper
    /// (`{"value": …, "unit": …}`), one level deep. `skip` leaves a schema (and what is inside it) out.
    ///
    /// Each site comes with the schema a finding about it is reported at (``ValueSite/anchor``): itself when it is
    /// written inside the named thing, or the last such schema before a `$ref` led to it — the items of a shared list
    /// type are reported at the property that uses it, where a suppression or a per-path override for that file
    /// applies, not inside the shared type once per user.
    func valueSites(_ id: SchemaID, wrapped: (String) -> Bool = { _ in false }, skip: (SchemaID) -> Bool) -> [ValueSite] {
        var sites: [ValueSite] = []
        var pending = [ValueSite(schema: id, anchor: id, member: nil)]
        var seenSites: Set<SchemaID> = []
        while let site = pending.popLast() {
            guard seenSites.insert(site.schema).inserted, !skip(site.schema) else { continue }
            sites.append(site)
            var parts: [(id: SchemaID, throughReference: Bool)] = [(site.schema, false)]
            var seenParts: Set<SchemaID> = []
            while let (part, throughReference) = parts.popLast() {
                guard seenParts.insert(part).inserted else { continue }
                let schema = graph.schemas[part.rawValue]
                if let ref = schema.ref { parts.append((ref, true)) }
                for applied in schema.allOf { parts.append((applied, throughReference)) }
                for applied in schema.anyOf { parts.append((applied, throughReference)) }
                for applied in schema.oneOf { parts.append((applied, throughReference)) }
                if let then = schema.thenSchema { parts.append((then, throughReference)) }
                if let otherwise = schema.elseSchema { parts.append((otherwise, throughReference)) }
                func inner(_ child: SchemaID, member: String? = nil) {
                    guard graph.schemas[child.rawValue].booleanValue == nil else { return }
                    pending.append(ValueSite(schema: child, anchor: throughReference ? site.anchor : child, member: member ?? site.member))
                }
                if let items = schema.items { inner(items) }
                schema.prefixItems.forEach { inner($0) }
                if let values = schema.additionalProperties { inner(values) }
                if let values = schema.unevaluatedProperties { inner(values) }
                schema.patternProperties.forEach { inner($0.schema) }
                if site.member == nil {
                    for property in schema.properties where wrapped(property.name) { inner(property.schema, member: property.name) }
                }
            }
        }
        return sites
    }

    /// The anchors of `sites` that `holds` is true of, each once, in the order of the sites.
    func anchors(of sites: [ValueSite], where holds: (ValueSite) -> Bool) -> [ValueSite] {
        var reported: Set<SchemaID> = []
        return sites.filter { site in !reported.contains(site.anchor) && holds(site) && reported.insert(site.anchor).inserted }
    }

    /// Whether `id` is only a reference (`{"$ref": …}`) to a named type that `judgedByName` says the rule judges
    /// itself: the rule reports the type once, not every use of it.
    func isReferenceToJudgedType(_ id: SchemaID, judgedByName: (String) -> Bool) -> Bool {
        let schema = graph.schemas[id.rawValue]
        guard schema.ref != nil, schema.isPureReference else { return false }
        let target = graph.resolved(id)
        return declaredTypeNames[target].map(judgedByName) ?? false
    }
}

/// A schema describing a named value or part of it (see ``LintContext/valueSites(_:wrapped:skip:)``).
struct ValueSite {
    /// The schema judged.
    var schema: SchemaID
    /// Where a finding about it is reported.
    var anchor: SchemaID
    /// The wrapper's property it is the value of (`value` in `{"value": …, "unit": …}`), if it is one.
    var member: String?

    /// The named value's name as a finding shows it: `onHand`, or `onHand.value` for a wrapper's value.
    func shown(_ name: String) -> String {
        member.map { "\(name).\($0)" } ?? name
    }
}
