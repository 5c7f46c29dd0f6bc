import CharterRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The default ``ClientTransport``: Foundation's `URLSession`.
///
/// Each request's `timeoutMilliseconds` (the operation's SLA) becomes the `URLRequest`'s timeout; the
/// client also enforces it as a deadline on the whole attempt.
///
/// Response headers: `HTTPURLResponse` has no field lines, only one value per field name (`allHeaderFields`,
/// `value(forHTTPHeaderField:)`), in which Foundation has already joined a name's repeated lines with `, `, in
/// order. That is RFC 9110 §5.3's combination, so an array (list-based) header reads every item of every line;
/// but the lines cannot be told apart again: a repeated single-valued header reads as the joined text (`1, 2`,
/// which then fails to parse as the contract's type) rather than its first line, repeated `Set-Cookie` lines
/// (which RFC 9110 exempts from joining, as a cookie may hold a comma) come as one value that cannot be split
/// reliably, and a blank line adds an empty item. On Linux (swift-corelibs-foundation) lines whose names differ only
/// in case (`Link` and `link`) are not joined: one spelling's lines are kept and the other's lost. The response's
/// ``ClientResponse/headers`` hold one ``ClientHeader`` per name, sorted by lowercased name.
@available(macOS 12, iOS 15, tvOS 15, watchOS 8, *)
public struct URLSessionTransport: ClientTransport {
    /// The session (shared by default).
    public let session: URLSession

    /// Creates a transport over `session`.
    public init(session: URLSession = .shared) {
        self.session = session
    }

    /// Sends the request with `URLSession` and returns status, headers and body.
    public func send(_ request: ClientRequest, serverURL: URL) async throws -> ClientResponse {
        var urlRequest = URLRequest(url: request.url(relativeTo: serverURL))
        urlRequest.httpMethod = request.method
        for header in request.headers { urlRequest.addValue(header.value, forHTTPHeaderField: header.name) }
        urlRequest.httpBody = request.body
        if let timeout = request.timeoutMilliseconds {
            #if canImport(FoundationNetworking)
            // swift-corelibs-foundation truncates the interval to whole seconds (0.8 s would time out at once):
            // round up, at least 1 s; the client's own deadline keeps to the SLA exactly.
            urlRequest.timeoutInterval = max((Double(timeout) / 1000).rounded(.up), 1)
            #else
            urlRequest.timeoutInterval = Double(timeout) / 1000
            #endif
        }
        let (data, response) = try await session.data(for: urlRequest)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        let headers = http.allHeaderFields.compactMap { key, value -> ClientHeader? in
            guard let name = key as? String else { return nil }
            return ClientHeader(name: name, value: "\(value)")
        }.sorted { $0.name.lowercased() < $1.name.lowercased() }
        return ClientResponse(status: http.statusCode, headers: headers, body: data)
    }
}
