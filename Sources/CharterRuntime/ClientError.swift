/// Why a generated client's call returned no response. A response with a status the contract does not
/// document is not an error: it comes back as the operation's `undocumented` case.
public struct ClientError: Error, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        /// The request body or a parameter could not be encoded (a date outside years 0001–9999, which RFC 3339
        /// cannot express; a number that is NaN or infinite; a header list item with a comma); nothing was sent.
        case encoding
        /// Credentials could not be obtained, or the operation requires them and the configuration has no
        /// `authorization` (the error underneath is a ``MissingClientAuthorization``).
        case authorization
        /// The transport failed on every attempt.
        case transport
        /// No response within the operation's SLA timeout, on every attempt.
        case timedOut
        /// The response body is not what the contract says for its status.
        case decoding
        /// A parameter or the request body breaks the contract's constraints (``ClientValidation/requests``); nothing
        /// was sent. The error underneath is a ``ValidationError`` listing every issue.
        case invalidRequest
        /// The response body decoded but breaks the contract's constraints (``ClientValidation/responses``). The error
        /// underneath is a ``ValidationError``; ``ClientError/response`` is the response as received.
        case invalidResponse
        /// The calling task was cancelled.
        case cancelled
    }

    /// What went wrong.
    public let kind: Kind
    /// The operation, by its contract id.
    public let operationID: String
    /// The response status, for ``Kind/decoding`` and ``Kind/invalidResponse``.
    public let status: Int?
    /// Attempts made: 0 when the call stopped before sending anything.
    public let attempts: Int
    /// The idempotency key the call sent (the caller's or one the client made), nil when it sent none. To retry a
    /// failed write yourself, pass it as the operation's `idempotencyKey:` so the server applies the write once.
    public let idempotencyKey: String?
    /// The response whose body could not be decoded (``Kind/decoding``) or broke the contract (``Kind/invalidResponse``):
    /// status, headers and body as received.
    public let response: ClientResponse?
    /// The error underneath, if any.
    public let underlying: (any Error)?

    /// Creates an error; `status` defaults to the response's.
    public init(
        kind: Kind, operationID: String, status: Int? = nil, attempts: Int = 1, idempotencyKey: String? = nil, response: ClientResponse? = nil,
        underlying: (any Error)? = nil
    ) {
        self.kind = kind
        self.operationID = operationID
        self.status = status ?? response?.status
        self.attempts = attempts
        self.idempotencyKey = idempotencyKey
        self.response = response
        self.underlying = underlying
    }

    /// One line: the operation, what went wrong, the status and attempts, and the error underneath.
    public var description: String {
        var text = "\(operationID): \(kind.rawValue)"
        if let status { text += " (status \(status))" }
        if attempts > 1 { text += " after \(attempts) attempts" }
        if let underlying { text += ": \(underlying)" }
        return text
    }
}

/// The error underneath ``ClientError/Kind/authorization`` when an operation requires credentials and the
/// configuration has no `authorization` to add them.
public struct MissingClientAuthorization: Error, CustomStringConvertible {
    /// What the operation requires.
    public let requirement: ClientAuthRequirement

    /// Creates the error.
    public init(requirement: ClientAuthRequirement) {
        self.requirement = requirement
    }

    /// What is missing, e.g. `the operation requires scheme oauth2 and no authorization is configured`.
    public var description: String {
        "the operation requires scheme \(requirement.scheme) and no authorization is configured"
    }
}

extension ClientError {
    /// What `body` returns; its error an ``Kind/encoding`` error of `operation`, thrown before anything is sent.
    static func encoding<T>(_ operation: ClientOperation, _ body: () throws -> T) throws(ClientError) -> T {
        do {
            return try body()
        } catch {
            throw ClientError(kind: .encoding, operationID: operation.id, attempts: 0, underlying: error)
        }
    }
}
