/// Why a generated client's call returned no response. A response with a status the contract does not
/// document is not an error: it comes back as the operation's `undocumented` case.
public struct ClientError: Error, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        /// The request body could not be encoded.
        case encoding
        /// Credentials could not be obtained.
        case authorization
        /// The transport failed on every attempt.
        case transport
        /// No response within the operation's SLA timeout, on every attempt.
        case timedOut
        /// The response body is not what the contract says for its status.
        case decoding
        /// The calling task was cancelled.
        case cancelled
    }

    /// What went wrong.
    public let kind: Kind
    /// The operation, by its contract id.
    public let operationID: String
    /// The response status, for ``Kind/decoding``.
    public let status: Int?
    /// Attempts made.
    public let attempts: Int
    /// The error underneath, if any.
    public let underlying: (any Error)?

    /// Creates an error.
    public init(kind: Kind, operationID: String, status: Int? = nil, attempts: Int = 1, underlying: (any Error)? = nil) {
        self.kind = kind
        self.operationID = operationID
        self.status = status
        self.attempts = attempts
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
