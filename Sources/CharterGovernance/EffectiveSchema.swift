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
        if let values = schema.enumValues ?? schema.constValue.map({ [$0] }), values.allSatisfy({ ($0.number?.doubleValue ?? 0) >= 0 }) {
            listsNoNegative = true
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
    func alternatives(_ id: SchemaID) -> [ValueFacets] {
        if let known = alternativesCache[id] { return known }
        guard alternativesInProgress.insert(id).inserted else { return [ValueFacets()] }
        defer { alternativesInProgress.remove(id) }
        var base = ValueFacets()
        var unions: [[SchemaID]] = []
        var pending = [id]
        var seen: Set<SchemaID> = []
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            let schema = graph.schemas[next.rawValue]
            base.add(schema)
            if let ref = schema.ref { pending.append(ref) }
            pending += schema.allOf
            if !schema.anyOf.isEmpty { unions.append(schema.anyOf) }
            if !schema.oneOf.isEmpty { unions.append(schema.oneOf) }
        }
        var result = [base]
        for union in unions {
            var combined: [ValueFacets] = []
            for branch in union {
                for alternative in alternatives(branch) {
                    for partial in result where combined.count < 64 { combined.append(partial.merged(with: alternative)) }
                }
            }
            result = combined.filter { !$0.isImpossible }
        }
        result.removeAll(where: \.isImpossible)
        alternativesCache[id] = result
        return result
    }

    /// The schemas that describe values of one named thing: its schema and, at any depth, the items of the arrays
    /// and the values of the maps it may be (through `$ref`, `allOf`, `anyOf` and `oneOf`), each where it is
    /// written. `skip` leaves a schema (and what is inside it) out.
    func valueSites(_ id: SchemaID, skip: (SchemaID) -> Bool) -> [SchemaID] {
        var sites: [SchemaID] = []
        var pending = [id]
        var seenSites: Set<SchemaID> = []
        while let site = pending.popLast() {
            guard seenSites.insert(site).inserted, !skip(site) else { continue }
            sites.append(site)
            var parts = [site]
            var seenParts: Set<SchemaID> = []
            while let part = parts.popLast() {
                guard seenParts.insert(part).inserted else { continue }
                let schema = graph.schemas[part.rawValue]
                if let ref = schema.ref { parts.append(ref) }
                parts += schema.allOf
                parts += schema.anyOf
                parts += schema.oneOf
                if let items = schema.items { pending.append(items) }
                pending += schema.prefixItems
                if let values = schema.additionalProperties, graph.schemas[values.rawValue].booleanValue == nil { pending.append(values) }
            }
        }
        return sites
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
