extension Schema {
    /// Whether a document's root schema describes a value — a type, properties, composition, an enum, items — rather
    /// than only holding `$defs` (and a contract's `x-contract`): generation declares such a root as the type `Root`, and
    /// diff compares it as one. A bare `$ref` root and a boolean root do not.
    public var describesValue: Bool {
        if booleanValue != nil || isPureReference { return false }
        return types != nil || !properties.isEmpty || !allOf.isEmpty || !oneOf.isEmpty || !anyOf.isEmpty || enumValues != nil
            || additionalProperties != nil || items != nil || !patternProperties.isEmpty
    }
}
