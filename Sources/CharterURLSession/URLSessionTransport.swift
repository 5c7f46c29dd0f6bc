import CharterRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The default ``ClientTransport``: Foundation's `URLSession`.
///
/// Each request's `timeoutMilliseconds` (the operation's SLA) becomes the `URLRequest`'s timeout; the
/// client also enforces it as a deadline on the whole attempt.
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
