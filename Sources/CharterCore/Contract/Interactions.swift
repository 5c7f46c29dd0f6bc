/// A named authentication scheme operations and events refer to.
public struct SecurityScheme: Sendable, Hashable {
    /// The name operations use in `auth.scheme`.
    public var name: String
    /// `oauth2`, `mutualTLS`, `apiKey` or `http`.
    public var type: String
    /// Prose.
    public var description: String?
    /// For `apiKey`: where the key goes (`header`, `query`).
    public var keyLocation: String?
    /// For `apiKey`: the header or query name.
    public var keyName: String?
    /// For `http`: the scheme (`bearer`, `basic`).
    public var httpScheme: String?
    /// For `oauth2`: the token endpoint.
    public var tokenURL: String?
    /// For `oauth2`: scope → description, in source order.
    public var scopes: [String]
    /// Where it is declared.
    public var location: SourceLocation
}

/// The authentication an operation or a publish/subscribe side requires.
public struct AuthRequirement: Sendable, Hashable {
    /// The scheme name (a key of `security`), or `none`.
    public var scheme: String
    /// Required scopes.
    public var scopes: [String]
    /// Where it is declared.
    public var location: SourceLocation
}

/// Service-level objectives of an operation.
public struct OperationSLA: Sendable, Hashable {
    /// 99th percentile latency in milliseconds.
    public var latencyP99Ms: Int?
    /// Availability as a fraction, e.g. 0.999.
    public var availability: Double?
    /// Client timeout in milliseconds.
    public var timeoutMs: Int?
}

/// A rate limit.
public struct RateLimit: Sendable, Hashable {
    /// Requests allowed per window.
    public var quota: Int
    /// ISO 8601 duration of the window, e.g. `PT1M`.
    public var window: String
    /// Who the quota applies to (`client`, `global`, …).
    public var scope: String?
}

/// Idempotency of a write.
public struct Idempotency: Sendable, Hashable {
    /// Whether callers must send a key.
    public var required: Bool
    /// The header carrying the key.
    public var keyHeader: String?
    /// How long keys are remembered (ISO 8601 duration).
    public var retention: String?
}

/// A parameter of an operation.
public struct Parameter: Sendable {
    /// The parameter name on the wire.
    public var name: String
    /// `path`, `query` or `header`.
    public var location: ParameterLocation
    /// Whether it must be sent.
    public var required: Bool
    /// Prose.
    public var description: String?
    /// Its schema.
    public var schema: SchemaID?
    /// Where it is declared.
    public var sourceLocation: SourceLocation
}

/// Where a parameter goes.
public enum ParameterLocation: String, Sendable, Hashable, CaseIterable {
    /// In the path template.
    case path
    /// In the query string.
    case query
    /// In a header.
    case header
}

/// A request or response body.
public struct Body: Sendable {
    /// The media type, `application/json` by default.
    public var contentType: String
    /// Whether the body is required (requests).
    public var required: Bool
    /// Its schema.
    public var schema: SchemaID?
    /// Where it is declared.
    public var location: SourceLocation
}

/// One response of an operation.
public struct Response: Sendable {
    /// The status code (`200`, `404`) or range (`4XX`, `default`).
    public var status: String
    /// Prose.
    public var description: String?
    /// The body, if any.
    public var body: Body?
    /// Response headers, in source order.
    public var headers: [ResponseHeader]
    /// Where it is declared.
    public var location: SourceLocation
}

extension Response {
    /// The declared header named `name`, compared case-insensitively as HTTP field names are.
    public func header(named name: String) -> ResponseHeader? {
        headers.first { $0.name.lowercased() == name.lowercased() }
    }
}

/// A header a response carries (`responses.<status>.headers.<Name>`).
public struct ResponseHeader: Sendable {
    /// The name as spelled on the wire (`Location`, `ETag`).
    public var name: String
    /// Its schema (a string when absent).
    public var schema: SchemaID?
    /// Whether every such response carries it (`required`, default `false`).
    public var required: Bool
    /// Prose.
    public var description: String?
    /// Where it is declared.
    public var location: SourceLocation
}

/// A synchronous API operation.
public struct ContractOperation: Sendable {
    /// The operation id (lowerCamel).
    public var id: String
    /// One line.
    public var summary: String?
    /// Prose.
    public var description: String?
    /// Grouping tags.
    public var tags: [String]
    /// Whether the operation is deprecated.
    public var deprecated: Bool
    /// HTTP method, uppercase.
    public var method: String
    /// Path template, e.g. `/availability/{sku}`.
    public var path: String
    /// Parameters, in source order.
    public var parameters: [Parameter]
    /// The request body, if any.
    public var request: Body?
    /// Responses, in source order.
    public var responses: [Response]
    /// Authentication.
    public var auth: AuthRequirement?
    /// Idempotency.
    public var idempotency: Idempotency?
    /// Service levels.
    public var sla: OperationSLA?
    /// Rate limit.
    public var rateLimit: RateLimit?
    /// Where it is declared.
    public var location: SourceLocation

    /// The HTTP methods an operation may declare, as docs/contract-extension.schema.json lists them (a test keeps the
    /// two equal). A `HEAD` answers with a `GET`'s status and headers and no content, so its responses declare no schema.
    public static let methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    /// The methods whose operations declare no `request`: their requests carry no content (docs/contract-extension.schema.json
    /// says so in the `allOf` of an operation; a test keeps the two equal). RFC 9110 gives content in a GET, HEAD or DELETE
    /// request no defined meaning, and a HEAD is answered as its GET would be.
    public static let methodsWithoutRequestBody = ["GET", "DELETE", "HEAD"]

    /// Whether the method changes state (anything but GET, HEAD, OPTIONS).
    public var isWrite: Bool { !["GET", "HEAD", "OPTIONS"].contains(method) }
    /// Whether the operation is a write by method but declared a query (`POST` with `idempotency.required: false`):
    /// it claims to read only, so it needs no key and `:read` scopes. (Generated clients still retry it only with a key
    /// sent: a `POST` is repeated on the contract's word alone for no one.)
    public var declaresQuery: Bool { method == "POST" && idempotency?.required == false }
}

/// Retry policy of an event consumer.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts before dead-lettering.
    public var maxAttempts: Int?
    /// `exponential` or `fixed`.
    public var backoff: String?
    /// First delay in milliseconds.
    public var initialDelayMs: Int?
    /// Largest delay in milliseconds.
    public var maxDelayMs: Int?
}

/// Dead-letter policy of an event.
public struct DeadLetterPolicy: Sendable, Hashable {
    /// The dead-letter topic.
    public var topic: String?
    /// How long dead letters are kept (ISO 8601 duration).
    public var retention: String?
}

/// Who may publish or subscribe, and how they authenticate.
public struct AccessPolicy: Sendable, Hashable {
    /// Authentication.
    public var auth: AuthRequirement?
    /// The systems that may publish or subscribe; nil when the contract names none (any system may), empty when
    /// it lists none (no system may).
    public var allowed: [String]?
}

/// An asynchronous event.
public struct ContractEvent: Sendable {
    /// The event name (UpperCamel).
    public var name: String
    /// One line.
    public var summary: String?
    /// Prose.
    public var description: String?
    /// Whether it is deprecated.
    public var deprecated: Bool
    /// The topic or channel.
    public var topic: String?
    /// The payload schema.
    public var payload: SchemaID?
    /// JSON pointers into the payload whose values form the ordering (partition) key.
    public var orderingKey: [JSONPointer]
    /// `at-least-once`, `at-most-once` or `exactly-once`.
    public var delivery: String?
    /// Maximum lag in milliseconds.
    public var maxLagMs: Int?
    /// Retry policy.
    public var retry: RetryPolicy?
    /// Dead-letter policy.
    public var deadLetter: DeadLetterPolicy?
    /// Who may publish.
    public var publish: AccessPolicy?
    /// Who may subscribe.
    public var subscribe: AccessPolicy?
    /// Where it is declared.
    public var location: SourceLocation
}

/// A scheduled batch transfer.
public struct ContractFeed: Sendable {
    /// The feed name (UpperCamel).
    public var name: String
    /// One line.
    public var summary: String?
    /// Prose.
    public var description: String?
    /// The schema of one record.
    public var payload: SchemaID?
    /// Media type of the file, e.g. `application/x-ndjson`.
    public var format: String?
    /// `sftp`, `object-storage` or `api`.
    public var transport: String?
    /// Cron expression.
    public var cron: String?
    /// Time zone of the schedule.
    public var timezone: String?
    /// ISO 8601 duration after the scheduled time by which it is delivered.
    public var deliveredWithin: String?
    /// The producing system.
    public var producer: String?
    /// Consuming systems.
    public var consumers: [String]
    /// Where it is declared.
    public var location: SourceLocation
}

extension ContractOperation {
    /// The `{names}` in the path template, in order: `/stores/{store}/items/{sku}` → `store`, `sku`.
    public var pathPlaceholders: [String] {
        var names: [String] = []
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
