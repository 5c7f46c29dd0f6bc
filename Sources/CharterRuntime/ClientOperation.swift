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
    /// method (``ClientOperation/hasIdempotentMethod``), or an idempotency key sent (the same key on every attempt),
    /// which only an operation that declares a key header sends. Any other call (a `POST` or `PATCH` without a key,
    /// a query declared with `idempotency.required: false` included) is sent once. An empty `idempotencyKey` is no
    /// key, as a provider reads it: one is made when the operation requires a key, and otherwise none is sent. A call from a
    /// cancelled task sends nothing; an operation that requires credentials is not sent without an `authorization`.
    /// Every error carries the idempotency key that was sent.
    public func send(_ request: ClientRequest, for operation: ClientOperation, idempotencyKey: String? = nil) async throws(ClientError)
        -> ClientResponse
    {
        var request = request
        for header in headers.reversed() where request.header(header.name) == nil { request.headers.insert(header, at: 0) }
        var keySent: String?
        let given = idempotencyKey?.isEmpty == false ? idempotencyKey : nil
        if let name = operation.idempotencyKeyHeader, let key = given ?? (operation.requiresIdempotencyKey ? makeIdempotencyKey() : nil),
            !key.isEmpty
        {
            request.setHeader(name, key)
            keySent = key
        }
        let call = Call(operationID: operation.id, idempotencyKey: keySent)
        if Task.isCancelled { throw call.error(.cancelled, attempts: 0, CancellationError()) }
        if let requirement = operation.auth {
            if let authorization {
                do {
                    try await authorization.authorize(&request, for: requirement)
                } catch {
                    throw call.error(Task.isCancelled ? .cancelled : .authorization, attempts: 0, error)
                }
            } else if requirement.needsAuthorization {
                throw call.error(.authorization, attempts: 0, MissingClientAuthorization(requirement: requirement))
            }
        }
        let repeatable = operation.hasIdempotentMethod || keySent != nil
        let attempts = repeatable ? max(retry.maxAttempts, 1) : 1
        // The call's time so far, for `maxTotalMilliseconds`: the attempts as measured, and the waits as asked for.
        var spent = 0
        var attempt = 1
        while true {
            if Task.isCancelled { throw call.error(.cancelled, attempts: attempt - 1, CancellationError()) }
            let timeout = retry.maxTotalMilliseconds.map { total in min(operation.timeoutMilliseconds ?? Int.max, max(total - spent, 0)) }
                ?? operation.timeoutMilliseconds
            request.timeoutMilliseconds = timeout  // the transport's own deadline too (URLSession's)
            let started = DispatchTime.now().uptimeNanoseconds
            let outcome = await attemptOnce(request, timeout: timeout)
            spent += Self.milliseconds(since: started)
            // Another attempt only when it would start within the call's limit.
            let withinLimit = { (delay: Int) in retry.maxTotalMilliseconds.map { spent + delay < $0 } ?? true }
            switch outcome {
            case .success(let response):
                // A server asking for a longer wait than the policy allows gets its answer back, not an early retry.
                // A 409 with `Retry-After` to a call with a key is a provider still running that key's first request
                // (ProviderIdempotency): the retry gets its answer.
                let stillRunning = response.status == 409 && keySent != nil && response.header("Retry-After") != nil
                guard attempt < attempts, retry.retriedStatuses.contains(response.status) || stillRunning,
                      let delay = retry.delayMilliseconds(afterFailedAttempts: attempt, retryAfter: response.header("Retry-After")),
                      withinLimit(delay)
                else { return response }
                try await pause(delay, call, attempt)
                spent += delay
            case .failure(let failure):
                if Task.isCancelled || failure is CancellationError { throw call.error(.cancelled, attempts: attempt, failure) }
                let delay = retry.delayMilliseconds(afterFailedAttempts: attempt)
                guard attempt < attempts, withinLimit(delay) else {
                    let timedOut = failure is ClientTimeout
                    throw call.error(timedOut ? .timedOut : .transport, attempts: attempt, timedOut ? nil : failure)
                }
                try await pause(delay, call, attempt)
                spent += delay
            }
            attempt += 1
        }
    }

    /// Whole milliseconds, rounded up, since `start` (a `DispatchTime` uptime in nanoseconds; `ContinuousClock` needs
    /// newer systems than the clients support).
    static func milliseconds(since start: UInt64) -> Int {
        let now = DispatchTime.now().uptimeNanoseconds
        return Int((max(now, start) - start + 999_999) / 1_000_000)
    }

    /// Waits before the next attempt; a cancelled wait ends the call.
    private func pause(_ milliseconds: Int, _ call: Call, _ attempt: Int) async throws(ClientError) {
        do {
            try await sleep(milliseconds)
        } catch {
            throw call.error(.cancelled, attempts: attempt, error)
        }
    }

    /// One attempt, racing the transport against the timeout when there is one. At the deadline the transport
    /// is cancelled; a response it still returns is the attempt's result (the server did answer), anything else
    /// is a timeout.
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
                if case let response?? = try await group.next() { return response }
                group.cancelAll()
                if case let response?? = try? await group.next() { return response }
                throw ClientTimeout()
            })
        } catch {
            return .failure(error)
        }
    }

    /// The body of a request: JSON, keys sorted (the same value always gives the same bytes), without the `readOnly`
    /// properties of any value in it (``CodingDirection/request``); a value JSON cannot carry (a date outside years
    /// 0001–9999, a number that is NaN or infinite) is an ``ClientError/Kind/encoding`` error. With
    /// ``ClientValidation/requests`` on, a body that breaks the contract is ``ClientError/Kind/invalidRequest``: `issues`
    /// checks a body whose type cannot check itself (generated code passes it), else a ``Validatable`` body checks itself.
    public func encodeBody<Body: Encodable>(
        _ body: Body, for operation: ClientOperation, issues: ((Body) -> [ValidationIssue])? = nil
    ) throws(ClientError) -> Data {
        try checkBody(body, for: operation, issues: issues)
        return try ClientError.encoding(operation) { try CanonicalJSON.encode(body, with: CanonicalJSON.encoder(for: .request)) }
    }

    /// The body of a response, decoded as the contract says for its status; the error of a body that is not
    /// carries the whole response (a gateway's HTML page, a request id in a header). A `writeOnly` property a provider
    /// returned all the same is ignored (``CodingDirection/response``). A body with an object whose member names are two for
    /// JSON and one for Swift is refused rather than read with one of them lost (``JSONMemberNames``). With
    /// ``ClientValidation/responses`` on, a body that decodes but breaks the contract is
    /// ``ClientError/Kind/invalidResponse`` (`issues` as in ``encodeBody(_:for:issues:)``).
    public func decodeBody<Body: Decodable>(
        _ type: Body.Type, from response: ClientResponse, for operation: ClientOperation, issues: ((Body) -> [ValidationIssue])? = nil
    ) throws(ClientError) -> Body {
        let body: Body
        do {
            body = try CanonicalJSON.decoder(for: .response).decodeCheckingMemberNames(Body.self, from: response.body)
        } catch {
            throw ClientError(kind: .decoding, operationID: operation.id, response: response, underlying: error)
        }
        try checkBody(body, from: response, for: operation, issues: issues)
        return body
    }
}

/// What every error of one call says besides its kind: the operation and the idempotency key sent.
private struct Call {
    let operationID: String
    let idempotencyKey: String?

    func error(_ kind: ClientError.Kind, attempts: Int, _ underlying: (any Error)?) -> ClientError {
        ClientError(kind: kind, operationID: operationID, attempts: attempts, idempotencyKey: idempotencyKey, underlying: underlying)
    }
}

/// An attempt that outlived its operation's timeout.
struct ClientTimeout: Error {}
