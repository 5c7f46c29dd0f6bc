import Foundation

/// Where a generated provider keeps the outcome of the writes it served under an idempotency key, so that a retry
/// with the same key is answered with the first outcome instead of running the write again (a second reservation, a
/// second refund). Pass one to a generated provider's `handle(_:idempotency:)` for the life of the server.
///
/// The semantics are those the contract's `idempotency` describes and the IETF's `Idempotency-Key` header draft
/// spells out: the first request with a key runs; while it runs, another with the key is refused (409); once it has
/// an answer, a request with the key and the same method, path and body gets that answer again (with
/// `Idempotent-Replayed: true`) until the contract's `retention` has passed; one with the key and a different request
/// is refused (422). Answers that say the write did not happen — 5xx, 408, 429 — are not kept, so a retry runs it.
///
/// ``InMemoryIdempotencyStore`` serves one process. A service with several instances implements this protocol
/// over storage they share (a database table with a unique key, Redis `SET NX`), comparing requests by
/// ``ProviderIdempotency/fingerprint(_:)``. Keys are per operation; a store decides whether they are also per caller
/// (``InMemoryIdempotencyStore``'s `caller`), which a service whose callers could reuse each other's keys wants.
public protocol IdempotencyStore: Sendable {
    /// Claims `key` for `request`: ``IdempotencyClaim/proceed`` when the key is new or its outcome has expired (the
    /// store then holds it as in flight until ``finish(_:request:response:retention:)``), otherwise what to answer
    /// instead.
    func claim(_ key: IdempotencyKey, request: ClientRequest) async -> IdempotencyClaim

    /// Ends the claim on `key` that `request` made: keeps `response` for `retention` seconds as the key's outcome,
    /// or, when `response` is nil, forgets the key (the write did not happen; a retry runs it).
    func finish(_ key: IdempotencyKey, request: ClientRequest, response: ClientResponse?, retention: TimeInterval) async
}

/// An idempotency key as a store sees it: the operation it was sent to and the key itself. Keys of different
/// operations never meet.
public struct IdempotencyKey: Hashable, Sendable {
    /// The operation's contract id.
    public var operation: String
    /// The key, as the client sent it.
    public var key: String

    /// Creates a key.
    public init(operation: String, key: String) {
        self.operation = operation
        self.key = key
    }
}

/// What ``IdempotencyStore/claim(_:request:)`` found.
public enum IdempotencyClaim: Hashable, Sendable {
    /// The key is new (or expired): run the request, then ``IdempotencyStore/finish(_:request:response:retention:)``.
    case proceed
    /// The key's request is still running: answer 409.
    case inFlight
    /// The key was used with another request: answer 422.
    case mismatch
    /// The key's request ran and this was its answer: answer it again.
    case replay(ClientResponse)
}

/// An ``IdempotencyStore`` in this process's memory: what one server instance needs, and what tests use. Expired
/// outcomes are dropped as keys are claimed. `now` is the clock (tests pass their own); `caller` names who sent a
/// request (say, the subject your authentication middleware put in a header), so that one caller's key never
/// answers another's request; nil (the default) keeps keys per operation only.
public actor InMemoryIdempotencyStore: IdempotencyStore {
    private enum Entry {
        case running(request: Data)
        case finished(request: Data, response: ClientResponse, expires: Date)
    }

    private struct Slot: Hashable {
        var key: IdempotencyKey
        var caller: String?
    }

    private var entries: [Slot: Entry] = [:]
    private let now: @Sendable () -> Date
    private let caller: @Sendable (ClientRequest) -> String?
    private var claimsSinceSweep = 0

    /// Creates an empty store.
    public init(now: @escaping @Sendable () -> Date = { Date() }, caller: @escaping @Sendable (ClientRequest) -> String? = { _ in nil }) {
        self.now = now
        self.caller = caller
    }

    /// Claims `key` (see ``IdempotencyStore/claim(_:request:)``).
    public func claim(_ key: IdempotencyKey, request: ClientRequest) -> IdempotencyClaim {
        let time = now()
        sweep(at: time)
        let slot = Slot(key: key, caller: caller(request))
        let request = ProviderIdempotency.fingerprint(request)
        switch entries[slot] {
        case .running(let running):
            return running == request ? .inFlight : .mismatch
        case .finished(let finished, let response, let expires) where expires > time:
            return finished == request ? .replay(response) : .mismatch
        case .finished, nil:
            entries[slot] = .running(request: request)
            return .proceed
        }
    }

    /// Ends the claim on `key` (see ``IdempotencyStore/finish(_:request:response:retention:)``).
    public func finish(_ key: IdempotencyKey, request: ClientRequest, response: ClientResponse?, retention: TimeInterval) {
        let slot = Slot(key: key, caller: caller(request))
        guard case .running(let running) = entries[slot] else { return }
        if let response, retention > 0 {
            entries[slot] = .finished(request: running, response: response, expires: now().addingTimeInterval(retention))
        } else {
            entries[slot] = nil
        }
    }

    /// The number of keys held (running or finished, expired ones not yet dropped).
    public var count: Int { entries.count }

    /// Drops expired outcomes, at most once per 64 claims (so a claim costs amortised constant time).
    private func sweep(at time: Date) {
        claimsSinceSweep += 1
        guard claimsSinceSweep >= 64 else { return }
        claimsSinceSweep = 0
        entries = entries.filter { _, entry in
            if case .finished(_, _, let expires) = entry { return expires > time }
            return true
        }
    }
}

/// What a generated provider's handler does for an operation the contract declares idempotent.
public enum ProviderIdempotency {
    /// The header on an answer repeated from a store rather than produced by running the request again.
    public static let replayedHeader = "Idempotent-Replayed"

    /// Serves `request` through `store`: without a store or without a key, `run()`'s answer; otherwise the claim's
    /// answer (a replay, 409 while the key's request runs, 422 for the key with another request), or `run()`'s
    /// answer kept for `retention` seconds unless it says the write did not happen (5xx, 408, 429).
    public static func serve(
        _ request: ClientRequest, store: (any IdempotencyStore)?, operation: String, keyHeader: String, retention: TimeInterval,
        _ run: () async -> ClientResponse
    ) async -> ClientResponse {
        guard let store, let key = request.header(keyHeader) else { return await run() }
        let id = IdempotencyKey(operation: operation, key: key)
        switch await store.claim(id, request: request) {
        case .proceed:
            let response = await run()
            await store.finish(id, request: request, response: keeps(response.status) ? response : nil, retention: retention)
            return response
        case .inFlight:
            return ProviderResponse.problem(409, "Conflict", detail: "a request with this \(keyHeader) is still being processed; retry later")
        case .mismatch:
            return ProviderResponse.problem(422, "Unprocessable Content", detail: "this \(keyHeader) was used with a different request")
        case .replay(var response):
            response.headers.append(ClientHeader(name: replayedHeader, value: "true"))
            return response
        }
    }

    /// Whether an answer with `status` is kept as the key's outcome: not when it says the write did not happen.
    static func keeps(_ status: Int) -> Bool {
        status < 500 && status != 408 && status != 429
    }

    /// What identifies a request for its key: method, path, query and body, length-prefixed so that no two different
    /// requests give the same bytes. Headers are not part of it (a retry may carry a fresh token).
    public static func fingerprint(_ request: ClientRequest) -> Data {
        var parts = [Data(request.method.utf8), Data(request.path.utf8)]
        for item in request.query { parts += [Data(item.name.utf8), Data(item.value.utf8)] }
        parts.append(request.body ?? Data())
        var data = Data()
        for part in parts {
            data.append(contentsOf: "\(part.count):".utf8)
            data.append(part)
        }
        return data
    }
}
