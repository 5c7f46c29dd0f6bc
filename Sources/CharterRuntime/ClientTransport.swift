import Foundation

/// Sends a request and returns the response: the one thing a generated client needs from the network.
/// `URLSessionTransport` (product `CharterURLSession`) is the default one; tests use one in memory.
@available(macOS 10.15, iOS 13, tvOS 13, watchOS 6, *)
public protocol ClientTransport: Sendable {
    /// Sends `request` to the server at `serverURL` (see ``ClientRequest/url(relativeTo:)``). A thrown error
    /// is a transport failure: the client may retry it (see ``ClientRetryPolicy``).
    func send(_ request: ClientRequest, serverURL: URL) async throws -> ClientResponse
}

/// What an operation requires to be authorised, as the contract says (`auth` and `security`).
public struct ClientAuthRequirement: Sendable, Hashable {
    /// The security scheme's name in the contract, e.g. `oauth2`.
    public var scheme: String
    /// Its type: `oauth2`, `http`, `apiKey` or `mutualTLS`.
    public var type: String
    /// The scopes the operation needs.
    public var scopes: [String]
    /// For `apiKey`: `header` or `query`.
    public var keyLocation: String?
    /// For `apiKey`: the header or query item name.
    public var keyName: String?
    /// For `http`: the HTTP authentication scheme, e.g. `bearer` or `basic`.
    public var httpScheme: String?

    /// Creates a requirement.
    public init(
        scheme: String, type: String, scopes: [String] = [], keyLocation: String? = nil, keyName: String? = nil, httpScheme: String? = nil
    ) {
        self.scheme = scheme
        self.type = type
        self.scopes = scopes
        self.keyLocation = keyLocation
        self.keyName = keyName
        self.httpScheme = httpScheme
    }

    /// Whether a ``ClientAuthorization`` must add credentials: every scheme but `none` (generated clients give
    /// no requirement then) and `mutualTLS` (a client certificate, the transport's business).
    var needsAuthorization: Bool { scheme != "none" && type != "mutualTLS" }
}

/// Adds credentials to a request before it is sent (once per call, before any retry).
@available(macOS 10.15, iOS 13, tvOS 13, watchOS 6, *)
public protocol ClientAuthorization: Sendable {
    /// Adds what `requirement` asks for to `request`.
    func authorize(_ request: inout ClientRequest, for requirement: ClientAuthRequirement) async throws
}

/// `Authorization: Bearer <token>` for `oauth2` schemes and `http` schemes whose HTTP scheme is `bearer`, with a
/// token obtained per scheme and scopes (a token cache or an OAuth client goes in `token`). Other schemes are
/// left alone (`basic` needs an authorization of its own; `mutualTLS` is the transport's business).
@available(macOS 10.15, iOS 13, tvOS 13, watchOS 6, *)
public struct BearerAuthorization: ClientAuthorization {
    /// Returns the access token for a requirement.
    public let token: @Sendable (ClientAuthRequirement) async throws -> String

    /// Creates the authorization.
    public init(token: @escaping @Sendable (ClientAuthRequirement) async throws -> String) {
        self.token = token
    }

    /// Sets the `Authorization` header for `oauth2` and `http` requirements.
    public func authorize(_ request: inout ClientRequest, for requirement: ClientAuthRequirement) async throws {
        guard requirement.type == "oauth2" || (requirement.type == "http" && requirement.httpScheme?.lowercased() == "bearer") else { return }
        request.setHeader("Authorization", "Bearer " + (try await token(requirement)))
    }
}

/// An API key in the header or query item the contract's `apiKey` scheme names.
@available(macOS 10.15, iOS 13, tvOS 13, watchOS 6, *)
public struct APIKeyAuthorization: ClientAuthorization {
    /// The key.
    public let key: String

    /// Creates the authorization.
    public init(key: String) {
        self.key = key
    }

    /// Adds the key where an `apiKey` requirement says; leaves other requirements alone.
    public func authorize(_ request: inout ClientRequest, for requirement: ClientAuthRequirement) async throws {
        guard requirement.type == "apiKey", let name = requirement.keyName else { return }
        if requirement.keyLocation == "query" { request.addQuery(name, key) } else { request.setHeader(name, key) }
    }
}

/// Everything a generated client needs besides its operations.
@available(macOS 10.15, iOS 13, tvOS 13, watchOS 6, *)
public struct ClientConfiguration: Sendable {
    /// The server, e.g. `https://api.example.com` (a path prefix is kept).
    public var serverURL: URL
    /// Sends the requests.
    public var transport: any ClientTransport
    /// Adds credentials, when operations require them. Without one, a call to an operation that requires
    /// credentials (other than `mutualTLS`) throws ``ClientError/Kind/authorization`` and sends nothing.
    public var authorization: (any ClientAuthorization)?
    /// When to send a request again.
    public var retry: ClientRetryPolicy
    /// Makes an idempotency key for a call that requires one and was given none (a lowercase UUID).
    public var makeIdempotencyKey: @Sendable () -> String
    /// Waits between attempts (milliseconds); tests replace it to run without waiting.
    public var sleep: @Sendable (Int) async throws -> Void
    /// Headers sent with every request (a `User-Agent`, tracing), before the operation's own.
    public var headers: [ClientHeader]
    /// Which values of a call are checked against the contract's constraints (none by default).
    public var validation: ClientValidation

    /// Creates a configuration.
    public init(
        serverURL: URL, transport: any ClientTransport, authorization: (any ClientAuthorization)? = nil,
        retry: ClientRetryPolicy = .standard, headers: [ClientHeader] = [], validation: ClientValidation = [],
        makeIdempotencyKey: @escaping @Sendable () -> String = { LowercaseUUID(UUID()).string },
        sleep: @escaping @Sendable (Int) async throws -> Void = { try await Task.sleep(nanoseconds: ClientRetryPolicy.nanoseconds($0)) }
    ) {
        self.serverURL = serverURL
        self.transport = transport
        self.authorization = authorization
        self.retry = retry
        self.headers = headers
        self.validation = validation
        self.makeIdempotencyKey = makeIdempotencyKey
        self.sleep = sleep
    }
}
