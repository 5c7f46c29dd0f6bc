/// The keywords of a ``Schema`` that few schemas write, kept out of line.
///
/// Immutable: ``Schema`` replaces the whole box when one of these keywords is set (only while
/// parsing), so values stay shareable across threads without locks.
final class RareSchemaKeywords: Sendable {
    /// The keyword values (see the forwarding properties on ``Schema`` for their meaning).
    struct Keywords: Sendable {
        var resourceURI: String?
        var anchor: String?
        var constValue: JSONNode?
        var unevaluatedProperties: SchemaID?
        var patternProperties: [NamedSchema] = []
        var propertyNames: SchemaID?
        var dependentSchemas: [NamedSchema] = []
        var dependentRequired: [String: [String]] = [:]
        var prefixItems: [SchemaID] = []
        var contains: SchemaID?
        var minContains: Int?
        var maxContains: Int?
        var unevaluatedItems: SchemaID?
        var not: SchemaID?
        var ifSchema: SchemaID?
        var thenSchema: SchemaID?
        var elseSchema: SchemaID?
        var exclusiveMinimum: JSONNumber?
        var exclusiveMaximum: JSONNumber?
        var multipleOf: JSONNumber?
        var minProperties: Int?
        var maxProperties: Int?
        var discriminator: SchemaDiscriminator?
        var transitions: [(from: String, to: [String])]?
        var renamedFrom: RenamedFrom?
    }

    /// The values.
    let keywords: Keywords

    /// Boxes `keywords`.
    init(_ keywords: Keywords) { self.keywords = keywords }
}
