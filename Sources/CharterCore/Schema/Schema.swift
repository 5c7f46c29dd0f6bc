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

    /// The type a JSON Schema `type` name names, compared byte for byte (JSON's equality; the synthesised
    /// initialiser compared the name with each case's in turn, and every schema with a `type` goes through it).
    public init?(rawValue: String) {
        let name = rawValue.utf8
        func named(_ spelling: StaticString) -> Bool {
            name.count == spelling.utf8CodeUnitCount && name.elementsEqual(UnsafeBufferPointer(start: spelling.utf8Start, count: spelling.utf8CodeUnitCount))
        }
        switch name.first {
        case UInt8(ascii: "n"):
            if named("null") { self = .null } else if named("number") { self = .number } else { return nil }
        case UInt8(ascii: "b"):
            guard named("boolean") else { return nil }
            self = .boolean
        case UInt8(ascii: "o"):
            guard named("object") else { return nil }
            self = .object
        case UInt8(ascii: "a"):
            guard named("array") else { return nil }
            self = .array
        case UInt8(ascii: "s"):
            guard named("string") else { return nil }
            self = .string
        case UInt8(ascii: "i"):
            guard named("integer") else { return nil }
            self = .integer
        default:
            return nil
        }
    }
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
    public var id: SchemaID { box.fields.id }
    /// The file it is written in.
    public var document: DocumentID { box.fields.document }
    /// Where it is written.
    public var location: SourceLocation { box.fields.location }
    /// The raw JSON of the schema.
    public var node: JSONNode { box.fields.node }
    /// `true`/`false` for a boolean schema, nil for an object schema.
    public var booleanValue: Bool? {
        get { box.fields.booleanValue }
        _modify { yield &unique().fields.booleanValue }
    }

    /// The resolved target of `$ref` (or `$dynamicRef`/`$recursiveRef`), when present.
    public var ref: SchemaID? {
        get { box.fields.ref }
        _modify { yield &unique().fields.ref }
    }
    /// The `$ref` text as written.
    public var refText: String? {
        get { box.fields.refText }
        _modify { yield &unique().fields.refText }
    }
    /// `$id`, resolved to an absolute URI.
    public var resourceURI: String? {
        get { box.fields.rare?.keywords.resourceURI }
        set { updateRare { $0.resourceURI = newValue } }
    }
    /// `$anchor`.
    public var anchor: String? {
        get { box.fields.rare?.keywords.anchor }
        set { updateRare { $0.anchor = newValue } }
    }

    /// `type`, nil when absent.
    public var types: [JSONType]? {
        get { box.fields.types }
        _modify { yield &unique().fields.types }
    }
    /// `enum` values.
    public var enumValues: [JSONNode]? {
        get { box.fields.enumValues }
        _modify { yield &unique().fields.enumValues }
    }
    /// `const` value.
    public var constValue: JSONNode? {
        get { box.fields.rare?.keywords.constValue }
        set { updateRare { $0.constValue = newValue } }
    }
    /// `format`.
    public var format: String? {
        get { box.fields.format }
        _modify { yield &unique().fields.format }
    }

    /// `properties`, in source order.
    public var properties: [SchemaProperty] {
        get { box.fields.properties }
        _modify { yield &unique().fields.properties }
    }
    /// `required`.
    public var required: [String] {
        get { box.fields.required }
        _modify { yield &unique().fields.required }
    }
    /// `additionalProperties`.
    public var additionalProperties: SchemaID? {
        get { box.fields.additionalProperties }
        _modify { yield &unique().fields.additionalProperties }
    }
    /// `unevaluatedProperties`.
    public var unevaluatedProperties: SchemaID? {
        get { box.fields.rare?.keywords.unevaluatedProperties }
        set { updateRare { $0.unevaluatedProperties = newValue } }
    }
    /// `patternProperties`, in source order.
    public var patternProperties: [NamedSchema] {
        get { box.fields.rare?.keywords.patternProperties ?? [] }
        set { updateRare { $0.patternProperties = newValue } }
    }
    /// `propertyNames`.
    public var propertyNames: SchemaID? {
        get { box.fields.rare?.keywords.propertyNames }
        set { updateRare { $0.propertyNames = newValue } }
    }
    /// `dependentSchemas` (and the schema form of draft-07 `dependencies`).
    public var dependentSchemas: [NamedSchema] {
        get { box.fields.rare?.keywords.dependentSchemas ?? [] }
        set { updateRare { $0.dependentSchemas = newValue } }
    }
    /// `dependentRequired` (and the array form of draft-07 `dependencies`).
    public var dependentRequired: [String: [String]] {
        get { box.fields.rare?.keywords.dependentRequired ?? [:] }
        set { updateRare { $0.dependentRequired = newValue } }
    }

    /// `items` (2020-12 meaning: every item after `prefixItems`; draft-07 single-schema `items` too).
    public var items: SchemaID? {
        get { box.fields.items }
        _modify { yield &unique().fields.items }
    }
    /// `prefixItems` (and draft-07 array-form `items`).
    public var prefixItems: [SchemaID] {
        get { box.fields.rare?.keywords.prefixItems ?? [] }
        set { updateRare { $0.prefixItems = newValue } }
    }
    /// `contains`.
    public var contains: SchemaID? {
        get { box.fields.rare?.keywords.contains }
        set { updateRare { $0.contains = newValue } }
    }
    /// `minContains`.
    public var minContains: Int? {
        get { box.fields.rare?.keywords.minContains }
        set { updateRare { $0.minContains = newValue } }
    }
    /// `maxContains`.
    public var maxContains: Int? {
        get { box.fields.rare?.keywords.maxContains }
        set { updateRare { $0.maxContains = newValue } }
    }
    /// `unevaluatedItems`.
    public var unevaluatedItems: SchemaID? {
        get { box.fields.rare?.keywords.unevaluatedItems }
        set { updateRare { $0.unevaluatedItems = newValue } }
    }

    /// `allOf`.
    public var allOf: [SchemaID] {
        get { box.fields.allOf }
        _modify { yield &unique().fields.allOf }
    }
    /// `anyOf`.
    public var anyOf: [SchemaID] {
        get { box.fields.anyOf }
        _modify { yield &unique().fields.anyOf }
    }
    /// `oneOf`.
    public var oneOf: [SchemaID] {
        get { box.fields.oneOf }
        _modify { yield &unique().fields.oneOf }
    }
    /// `not`.
    public var not: SchemaID? {
        get { box.fields.rare?.keywords.not }
        set { updateRare { $0.not = newValue } }
    }
    /// `if`.
    public var ifSchema: SchemaID? {
        get { box.fields.rare?.keywords.ifSchema }
        set { updateRare { $0.ifSchema = newValue } }
    }
    /// `then`.
    public var thenSchema: SchemaID? {
        get { box.fields.rare?.keywords.thenSchema }
        set { updateRare { $0.thenSchema = newValue } }
    }
    /// `else`.
    public var elseSchema: SchemaID? {
        get { box.fields.rare?.keywords.elseSchema }
        set { updateRare { $0.elseSchema = newValue } }
    }

    /// `$defs` (and `definitions`), in source order.
    public var definitions: [NamedSchema] {
        get { box.fields.definitions }
        _modify { yield &unique().fields.definitions }
    }

    /// `minimum`.
    public var minimum: JSONNumber? {
        get { box.fields.minimum }
        _modify { yield &unique().fields.minimum }
    }
    /// `maximum`.
    public var maximum: JSONNumber? {
        get { box.fields.maximum }
        _modify { yield &unique().fields.maximum }
    }
    /// `exclusiveMinimum` (draft-04 boolean form folded in).
    public var exclusiveMinimum: JSONNumber? {
        get { box.fields.rare?.keywords.exclusiveMinimum }
        set { updateRare { $0.exclusiveMinimum = newValue } }
    }
    /// `exclusiveMaximum` (draft-04 boolean form folded in).
    public var exclusiveMaximum: JSONNumber? {
        get { box.fields.rare?.keywords.exclusiveMaximum }
        set { updateRare { $0.exclusiveMaximum = newValue } }
    }
    /// `multipleOf`.
    public var multipleOf: JSONNumber? {
        get { box.fields.rare?.keywords.multipleOf }
        set { updateRare { $0.multipleOf = newValue } }
    }
    /// `minLength`.
    public var minLength: Int? {
        get { box.fields.minLength }
        _modify { yield &unique().fields.minLength }
    }
    /// `maxLength`.
    public var maxLength: Int? {
        get { box.fields.maxLength }
        _modify { yield &unique().fields.maxLength }
    }
    /// `pattern`.
    public var pattern: String? {
        get { box.fields.pattern }
        _modify { yield &unique().fields.pattern }
    }
    /// `minItems`.
    public var minItems: Int? {
        get { box.fields.minItems }
        _modify { yield &unique().fields.minItems }
    }
    /// `maxItems`.
    public var maxItems: Int? {
        get { box.fields.maxItems }
        _modify { yield &unique().fields.maxItems }
    }
    /// `uniqueItems`.
    public var uniqueItems: Bool {
        get { box.fields.uniqueItems }
        _modify { yield &unique().fields.uniqueItems }
    }
    /// `minProperties`.
    public var minProperties: Int? {
        get { box.fields.rare?.keywords.minProperties }
        set { updateRare { $0.minProperties = newValue } }
    }
    /// `maxProperties`.
    public var maxProperties: Int? {
        get { box.fields.rare?.keywords.maxProperties }
        set { updateRare { $0.maxProperties = newValue } }
    }

    /// `title`.
    public var title: String? {
        get { box.fields.title }
        _modify { yield &unique().fields.title }
    }
    /// `description`.
    public var description: String? {
        get { box.fields.description }
        _modify { yield &unique().fields.description }
    }
    /// `default`.
    public var defaultValue: JSONNode? {
        get { box.fields.defaultValue }
        _modify { yield &unique().fields.defaultValue }
    }
    /// `examples` (and OpenAPI's singular `example`).
    public var examples: [JSONNode] {
        get { box.fields.examples }
        _modify { yield &unique().fields.examples }
    }
    /// `deprecated`.
    public var deprecated: Bool {
        get { box.fields.deprecated }
        _modify { yield &unique().fields.deprecated }
    }
    /// `readOnly`.
    public var readOnly: Bool {
        get { box.fields.readOnly }
        _modify { yield &unique().fields.readOnly }
    }
    /// `writeOnly`.
    public var writeOnly: Bool {
        get { box.fields.writeOnly }
        _modify { yield &unique().fields.writeOnly }
    }

    /// `discriminator` (OpenAPI spelling), resolved.
    public var discriminator: SchemaDiscriminator? {
        get { box.fields.rare?.keywords.discriminator }
        set { updateRare { $0.discriminator = newValue } }
    }
    /// `x-transitions`: allowed state transitions of a string enum.
    public var transitions: [(from: String, to: [String])]? {
        get { box.fields.rare?.keywords.transitions }
        set { updateRare { $0.transitions = newValue } }
    }
    /// `x-renamed-from`: the name this `$defs` type or property had in the previous major version.
    public var renamedFrom: RenamedFrom? {
        get { box.fields.rare?.keywords.renamedFrom }
        set { updateRare { $0.renamedFrom = newValue } }
    }
    /// Whether the schema writes any of the keywords few schemas write (`const`, `not`, `if`, `prefixItems`,
    /// `patternProperties`, the exclusive bounds, …): a quick test before looking for one.
    package var hasRareKeywords: Bool { box.fields.rare != nil }
    /// Keywords Charter does not know, in source order (kept in ``node``).
    public var unknownKeywords: [String] {
        get { box.fields.unknownKeywords }
        _modify { yield &unique().fields.unknownKeywords }
    }

    private mutating func updateRare(_ change: (inout RareSchemaKeywords.Keywords) -> Void) {
        var keywords = box.fields.rare?.keywords ?? RareSchemaKeywords.Keywords()
        change(&keywords)
        unique().fields.rare = RareSchemaKeywords(keywords)
    }

    /// The keywords, in one shared box: a schema is copied far more often than it is changed (every
    /// `let schema = graph.schemas[i]` in the checks, rules and translator), and a copy of some thirty fields
    /// retains each reference it holds; a copy of the box is one retain. Changes copy the box first when it
    /// is shared (copy on write), so a `Schema` keeps value semantics.
    private var box: SchemaBox

    /// The box, copied first if another schema value shares it.
    private mutating func unique() -> SchemaBox {
        if !isKnownUniquelyReferenced(&box) { box = SchemaBox(box.fields) }
        return box
    }

    /// Creates an empty schema at a location.
    public init(id: SchemaID, document: DocumentID, location: SourceLocation, node: JSONNode) {
        box = SchemaBox(SchemaFields(id: id, document: document, location: location, node: node))
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

/// The stored keywords of a ``Schema`` (see its forwarding properties for their meaning). The rarely written
/// ones sit in a further box, nil while none is set: most schemas write none of them.
struct SchemaFields: Sendable {
    var id: SchemaID
    var document: DocumentID
    var location: SourceLocation
    var node: JSONNode
    var booleanValue: Bool?
    var ref: SchemaID?
    var refText: String?
    var types: [JSONType]?
    var enumValues: [JSONNode]?
    var format: String?
    var properties: [SchemaProperty] = []
    var required: [String] = []
    var additionalProperties: SchemaID?
    var items: SchemaID?
    var allOf: [SchemaID] = []
    var anyOf: [SchemaID] = []
    var oneOf: [SchemaID] = []
    var definitions: [NamedSchema] = []
    var minimum: JSONNumber?
    var maximum: JSONNumber?
    var minLength: Int?
    var maxLength: Int?
    var pattern: String?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems: Bool = false
    var title: String?
    var description: String?
    var defaultValue: JSONNode?
    var examples: [JSONNode] = []
    var deprecated: Bool = false
    var readOnly: Bool = false
    var writeOnly: Bool = false
    var unknownKeywords: [String] = []
    var rare: RareSchemaKeywords?
}

/// The shared storage of ``Schema``. Changed only through `Schema.unique()`, i.e. only while no other value
/// refers to it, which is what makes sharing it across threads safe.
final class SchemaBox: @unchecked Sendable {
    /// Unchecked at run time: every read of a schema keyword goes through here, and a checked class property
    /// costs a call into the runtime's access set per read (14% of a diff's instructions). Accesses still go
    /// only through `Schema`, whose own accesses the compiler checks statically, and a shared box is never
    /// written.
    @exclusivity(unchecked) var fields: SchemaFields

    init(_ fields: SchemaFields) { self.fields = fields }
}
