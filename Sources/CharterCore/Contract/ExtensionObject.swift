/// The closed objects of the `x-contract` extension, each named by its JSON pointer into
/// `docs/contract-extension.schema.json` (the published schema of the extension) and holding the keys that schema
/// lists in its `properties`. ``ContractParser`` reports any other key of such an object (code
/// ``LoaderOptions/unknownKeyCode``, an error unless ``LoaderOptions/unknownKeySeverity`` says otherwise) unless it
/// begins with `x-`: those are the estate's own extensions, which Charter ignores.
/// A test reads the schema file and checks that these key sets are its `properties`, object for object.
package enum ExtensionObject: String, CaseIterable, Sendable {
    case root = ""
    case owner = "/$defs/Owner"
    case contact = "/$defs/Owner/properties/contact"
    case lifecycle = "/$defs/Lifecycle"
    case securityScheme = "/$defs/SecurityScheme"
    case authRequirement = "/$defs/AuthRequirement"
    case operation = "/$defs/Operation"
    case parameter = "/$defs/Parameter"
    case requestBody = "/$defs/RequestBody"
    case response = "/$defs/Response"
    case header = "/$defs/Header"
    case idempotency = "/$defs/Idempotency"
    case operationSLA = "/$defs/OperationSla"
    case rateLimit = "/$defs/RateLimit"
    case event = "/$defs/Event"
    case eventSLA = "/$defs/Event/properties/sla"
    case retryPolicy = "/$defs/RetryPolicy"
    case deadLetter = "/$defs/DeadLetter"
    case accessPolicy = "/$defs/AccessPolicy"
    case feed = "/$defs/Feed"
    case feedSchedule = "/$defs/Feed/properties/schedule"
    case feedSLA = "/$defs/Feed/properties/sla"

    /// The keys the object may hold besides `x-` ones, in the schema's order (the first of equally near ones is what
    /// a "did you mean" names).
    package var keys: [String] {
        switch self {
        case .root: ["name", "domain", "version", "owner", "lifecycle", "compatibility", "security", "operations", "events", "feeds"]
        case .owner: ["team", "businessDomain", "contact"]
        case .contact: ["email", "chat", "oncall"]
        case .lifecycle: ["status", "since", "sunset", "successor"]
        case .securityScheme: ["type", "description", "tokenUrl", "scopes", "in", "name", "scheme", "bearerFormat"]
        case .authRequirement: ["scheme", "scopes"]
        case .operation:
            ["summary", "description", "tags", "deprecated", "method", "path", "parameters", "request", "responses", "auth", "idempotency",
             "sla", "rateLimit"]
        case .parameter: ["name", "in", "required", "description", "deprecated", "schema"]
        case .requestBody: ["description", "contentType", "required", "schema"]
        case .response: ["description", "contentType", "schema", "headers"]
        case .header: ["description", "required", "schema"]
        case .idempotency: ["required", "keyHeader", "retention"]
        case .operationSLA: ["latencyP99Ms", "availability", "timeoutMs"]
        case .rateLimit: ["quota", "window", "scope"]
        case .event:
            ["summary", "description", "deprecated", "topic", "payload", "orderingKey", "delivery", "sla", "retry", "deadLetter", "publish",
             "subscribe"]
        case .eventSLA: ["maxLagMs"]
        case .retryPolicy: ["maxAttempts", "backoff", "initialDelayMs", "maxDelayMs"]
        case .deadLetter: ["topic", "retention"]
        case .accessPolicy: ["auth", "allowed"]
        case .feed: ["summary", "description", "deprecated", "payload", "format", "transport", "schedule", "sla", "producer", "consumers"]
        case .feedSchedule: ["cron", "timezone"]
        case .feedSLA: ["deliveredWithin"]
        }
    }

    /// Whether `key` may appear in the object: one of ``keys``, or an extension of the estate's own (`x-…`).
    package func allows(_ key: String) -> Bool { key.hasPrefix("x-") || keys.contains(key) }
}
