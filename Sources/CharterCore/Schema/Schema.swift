/// The JSON types a schema's `type` keyword can name.
public enum JSONType: String, Sendable, Hashable, CaseIterable {
    /// `"null"`.
    case null
    /// `"boolean"`.
    case boolean
    /// `"object"`.
    case object
    /// `"array"`.
    case array
    /// `"number"`.
    case number
    /// `"string"`.
    case string
    /// `"integer"`.
    case integer
}

/// One entry of `properties`, in source order.
public struct SchemaProperty: Hashable, Sendable {
    /// The property name as it appears on the wire.
    public var name: String
    /// The property's schema.
    public var schema: SchemaID
    /// Where the name is written.
    public var keyPosition: SourcePosition
}

/// One named subschema, e.g. an entry of `$defs` or `patternProperties`.
public struct NamedSchema: Hashable, Sendable {
    /// The key it is listed under.
    public var name: String
    /// The schema.
    public var schema: SchemaID
}

/// OpenAPI's `discriminator` object, resolved.
public struct SchemaDiscriminator: Hashable, Sendable {
    /// The property whose value selects the variant.
    public var propertyName: String
    /// Explicit value → variant mappings, in source order.
    public var mapping: [(value: String, schema: SchemaID)]

    /// Compares property names and mappings.
    public static func == (lhs: SchemaDiscriminator, rhs: SchemaDiscriminator) -> Bool {
        lhs.propertyName == rhs.propertyName && lhs.mapping.elementsEqual(rhs.mapping) { $0 == $1 }
    }

    /// Hashes the property name and mapping.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(propertyName)
        for entry in mapping {
            hasher.combine(entry.value)
            hasher.combine(entry.schema)
        }
    }
}

/// A JSON Schema (draft 4 to 2020-12) parsed into typed keywords, with every subschema and `$ref`
/// replaced by a ``SchemaID`` into the same ``SchemaGraph``.
///
/// Unknown keywords are kept in ``node`` (the raw JSON) and listed in ``unknownKeywords``.
public struct Schema: Sendable {
    /// This schema's identity.
    public let id: SchemaID
    /// The file it is written in.
    public let document: DocumentID
    /// Where it is written.
    public let location: SourceLocation
    /// The raw JSON of the schema.
    public let node: JSONNode
    /// `true`/`false` for a boolean schema, nil for an object schema.
    public var booleanValue: Bool?

    /// The resolved target of `$ref` (or `$dynamicRef`/`$recursiveRef`), when present.
    public var ref: SchemaID?
    /// The `$ref` text as written.
    public var refText: String?
    /// `$id`, resolved to an absolute URI.
    public var resourceURI: String? {
        get { rare?.keywords.resourceURI }
        set { updateRare { $0.resourceURI = newValue } }
    }
    /// `$anchor`.
    public var anchor: String? {
        get { rare?.keywords.anchor }
        set { updateRare { $0.anchor = newValue } }
    }

    /// `type`, nil when absent.
    public var types: [JSONType]?
    /// `enum` values.
    public var enumValues: [JSONNode]?
    /// `const` value.
    public var constValue: JSONNode? {
        get { rare?.keywords.constValue }
        set { updateRare { $0.constValue = newValue } }
    }
    /// `format`.
    public var format: String?

    /// `properties`, in source order.
    public var properties: [SchemaProperty] = []
    /// `required`.
    public var required: [String] = []
    /// `additionalProperties`.
    public var additionalProperties: SchemaID?
    /// `unevaluatedProperties`.
    public var unevaluatedProperties: SchemaID? {
        get { rare?.keywords.unevaluatedProperties }
        set { updateRare { $0.unevaluatedProperties = newValue } }
    }
    /// `patternProperties`, in source order.
    public var patternProperties: [NamedSchema] {
        get { rare?.keywords.patternProperties ?? [] }
        set { updateRare { $0.patternProperties = newValue } }
    }
    /// `propertyNames`.
    public var propertyNames: SchemaID? {
        get { rare?.keywords.propertyNames }
        set { updateRare { $0.propertyNames = newValue } }
    }
    /// `dependentSchemas` (and the schema form of draft-07 `dependencies`).
    public var dependentSchemas: [NamedSchema] {
        get { rare?.keywords.dependentSchemas ?? [] }
        set { updateRare { $0.dependentSchemas = newValue } }
    }
    /// `dependentRequired` (and the array form of draft-07 `dependencies`).
    public var dependentRequired: [String: [String]] {
        get { rare?.keywords.dependentRequired ?? [:] }
        set { updateRare { $0.dependentRequired = newValue } }
    }

    /// `items` (2020-12 meaning: every item after `prefixItems`; draft-07 single-schema `items` too).
    public var items: SchemaID?
    /// `prefixItems` (and draft-07 array-form `items`).
    public var prefixItems: [SchemaID] {
        get { rare?.keywords.prefixItems ?? [] }
        set { updateRare { $0.prefixItems = newValue } }
    }
    /// `contains`.
    public var contains: SchemaID? {
        get { rare?.keywords.contains }
        set { updateRare { $0.contains = newValue } }
    }

    /// `allOf`.
    public var allOf: [SchemaID] = []
    /// `anyOf`.
    public var anyOf: [SchemaID] = []
    /// `oneOf`.
    public var oneOf: [SchemaID] = []
    /// `not`.
    public var not: SchemaID? {
        get { rare?.keywords.not }
        set { updateRare { $0.not = newValue } }
    }
    /// `if`.
    public var ifSchema: SchemaID? {
        get { rare?.keywords.ifSchema }
        set { updateRare { $0.ifSchema = newValue } }
    }
    /// `then`.
    public var thenSchema: SchemaID? {
        get { rare?.keywords.thenSchema }
        set { updateRare { $0.thenSchema = newValue } }
    }
    /// `else`.
    public var elseSchema: SchemaID? {
        get { rare?.keywords.elseSchema }
        set { updateRare { $0.elseSchema = newValue } }
    }

    /// `$defs` (and `definitions`), in source order.
    public var definitions: [NamedSchema] = []

    /// `minimum`.
    public var minimum: JSONNumber?
    /// `maximum`.
    public var maximum: JSONNumber?
    /// `exclusiveMinimum` (draft-04 boolean form folded in).
    public var exclusiveMinimum: JSONNumber? {
        get { rare?.keywords.exclusiveMinimum }
        set { updateRare { $0.exclusiveMinimum = newValue } }
    }
    /// `exclusiveMaximum` (draft-04 boolean form folded in).
    public var exclusiveMaximum: JSONNumber? {
        get { rare?.keywords.exclusiveMaximum }
        set { updateRare { $0.exclusiveMaximum = newValue } }
    }
    /// `multipleOf`.
    public var multipleOf: JSONNumber? {
        get { rare?.keywords.multipleOf }
        set { updateRare { $0.multipleOf = newValue } }
    }
    /// `minLength`.
    public var minLength: Int?
    /// `maxLength`.
    public var maxLength: Int?
    /// `pattern`.
    public var pattern: String?
    /// `minItems`.
    public var minItems: Int?
    /// `maxItems`.
    public var maxItems: Int?
    /// `uniqueItems`.
    public var uniqueItems: Bool = false
    /// `minProperties`.
    public var minProperties: Int? {
        get { rare?.keywords.minProperties }
        set { updateRare { $0.minProperties = newValue } }
    }
    /// `maxProperties`.
    public var maxProperties: Int? {
        get { rare?.keywords.maxProperties }
        set { updateRare { $0.maxProperties = newValue } }
    }

    /// `title`.
    public var title: String?
    /// `description`.
    public var description: String?
    /// `default`.
    public var defaultValue: JSONNode?
    /// `examples` (and OpenAPI's singular `example`).
    public var examples: [JSONNode] = []
    /// `deprecated`.
    public var deprecated: Bool = false
    /// `readOnly`.
    public var readOnly: Bool = false
    /// `writeOnly`.
    public var writeOnly: Bool = false

    /// `discriminator` (OpenAPI spelling), resolved.
    public var discriminator: SchemaDiscriminator? {
        get { rare?.keywords.discriminator }
        set { updateRare { $0.discriminator = newValue } }
    }
    /// `x-transitions`: allowed state transitions of a string enum.
    public var transitions: [(from: String, to: [String])]? {
        get { rare?.keywords.transitions }
        set { updateRare { $0.transitions = newValue } }
    }
    /// Keywords Charter does not know, in source order (kept in ``node``).
    public var unknownKeywords: [String] = []

    /// The rarely written keywords above, out of line (nil while none is set): most schemas write
    /// none of them, and keeping them in a box keeps the loader's schema table narrow.
    private var rare: RareSchemaKeywords?

    private mutating func updateRare(_ change: (inout RareSchemaKeywords.Keywords) -> Void) {
        var keywords = rare?.keywords ?? RareSchemaKeywords.Keywords()
        change(&keywords)
        rare = RareSchemaKeywords(keywords)
    }

    /// Creates an empty schema at a location.
    public init(id: SchemaID, document: DocumentID, location: SourceLocation, node: JSONNode) {
        self.id = id
        self.document = document
        self.location = location
        self.node = node
    }

    /// Whether the schema constrains nothing: `true`, `{}` or only annotations.
    public var isUnconstrained: Bool {
        if let booleanValue { return booleanValue }
        return ref == nil && types == nil && enumValues == nil && constValue == nil && properties.isEmpty
            && additionalProperties == nil && patternProperties.isEmpty && items == nil && prefixItems.isEmpty
            && allOf.isEmpty && anyOf.isEmpty && oneOf.isEmpty && format == nil && required.isEmpty
    }

    /// Whether the schema is a `$ref` with nothing but annotations beside it (an alias).
    public var isPureReference: Bool {
        ref != nil && types == nil && enumValues == nil && constValue == nil && properties.isEmpty
            && additionalProperties == nil && patternProperties.isEmpty && items == nil && prefixItems.isEmpty
            && allOf.isEmpty && anyOf.isEmpty && oneOf.isEmpty && required.isEmpty && format == nil
            && minimum == nil && maximum == nil && minLength == nil && maxLength == nil && pattern == nil
            && minItems == nil && maxItems == nil && exclusiveMinimum == nil && exclusiveMaximum == nil
    }
}
