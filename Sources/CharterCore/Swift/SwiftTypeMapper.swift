/// Spells IR type uses as Swift types, qualified just enough to mean the right declaration where they
/// are written, and knows how each travels on the wire.
struct SwiftTypeMapper {
    /// Where a type is written: inside a namespace's extension, or inside a type's body.
    enum Context: Hashable {
        case namespace(Int)
        case type(IRTypeID)
    }

    let module: IRModule
    let names: SwiftNames
    private var namespaceMembers: [[String: IRTypeID]] = []
    private var typeMembers: [[String: IRTypeID]] = []

    init(module: IRModule, names: SwiftNames) {
        self.module = module
        self.names = names
        namespaceMembers = module.namespaces.map { namespace in
            Dictionary(namespace.types.map { (names.types[$0.rawValue], $0) }, uniquingKeysWith: { first, _ in first })
        }
        typeMembers = module.types.indices.map { index in
            let nested = module.types[index].nested
            return nested.isEmpty ? [:] : Dictionary(nested.map { (names.types[$0.rawValue], $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    // MARK: Type names

    /// The Swift spelling of a type use, written in `context`.
    func swiftType(_ type: IRTypeRef, in context: Context) -> String {
        switch type {
        case .named(let id): return reference(to: id, from: context)
        case .primitive(let primitive): return Self.swiftType(primitive)
        case .array(let element): return "[\(swiftType(element, in: context))]"
        case .map(let value): return "[String: \(swiftType(value, in: context))]"
        case .any: return "JSONValue"
        case .optional(let wrapped): return "\(swiftType(wrapped, in: context))?"
        }
    }

    /// The Swift type of a scalar.
    static func swiftType(_ primitive: IRPrimitive) -> String {
        switch primitive {
        case .string: "String"
        case .boolean: "Bool"
        case .integer(let bits): bits.map { "Int\($0)" } ?? "Int"
        case .double: "Double"
        case .decimal: "Decimal"
        case .dateTime: "Date"
        case .date: "CalendarDate"
        case .uuid: "UUID"
        case .uri: "URL"
        case .null: "JSONNull"
        }
    }

    /// The shortest qualified name of `target` that Swift's lexical lookup resolves to `target` from `context`.
    func reference(to target: IRTypeID, from context: Context) -> String {
        var path: [String] = []
        var current: IRTypeID? = target
        while let id = current {
            path.insert(names.types[id.rawValue], at: 0)
            current = module[id].parent
        }
        path.insert(names.namespaces[module[target].namespace], at: 0)
        for length in 1...path.count {
            let candidate = Array(path.suffix(length))
            if resolve(candidate, from: context) == target { return candidate.joined(separator: ".") }
        }
        return path.joined(separator: ".")
    }

    /// What a dotted name means when written in `context` (nil: not a generated type).
    private func resolve(_ components: [String], from context: Context) -> IRTypeID? {
        guard let first = components.first else { return nil }
        var entity: Entity?
        var scope: Context? = context
        while let current = scope, entity == nil {
            switch current {
            case .type(let id):
                if let found = typeMembers[id.rawValue][first] { entity = .type(found) }
                scope = module[id].parent.map(Context.type) ?? .namespace(module[id].namespace)
            case .namespace(let index):
                if let found = namespaceMembers[index][first] { entity = .type(found) }
                scope = nil
            }
        }
        if entity == nil, let index = names.namespaces.firstIndex(of: first) { entity = .namespace(index) }
        for component in components.dropFirst() {
            switch entity {
            case .namespace(let index)?: entity = namespaceMembers[index][component].map(Entity.type)
            case .type(let id)?: entity = typeMembers[id.rawValue][component].map(Entity.type)
            case nil: return nil
            }
        }
        if case .type(let id)? = entity { return id }
        return nil
    }

    private enum Entity {
        case namespace(Int)
        case type(IRTypeID)
    }

    // MARK: Wire forms

    /// The Codable type a value travels as, when it differs from the Swift type (dates, UUIDs, decimal strings).
    func wireType(_ type: IRTypeRef, in context: Context) -> String? {
        guard needsConversion(type) else { return nil }
        switch type {
        case .primitive(let primitive): return Self.wrapper(primitive)
        case .array(let element): return "[\(wireType(element, in: context)!)]"
        case .map(let value): return "[String: \(wireType(value, in: context)!)]"
        case .optional(let wrapped): return "\(wireType(wrapped, in: context)!)?"
        case .named: return aliasTarget(type).flatMap { wireType($0, in: context) }
        case .any: return nil
        }
    }

    /// Whether the value needs a wrapper on the wire (an alias of a date-time needs what the date-time needs).
    func needsConversion(_ type: IRTypeRef, depth: Int = 0) -> Bool {
        switch type {
        case .primitive(let primitive): return Self.wrapper(primitive) != nil
        case .array(let element), .map(let element), .optional(let element): return depth < 32 && needsConversion(element, depth: depth + 1)
        case .named: return depth < 32 && aliasTarget(type).map { needsConversion($0, depth: depth + 1) } == true
        case .any: return false
        }
    }

    /// What an alias stands for (through chains of aliases); nil for any other type.
    func aliasTarget(_ type: IRTypeRef) -> IRTypeRef? {
        guard case .named(let id) = type, case .alias = module[id].kind else { return nil }
        let target = IRTypeRef.resolvingAliases(type, in: module.types)
        if case .named(let other) = target, case .alias = module[other].kind { return nil }
        return target
    }

    /// The runtime wrapper of a scalar, when it has one.
    static func wrapper(_ primitive: IRPrimitive) -> String? {
        switch primitive {
        case .dateTime: "RFC3339DateTime"
        case .uuid: "LowercaseUUID"
        case .decimal(asString: true): "DecimalString"
        case .uri: "AbsoluteURL"
        default: nil
        }
    }

    /// An expression turning the wire value `expression` into the Swift value.
    func fromWire(_ type: IRTypeRef, _ expression: String) -> String {
        guard needsConversion(type) else { return expression }
        switch type {
        case .primitive: return "\(expression).value"
        case .array(let element): return "\(expression).map { \(fromWire(element, "$0")) }"
        case .map(let value): return "\(expression).mapValues { \(fromWire(value, "$0")) }"
        case .optional(let wrapped): return "\(expression).map { \(fromWire(wrapped, "$0")) }"
        case .named: return aliasTarget(type).map { fromWire($0, expression) } ?? expression
        case .any: return expression
        }
    }

    /// An expression turning the Swift value `expression` into its wire value. `constraints` are the value's (a
    /// property's, with what its `$ref` brings): a decimal string with `pattern`s is written as the first text of it
    /// that matches them (`DecimalString(value, matching: "…")`, not the plain form `"10"` that a two-places
    /// pattern refuses), an array's elements and a map's values under `constraints.elements` — a `prefixItems`
    /// tuple's first elements under their position's (`constraints.prefixElements`). Where the caller has
    /// none (a whole value: a body, a payload), an alias's own constraints apply.
    func toWire(_ type: IRTypeRef, _ expression: String, constraints: IRConstraints = IRConstraints()) -> String {
        guard needsConversion(type) else { return expression }
        let elements = constraints.elements?.value ?? IRConstraints()
        switch type {
        case .primitive(.decimal(asString: true)) where !constraints.patterns.isEmpty:
            let patterns = constraints.patterns.map(SwiftLiteral.string).joined(separator: ", ")
            return "DecimalString(\(expression), matching: \(patterns))"
        case .primitive(let primitive): return "\(Self.wrapper(primitive)!)(\(expression))"
        case .array(let element):
            return SwiftElementMap.map(expression, constraints: constraints) { toWire(element, $1, constraints: $0) }
        case .map(let value): return "\(expression).mapValues { \(toWire(value, "$0", constraints: elements)) }"
        case .optional(let wrapped): return "\(expression).map { \(toWire(wrapped, "$0", constraints: constraints)) }"
        case .named(let id):
            guard let target = aliasTarget(type) else { return expression }
            guard constraints.isEmpty, case .alias(_, let own) = module[id].kind else { return toWire(target, expression, constraints: constraints) }
            return toWire(target, expression, constraints: own)
        case .any: return expression
        }
    }

    /// Whether values of the type conform to `Validatable` (generated types, and containers of them).
    func isValidatable(_ type: IRTypeRef) -> Bool {
        switch type {
        case .named(let id):
            if case .alias(let target, _) = module[id].kind { return isValidatable(target) }
            return true
        case .array(let element), .map(let element), .optional(let element): return isValidatable(element)
        case .primitive, .any: return false
        }
    }

    /// The type behind aliases.
    func unaliased(_ type: IRTypeRef) -> IRTypeRef {
        IRTypeRef.resolvingAliases(type, in: module.types)
    }
}
