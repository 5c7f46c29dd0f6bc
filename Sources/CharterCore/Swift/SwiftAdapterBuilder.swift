/// Builds the view model of a contract's version adapters (`Templates/Adapters.mustache`) from the
/// language-neutral plan (``VersionAdapterPlanner``): for every pair of types of neighbouring
/// majors (same-named, or renamed: `x-renamed-from`), both ways, a static `adapting(_:…)` on the target type that returns the value and what was lost
/// (`VersionAdapted`), and an overload that records losses into a collector, which nested adapters call.
/// Every expression is decided here; the template only lays the functions out.
struct SwiftAdapterBuilder {
    let context: SwiftGenerationContext

    /// The view model of one contract's adapters file.
    func build(_ set: IRAdapterSet) -> MustacheValue {
        let module = context.module
        let first = module.namespaces[set.namespaces[0]]
        let sources = set.namespaces.map { SwiftLiteral.commentLines(module.namespaces[$0].sourcePath).joined(separator: " ") }
        return .object([
            "charterVersion": .string(Charter.version),
            "sourcePaths": .string(sources.joined(separator: ", ")),
            "contractName": .string(SwiftLiteral.commentLines(first.contract?.name ?? set.contractName).joined()),
            "runtimeModule": .string(context.options.runtimeModule),
            "imports": .list(SwiftGenerator.imports(module, options: context.options).map(MustacheValue.string)),
            "access": .string(context.options.accessLevel.modifier),
            "directions": .list(set.directions.map(direction)),
        ])
    }

    /// One direction's adapters, with a heading comment, the paired types it has no adapter for, and the target's
    /// types with no counterpart in the source.
    func direction(_ direction: IRAdapterDirection) -> MustacheValue {
        let targetVersion = context.names.namespaces[direction.target]
        let heading = "\(context.names.namespaces[direction.source]) → \(targetVersion)"
        let unadapted = direction.unadapted.map { pair -> String in
            let reason: String
            switch pair.reason {
            case .ineligible: reason = "deprecated (its declaration carries `@available(*, deprecated)`)"
            case .kindsDiffer: reason = "a different kind of type in each version"
            case .unionsDiffer: reason = "an alternative, the discriminator property or `null` has no counterpart in \(targetVersion)"
            }
            let source = context.names.qualifiedName(of: pair.source, in: context.module)
            let target = context.names.qualifiedName(of: pair.target, in: context.module)
            return SwiftLiteral.commentLines("`\(source)` → `\(target)`: \(reason).").joined(separator: " ")
        }
        let sourceVersion = context.names.namespaces[direction.source]
        let unpaired = direction.unpaired.map { type -> String in
            let name = context.names.qualifiedName(of: type, in: context.module)
            return SwiftLiteral.commentLines("`\(name)`: no type of this name or renamed from it in \(sourceVersion).").joined(separator: " ")
        }
        return .object([
            "heading": .string(heading),
            "unadapted": .list((unadapted + unpaired).map(MustacheValue.string)),
            "adapters": .list(direction.types.map { adapter($0, direction: direction) }),
        ])
    }

    /// One type's pair of `adapting` functions.
    func adapter(_ adapter: IRTypeAdapter, direction: IRAdapterDirection) -> MustacheValue {
        let module = context.module
        let sourceName = context.names.qualifiedName(of: adapter.source, in: module)
        let targetName = context.names.qualifiedName(of: adapter.target, in: module)
        let targetVersion = context.names.namespaces[direction.target]
        var supplied: [(label: String, name: String, type: String)] = []
        var documentation = ["/// Adapts `\(sourceName)` to `\(targetName)`."]
        var lines: [String] = []
        // The names the body uses for the source value and the loss collector, kept apart from the parameters.
        var scope = NameScope(reserved: [])
        if case .object(let properties, _, _) = adapter.adaptation, case .object(let object) = module[adapter.target].kind {
            let names = context.members.propertyNames(of: adapter.target)
            for (index, adaptation) in properties.enumerated() where adaptation.isSupplied {
                let name = names[index]
                scope.reserve(SwiftIdentifier.unescaped(name))
                supplied.append((SwiftIdentifier.argumentLabel(name), name, valueType(object.properties[index], of: adapter.target)))
            }
        }
        let source = scope.claim("source")
        let losses = scope.claim("losses")
        var reasons: [String] = []
        switch adapter.adaptation {
        case .object(let properties, let dropped, let additional):
            let body = objectBody(adapter, properties: properties, dropped: dropped, additional: additional, source: source, losses: losses)
            lines = body.lines
            documentation += body.documentation
            reasons = body.parameters
        case .enumeration:
            lines = ["return \(losses).keeping(\(targetName)(rawValue: \(source).rawValue), knownCases: \(targetName).knownCases)"]
            documentation += ["///", "/// By raw value: a value \(targetVersion) does not know is kept as `unrecognized`, and reported."]
        case .union(let variants):
            lines = unionBody(adapter, variants: variants, source: source, losses: losses)
            if case .union(let union) = module[adapter.source].kind, union.discriminator != nil {
                documentation += ["///", "/// An alternative \(targetVersion) does not know is kept as `unrecognized`, and reported."]
            }
        }
        documentation += ["///"] + (reasons.isEmpty
            ? ["/// - Parameter \(source): The `\(sourceName)` to adapt."]
            : ["/// - Parameters:", "///   - \(source): The `\(sourceName)` to adapt."] + reasons.map { "///   - \($0)" })
        return .object([
            "documentation": .list(documentation.map(MustacheValue.string)),
            "target": .string(targetName),
            "sourceType": .string(sourceName),
            "source": .string(source),
            "losses": .string(losses),
            "lossesParameter": .string(losses == "losses" ? "losses" : "losses \(losses)"),
            "targetVersion": .string(targetVersion),
            "parameters": .list(supplied.map { parameter in
                .object([
                    "declaration": .string("\(parameter.name): \(parameter.type)"),
                    "argument": .string("\(parameter.label): \(parameter.name)"),
                ])
            }),
            "lines": .list(lines.map(MustacheValue.string)),
        ])
    }

    // MARK: Structs

    /// The body of a struct's adapter (losses recorded, then the target built), the doc lines that say what the
    /// caller supplies and what may be lost, and why each supplied value is the caller's (`name: reason`).
    func objectBody(
        _ adapter: IRTypeAdapter, properties: [IRPropertyAdaptation], dropped: [Int], additional: IRAdditionalAdaptation,
        source: String, losses: String
    ) -> (lines: [String], documentation: [String], parameters: [String]) {
        let module = context.module
        guard case .object(let from) = module[adapter.source].kind, case .object(let to) = module[adapter.target].kind else {
            return ([], [], [])
        }
        let targetName = context.names.qualifiedName(of: adapter.target, in: module)
        var parameters: [String] = []
        let targetNames = context.members.propertyNames(of: adapter.target)
        var lines: [String] = []
        var documentation: [String] = []
        // Each supplied property, with the source property the planner paired it with (nil: new in the target).
        let supplied = properties.enumerated().compactMap { index, adaptation -> (index: Int, source: Int?)? in
            if case .supplied(let source) = adaptation { return (index, source) }
            return nil
        }
        if !supplied.isEmpty {
            let names = supplied.map { "`\(SwiftIdentifier.unescaped(targetNames[$0.index]))`" }
            documentation += ["///", "/// The caller supplies what the source cannot give exactly: \(names.joined(separator: ", "))."]
        }
        var droppedNames = dropped.map { "`" + SwiftLiteral.commentLines(from.properties[$0].wireName).joined(separator: " ") + "`" }
        switch additional {
        case .lost: droppedNames.append("undeclared properties")
        case .carried(let excluding) where !excluding.isEmpty: droppedNames.append("undeclared properties the target declares")
        default: break
        }
        if !droppedNames.isEmpty {
            documentation += ["///", "/// Reported as lost when present: \(droppedNames.joined(separator: ", "))."]
        }
        // Quick Help's parameter list: why each value is the caller's.
        let sourceNamespace = context.names.namespaces[module[adapter.source].namespace]
        let targetNamespace = context.names.namespaces[module[adapter.target].namespace]
        for (index, sourceIndex) in supplied {
            let property = to.properties[index]
            var reason: String
            if let old = sourceIndex.map({ from.properties[$0] }) {
                let (was, now) = (VersionAdapterPlanner.shape(old, in: context.module), VersionAdapterPlanner.shape(property, in: context.module))
                if !was.isRequired && now.isRequired, old.isRequired, let access = SwiftPropertyAccess(old) {
                    // Required by the contract, but one direction never carries it, so the source may not hold it.
                    reason = "\(access.name) in \(sourceNamespace) (\(access.absence)), so the source may not hold it; required in \(targetNamespace)."
                } else if !was.isRequired && now.isRequired {
                    reason = "Optional in \(sourceNamespace), required in \(targetNamespace)."
                } else if was.isNullable && !now.isNullable {
                    reason = "May be null in \(sourceNamespace), not in \(targetNamespace)."
                } else {
                    reason = "`\(valueType(old, of: adapter.source))` in \(sourceNamespace), `\(valueType(property, of: adapter.target))` in \(targetNamespace)."
                }
                if old.wireName != property.wireName {
                    reason += " Named `\(SwiftLiteral.commentLines(old.wireName).joined(separator: " "))` in \(sourceNamespace)."
                }
            } else {
                reason = "New in \(targetNamespace), and required."
            }
            parameters.append("\(SwiftIdentifier.unescaped(targetNames[index])): \(reason)")
        }
        for index in dropped {
            lines += recordLoss(from.properties[index], read: read(index, of: adapter.source, source: source), losses: losses)
        }
        var arguments: [String] = []
        for (index, adaptation) in properties.enumerated() {
            let name = targetNames[index]
            let label = SwiftIdentifier.argumentLabel(name)
            switch adaptation {
            case .constant:
                continue
            case .absent:
                // Absent, not the initialiser's default: a schema default would be a value the source never had.
                arguments.append("\(label): nil")
            case .supplied:
                arguments.append("\(label): \(name)")
            case .adapted(let sourceIndex, let conversion):
                let value = adaptedValue(
                    from.properties[sourceIndex], to.properties[index], conversion: conversion,
                    read: read(sourceIndex, of: adapter.source, source: source), losses: losses)
                arguments.append("\(label): \(value)")
            }
        }
        if let sourceMap = context.members.additionalPropertiesName(of: adapter.source), case .map(let valueType) = from.additionalProperties {
            let map = "\(source).\(sourceMap)"
            // Recorded in their wire form: a decimal string in a text its pattern accepts, like the source encodes it.
            // (In parentheses when converted: a trailing closure in a `for` statement's sequence makes Swift warn.)
            let converted = context.mapper.toWire(.map(valueType), map, constraints: from.undeclaredMapConstraints)
            let wireMap = converted == map ? map : "(\(converted))"
            switch additional {
            case .none:
                break
            case .lost:
                lines.append("for (key, value) in \(wireMap).sorted(by: { $0.key < $1.key }) { \(losses).record(value, at: key) }")
            case .carried(let excluding):
                let targetMap = SwiftIdentifier.argumentLabel(context.members.additionalPropertiesName(of: adapter.target)!)
                if excluding.isEmpty {
                    arguments.append("\(targetMap): \(map)")
                } else {
                    let set = "[" + excluding.map(SwiftLiteral.string).joined(separator: ", ") + "]"
                    lines.append("for (key, value) in \(wireMap).sorted(by: { $0.key < $1.key }) where \(set).contains(key) { \(losses).record(value, at: key) }")
                    arguments.append("\(targetMap): \(map).filter { !\(set).contains($0.key) }")
                }
            }
        }
        if arguments.isEmpty {
            lines.append("return \(targetName)()")
        } else {
            lines.append("return \(targetName)(")
            lines += arguments.enumerated().map { "    \($1)" + ($0 == arguments.count - 1 ? "" : ",") }
            lines.append(")")
        }
        return (lines, documentation, parameters)
    }

    /// How the adapter reads a source property: through its getter; as its literal when it is a constant; or
    /// through its storage when the property is deprecated (the getter would make the generated code warn).
    func read(_ index: Int, of type: IRTypeID, source: String) -> String {
        guard case .object(let object) = context.module[type].kind else { return source }
        let property = object.properties[index]
        if property.isComputedConstant, let value = property.constValue, let literal = context.literals.literal(value, as: property.type) {
            return literal
        }
        guard property.isDeprecated, let storage = context.members.storageName(of: type, property: index) else {
            return "\(source).\(context.members.propertyNames(of: type)[index])"
        }
        let boxed = context.recursion.boxedProperties.contains(.init(type: type, property: index))
        return "\(source).\(storage)" + (boxed ? ".value" : "")
    }

    /// The Swift type of a property's value as the memberwise initialiser takes it, fully qualified.
    func valueType(_ property: IRProperty, of type: IRTypeID) -> String {
        let shape = VersionAdapterPlanner.shape(property, in: context.module)
        return SwiftStructBuilder.valueType(context.qualifiedType(property.type), isRequired: shape.isRequired, keepsNullApart: shape.isNullable)
    }

    /// The statements that record a dropped property's value when it is present (in its wire form).
    func recordLoss(_ property: IRProperty, read: String, losses: String) -> [String] {
        let key = SwiftLiteral.string(property.wireName)
        let shape = VersionAdapterPlanner.shape(property, in: context.module)
        let mapper = context.mapper
        let converts = mapper.needsConversion(property.type)
        let toWire = { mapper.toWire(property.type, $0, constraints: property.constraints) }
        switch (shape.isRequired, shape.isNullable) {
        case (true, false):
            return ["\(losses).record(\(toWire(read)), at: \(key))"]
        case (true, true):
            return ["\(losses).record(" + (converts ? "\(read).map { \(toWire("$0")) }" : read) + ", at: \(key))"]
        case (false, false):
            return ["if let value = \(read) { \(losses).record(\(toWire("value")), at: \(key)) }"]
        case (false, true):
            let wire = converts ? "value.map { \(toWire("$0")) }" : "value"
            return ["if let value = \(read) { \(losses).record(\(wire), at: \(key)) }"]
        }
    }

    /// The expression of a target property's value, from the source property's (`read`), for each pair of
    /// shapes the planner lets through.
    func adaptedValue(_ from: IRProperty, _ to: IRProperty, conversion: IRConversion, read: String, losses: String) -> String {
        let source = VersionAdapterPlanner.shape(from, in: context.module)
        let target = VersionAdapterPlanner.shape(to, in: context.module)
        let tokens = [SwiftLiteral.string(from.wireName)]
        func converted(_ input: String) -> String { convert(conversion, input, tokens: tokens, depth: 1, losses: losses) }
        let mapped = conversion.isIdentity ? read : "\(read).map { value in \(converted("value")) }"
        switch (source.isRequired, source.isNullable, target.isRequired, target.isNullable) {
        case (true, false, false, true):
            return "Nullable.value(\(converted(read)))"
        case (true, false, _, _):
            return converted(read)
        case (true, true, false, true):
            return "Nullable(\(mapped))"
        case (false, false, false, true):
            return "\(read).map { value in Nullable.value(\(converted("value"))) }"
        case (false, true, _, _):
            return conversion.isIdentity ? read : "\(read).map { value in value.map { element in \(converted("element")) } }"
        default:
            // Same shape, optional or nullable: the present value converted.
            return mapped
        }
    }

    /// An expression converting `input` exactly, recording nested losses under `tokens` (Swift expressions of
    /// the pointer tokens from the adapted value down). Closure parameters are numbered by depth, so nested
    /// containers never shadow the names their tokens use.
    func convert(_ conversion: IRConversion, _ input: String, tokens: [String], depth: Int, losses: String) -> String {
        switch conversion {
        case .identity:
            return input
        case .adapter(_, let target):
            let targetName = context.names.qualifiedName(of: target, in: context.module)
            return within(tokens, "\(targetName).adapting(\(input), losses: &$0)", losses: losses)
        case .widen(_, let to):
            return "\(SwiftTypeMapper.swiftType(to))(\(input))"
        case .rawValue:
            return "\(input).rawValue"
        case .enumeration(let target):
            // A string the enumeration does not know is kept as its `unrecognized` value, and reported.
            let targetName = context.names.qualifiedName(of: target, in: context.module)
            return within(tokens, "$0.keeping(\(targetName)(rawValue: \(input)), knownCases: \(targetName).knownCases)", losses: losses)
        case .array(let inner):
            let (offset, element) = ("offset\(depth)", "element\(depth)")
            let value = convert(inner, element, tokens: tokens + ["String(\(offset))"], depth: depth + 1, losses: losses)
            return "\(input).enumerated().map { \(offset), \(element) in \(value) }"
        case .map(let inner):
            let (key, element) = ("key\(depth)", "element\(depth)")
            let value = convert(inner, element, tokens: tokens + [key], depth: depth + 1, losses: losses)
            return "Dictionary(uniqueKeysWithValues: \(input).sorted(by: { $0.key < $1.key }).map { \(key), \(element) in (\(key), \(value)) })"
        case .optional(let inner):
            let element = "element\(depth)"
            return "\(input).map { \(element) in \(convert(inner, element, tokens: tokens, depth: depth + 1, losses: losses)) }"
        }
    }

    /// `call` (which records through `$0`) run for the nested value at `tokens`.
    func within(_ tokens: [String], _ call: String, losses: String) -> String {
        tokens.isEmpty ? "\(losses).within { \(call) }" : "\(losses).within(\(tokens.joined(separator: ", "))) { \(call) }"
    }

    // MARK: Unions

    /// A union's adapter: a `switch` from each source case to its counterpart (an unrecognized alternative
    /// stays unrecognized).
    func unionBody(_ adapter: IRTypeAdapter, variants: [(target: Int, conversion: IRConversion)], source: String, losses: String) -> [String] {
        let module = context.module
        let sourceCases = context.members.caseNames(of: adapter.source)
        let targetCases = context.members.caseNames(of: adapter.target)
        var lines = ["switch \(source) {"]
        // The planner pairs a union that allows `null` only with one that does too.
        if let sourceNull = context.members.nullCaseName(of: adapter.source), let targetNull = context.members.nullCaseName(of: adapter.target) {
            lines.append("case .\(sourceNull): return .\(targetNull)")
        }
        for (index, variant) in variants.enumerated() {
            let value = convert(variant.conversion, "value", tokens: [], depth: 1, losses: losses)
            lines.append("case .\(sourceCases[index])(let value): return .\(targetCases[variant.target])(\(value))")
        }
        if case .union(let union) = module[adapter.source].kind, union.discriminator != nil {
            // An alternative the source version did not know may be one the target knows: decoded again as the
            // target, it is that alternative when nothing of it is lost; otherwise it stays unrecognized, exactly as
            // received, and is reported (the target version's contract has no place for it).
            let targetName = context.names.qualifiedName(of: adapter.target, in: module)
            lines += [
                "case .unrecognized(let value):",
                "    let decoded = value.decodedExactly(as: \(targetName).self) ?? .unrecognized(value)",
                "    if case .unrecognized = decoded { \(losses).record(value) }",
                "    return decoded",
            ]
        }
        lines.append("}")
        return lines
    }
}
