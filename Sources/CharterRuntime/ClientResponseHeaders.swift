import Foundation

/// Reading the headers a contract declares for a response, as generated clients do: a header the contract says
/// is always sent but is missing, or one whose text is not of its type, means the response is not what the
/// contract says, so the call fails with ``ClientError/Kind/decoding`` carrying the response, as a body that
/// does not decode does.
///
/// An array header is a list-based field: when it comes on several field lines, they are one list, in order (RFC
/// 9110 §5.3), so its `parse` (which returns an array) gets every line's value, joined by `, `. Any other header is
/// read from its first field line, the later ones ignored: RFC 9110 lets a recipient combine only the lines of a
/// list-based field, and a sender must not repeat any other.
extension ClientConfiguration {
    /// A header the contract says every such response carries, as text.
    public func header(_ name: String, in response: ClientResponse, for operation: ClientOperation) throws(ClientError) -> String {
        try required(name, response.header(name), in: response, for: operation)
    }

    /// A header the contract says every such response carries, parsed by `parse` (one of ``ProviderRouting``'s
    /// `parse` functions, an enumeration's `init(rawValue:)`, or ``ProviderRouting/json(_:as:_:)``).
    public func header<Value>(
        _ name: String, in response: ClientResponse, for operation: ClientOperation, _ parse: (String) throws(ProviderRequestError) -> Value
    ) throws(ClientError) -> Value {
        try read(name, try header(name, in: response, for: operation), in: response, for: operation, parse)
    }

    /// An array header the contract says every such response carries, parsed by `parse` (its items split by
    /// ``ProviderRouting/headerValues(_:)``, each parsed); every field line of it counts.
    public func header<Item>(
        _ name: String, in response: ClientResponse, for operation: ClientOperation, _ parse: (String) throws(ProviderRequestError) -> [Item]
    ) throws(ClientError) -> [Item] {
        let text = try required(name, ClientHeader.combined(name, in: response.headers), in: response, for: operation)
        return try read(name, text, in: response, for: operation, parse)
    }

    /// A header the contract says a response may carry, parsed by `parse`; nil when it is not there.
    public func headerIfPresent<Value>(
        _ name: String, in response: ClientResponse, for operation: ClientOperation, _ parse: (String) throws(ProviderRequestError) -> Value
    ) throws(ClientError) -> Value? {
        guard let text = response.header(name) else { return nil }
        return try read(name, text, in: response, for: operation, parse)
    }

    /// An array header the contract says a response may carry, parsed by `parse` (its items split by
    /// ``ProviderRouting/headerValues(_:)``, each parsed); every field line of it counts; nil when it is not there.
    public func headerIfPresent<Item>(
        _ name: String, in response: ClientResponse, for operation: ClientOperation, _ parse: (String) throws(ProviderRequestError) -> [Item]
    ) throws(ClientError) -> [Item]? {
        guard let text = ClientHeader.combined(name, in: response.headers) else { return nil }
        return try read(name, text, in: response, for: operation, parse)
    }

    /// `text`, the header's value; its absence a ``ClientError/Kind/decoding``.
    private func required(_ name: String, _ text: String?, in response: ClientResponse, for operation: ClientOperation) throws(ClientError) -> String {
        guard let text else {
            throw ClientError(
                kind: .decoding, operationID: operation.id, response: response,
                underlying: ResponseHeaderError(name: name, problem: "response header \(name) is missing"))
        }
        return text
    }

    /// `text` parsed, its failure a ``ClientError/Kind/decoding``.
    private func read<Value>(
        _ name: String, _ text: String, in response: ClientResponse, for operation: ClientOperation,
        _ parse: (String) throws(ProviderRequestError) -> Value
    ) throws(ClientError) -> Value {
        do {
            return try parse(text)
        } catch {
            throw ClientError(kind: .decoding, operationID: operation.id, response: response, underlying: ResponseHeaderError(name: name, problem: error.message))
        }
    }
}

/// The error underneath a ``ClientError/Kind/decoding`` when a response header the contract declares is missing or
/// is not of its type.
public struct ResponseHeaderError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The header, as the contract spells it.
    public let name: String
    /// What is wrong with it, naming it: `response header Location is missing`, or the parse failure
    /// (`response header Retry-After: expected an integer, got "soon"`).
    public let problem: String

    /// Creates the error.
    public init(name: String, problem: String) {
        self.name = name
        self.problem = problem
    }

    /// ``problem``.
    public var description: String { problem }
}

extension ClientHeader {
    /// The headers of `pairs` whose value is not nil, in order: what a generated provider sends for a response's
    /// declared headers (an optional one the implementation left nil is not sent).
    public static func list(_ pairs: KeyValuePairs<String, String?>) -> [ClientHeader] {
        pairs.compactMap { pair in pair.value.map { ClientHeader(name: pair.key, value: $0) } }
    }
}
