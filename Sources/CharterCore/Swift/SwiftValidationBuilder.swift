/// Builds the body of `collectIssues(at:into:)`: the contract's constraints (lengths, patterns, bounds,
/// item counts) checked with the runtime's `Validation` helpers, and nested values validated recursively.
struct SwiftValidationBuilder {
    let context: SwiftGenerationContext

    func structLines(_ decl: IRTypeDecl, _ object: IRObject, names: [String]) -> [String] {
        var lines: [String] = []
        for (index, property) in object.properties.enumerated() where property.constValue == nil || !property.isRequired {
            let checks = valueChecks(property.type, property.constraints, value: "value", path: "propertyPath")
            guard !checks.isEmpty else { continue }
            let name = names[index]
            let storage = context.members.storageName(of: decl.id, property: index)
            let boxed = context.recursion.boxedProperties.contains(.init(type: decl.id, property: index))
            let access = storage.map { boxed ? "self.\($0).value" : "self.\($0)" } ?? "self.\(name)"
            let path = "Validation.path(path, \(SwiftLiteral.string(property.wireName)))"
            let nullable = property.keepsNullApart
            var body = ["let propertyPath = \(path)"] + checks
            switch (property.isRequired, nullable) {
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
            if let valueConstraints = object.constraints.elements?.value {
                lines += mapValueChecks(valueType, valueConstraints, map: "self.\(name)", path: "path")
            }
            if context.mapper.isValidatable(valueType) {
                lines.append("self.\(name).collectIssues(at: path, into: &issues)")
            }
        }
        return lines
    }

    /// Checks of one value of `type` bound to `value`, reporting at `path` (both Swift expressions).
    func valueChecks(_ type: IRTypeRef, _ constraints: IRConstraints, value: String, path: String) -> [String] {
        var lines: [String] = []
        let check: (String, String) -> Void = { helper, limit in
            lines.append("Validation.\(helper)(\(value), \(limit), at: \(path), into: &issues)")
        }
        switch context.mapper.unaliased(type) {
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
        case .array(let element):
            if let n = constraints.minItems { check("minItems", String(n)) }
            if let n = constraints.maxItems { check("maxItems", String(n)) }
            if constraints.uniqueItems { lines.append("Validation.uniqueItems(\(value), at: \(path), into: &issues)") }
            if let elementConstraints = constraints.elements?.value {
                let inner = valueChecks(element, elementConstraints, value: "element", path: "Validation.path(\(path), index)")
                if !inner.isEmpty {
                    lines += ["for (index, element) in \(value).enumerated() {"] + inner.map { "    " + $0 } + ["}"]
                }
            }
        case .map(let valueType):
            if let n = constraints.minProperties { check("minProperties", String(n)) }
            if let n = constraints.maxProperties { check("maxProperties", String(n)) }
            if let valueConstraints = constraints.elements?.value {
                lines += mapValueChecks(valueType, valueConstraints, map: value, path: path)
            }
        default:
            break
        }
        if context.mapper.isValidatable(type) {
            lines.append("\(value).collectIssues(at: \(path), into: &issues)")
        }
        return lines
    }

    /// Checks of each value of a map (in key order, so issues come out in the same order every run).
    func mapValueChecks(_ valueType: IRTypeRef, _ constraints: IRConstraints, map: String, path: String) -> [String] {
        let inner = valueChecks(valueType, constraints, value: "element", path: "Validation.path(\(path), key)")
        guard !inner.isEmpty else { return [] }
        return ["for (key, element) in \(map).sorted(by: { $0.key < $1.key }) {"] + inner.map { "    " + $0 } + ["}"]
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
