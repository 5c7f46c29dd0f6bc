/// How a value of one version's type becomes a value of another version's type, without any language's
/// syntax. Only conversions that keep every value exactly are expressed; anything else is left to the
/// caller (``IRPropertyAdaptation/supplied(sourceProperty:)``).
public indirect enum IRConversion: Hashable, Sendable {
    /// The same type on both sides (a shared type, or equal scalars): the value as it is.
    case identity
    /// A pair of types (same-named, or renamed) with an adapter that needs nothing from the caller.
    case adapter(source: IRTypeID, target: IRTypeID)
    /// A scalar into a wider one that holds every value exactly: a 32-bit integer into a 64-bit or platform
    /// one, a platform integer into a 64-bit one, any integer into a decimal.
    case widen(from: IRPrimitive, to: IRPrimitive)
    /// A string enumeration's value as its string.
    case rawValue
    /// A string as the target's string enumeration (a value it does not know is kept as unrecognized).
    case enumeration(target: IRTypeID)
    /// Each element converted.
    case array(IRConversion)
    /// Each value of a string-keyed map converted.
    case map(IRConversion)
    /// A present element converted (null elements stay null).
    case optional(IRConversion)

    /// Whether the value is carried unchanged.
    public var isIdentity: Bool { self == .identity }
}

/// Whether a property must be present and whether it may be null: the four shapes a property's value takes.
public struct IRPropertyShape: Hashable, Sendable {
    /// `required`.
    public var isRequired: Bool
    /// `null` allowed (and kept apart from absent).
    public var isNullable: Bool

    /// Whether every value of this shape has a place in `target` (a required value fits an optional
    /// property; an absent one does not fit a required property, nor a null one a non-nullable property).
    public func fits(_ target: IRPropertyShape) -> Bool {
        (isRequired || !target.isRequired) && (!isNullable || target.isNullable)
    }
}

/// Where a target property's value comes from.
public enum IRPropertyAdaptation: Hashable, Sendable {
    /// From the source property at this index, converted.
    case adapted(sourceProperty: Int, conversion: IRConversion)
    /// From the caller: the property is new and required (`sourceProperty` is nil), or the value of the source
    /// property at `sourceProperty` (the same-named one, or the one a rename pairs it with) cannot be converted
    /// exactly.
    case supplied(sourceProperty: Int?)
    /// Absent: the property is optional and the source version does not have it.
    case absent
    /// Nothing: a constant the type computes itself.
    case constant

    /// Whether the caller supplies the value.
    public var isSupplied: Bool {
        if case .supplied = self { return true }
        return false
    }
}

/// What becomes of the undeclared properties a source value keeps.
public enum IRAdditionalAdaptation: Hashable, Sendable {
    /// The source keeps none.
    case none
    /// Carried into the target's map, except names the target declares (those are lost).
    case carried(excluding: [String])
    /// Lost: the target keeps no undeclared properties, or keeps them as another type.
    case lost
}

/// The adapter of one pair of types (same-named, or renamed: `x-renamed-from`).
public enum IRTypeAdaptation: Sendable {
    /// A struct: one entry per target property, and the source properties the adapter does not carry (the
    /// target has no place for them, or the caller supplies their target value).
    case object(properties: [IRPropertyAdaptation], dropped: [Int], additional: IRAdditionalAdaptation)
    /// An enumeration: by raw value (an unknown value is kept as the target's unrecognized value).
    case enumeration
    /// A union: for each source variant, the target variant and how its value converts.
    case union(variants: [(target: Int, conversion: IRConversion)])
}

/// One type adapter: a source type, the target type paired with it, and how one becomes the other.
public struct IRTypeAdapter: Sendable {
    /// The type of the source version.
    public var source: IRTypeID
    /// The type of the target version.
    public var target: IRTypeID
    /// How.
    public var adaptation: IRTypeAdaptation
    /// Whether the adapter needs values from the caller (then other adapters cannot call it).
    public var needsCaller: Bool {
        if case .object(let properties, _, _) = adaptation { return properties.contains(where: \.isSupplied) }
        return false
    }
}

/// The adapters from one major version of a contract to another (one direction).
public struct IRAdapterDirection: Sendable {
    /// The source namespace's index.
    public var source: Int
    /// The target namespace's index.
    public var target: Int
    /// One adapter per pair of types that can be adapted, in the target's declaration order.
    public var types: [IRTypeAdapter]
    /// The paired types that get no adapter, in the target's declaration order: their conversion is the caller's.
    public var unadapted: [IRUnadaptedPair] = []
    /// The target's top-level types (aliases aside) with no counterpart in the source at all: no type of the same
    /// name, and none paired through `x-renamed-from`; in the target's declaration order.
    public var unpaired: [IRTypeID] = []
}

/// A pair of types of neighbouring majors (same-named, or renamed) that gets no adapter, and why.
public struct IRUnadaptedPair: Hashable, Sendable {
    /// Why a pair gets no adapter.
    public enum Reason: Hashable, Sendable {
        /// The language cannot name one of the types without a warning (a deprecated type, in Swift).
        case ineligible
        /// A struct in one version and a union, an enumeration or an alias in the other (or string and integer
        /// enumerations).
        case kindsDiffer
        /// Unions with an alternative the target lacks, another discriminator property, or `null` the target does not allow.
        case unionsDiffer
    }

    /// The source version's type.
    public var source: IRTypeID
    /// The target version's type.
    public var target: IRTypeID
    /// Why there is no adapter.
    public var reason: Reason

    /// Creates a pair.
    public init(source: IRTypeID, target: IRTypeID, reason: Reason) {
        self.source = source
        self.target = target
        self.reason = reason
    }
}

/// Every adapter between the kept major versions of one contract: each adjacent pair of majors, both ways.
public struct IRAdapterSet: Sendable {
    /// The contract's name.
    public var contractName: String
    /// The namespaces of its majors, lowest major first.
    public var namespaces: [Int]
    /// Upgrades and downgrades between neighbouring majors: v1→v2, v2→v1, v2→v3, v3→v2, …
    public var directions: [IRAdapterDirection]
}
