import Foundation

/// One operation of a contract as a generated client describes it: what `send` needs to know to add an
/// idempotency key and credentials, to retry, and to keep to the SLA's timeout.
public struct ClientOperation: Sendable, Hashable {
    /// The operation id, e.g. `captureOrder`.
    public var id: String
    /// The HTTP method, uppercase.
    public var method: String
    /// The path template, e.g. `/orders/{orderId}`.
    public var pathTemplate: String
    /// The authorisation the operation requires, if any.
    public var auth: ClientAuthRequirement?
    /// The header that carries an idempotency key, when the contract declares idempotency.
    public var idempotencyKeyHeader: String?
    /// Whether a key must be sent (one is made when the caller gives none).
    public var requiresIdempotencyKey: Bool
    /// The SLA's `timeoutMs`: the deadline of each attempt.
    public var timeoutMilliseconds: Int?

    /// Creates an operation.
    public init(
        id: String, method: String, pathTemplate: String, auth: ClientAuthRequirement? = nil, idempotencyKeyHeader: String? = nil,
        requiresIdempotencyKey: Bool = false, timeoutMilliseconds: Int? = nil
    ) {
        self.id = id
        self.method = method
        self.pathTemplate = pathTemplate
        self.auth = auth
        self.idempotencyKeyHeader = idempotencyKeyHeader
        self.requiresIdempotencyKey = requiresIdempotencyKey
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    /// Whether HTTP makes the method idempotent (`GET`, `HEAD`, `OPTIONS`, `PUT`, `DELETE`).
    public var hasIdempotentMethod: Bool { ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"].contains(method) }
}

@available(macOS 10.15, iOS 13, tvOS 13, watchOS 6, *)
extension ClientConfiguration {
    /// Sends a request for `operation`: the configuration's headers, the idempotency key (`idempotencyKey`,
    /// or a new one when the operation requires a key), credentials, then attempts under the retry policy,
    /// each within the operation's timeout. A call is retried only when repeating it is safe: an idempotent
    /// method, or an idempotency key sent (the same key on every attempt).
    public func send(_ request: ClientRequest, for operation: ClientOperation, idempotencyKey: String? = nil) async throws(ClientError)
        -> ClientResponse
    {
        var request = request
        for header in headers.reversed() where request.header(header.name) == nil { request.headers.insert(header, at: 0) }
        var keySent = false
        if let name = operation.idempotencyKeyHeader, let key = idempotencyKey ?? (operation.requiresIdempotencyKey ? makeIdempotencyKey() : nil) {
            request.setHeader(name, key)
            keySent = true
        }
        if let requirement = operation.auth, let authorization {
            do {
                try await authorization.authorize(&request, for: requirement)
            } catch {
                throw ClientError(kind: Task.isCancelled ? .cancelled : .authorization, operationID: operation.id, underlying: error)
            }
        }
        request.timeoutMilliseconds = operation.timeoutMilliseconds
        let repeatable = operation.hasIdempotentMethod || keySent
        let attempts = repeatable ? max(retry.maxAttempts, 1) : 1
        var attempt = 1
        while true {
            let outcome = await attemptOnce(request, timeout: operation.timeoutMilliseconds)
            switch outcome {
            case .success(let response):
                guard attempt < attempts, retry.retriedStatuses.contains(response.status) else { return response }
                try await pause(retry.delayMilliseconds(afterFailedAttempts: attempt, retryAfter: response.header("Retry-After")), operation, attempt)
            case .failure(let failure):
                if Task.isCancelled || failure is CancellationError {
                    throw ClientError(kind: .cancelled, operationID: operation.id, attempts: attempt, underlying: failure)
                }
                guard attempt < attempts else {
                    let timedOut = failure is ClientTimeout
                    throw ClientError(kind: timedOut ? .timedOut : .transport, operationID: operation.id, attempts: attempt,
                                      underlying: timedOut ? nil : failure)
                }
                try await pause(retry.delayMilliseconds(afterFailedAttempts: attempt), operation, attempt)
            }
            attempt += 1
        }
    }

    /// Waits before the next attempt; a cancelled wait ends the call.
    private func pause(_ milliseconds: Int, _ operation: ClientOperation, _ attempt: Int) async throws(ClientError) {
        do {
            try await sleep(milliseconds)
        } catch {
            throw ClientError(kind: .cancelled, operationID: operation.id, attempts: attempt, underlying: error)
        }
    }

    /// One attempt, racing the transport against the timeout when there is one.
    private func attemptOnce(_ request: ClientRequest, timeout: Int?) async -> Result<ClientResponse, any Error> {
        let transport = transport
        let serverURL = serverURL
        guard let timeout else {
            do { return .success(try await transport.send(request, serverURL: serverURL)) } catch { return .failure(error) }
        }
        do {
            return .success(try await withThrowingTaskGroup(of: ClientResponse?.self) { group in
                group.addTask { try await transport.send(request, serverURL: serverURL) }
                group.addTask {
                    try await Task.sleep(nanoseconds: ClientRetryPolicy.nanoseconds(timeout))
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let response = first else { throw ClientTimeout() }
                return response
            })
        } catch {
            return .failure(error)
        }
    }

    /// The body of a request: JSON, keys sorted (the same value always gives the same bytes).
    public func encodeBody<Body: Encodable>(_ body: Body, for operation: ClientOperation) throws(ClientError) -> Data {
        do {
            return try CanonicalJSON.encoder().encode(body)
        } catch {
            throw ClientError(kind: .encoding, operationID: operation.id, underlying: error)
        }
    }

    /// The body of a response, decoded as the contract says for its status.
    public func decodeBody<Body: Decodable>(_ type: Body.Type, from response: ClientResponse, for operation: ClientOperation)
        throws(ClientError) -> Body
    {
        do {
            return try JSONDecoder().decode(Body.self, from: response.body)
        } catch {
            throw ClientError(kind: .decoding, operationID: operation.id, status: response.status, underlying: error)
        }
    }
}

/// An attempt that outlived its operation's timeout.
struct ClientTimeout: Error {}
