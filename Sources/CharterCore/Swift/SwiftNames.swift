/// The Swift names of everything in an ``IRModule``: namespaces, types, properties, cases — decided once,
/// deterministically, before any code is rendered.
struct SwiftNames {
    /// Type names that generated code must never shadow: the standard library, Foundation and runtime
    /// types it uses. A contract type with such a name gets a `Model` suffix.
    static let reservedTypeNames: Set<String> = [
        "String", "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64", "Double",
        "Float", "Bool", "Character", "Substring", "Decimal", "Date", "UUID", "URL", "Data", "Array", "Dictionary",
        "Set", "Optional", "Result", "Error", "Never", "Void", "Any", "AnyObject", "Type", "Protocol", "Self",
        "Codable", "Decodable", "Encodable", "Hashable", "Equatable", "Sendable", "Comparable", "Identifiable",
        "RawRepresentable", "CaseIterable", "CustomStringConvertible", "CodingKey", "CodingKeys", "Decoder",
        "Encoder", "DecodingError", "EncodingError", "KeyedDecodingContainer", "KeyedEncodingContainer", "Hasher",
        "Sequence", "Collection", "Range", "Task", "Actor", "MainActor", "Locale", "TimeZone", "Calendar",
        "JSONDecoder", "JSONEncoder", "Foundation", "Swift", "JSONValue", "Nullable", "Indirect", "RFC3339",
        "RFC3339DateTime", "LowercaseUUID", "DecimalString", "AbsoluteURL", "CalendarDate", "AnyCodingKey", "ValidationIssue",
        "ValidationError", "Validatable", "Validation", "ValidationNumber", "Equality", "EventDefinition",
        "ClientRequest", "ClientResponse", "ClientError", "ClientOperation", "ClientConfiguration", "ClientTransport",
        "ClientParameter", "ClientHeader", "ClientAuthRequirement", "VersionAdapted", "VersionAdapterLoss",
        "VersionAdapterLosses", "VersionAdapterError", "JSONNull", "ExactText",
    ]

    /// Names a definition's body uses unqualified (its payload, its wire form and the protocol's typealiases),
    /// which an event definition of that name would shadow.
    static let reservedEventNames: Set<String> = ["Payload", "PayloadWire", "Delivery", "RetryPolicy"]

    /// Member names generated code itself declares in a struct.
    static let reservedStructMembers: Set<String> = [
        "init", "encode", "hash", "hashValue", "collectIssues", "validate", "validationIssues", "knownKeys",
    ]

    /// Member names generated code itself declares in an enum.
    static let reservedEnumMembers: Set<String> = [
        "unrecognized", "rawValue", "knownCases", "allowedTransitions", "canTransition", "init", "encode", "hash",
        "hashValue", "collectIssues", "validate", "validationIssues", "value",
    ]

    /// Namespace names, by namespace index.
    private(set) var namespaces: [String] = []
    /// Type names, by type index.
    private(set) var types: [String] = []
    /// The enum holding a namespace's event definitions (`Events`, unless a type took the name), by
    /// namespace index; empty for a namespace without events.
    private(set) var eventContainers: [String] = []
    /// The event definitions' names inside their container, by namespace index, in event order.
    private(set) var events: [[String]] = []
    /// The client struct of a namespace (`Client`, unless a type took the name), by namespace index; empty
    /// for a namespace without operations.
    private(set) var clients: [String] = []
    /// The provider protocol of a namespace (`Provider`, unless a type took the name), by namespace index;
    /// empty for a namespace without operations.
    private(set) var providers: [String] = []
    /// The response enum of each operation (`GetOrderResponse`), by namespace index, in operation order.
    private(set) var responses: [[String]] = []

    init(_ module: IRModule) {
        types = Array(repeating: "", count: module.types.count)
        var moduleScope = NameScope(reserved: Self.reservedTypeNames)
        namespaces = Array(repeating: "", count: module.namespaces.count)
        eventContainers = namespaces
        clients = namespaces
        providers = namespaces
        responses = Array(repeating: [], count: module.namespaces.count)
        events = Array(repeating: [], count: module.namespaces.count)
        // Claimed in path order, so a collision resolves the same way whatever the input order.
        let order = module.namespaces.indices.sorted { module.namespaces[$0].sourcePath < module.namespaces[$1].sourcePath }
        for index in order {
            let namespace = module.namespaces[index]
            var stem = SwiftIdentifier.typeName(namespace.contractName)
            if let major = namespace.majorVersion { stem += "V\(major)" }
            namespaces[index] = moduleScope.claim(stem)
        }
        let reserved = Self.reservedTypeNames.union(namespaces)
        for (index, namespace) in module.namespaces.enumerated() {
            var scope = NameScope(reserved: reserved)
            scope.reserve(namespaces[index])
            let stem = SwiftIdentifier.typeName(namespace.contractName) + "V"
            for typeID in namespace.types {
                name(typeID, in: &scope, module: module, outer: reserved, enclosing: [], majorStem: stem)
            }
            // Claimed after the types, so adding events to a contract never renames a type.
            if !namespace.events.isEmpty {
                let container = scope.claim("Events")
                eventContainers[index] = container
                var eventScope = NameScope(reserved: reserved)
                eventScope.reserve(container)
                events[index] = namespace.events.map { event in
                    var preferred = SwiftIdentifier.typeName(event.name)
                    if reserved.contains(preferred) || Self.reservedEventNames.contains(preferred) { preferred += "Event" }
                    return eventScope.claim(preferred)
                }
            }
            if !namespace.operations.isEmpty {
                clients[index] = scope.claim("Client")
                providers[index] = scope.claim("Provider")
                responses[index] = namespace.operations.map { scope.claim(SwiftIdentifier.typeName($0.contract.id) + "Response") }
            }
        }
    }

    /// Names a type, then its nested types in a scope of their own. A type must not take the name of a
    /// reserved or namespace name (`outer`), of a type it is nested in (`enclosing`, outermost first), or of
    /// any major version of its own contract (`majorStem` and digits: `InventoryV1` in inventory v2), whether
    /// or not that major is generated in the same run — the build plugin generates each major's models
    /// without the others and their adapters with all of them, and both must name the type the same way.
    private mutating func name(
        _ typeID: IRTypeID, in scope: inout NameScope, module: IRModule, outer: Set<String>, enclosing: [String],
        majorStem: String
    ) {
        var preferred = SwiftIdentifier.typeName(module[typeID].name)
        if Self.reservedTypeNames.contains(preferred) || outer.contains(preferred) || enclosing.contains(preferred)
            || Self.isMajorName(preferred, stem: majorStem)
        {
            preferred += "Model"
        }
        let name = scope.claim(preferred)
        types[typeID.rawValue] = name
        let nested = module[typeID].nested
        guard !nested.isEmpty else { return }
        // The shared `outer` set is never copied: a scope keeps it as its base and takes its own names beside it.
        var inner = NameScope(reserved: outer)
        inner.reserve("CodingKeys")
        for enclosingName in enclosing { inner.reserve(enclosingName) }
        inner.reserve(name)
        let enclosingInner = enclosing + [name]
        for nestedID in nested {
            self.name(nestedID, in: &inner, module: module, outer: outer, enclosing: enclosingInner, majorStem: majorStem)
        }
    }

    /// Whether `name` is `stem` followed by digits only (`InventoryV` and `12`).
    static func isMajorName(_ name: String, stem: String) -> Bool {
        guard name.hasPrefix(stem) else { return false }
        let digits = name.utf8.dropFirst(stem.utf8.count)
        return !digits.isEmpty && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The fully qualified name of a type, from its namespace down (`InventoryV2.Order.Line`).
    func qualifiedName(of id: IRTypeID, in module: IRModule) -> String {
        var parts: [String] = []
        var current: IRTypeID? = id
        while let type = current {
            parts.insert(types[type.rawValue], at: 0)
            current = module[type].parent
        }
        return ([namespaces[module[id].namespace]] + parts).joined(separator: ".")
    }

    /// The argument label of an alias's namespace-level checks, `of` and the alias's name: `Sku`'s are
    /// `collectIssues(ofSku:at:into:)` and `validationIssues(ofSku:)`. Unique in the namespace, as the type names are.
    func aliasValidationLabel(of id: IRTypeID) -> String {
        "of" + SwiftIdentifier.unescaped(types[id.rawValue])
    }
}
