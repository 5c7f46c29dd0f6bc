/// Builds the body of `collectIssues(at:into:)`: the contract's constraints (lengths, patterns, bounds,
/// item counts) checked with the runtime's `Validation` helpers, and nested values validated recursively.
struct SwiftValidationBuilder {
    let context: SwiftGenerationContext

    func structLines(_ decl: IRTypeDecl, _ object: IRObject, names: [String]) -> [String] {
        var lines: [String] = []
        // A required scalar `const` is a computed property, checked when decoding; every other stored one is checked here.
        for (index, property) in object.properties.enumerated() where !property.isComputedConstant {
            var checks = valueChecks(property.type, property.constraints, value: "value", path: "propertyPath")
            if let constant = property.constValue, let literal = context.literals.literal(constant, as: property.type) {
                checks.insert("Validation.constValue(\(context.constantSubject("value", property)), \(literal), at: propertyPath, into: &issues)", at: 0)
            }
            guard !checks.isEmpty else { continue }
            let name = names[index]
            let storage = context.members.storageName(of: decl.id, property: index)
            let boxed = context.recursion.boxedProperties.contains(.init(type: decl.id, property: index))
            let access = storage.map { boxed ? "self.\($0).value" : "self.\($0)" } ?? "self.\(name)"
            let path = "Validation.path(path, \(SwiftLiteral.string(property.wireName)))"
            let nullable = property.keepsNullApart(in: context.module.types)
            var body = ["let propertyPath = \(path)"] + checks
            switch (property.isAlwaysPresent, nullable) {
            case (true, false):
                body.insert("let value = \(access)", at: 0)
                lines += ["do {"] + body.map { "    " + $0 } + ["}"]
            case (true, true), (false, false):
                lines += ["if let value = \(access) {"] + body.map { "    " + $0 } + ["}"]
            case (false, true):
                lines += ["if case .value(let value)? = \(access) {"] + body.map { "    " + $0 } + ["}"]
            }
        }
        if let name = context.members.additionalPropertiesName(of: decl.id), case .map(let valueType) = object.additionalProperties {
            if !object.undeclaredNamePatterns.isEmpty {
                let patterns = object.undeclaredNamePatterns.map(SwiftLiteral.string).joined(separator: ", ")
                lines.append("Validation.undeclaredNames(in: self.\(name), matchingOneOf: [\(patterns)], at: path, into: &issues)")
            }
            if !object.properties.isEmpty {
                let declared = object.properties.map { SwiftLiteral.string($0.wireName) }.joined(separator: ", ")
                lines.append("Validation.declaredNames(in: self.\(name), declared: [\(declared)], at: path, into: &issues)")
            }
            lines += mapValueChecks(valueType, object.constraints, map: "self.\(name)", path: "path")
            if context.mapper.isValidatable(valueType) {
                lines.append("self.\(name).collectIssues(at: path, into: &issues)")
            }
        }
        return lines
    }

    /// The body of a constrained alias's namespace-level `collectIssues(of<Alias>:at:into:)`: the alias's own
    /// constraints checked on `value` (reporting at `path`), and a value of a generated type inside validated; nil
    /// when the alias's schema requires nothing that its target type does not check itself (`typealias Orders =
    /// [Order]`, `typealias Name = String`), so that only aliases with something to check get the entry point.
    func aliasLines(_ decl: IRTypeDecl) -> [String]? {
        guard decl.parent == nil, case .alias(let target, let constraints) = decl.kind else { return nil }
        return wholeValueChecks(target, constraints, value: "value", path: "path")
    }

    /// Checks of a whole value of `type` (an alias's, an inline request body's or event payload's) against constraints of
    /// its own, bound to `value` and reporting at `path`, a value of a generated type inside validated too; nil when the
    /// constraints require nothing that the type does not check itself.
    func wholeValueChecks(_ type: IRTypeRef, _ constraints: IRConstraints, value: String, path: String) -> [String]? {
        guard !valueChecks(type, constraints, value: value, path: path, collectsNested: false).isEmpty else { return nil }
        return valueChecks(type, constraints, value: value, path: path)
    }

    /// Checks of one value of `type` bound to `value`, reporting at `path` (both Swift expressions). With
    /// `collectsNested`, a value of a generated type (or a container of them) is validated too; the checks of a
    /// container's elements leave that to the container's own `collectIssues`, which visits each once.
    func valueChecks(_ type: IRTypeRef, _ constraints: IRConstraints, value: String, path: String, collectsNested: Bool = true) -> [String] {
        var lines: [String] = []
        let check: (String, String) -> Void = { helper, limit in
            lines.append("Validation.\(helper)(\(value), \(limit), at: \(path), into: &issues)")
        }
        switch context.mapper.unaliased(type) {
        case .optional(let wrapped):
            // A null element or map value has nothing to check.
            let inner = valueChecks(wrapped, constraints, value: value, path: path, collectsNested: collectsNested)
            return inner.isEmpty ? [] : ["if let \(value) = \(value) {"] + inner.map { "    " + $0 } + ["}"]
        case .any:
            lines += freeFormChecks(constraints, value: value, path: path)
        case .primitive(.string):
            if let n = constraints.minLength { check("minLength", String(n)) }
            if let n = constraints.maxLength { check("maxLength", String(n)) }
            for pattern in constraints.patterns { check("pattern", SwiftLiteral.string(pattern)) }
        case .primitive(let primitive) where Self.isNumeric(primitive):
            let pairs: [(String, JSONNumber?)] = [
                ("minimum", constraints.minimum), ("maximum", constraints.maximum),
                ("exclusiveMinimum", constraints.exclusiveMinimum), ("exclusiveMaximum", constraints.exclusiveMaximum),
                ("multipleOf", constraints.multipleOf),
            ]
            for (helper, limit) in pairs {
                if let limit, let literal = numberLiteral(limit, for: primitive) { check(helper, literal) }
            }
            // A decimal string's pattern: matched against the texts its value can be written as (see the helper).
            if case .decimal(asString: true) = primitive {
                for pattern in constraints.patterns { check("decimalPattern", SwiftLiteral.string(pattern)) }
            }
        case .array(let element):
            if let n = constraints.minItems { check("minItems", String(n)) }
            if let n = constraints.maxItems { check("maxItems", String(n)) }
            if constraints.uniqueItems, decodedEqualityIsJSONEquality(element) {
                lines.append("Validation.uniqueItems(\(value), at: \(path), into: &issues)")
            }
            lines += elementChecks(element, constraints, array: value, path: path)
        case .map(let valueType):
            if let n = constraints.minProperties { check("minProperties", String(n)) }
            if let n = constraints.maxProperties { check("maxProperties", String(n)) }
            lines += mapValueChecks(valueType, constraints, map: value, path: path)
        default:
            break
        }
        lines += alternativeChecks(type, constraints, value: value, path: path)
        if collectsNested && context.mapper.isValidatable(type) {
            lines.append("\(value).collectIssues(at: \(path), into: &issues)")
        }
        return lines
    }

    /// Checks of each `anyOf`/`oneOf` group of alternatives that only add constraints: `Validation.anyOf` /
    /// `Validation.oneOf` run each alternative's checks of `value` into an issue list of their own and count the
    /// alternatives that find none. An `anyOf` with an alternative that checks nothing always holds and is left out.
    /// Only where every keyword is checked on the value or does not apply to its JSON kind: not on a generated type
    /// (its checks are its own), a string of a format or a decimal string (their lengths and `pattern` are not checked),
    /// where an alternative that checks nothing could not be told to hold.
    func alternativeChecks(_ type: IRTypeRef, _ constraints: IRConstraints, value: String, path: String) -> [String] {
        switch context.mapper.unaliased(type) {
        case .primitive(.string), .primitive(.integer), .primitive(.double), .primitive(.decimal(asString: false)), .primitive(.boolean),
            .primitive(.null), .array, .map, .any:
            break
        default:
            return []
        }
        var lines: [String] = []
        for group in constraints.alternativeGroups {
            let alternatives = group.alternatives.map { valueChecks(type, $0, value: value, path: path, collectsNested: false) }
            if !group.exactlyOne && alternatives.contains(where: \.isEmpty) { continue }
            lines.append("Validation.\(group.exactlyOne ? "oneOf" : "anyOf")([")
            for checks in alternatives {
                if checks.isEmpty {
                    lines.append("    { _ in },")
                } else {
                    lines += ["    { issues in"] + checks.map { "        " + $0 } + ["    },"]
                }
            }
            lines.append("], at: \(path), into: &issues)")
        }
        return lines
    }

    /// Checks of free-form JSON (`JSONValue`) against its schema's keywords: `type` (a list element's or map value's),
    /// then each other keyword on the kind of value it applies to (lengths and patterns on a string, bounds on a
    /// number — compared exactly, as `Decimal` —, counts on an array or object): a value of another kind meets it, as
    /// in JSON Schema.
    func freeFormChecks(_ constraints: IRConstraints, value: String, path: String) -> [String] {
        var lines: [String] = []
        if let types = constraints.types {
            let names = types.map { SwiftLiteral.string($0.rawValue) }.joined(separator: ", ")
            lines.append("Validation.type(\(value), [\(names)], at: \(path), into: &issues)")
        }
        let block = { (accessor: String, binding: String, checks: [(String, String)]) in
            guard !checks.isEmpty else { return }
            lines.append("if let \(binding) = \(value).\(accessor) {")
            for (helper, limit) in checks {
                lines.append("    Validation.\(helper)(\(binding)\(limit.isEmpty ? "" : ", " + limit), at: \(path), into: &issues)")
            }
            lines.append("}")
        }
        var strings: [(String, String)] = []
        if let n = constraints.minLength { strings.append(("minLength", String(n))) }
        if let n = constraints.maxLength { strings.append(("maxLength", String(n))) }
        for pattern in constraints.patterns { strings.append(("pattern", SwiftLiteral.string(pattern))) }
        block("stringValue", "string", strings)
        let bounds: [(String, JSONNumber?)] = [
            ("minimum", constraints.minimum), ("maximum", constraints.maximum),
            ("exclusiveMinimum", constraints.exclusiveMinimum), ("exclusiveMaximum", constraints.exclusiveMaximum),
            ("multipleOf", constraints.multipleOf),
        ]
        block("numberValue", "number", bounds.compactMap { helper, limit in
            limit.flatMap { numberLiteral($0, for: .decimal(asString: false)) }.map { (helper, $0) }
        })
        var arrays: [(String, String)] = []
        if let n = constraints.minItems { arrays.append(("minItems", String(n))) }
        if let n = constraints.maxItems { arrays.append(("maxItems", String(n))) }
        if constraints.uniqueItems { arrays.append(("uniqueItems", "")) }
        block("arrayValue", "array", arrays)
        var objects: [(String, String)] = []
        if let n = constraints.minProperties { objects.append(("minProperties", String(n))) }
        if let n = constraints.maxProperties { objects.append(("maxProperties", String(n))) }
        block("objectValue", "object", objects)
        return lines
    }

    /// Checks of each element of an array against its element constraints: those of its position in a `prefixItems`
    /// tuple, then `items`' (``IRConstraints/elements``) for the elements after the prefix.
    func elementChecks(_ element: IRTypeRef, _ constraints: IRConstraints, array: String, path: String) -> [String] {
        let (name, index, _) = Self.loopNames(inside: array)
        let elementPath = "Validation.path(\(path), \(index))"
        let others = constraints.elements.map { valueChecks(element, $0.value, value: name, path: elementPath, collectsNested: false) } ?? []
        let prefix = constraints.prefixElements.map { valueChecks(element, $0, value: name, path: elementPath, collectsNested: false) }
        let loop = "for (\(index), \(name)) in \(array).enumerated() {"
        guard !prefix.isEmpty else {
            return others.isEmpty ? [] : [loop] + others.map { "    " + $0 } + ["}"]
        }
        var cases: [String] = []
        for (position, checks) in prefix.enumerated() where !checks.isEmpty {
            cases += ["case \(position):"] + checks.map { "    " + $0 }
        }
        if !others.isEmpty { cases += ["case \(prefix.count)...:"] + others.map { "    " + $0 } }
        guard !cases.isEmpty else { return [] }
        cases += ["default:", "    break"]
        return [loop, "    switch \(index) {"] + cases.map { "    " + $0 } + ["    }", "}"]
    }

    /// The names of a loop over the values held by `container` (a list's elements, a map's values): `element`,
    /// `index` and `key`, numbered inside another such loop (`element1`, `index1`, `key1` inside a loop over
    /// `element`) so that an inner loop's pointer does not use the outer one's index or key.
    static func loopNames(inside container: String) -> (element: String, index: String, key: String) {
        guard container.hasPrefix("element"), let depth = Int("0" + container.dropFirst("element".count)) else {
            return ("element", "index", "key")
        }
        let suffix = String(depth + 1)
        return ("element" + suffix, "index" + suffix, "key" + suffix)
    }

    /// Checks of each value of a map (in key order, so issues come out in the same order every run): against each
    /// `patternProperties` pattern's constraints its name matches, and against ``IRConstraints/elements`` when its
    /// name matches none of the map's patterns (`additionalProperties`). `constraints` are the map's.
    func mapValueChecks(_ valueType: IRTypeRef, _ constraints: IRConstraints, map: String, path: String) -> [String] {
        let (name, _, key) = Self.loopNames(inside: map)
        let elementPath = "Validation.path(\(path), \(key))"
        var inner: [String] = []
        for entry in constraints.patternElements {
            let checks = valueChecks(valueType, entry.constraints, value: name, path: elementPath, collectsNested: false)
            guard !checks.isEmpty else { continue }
            inner += ["if Validation.nameMatches(\(key), anyOf: [\(SwiftLiteral.string(entry.pattern))]) {"] + checks.map { "    " + $0 } + ["}"]
        }
        if let others = constraints.elements?.value {
            let checks = valueChecks(valueType, others, value: name, path: elementPath, collectsNested: false)
            // Every pattern counts, also one whose schema constrains nothing: its values are not `additionalProperties`'.
            let patterns = constraints.patternElements.map(\.pattern)
            if patterns.isEmpty || checks.isEmpty {
                inner += checks
            } else {
                let list = patterns.map(SwiftLiteral.string).joined(separator: ", ")
                inner += ["if !Validation.nameMatches(\(key), anyOf: [\(list)]) {"] + checks.map { "    " + $0 } + ["}"]
            }
        }
        guard !inner.isEmpty else { return [] }
        return ["for (\(key), \(name)) in \(map).sorted(by: { $0.key < $1.key }) {"] + inner.map { "    " + $0 } + ["}"]
    }

    /// Whether the bounds and `multipleOf` apply: numbers, decimal strings too (checked on their `Decimal` value).
    static func isNumeric(_ primitive: IRPrimitive) -> Bool {
        switch primitive {
        case .integer, .double, .decimal: true
        default: false
        }
    }

    /// A literal of the value's own numeric type for a bound; nil when it cannot be exact (e.g. `1.5` for an integer).
    func numberLiteral(_ number: JSONNumber, for primitive: IRPrimitive) -> String? {
        switch primitive {
        case .integer(let bits):
            // The translator fits bounds to the type; one it could not place is left out rather than overflow.
            guard number.isInteger, let value = number.intValue, TranslationSession.integerRange(bits: bits).contains(value) else { return nil }
            return String(value)
        case .double: return number.doubleValue.isFinite ? SwiftValueLiterals.swiftFloatLiteral(number.literal) : nil
        case .decimal: return number.decimalValue != nil ? SwiftValueLiterals.decimalExpression(number.literal) : nil
        default: return nil
        }
    }
}
