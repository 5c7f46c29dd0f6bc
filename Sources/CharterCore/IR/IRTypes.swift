/// Identifies a declared type in an ``IRModule``.
public struct IRTypeID: Hashable, Sendable, Comparable {
    /// The index into ``IRModule/types``.
    public let rawValue: Int
    /// Wraps an index.
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    /// Orders by index (declaration order).
    public static func < (lhs: IRTypeID, rhs: IRTypeID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Scalar types every target language has.
public enum IRPrimitive: Hashable, Sendable {
    /// Text.
    case string
    /// true/false.
    case boolean
    /// An integer; `bits` is 32 or 64 when the contract says `int32`/`int64`, nil for the platform default.
    case integer(bits: Int?)
    /// A binary floating-point number.
    case double
    /// An exact decimal; `asString` when it travels as a JSON string (`"19.99"`), else as a JSON number.
    case decimal(asString: Bool)
    /// An RFC 3339 `date-time`.
    case dateTime
    /// An RFC 3339 `full-date`.
    case date
    /// A UUID.
    case uuid
    /// An absolute URI.
    case uri
    /// JSON `null`, the one value of a schema that allows nothing else (`{"type": "null"}`).
    case null
}

/// A use of a type: a declared type, a primitive, or a container of those.
public indirect enum IRTypeRef: Hashable, Sendable {
    /// A type declared in the module.
    case named(IRTypeID)
    /// A scalar.
    case primitive(IRPrimitive)
    /// A list.
    case array(IRTypeRef)
    /// A string-keyed map.
    case map(IRTypeRef)
    /// Any JSON value (free-form).
    case any
    /// A value that may be null; used only for elements of lists and maps and for a payload or body that stands
    /// alone (properties carry nullability in ``IRProperty/isNullable``).
    case optional(IRTypeRef)
}

/// Validation keywords that survive into generated code.
public struct IRConstraints: Hashable, Sendable {
    /// `minLength`.
    public var minLength: Int?
    /// `maxLength`.
    public var maxLength: Int?
    /// `pattern`s, each of which must match (several when `allOf` members or a `$ref` and its siblings each
    /// have one), in first-seen order.
    public var patterns: [String] = []
    /// `minimum`.
    public var minimum: JSONNumber?
    /// `maximum`.
    public var maximum: JSONNumber?
    /// `exclusiveMinimum`.
    public var exclusiveMinimum: JSONNumber?
    /// `exclusiveMaximum`.
    public var exclusiveMaximum: JSONNumber?
    /// `multipleOf`.
    public var multipleOf: JSONNumber?
    /// `minItems`.
    public var minItems: Int?
    /// `maxItems`.
    public var maxItems: Int?
    /// `uniqueItems`.
    public var uniqueItems: Bool = false
    /// `minProperties`.
    public var minProperties: Int?
    /// `maxProperties`.
    public var maxProperties: Int?
    /// `type` of a list element's or map value's schema, in source order (`null` added when the schema allows `null`
    /// otherwise: an `anyOf` with a `null` alternative); nil when the schema names none. Checked where the value is
    /// free-form (`JSONValue`, when the schemas that may apply give different types); a typed value already has it.
    public var types: [JSONType]?
    /// Constraints on each element of an array (or value of a map) of scalars — after ``prefixElements`` (`items`
    /// after `prefixItems`), and of a map's values whose name no pattern of ``patternElements`` matches
    /// (`additionalProperties` beside `patternProperties`).
    public var elements: Box?
    /// Constraints on each of a `prefixItems` tuple's first elements, one per position (empty when no element of the
    /// array is constrained).
    public var prefixElements: [IRConstraints] = []
    /// Constraints on each value of a map whose name matches a `patternProperties` pattern, one per pattern in source
    /// order (a value whose name several patterns match meets each); empty when no value of the map is constrained.
    public var patternElements: [IRPatternConstraints] = []

    /// A heap box so constraints can nest.
    public final class Box: Hashable, Sendable {
        /// The nested constraints.
        public let value: IRConstraints
        /// Boxes constraints.
        public init(_ value: IRConstraints) { self.value = value }
        /// Compares the boxed values.
        public static func == (lhs: Box, rhs: Box) -> Bool { lhs.value == rhs.value }
        /// Hashes the boxed value.
        public func hash(into hasher: inout Hasher) { hasher.combine(value) }
    }

    /// `anyOf`/`oneOf` groups whose alternatives only add constraints (no `type`, properties, items, `enum`, `const` or
    /// `$ref` of their own), each alternative's constraints: at least one (`anyOf`) or exactly one (`oneOf`) holds.
    public var alternativeGroups: [IRAlternativeConstraints] = []

    /// Creates empty constraints.
    public init() {}

    /// Whether nothing is constrained.
    public var isEmpty: Bool { self == IRConstraints() }
}

/// An `anyOf` or `oneOf` whose alternatives only add constraints (`"anyOf": [{"maxLength": 2}, {"minLength": 4}]`).
public struct IRAlternativeConstraints: Hashable, Sendable {
    /// Whether exactly one alternative must hold (`oneOf`); else at least one (`anyOf`).
    public var exactlyOne: Bool
    /// Each alternative's constraints, in source order.
    public var alternatives: [IRConstraints]
}

/// What a `patternProperties` schema requires of each value whose name matches its pattern.
public struct IRPatternConstraints: Hashable, Sendable {
    /// The pattern (ECMA-262), matched against the member's name as an unanchored search.
    public var pattern: String
    /// The constraints of the pattern's schema.
    public var constraints: IRConstraints
}

/// Prose and provenance of a declaration or property.
public struct IRDocumentation: Hashable, Sendable {
    /// `title`.
    public var title: String?
    /// `description`.
    public var description: String?
    /// Where the schema is written.
    public var origin: SourceLocation
    /// The path of the schema's file relative to the input root.
    public var rootRelativePath: String

    /// Where the schema is written, as the file path relative to the root plus JSON pointer
    /// (`common/common-v1.json#/$defs/Money`). Computed when asked: only declarations show it, and
    /// spelling the pointer of every property was 2.7% of a run at 100 types.
    public var reference: String { "\(rootRelativePath)#\(origin.pointer)" }
}

/// A property of an object type.
public struct IRProperty: Sendable {
    /// The name on the wire (never changed).
    public var wireName: String
    /// Its type.
    public var type: IRTypeRef
    /// Whether the property must be present.
    public var isRequired: Bool
    /// Whether `null` is allowed.
    public var isNullable: Bool
    /// `default`, when present.
    public var defaultValue: JSONNode?
    /// `const`, when present: the only value.
    public var constValue: JSONNode?
    /// Prose and provenance.
    public var documentation: IRDocumentation
    /// `deprecated`.
    public var isDeprecated: Bool
    /// `readOnly`.
    public var isReadOnly: Bool
    /// `writeOnly`.
    public var isWriteOnly: Bool
    /// Validation of the value.
    public var constraints: IRConstraints
    /// `x-renamed-from`: the wire name the property had in the previous major version (version adapters carry
    /// that property's value into this one).
    public var renamedFrom: RenamedFrom? = nil
}

extension IRProperty {
    /// Whether the value keeps JSON `null` apart from a value (in Swift: `T?` when required, `Nullable<T>?` when
    /// optional). A type that holds `null` itself — free-form JSON, a union that allows `null` (see
    /// ``IRTypeRef/holdsNull(in:)``) — needs no wrapper: its own `null` is the one way to say it.
    public func keepsNullApart(in types: [IRTypeDecl]) -> Bool { isNullable && !type.holdsNull(in: types) }

    /// Whether every value of the type carries the property, in requests and in responses: it is required and neither
    /// `readOnly` (absent from requests) nor `writeOnly` (absent from responses). A required `readOnly` or `writeOnly`
    /// property is required in one direction only (OpenAPI 3.1), so generated types hold it as an optional.
    public var isAlwaysPresent: Bool { isRequired && !isReadOnly && !isWriteOnly }

    /// Whether the property is a required scalar `const`, which generated types compute instead of storing (one that
    /// one direction never carries is stored, as an optional).
    public var isComputedConstant: Bool {
        guard isAlwaysPresent, let value = constValue, case .primitive = type else { return false }
        switch value.value {
        case .string, .bool, .number: return true
        default: return false
        }
    }
}

/// What happens to properties an object does not declare.
public enum IRAdditionalProperties: Hashable, Sendable {
    /// Unknown properties are accepted and dropped (open content model, `additionalProperties` absent).
    case ignored
    /// Unknown properties are invalid (`additionalProperties: false`).
    case forbidden
    /// Unknown properties are kept in a map of this value type.
    case map(IRTypeRef)
}

/// A record type.
public struct IRObject: Sendable {
    /// Properties, in schema order (`allOf` members merged in order).
    public var properties: [IRProperty]
    /// Undeclared properties.
    public var additionalProperties: IRAdditionalProperties
    /// When not empty, an undeclared property's name must match one of these patterns (`patternProperties`
    /// beside `additionalProperties: false`); the properties are kept in the ``additionalProperties`` map.
    public var undeclaredNamePatterns: [String] = []
    /// `minProperties`/`maxProperties`.
    public var constraints: IRConstraints
}

extension IRObject {
    /// The constraints of the map of undeclared properties that hold for every value in it (for writing a value
    /// in a text its pattern accepts): ``constraints`` when every undeclared value has the same schema, none when
    /// `patternProperties` give values of different names different schemas.
    public var undeclaredMapConstraints: IRConstraints {
        constraints.patternElements.isEmpty ? constraints : IRConstraints()
    }
}

/// One value of an enumeration.
public struct IREnumCase: Hashable, Sendable {
    /// The value as JSON text: the string itself, or the integer literal.
    public var value: String
}

/// A closed set of values that decodes unknown values instead of failing.
public struct IREnumeration: Sendable {
    /// Whether the values are strings (else integers).
    public var isString: Bool
    /// The known values, in schema order.
    public var cases: [IREnumCase]
    /// `x-transitions`: allowed moves from a state to others, in source order.
    public var transitions: [(from: String, to: [String])]?
}

/// How a union tells its variants apart.
public struct IRDiscriminator: Hashable, Sendable {
    /// The property holding the tag.
    public var propertyName: String
    /// Whether it came from a `discriminator` keyword (false: inferred from `const`s).
    public var isExplicit: Bool
}

/// One alternative of a union.
public struct IRVariant: Sendable {
    /// Its type.
    public var type: IRTypeRef
    /// The discriminator values that select it (empty without a discriminator).
    public var tags: [String]
    /// Whether encoding the variant's value writes the tag: its type has the discriminator property with the
    /// value fixed (a `const` or single-valued `enum`). Otherwise the union writes the case's tag on encode,
    /// over whatever the value holds, so the case decides the tag, never the payload.
    public var declaresDiscriminator: Bool
    /// A name for the case, from the tag or the variant's schema.
    public var nameHint: String
    /// What the alternative's schema, with the keywords written beside the alternatives, requires of a value of
    /// its type (lengths, pattern, bounds, item counts): checked when the union holds the variant.
    public var constraints = IRConstraints()
}

/// A value that is exactly one of several alternatives (`oneOf`/`anyOf`, or a `type` array).
public struct IRUnion: Sendable {
    /// The alternatives, in schema order.
    public var variants: [IRVariant]
    /// The discriminator, when the variants can be told apart by a tag.
    public var discriminator: IRDiscriminator?
}

/// What a declared type is.
public enum IRTypeKind: Sendable {
    /// A record.
    case object(IRObject)
    /// An enumeration.
    case enumeration(IREnumeration)
    /// A tagged or untagged union.
    case union(IRUnion)
    /// Another name for a type (a `$defs` entry that is a scalar, list or reference).
    case alias(IRTypeRef, IRConstraints)
}

/// A type to declare in generated code.
public struct IRTypeDecl: Sendable {
    /// Its identity.
    public let id: IRTypeID
    /// The name it was given in the contract (`$defs` key, property name, title) before any language's rules.
    public var name: String
    /// What it is.
    public var kind: IRTypeKind
    /// Prose and provenance.
    public var documentation: IRDocumentation
    /// `deprecated`.
    public var isDeprecated: Bool
    /// `examples` of the schema, for tests and docs.
    public var examples: [JSONNode]
    /// The namespace it belongs to.
    public var namespace: Int
    /// The type it is nested in (inline schemas), or nil for a top-level type.
    public var parent: IRTypeID?
    /// Types declared inside it, in order.
    public var nested: [IRTypeID]
    /// The schema it was translated from.
    public var schema: SchemaID
    /// Whether the value can be null where this type is used through a `$ref`.
    public var isNullable: Bool
    /// `x-renamed-from` on a top-level type: the `$defs` name it had in the previous major version (version
    /// adapters pair it with that type).
    public var renamedFrom: RenamedFrom? = nil
}

/// The types of one file (one contract major version).
public struct IRNamespace: Sendable {
    /// The name in contract terms, e.g. `inventory` major `2`; the language layer decides the spelling.
    public var contractName: String
    /// The major version, when the file is a contract.
    public var majorVersion: Int?
    /// The file.
    public var document: DocumentID
    /// The file's path relative to the root (for headers).
    public var sourcePath: String
    /// The file's absolute path, symlinks resolved (what the build plugin's plan check compares).
    public var file: String = ""
    /// Whether the file was named as input (false: reached only through `$ref`).
    public var isInput: Bool
    /// The contract extension, when the file has one.
    public var contract: Contract?
    /// The file's `title` and `description`.
    public var documentation: IRDocumentation
    /// Top-level types, in declaration order.
    public var types: [IRTypeID]
    /// The contract's events, in contract order, their payloads and ordering keys resolved to types.
    public var events: [IREvent] = []
    /// The contract's operations, in contract order, their parameters and bodies resolved to types.
    public var operations: [IROperation] = []
}

/// The language-neutral model of everything to generate.
public struct IRModule: Sendable {
    /// One namespace per file that declares types, inputs first.
    public var namespaces: [IRNamespace]
    /// Every declared type.
    public var types: [IRTypeDecl]
    /// Warnings from translation (constructs approximated).
    public var warnings: [Diagnostic]
    /// The type use every translated schema produced (operations and events look their bodies up here).
    public var schemaTypes: [SchemaID: IRTypeRef]

    /// The type with this identity.
    public subscript(id: IRTypeID) -> IRTypeDecl { types[id.rawValue] }
}
