/// The Swift names of members: struct properties (and their private storage), enum cases and union
/// cases, unique within their type and never a name generated code declares itself.
struct SwiftMembers {
    /// Property names by type (empty for non-structs), escaped for use as identifiers.
    private var properties: [[String]]
    /// Names of private storage for properties that need it (boxed or deprecated), by type.
    private var storage: [[String?]]
    /// Enum and union case names by type, escaped.
    private var cases: [[String]]
    /// The name of the map of undeclared properties, by type.
    private var additional: [String?]
    /// The case holding JSON `null`, by type: for unions whose declaration allows `null`.
    private var nullCases: [String?]

    init(_ module: IRModule, recursion: SwiftRecursion) {
        properties = Array(repeating: [], count: module.types.count)
        storage = Array(repeating: [], count: module.types.count)
        cases = Array(repeating: [], count: module.types.count)
        additional = Array(repeating: nil, count: module.types.count)
        nullCases = Array(repeating: nil, count: module.types.count)
        // Indices, not `for decl in module.types`: binding a declaration or a property copies every field of it
        // (a dozen reference counts touched all over the heap), and this runs once per type and property.
        for index in module.types.indices {
            switch module.types[index].kind {
            case .object(let object):
                let declared = object.properties
                var scope = NameScope(reserved: SwiftNames.reservedStructMembers)
                if case .map = object.additionalProperties { additional[index] = scope.claim("additionalProperties") }
                let names = declared.indices.map { Self.memberName(declared[$0].wireName, in: &scope) }
                properties[index] = names
                storage[index] = declared.indices.map { offset in
                    let boxed = recursion.boxedProperties.contains(.init(type: IRTypeID(index), property: offset))
                    guard boxed || declared[offset].isDeprecated, declared[offset].constValue == nil || !declared[offset].isAlwaysPresent else {
                        return nil
                    }
                    return scope.claim("_" + SwiftIdentifier.unescaped(names[offset]))
                }
            case .enumeration(let enumeration):
                var scope = NameScope(reserved: SwiftNames.reservedEnumMembers)
                // `-1` is spelled `minus1`, so it cannot take the name of `1`.
                cases[index] = enumeration.cases.map {
                    Self.caseName(!enumeration.isString && $0.value.hasPrefix("-") ? "minus" + $0.value.dropFirst() : $0.value, in: &scope)
                }
            case .union(let union):
                var scope = NameScope(reserved: SwiftNames.reservedEnumMembers)
                if module.types[index].isNullable { nullCases[index] = Self.caseName("null", in: &scope) }
                cases[index] = union.variants.map { Self.caseName($0.nameHint, in: &scope) }
            case .alias:
                break
            }
        }
    }

    /// Claims a lowerCamel member name for a wire name and escapes it.
    static func memberName(_ wire: String, in scope: inout NameScope) -> String {
        claim(wire, unusable: SwiftIdentifier.unusableMemberNames, in: &scope)
    }

    /// Claims a lowerCamel enum or union case name for a wire value and escapes it (never `none` or `some`).
    static func caseName(_ wire: String, in scope: inout NameScope) -> String {
        claim(wire, unusable: SwiftIdentifier.unusableCaseNames, in: &scope)
    }

    /// Claims the member name of `wire`, with a `Value` suffix when it is one of `unusable`, and escapes it.
    private static func claim(_ wire: String, unusable: Set<String>, in scope: inout NameScope) -> String {
        var name = SwiftIdentifier.memberName(wire)
        if unusable.contains(name) { name += "Value" }
        return SwiftIdentifier.escaped(scope.claim(name))
    }

    /// Property names of a struct, in property order.
    func propertyNames(of type: IRTypeID) -> [String] { properties[type.rawValue] }

    /// Private storage name of a property, when it has one.
    func storageName(of type: IRTypeID, property: Int) -> String? { storage[type.rawValue][property] }

    /// Case names of an enum or union, in case order.
    func caseNames(of type: IRTypeID) -> [String] { cases[type.rawValue] }

    /// The name of the case holding JSON `null`, when the type is a union that allows it.
    func nullCaseName(of type: IRTypeID) -> String? { nullCases[type.rawValue] }

    /// The name of the map of undeclared properties, when the struct has one.
    func additionalPropertiesName(of type: IRTypeID) -> String? { additional[type.rawValue] }
}
