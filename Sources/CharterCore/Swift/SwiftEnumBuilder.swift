/// Builds the view model of an enumeration that survives values it does not know yet: unknown values
/// decode into `unrecognized(raw)` and encode back unchanged.
struct SwiftEnumBuilder {
    let context: SwiftGenerationContext

    func build(_ decl: IRTypeDecl, _ enumeration: IREnumeration) -> MustacheValue {
        let names = context.members.caseNames(of: decl.id)
        let typeName = context.names.types[decl.id.rawValue]
        let literal: (String) -> String = { enumeration.isString ? SwiftLiteral.string($0) : $0 }
        let cases: [MustacheValue] = zip(enumeration.cases, names).map { enumCase, name in
            .object(["name": .string(name), "literal": .string(literal(enumCase.value))])
        }
        var transitions: MustacheValue = .null
        if let moves = enumeration.transitions {
            let index = Dictionary(zip(enumeration.cases.map(\.value), names), uniquingKeysWith: { first, _ in first })
            let rows: [MustacheValue] = zip(enumeration.cases, names).map { enumCase, name in
                let targets = moves.first(where: { $0.from == enumCase.value })?.to.compactMap { index[$0] } ?? []
                return .object(["name": .string(name), "targets": .string("[" + targets.map { "." + $0 }.joined(separator: ", ") + "]")])
            }
            transitions = .object(["rows": .list(rows)])
        }
        return .object([
            "documentation": .list(context.documentation(decl).map(MustacheValue.string)),
            "attributes": .list(context.attributes(decl).map(MustacheValue.string)),
            "name": .string(typeName),
            "conformances": "Codable, Hashable, Sendable, RawRepresentable, Validatable",
            "rawType": .string(enumeration.isString ? "String" : "Int"),
            // A received string is matched, and two values compared, code point by code point (JSON's equality), not by
            // canonical equivalence: an unknown value that only looks like a known one stays unrecognised.
            "switchSubject": .string(enumeration.isString ? SwiftStringMatch.subject("rawValue", comparedWith: enumeration.cases.map(\.value)) : "rawValue"),
            "equality": .string(enumeration.isString ? "Equality.sameText(lhs.rawValue, rhs.rawValue)" : "lhs.rawValue == rhs.rawValue"),
            "cases": .list(cases),
            "knownCases": .string(names.map { "." + $0 }.joined(separator: ", ")),
            "transitions": transitions,
        ])
    }
}

/// Builds the view model of a union: an enum with one case per alternative, decoded by discriminator
/// when there is one (unknown tags are kept in `unrecognized`), else by trying each alternative in order.
struct SwiftUnionBuilder {
    let context: SwiftGenerationContext

    func build(_ decl: IRTypeDecl, _ union: IRUnion) -> MustacheValue {
        let here = SwiftTypeMapper.Context.type(decl.id)
        let names = context.members.caseNames(of: decl.id)
        let typeName = context.names.types[decl.id.rawValue]
        var cases: [MustacheValue] = []
        var decodeAttempts: [MustacheValue] = []
        var tagCases: [MustacheValue] = []
        var encodeCases: [MustacheValue] = []
        for (variant, name) in zip(union.variants, names) {
            let swiftType = context.mapper.swiftType(variant.type, in: here)
            let wire = context.mapper.wireType(variant.type, in: here) ?? swiftType
            // `Decimal`'s own `Codable` is a struct of its fields; only a single-value container gives the JSON
            // number, as `JSONDecoder`/`JSONEncoder` read and write decimals everywhere else.
            let plainDecimal = context.mapper.unaliased(variant.type) == .primitive(.decimal(asString: false))
            // A decimal string is tried from JSON strings only (`DecimalString` alone also takes numbers), so it keeps
            // its place in the contract's order: `"19.99"` is the decimal even beside a plain string alternative
            // after it, and `1.5` goes on to a number alternative.
            let decimalString = context.mapper.unaliased(variant.type) == .primitive(.decimal(asString: true))
            let decoded = plainDecimal
                ? "decoder.singleValueContainer().decode(\(swiftType).self)"
                : context.mapper.fromWire(variant.type, "\(wire)(\(decimalString ? "stringFrom" : "from"): decoder)")
            cases.append(.object(["name": .string(name), "type": .string(swiftType)]))
            decodeAttempts.append(.object(["name": .string(name), "decoded": .string(decoded)]))
            if !variant.tags.isEmpty {
                tagCases.append(.object([
                    "tags": .string(variant.tags.map(SwiftLiteral.string).joined(separator: ", ")), "name": .string(name),
                    "decoded": .string(decoded),
                ]))
            }
            // A decimal string is written in a text the alternative's `pattern`s accept (an alias's own without any).
            var encodeLines = plainDecimal
                ? ["var single = encoder.singleValueContainer()", "try single.encode(value)"]
                : ["try \(context.mapper.toWire(variant.type, "value", constraints: variant.constraints)).encode(to: encoder)"]
            if let discriminator = union.discriminator, let tagExpression = encodedTag(variant, of: union) {
                // Written after the value, so the case's tag replaces any the value holds.
                encodeLines.append("var container = encoder.container(keyedBy: AnyCodingKey.self)")
                encodeLines.append("try container.encodeProperty(\(tagExpression), forKey: \(SwiftLiteral.string(discriminator.propertyName)))")
            }
            encodeCases.append(.object(["name": .string(name), "lines": .list(encodeLines.map(MustacheValue.string))]))
        }
        // Each case checks its value: the alternative's constraints, and the value's own validation.
        let validation = SwiftValidationBuilder(context: context)
        let checks = union.variants.map { validation.valueChecks($0.type, $0.constraints, value: "value", path: "path") }
        // The type a value is decoded as, aliases seen through (`Email` and `Phone` are both `String`).
        let swiftTypes = union.variants.map { context.mapper.unaliased($0.type) }
        let validationCases: [MustacheValue] = names.indices.compactMap { index in
            guard !checks[index].isEmpty else { return nil }
            // Without a discriminator a value is decoded as the first alternative whose Swift type reads it, whatever
            // the constraints: `"+123"` is an `email` when `Email` and `Phone` are both `String`. It is valid when
            // any alternative of that type accepts it, so the others of the same type are tried before reporting.
            let siblings = union.discriminator != nil ? [] : names.indices.filter { $0 != index && swiftTypes[$0] == swiftTypes[index] }
            // One that checks nothing accepts every value of the type.
            guard siblings.allSatisfy({ !checks[$0].isEmpty }) else { return nil }
            let lines = siblings.isEmpty ? checks[index] : Self.anyOf([index] + siblings, checks)
            return .object(["name": .string(names[index]), "lines": .list(lines.map(MustacheValue.string))])
        }
        var discriminated: MustacheValue = .null
        if let discriminator = union.discriminator {
            discriminated = .object([
                // The tag read, matched code point by code point (JSON's equality) when `String ==` could confuse it.
                "tag": .string(SwiftStringMatch.subject(
                    "container.decodeProperty(String.self, forKey: \(SwiftLiteral.string(discriminator.propertyName)))",
                    comparedWith: union.variants.flatMap(\.tags))),
                "tagCases": .list(tagCases),
            ])
        }
        let nullCase = context.members.nullCaseName(of: decl.id)
        return .object([
            "documentation": .list(context.documentation(decl).map(MustacheValue.string)),
            "attributes": .list(context.attributes(decl).map(MustacheValue.string)),
            "indirect": .bool(context.recursion.indirectUnions.contains(decl.id)),
            "name": .string(typeName),
            "conformances": "Codable, Hashable, Sendable, Validatable",
            "cases": .list(cases),
            "nullCase": nullCase.map { .object(["name": .string($0)]) } ?? .null,
            "discriminated": discriminated,
            "untagged": union.discriminator == nil ? .object(["attempts": .list(decodeAttempts)]) : .null,
            "noMatchMessage": .string(SwiftLiteral.string("the value matches none of the alternatives of \(typeName)")),
            "encodeCases": .list(encodeCases),
            "validationCases": .list(validationCases),
            "hasUnvalidatedCases": .bool(validationCases.count < names.count || union.discriminator != nil || nullCase != nil),
            "nested": .list(decl.nested.map(context.declaration)),
        ])
    }

    /// Checks of one value against several alternatives of one Swift type: the issues of the first (the case held)
    /// are reported only when every other finds issues too. Each alternative's checks run in a local function of
    /// their own (they write to `issues`).
    static func anyOf(_ alternatives: [Int], _ checks: [[String]]) -> [String] {
        var lines: [String] = []
        for index in alternatives {
            lines.append("func alternative\(index)(_ issues: inout [ValidationIssue]) {")
            lines += checks[index].map { "    " + $0 }
            lines.append("}")
        }
        lines.append("var held: [ValidationIssue] = []")
        lines.append("alternative\(alternatives[0])(&held)")
        lines.append("guard !held.isEmpty else { return }")
        for index in alternatives.dropFirst() {
            lines.append("var other\(index): [ValidationIssue] = []")
            lines.append("alternative\(index)(&other\(index))")
            lines.append("guard !other\(index).isEmpty else { return }")
        }
        lines.append("issues += held")
        return lines
    }

    /// The tag the union writes over a variant's value (`value`), when the variant does not declare the
    /// discriminator itself (as a `const`): the tag the value holds when it is one of the variant's, else the
    /// variant's first. Nil when the value's own property goes on the wire as it is. An event's partition key reads
    /// the same expression, so the key is what the wire carries.
    func encodedTag(_ variant: IRVariant, of union: IRUnion) -> String? {
        guard let discriminator = union.discriminator, !variant.declaresDiscriminator, let tag = variant.tags.first else { return nil }
        return heldTag(variant, discriminator.propertyName).map { held in
            "\(held).flatMap { [\(variant.tags.map(SwiftLiteral.string).joined(separator: ", "))].contains(\(SwiftStringMatch.subject("$0", comparedWith: variant.tags))) ? $0 : nil } ?? \(SwiftLiteral.string(tag))"
        } ?? SwiftLiteral.string(tag)
    }

    /// For a variant mapped from several tags whose value keeps the tag in a string (or string enumeration)
    /// property: an optional-string expression reading it from `value`, so a value decoded under one of its tags
    /// is encoded under the same one. Nil when there is one tag or the tag cannot be read directly.
    func heldTag(_ variant: IRVariant, _ propertyName: String) -> String? {
        guard variant.tags.count > 1, case .named(let id) = variant.type, case .object(let object) = context.module[id].kind,
              let index = object.properties.firstIndex(where: { $0.wireName == propertyName }),
              !object.properties[index].keepsNullApart(in: context.module.types), context.members.storageName(of: id, property: index) == nil
        else { return nil }
        let property = object.properties[index]
        let name = context.members.propertyNames(of: id)[index]
        switch context.mapper.unaliased(property.type) {
        case .primitive(.string):
            return property.isAlwaysPresent ? "Optional(value.\(name))" : "value.\(name)"
        case .named(let enumeration):
            guard case .enumeration(let values) = context.module[enumeration].kind, values.isString else { return nil }
            return property.isAlwaysPresent ? "Optional(value.\(name).rawValue)" : "value.\(name)?.rawValue"
        default:
            return nil
        }
    }
}
