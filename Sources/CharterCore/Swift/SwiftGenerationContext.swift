/// Everything the Swift view-model builders share for one module: names, type spelling, recursion
/// breaking, literals and options. Immutable once built, so the files of a module render from one
/// context on several threads at once.
final class SwiftGenerationContext: Sendable {
    let module: IRModule
    let options: SwiftOptions
    let names: SwiftNames
    let mapper: SwiftTypeMapper
    let recursion: SwiftRecursion
    let members: SwiftMembers
    let literals: SwiftValueLiterals
    /// Types that other generated declarations use — other types, and the event definitions, clients and providers
    /// of the module's contracts (a deprecated one then gets a doc warning instead of `@available(*, deprecated)`,
    /// which would make the generated code itself warn).
    let referenced: Set<IRTypeID>

    init(module: IRModule, options: SwiftOptions) {
        self.module = module
        self.options = options
        names = SwiftNames(module)
        mapper = SwiftTypeMapper(module: module, names: names)
        recursion = SwiftRecursion(module)
        members = SwiftMembers(module, recursion: recursion)
        literals = SwiftValueLiterals(module: module, members: members)
        var used: Set<IRTypeID> = []
        for index in module.types.indices {
            switch module.types[index].kind {
            case .object(let object):
                let properties = object.properties
                for offset in properties.indices { Self.collectNamed(properties[offset].type, into: &used) }
                if case .map(let value) = object.additionalProperties { Self.collectNamed(value, into: &used) }
            case .union(let union):
                for variant in union.variants { Self.collectNamed(variant.type, into: &used) }
            case .alias(let target, _): Self.collectNamed(target, into: &used)
            case .enumeration: break
            }
        }
        // Whether or not `--emit` writes them, so every command of the build plugin decides the same.
        for namespace in module.namespaces {
            for event in namespace.events { Self.collectNamed(event.payload, into: &used) }
            for operation in namespace.operations {
                for parameter in operation.parameters { Self.collectNamed(parameter.type, into: &used) }
                if let body = operation.requestBody { Self.collectNamed(body, into: &used) }
                for response in operation.responses {
                    if let body = response.body { Self.collectNamed(body, into: &used) }
                    for header in response.headers { Self.collectNamed(header.type, into: &used) }
                }
            }
        }
        referenced = used
    }

    static func collectNamed(_ type: IRTypeRef, into set: inout Set<IRTypeID>) {
        switch type {
        case .named(let id): set.insert(id)
        case .array(let inner), .map(let inner), .optional(let inner): collectNamed(inner, into: &set)
        case .primitive, .any: break
        }
    }

    /// The doc comment lines of a declaration.
    func documentation(_ decl: IRTypeDecl) -> [String] {
        var extra: [String] = []
        if decl.isDeprecated && referenced.contains(decl.id) { extra.append("- Warning: Deprecated in the contract.") }
        return SwiftDocumentation.lines(decl.documentation, extra: extra)
    }

    /// Attributes written before a declaration.
    func attributes(_ decl: IRTypeDecl) -> [String] {
        decl.isDeprecated && !referenced.contains(decl.id) ? ["@available(*, deprecated, message: \"Deprecated in the contract.\")"] : []
    }

    /// A type use spelled with every named type fully qualified (`OrdersV2.Order`), for code whose own
    /// nested names (event definitions, response enums) could otherwise shadow a type of the namespace.
    func qualifiedType(_ type: IRTypeRef) -> String {
        switch type {
        case .named(let id): return names.qualifiedName(of: id, in: module)
        case .primitive(let primitive): return SwiftTypeMapper.swiftType(primitive)
        case .array(let element): return "[\(qualifiedType(element))]"
        case .map(let value): return "[String: \(qualifiedType(value))]"
        case .any: return "JSONValue"
        case .optional(let wrapped): return "\(qualifiedType(wrapped))?"
        }
    }

    /// The view model of any declaration, keyed by its kind for `Templates/Declaration.mustache`.
    func declaration(_ id: IRTypeID) -> MustacheValue {
        let decl = module[id]
        var kinds: MustacheObject = ["struct": .null, "enum": .null, "union": .null, "alias": .null]
        switch decl.kind {
        case .object(let object): kinds["struct"] = SwiftStructBuilder(context: self).build(decl, object)
        case .enumeration(let enumeration): kinds["enum"] = SwiftEnumBuilder(context: self).build(decl, enumeration)
        case .union(let union): kinds["union"] = SwiftUnionBuilder(context: self).build(decl, union)
        case .alias(let target, _):
            let here: SwiftTypeMapper.Context = decl.parent.map(SwiftTypeMapper.Context.type) ?? .namespace(decl.namespace)
            let name = names.types[id.rawValue]
            let validation: MustacheValue = SwiftValidationBuilder(context: self).aliasLines(decl).map { lines in
                .object([
                    "label": .string(names.aliasValidationLabel(of: id)),
                    "name": .string(name),
                    "lines": .list(lines.map(MustacheValue.string)),
                ])
            } ?? .null
            kinds["alias"] = .object([
                "documentation": .list(documentation(decl).map(MustacheValue.string)),
                "attributes": .list(attributes(decl).map(MustacheValue.string)),
                "name": .string(name),
                "type": .string(mapper.swiftType(target, in: here)),
                "validation": validation,
            ])
        }
        return .object(kinds)
    }

    /// The namespace-level checks of the alias a body or payload of `type` is (`T`, or `T?` for one that may be
    /// null): the namespace and the argument label (`("ShopV1", "ofSku")` for `ShopV1.validationIssues(ofSku:)`);
    /// nil when `type` is not such an alias, or the alias has nothing of its own to check (see
    /// ``SwiftValidationBuilder/aliasLines(_:)``).
    func aliasValidation(of type: IRTypeRef) -> (namespace: String, label: String, isOptional: Bool)? {
        var isOptional = false
        var current = type
        if case .optional(let wrapped) = type {
            isOptional = true
            current = wrapped
        }
        guard case .named(let id) = current, SwiftValidationBuilder(context: self).aliasLines(module[id]) != nil else { return nil }
        return (names.namespaces[module[id].namespace], names.aliasValidationLabel(of: id), isOptional)
    }

    /// `expression`, a value of `property` compared with the property's `const` literal, as the comparison needs it: a
    /// string constant held as a `String` is compared code point by code point (``SwiftStringMatch``) when `String ==`
    /// could confuse it; any other is compared as it is.
    func constantSubject(_ expression: String, _ property: IRProperty) -> String {
        guard let text = property.constValue?.string, mapper.unaliased(property.type) == .primitive(.string) else { return expression }
        return SwiftStringMatch.subject(expression, comparedWith: [text])
    }
}
