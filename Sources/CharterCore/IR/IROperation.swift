/// A synchronous operation of a contract (`x-contract.operations`) with its parameters and bodies
/// translated: what a language back end needs to write a client method.
public struct IROperation: Sendable {
    /// The contract's operation, with every attribute as written.
    public var contract: ContractOperation
    /// Its parameters, in contract order.
    public var parameters: [IRParameter]
    /// The request body's type, if the operation has a body.
    public var requestBody: IRTypeRef?
    /// What the request body's schema requires of it that its type does not check itself: the constraints of a list,
    /// map or scalar written in the operation (`{"type": "array", "maxItems": 2, …}`); empty for a declared type (a
    /// record, enumeration or union checks itself, an alias has its own entry point).
    public var requestBodyConstraints = IRConstraints()
    /// Its responses, in contract order.
    public var responses: [IRResponse]
    /// The security scheme its `auth` names, when the contract declares it.
    public var securityScheme: SecurityScheme?
    /// Prose and provenance (summary, description, the operation's location in the contract).
    public var documentation: IRDocumentation
}

/// A parameter of an operation, its schema translated.
public struct IRParameter: Sendable {
    /// The name on the wire.
    public var name: String
    /// Path, query or header.
    public var location: ParameterLocation
    /// Whether it must be sent (path parameters always must).
    public var isRequired: Bool
    /// Its type (a string when the contract gives no schema).
    public var type: IRTypeRef
    /// Prose.
    public var description: String?
    /// What its schema requires of a value (lengths, pattern, bounds, item counts), checked by generated providers.
    public var constraints = IRConstraints()
}

/// One documented response of an operation.
public struct IRResponse: Sendable {
    /// `200`, `4XX`, `default`, …
    public var status: String
    /// The body's type, when the response has one with a schema.
    public var body: IRTypeRef?
    /// What the body's schema requires of it that its type does not check itself (as
    /// ``IROperation/requestBodyConstraints``: a list, map or scalar written in the operation); empty otherwise.
    public var bodyConstraints = IRConstraints()
    /// The body's media type.
    public var contentType: String?
    /// Prose.
    public var description: String?
    /// Its headers, in contract order.
    public var headers: [IRResponseHeader] = []
}

/// A header of a response, its schema translated.
public struct IRResponseHeader: Sendable {
    /// The name on the wire.
    public var name: String
    /// Whether every such response carries it.
    public var isRequired: Bool
    /// Its type (a string when the contract gives no schema).
    public var type: IRTypeRef
    /// Prose.
    public var description: String?
    /// What its schema, with what its `$ref` brings, requires of a value (a decimal string's `pattern`s decide the
    /// text it is written in).
    public var constraints = IRConstraints()
}
