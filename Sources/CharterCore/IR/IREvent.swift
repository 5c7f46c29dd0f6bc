/// An event of a contract (`x-contract.events`) with its payload translated: what a language back end
/// needs to write a typed event definition.
public struct IREvent: Sendable {
    /// The event name as keyed in the contract (the envelope's `type`).
    public var name: String
    /// The contract's event, with every attribute as written.
    public var contract: ContractEvent
    /// The payload's type.
    public var payload: IRTypeRef
    /// What the payload's schema requires of it that its type does not check itself: the constraints of a list, map or
    /// scalar written in the event (`{"type": "string", "maxLength": 8}`); empty for a declared type (a record,
    /// enumeration or union checks itself, an alias has its own entry point).
    public var payloadConstraints = IRConstraints()
    /// One entry per ordering-key pointer, in order.
    public var orderingKey: [IROrderingKeyPart]
    /// When the payload is a union: for each of its variants, in order, the ordering key read from that
    /// variant's value (one entry per pointer); nil for any other payload.
    public var variantOrderingKeys: [[IROrderingKeyPart]]?
    /// Prose and provenance (the event's summary and description, its location in the contract).
    public var documentation: IRDocumentation
}

/// One pointer of an event's ordering key, and how to read it from a payload value.
public struct IROrderingKeyPart: Sendable, Hashable {
    /// The pointer into the payload.
    public var pointer: JSONPointer
    /// The stored properties the pointer walks through, when every step is a required, non-null,
    /// non-deprecated property of an object type and the value reached is a string, an integer or a
    /// string enumeration; nil when the value can only be found in the encoded payload (through a union,
    /// an optional property, or anything else).
    public var path: [IRPropertyStep]?
    /// What the pointer reaches, when ``path`` is set.
    public var leaf: IROrderingKeyLeaf?
}

/// One step of a path through stored properties: a property of an object type.
public struct IRPropertyStep: Sendable, Hashable {
    /// The object type.
    public var type: IRTypeID
    /// The property's index in the type's properties.
    public var property: Int
}

/// The kind of value an ordering-key pointer reaches.
public enum IROrderingKeyLeaf: Sendable, Hashable {
    /// A string, used verbatim.
    case string
    /// An integer, written in decimal.
    case integer
    /// A string enumeration, its raw value used.
    case stringEnumeration
}

extension IRTypeRef {
    /// Whether a value of the type can be JSON `null` itself: free-form JSON, JSON `null` itself, and a union that allows `null` (its
    /// declaration is nullable: languages give it a case for `null`), also through aliases. Where such a type is
    /// used, `null` needs no wrapper around it.
    public func holdsNull(in types: [IRTypeDecl]) -> Bool {
        switch Self.resolvingAliases(self, in: types) {
        case .any, .primitive(.null): return true
        case .named(let id):
            if case .union = types[id.rawValue].kind { return types[id.rawValue].isNullable }
            return false
        default: return false
        }
    }

    /// The type an alias (or a chain of aliases) stands for; any other type as it is.
    static func resolvingAliases(_ type: IRTypeRef, in types: [IRTypeDecl]) -> IRTypeRef {
        var current = type
        var seen: Set<IRTypeID> = []
        while case .named(let id) = current, case .alias(let target, _) = types[id.rawValue].kind, seen.insert(id).inserted {
            current = target
        }
        return current
    }
}
