import Foundation

/// Which values of a call a generated client checks against the contract's constraints (lengths, patterns, bounds,
/// item counts, what `validate()` checks): none by default, as a tolerant reader; `.all` in tests and wherever a
/// value that breaks the contract should stop at this side of the wire.
///
/// - ``requests``: the parameters (an array's items and a map's values too, each at the parameter's name and its
///   index or key: `codes/1`) and the request body, before anything is sent. A value that breaks the contract
///   is ``ClientError/Kind/invalidRequest`` (attempts 0, a ``ValidationError`` underneath) instead of a request the
///   server refuses.
/// - ``responses``: the decoded response body. A body that decodes but breaks the contract is
///   ``ClientError/Kind/invalidResponse``, carrying the response as received.
public struct ClientValidation: OptionSet, Sendable, Hashable {
    /// The options as bits.
    public let rawValue: Int

    /// Creates options from their bits.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Check parameters and request bodies before sending.
    public static let requests = ClientValidation(rawValue: 1 << 0)
    /// Check decoded response bodies.
    public static let responses = ClientValidation(rawValue: 1 << 1)
    /// Both.
    public static let all: ClientValidation = [.requests, .responses]
}

@available(macOS 10.15, iOS 13, tvOS 13, watchOS 6, *)
extension ClientConfiguration {
    /// Whether generated code should check a call's parameters (``ClientValidation/requests``); it then passes what it
    /// found to ``rejectParameters(_:for:)``.
    public var validatesRequests: Bool { validation.contains(.requests) }

    /// Throws ``ClientError/Kind/invalidRequest`` when `issues`, the parameters' problems, are not empty.
    public func rejectParameters(_ issues: [ValidationIssue], for operation: ClientOperation) throws(ClientError) {
        guard !issues.isEmpty else { return }
        throw ClientError(kind: .invalidRequest, operationID: operation.id, attempts: 0, underlying: ValidationError(issues: issues))
    }

    /// A body's problems against the contract, when the side it travels is checked: the request body before sending
    /// (no `response`; ``ClientValidation/requests``), thrown as ``ClientError/Kind/invalidRequest`` with no attempt
    /// made; or the decoded body of `response` (``ClientValidation/responses``), thrown as
    /// ``ClientError/Kind/invalidResponse`` carrying that response. `issues` as ``encodeBody(_:for:issues:)`` takes it.
    func checkBody<Body>(
        _ body: Body, from response: ClientResponse? = nil, for operation: ClientOperation, issues: ((Body) -> [ValidationIssue])?
    ) throws(ClientError) {
        guard validation.contains(response == nil ? .requests : .responses) else { return }
        let found = Validation.contractIssues(of: body, checking: issues)
        guard !found.isEmpty else { return }
        throw ClientError(
            kind: response == nil ? .invalidRequest : .invalidResponse, operationID: operation.id, attempts: response == nil ? 0 : 1,
            response: response, underlying: ValidationError(issues: found))
    }
}
