import Foundation

/// Where a generated provider keeps the outcome of the writes it served under an idempotency key, so that a retry
/// with the same key is answered with the first outcome instead of running the write again (a second reservation, a
/// second refund). Pass one to a generated provider's `handle(_:idempotency:)` for the life of the server.
///
/// The semantics are those the contract's `idempotency` describes and the IETF's `Idempotency-Key` header draft
/// spells out, with Stripe's choices where the draft leaves them open: a request that reached the operation's
/// implementation with a new key runs; while it runs, another with the key is refused (409); once it has an answer,
/// a request with the key and the same request gets that answer again (with `Idempotent-Replayed: true`) until the
/// contract's `retention` has passed; one with the key and a different request is refused (422). A request refused
/// before the implementation saw it (400, 415) claims nothing, and answers that say the write was not attempted
/// (408, 429, 502, 503, 504) are not kept, so a retry runs it.
///
/// ``InMemoryIdempotencyStore`` serves one process. A service with several instances implements this protocol
/// over storage they share: an atomic claim with an expiry (a row with a unique key, Redis `SET NX PX`), and a
/// `finish` that only completes the claim it was given.
public protocol IdempotencyStore: Sendable {
    /// Claims `key` for `request`, whose ``ProviderIdempotency/fingerprint(_:headers:declaredContentType:)`` is `fingerprint`:
    /// ``IdempotencyClaim/proceed(_:)`` with a new lease when the key is new, expired or its claim went stale (the
    /// store then holds it as running until ``finish(_:lease:request:response:retention:)``), otherwise what to
    /// answer instead. The store decides whom keys belong to (``InMemoryIdempotencyStore``'s `caller`).
    func claim(_ key: IdempotencyKey, request: ClientRequest, fingerprint: Data) async -> IdempotencyClaim

    /// Ends the claim `lease` holds on `key`: keeps `response` for `retention` seconds as the key's outcome, or, when
    /// `response` is nil, forgets the key (a retry runs the write). Does nothing when the claim is no longer the
    /// lease's (it went stale and another request claimed the key).
    func finish(_ key: IdempotencyKey, lease: UUID, request: ClientRequest, response: ClientResponse?, retention: TimeInterval) async
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

/// What ``IdempotencyStore/claim(_:request:fingerprint:)`` found.
public enum IdempotencyClaim: Hashable, Sendable {
    /// The key is new (or expired, or its claim went stale): run the request, then finish with this lease.
    case proceed(UUID)
    /// The key's request is still running: answer 409.
    case inFlight
    /// The key was used with another request: answer 422.
    case mismatch
    /// The key's request ran and this was its answer: answer it again.
    case replay(ClientResponse)
}

/// An ``IdempotencyStore`` in this process's memory: what one server instance needs, and what tests use.
///
/// `caller` names who sent a request — say, the subject your authentication put on it — so that one caller's key
/// never answers another's request (a caller reusing a key another caller sent gets a run of its own). Return nil
/// only when every request comes from one caller: keys are then per operation alone. Not the bearer token itself,
/// which a retry may have renewed. A claim still running after `staleAfter` seconds (a request that never finished)
/// no longer holds its key. Expired answers are dropped as keys are claimed; `now` is the clock (tests pass their own).
///
/// At most `capacity` answers are kept (bodies included, so memory stays bounded whatever keys clients send): past
/// it, the oldest kept answer is dropped before its retention ends, and a retry with that key runs the write again.
/// Size it above the writes your retention covers (writes per second × retention in seconds); claims still running
/// are never dropped.
public actor InMemoryIdempotencyStore: IdempotencyStore {
    private enum Entry {
        case running(fingerprint: Data, lease: UUID, since: Date)
        /// `order` is the answer's place in ``InMemoryIdempotencyStore/kept``, oldest first.
        case finished(fingerprint: Data, response: ClientResponse, expires: Date, order: Int)
    }

    private struct Slot: Hashable {
        var key: IdempotencyKey
        var caller: String?
    }

    private var entries: [Slot: Entry] = [:]
    /// Kept answers' slots in the order they were kept, from ``keptStart`` on; a slot whose entry no longer has that
    /// order (dropped, expired, claimed again) is skipped.
    private var kept: [(slot: Slot, order: Int)] = []
    private var keptStart = 0
    private var keptCount = 0
    private var nextOrder = 0
    private let caller: @Sendable (ClientRequest) -> String?
    private let staleAfter: TimeInterval
    private let now: @Sendable () -> Date
    private var claimsSinceSweep = 0
    /// The most answers kept at once.
    public nonisolated let capacity: Int

    /// Creates an empty store that keeps at most `capacity` answers (at least one).
    public init(
        caller: @escaping @Sendable (ClientRequest) -> String?, staleAfter: TimeInterval = 600, capacity: Int = 100_000,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.caller = caller
        self.staleAfter = staleAfter
        self.capacity = max(1, capacity)
        self.now = now
    }

    /// Claims `key` (see ``IdempotencyStore/claim(_:request:fingerprint:)``).
    public func claim(_ key: IdempotencyKey, request: ClientRequest, fingerprint: Data) -> IdempotencyClaim {
        let time = now()
        sweep(at: time)
        let slot = Slot(key: key, caller: caller(request))
        switch entries[slot] {
        case .running(let running, _, let since) where time.timeIntervalSince(since) < staleAfter:
            return running == fingerprint ? .inFlight : .mismatch
        case .finished(let finished, let response, let expires, _) where expires > time:
            return finished == fingerprint ? .replay(response) : .mismatch
        case .running, .finished, nil:
            if case .finished = entries[slot] { keptCount -= 1 }
            let lease = UUID()
            entries[slot] = .running(fingerprint: fingerprint, lease: lease, since: time)
            return .proceed(lease)
        }
    }

    /// Ends the claim `lease` holds (see ``IdempotencyStore/finish(_:lease:request:response:retention:)``).
    public func finish(_ key: IdempotencyKey, lease: UUID, request: ClientRequest, response: ClientResponse?, retention: TimeInterval) {
        let slot = Slot(key: key, caller: caller(request))
        guard case .running(let fingerprint, let holder, _) = entries[slot], holder == lease else { return }
        if let response, retention > 0 {
            nextOrder += 1
            entries[slot] = .finished(fingerprint: fingerprint, response: response, expires: now().addingTimeInterval(retention), order: nextOrder)
            kept.append((slot, nextOrder))
            keptCount += 1
            while keptCount > capacity { dropOldestKept() }
        } else {
            entries[slot] = nil
        }
    }

    /// Drops the oldest answer still kept.
    private func dropOldestKept() {
        while keptStart < kept.count {
            let (slot, order) = kept[keptStart]
            keptStart += 1
            if case .finished(_, _, _, order) = entries[slot] {
                entries[slot] = nil
                keptCount -= 1
                return
            }
        }
    }

    /// The number of keys held (running or finished, expired ones not yet dropped).
    public var count: Int { entries.count }

    /// Drops expired answers and stale claims once the claims since the last sweep reach half the entries (at least
    /// 64), so that sweeping costs each claim amortised constant time.
    private func sweep(at time: Date) {
        claimsSinceSweep += 1
        guard claimsSinceSweep >= max(64, entries.count / 2) else { return }
        claimsSinceSweep = 0
        entries = entries.filter { _, entry in
            switch entry {
            case .finished(_, _, let expires, _): return expires > time
            case .running(_, _, let since): return time.timeIntervalSince(since) < staleAfter
            }
        }
        // The order of the answers still kept, without the places of those gone.
        kept = kept[keptStart...].filter { slot, order in
            if case .finished(_, _, _, order) = entries[slot] { return true }
            return false
        }
        keptStart = 0
        keptCount = kept.count
    }
}

/// What a generated provider's handler does for an operation the contract declares idempotent.
public enum ProviderIdempotency {
    /// The header on an answer repeated from a store rather than produced by running the request again.
    public static let replayedHeader = "Idempotent-Replayed"

    /// Serves `request`, already read and checked, through `store`: without a store or without a key (an empty one
    /// counts as none), `run()`'s answer; otherwise the claim's answer (a replay; 409 with `Retry-After: 1` while the
    /// key's request runs; 422 for the key with another request), or `run()`'s answer, kept for `retention` seconds
    /// unless it says the write was not attempted (408, 429, 502, 503, 504). `headers` are the header parameters the
    /// operation declares: with the method, path, query and body, what makes two requests the same.
    /// `declaredContentType` is the operation's declared request `contentType` (nil when it declares no request body),
    /// which says how the body counts (``fingerprint(_:headers:declaredContentType:)``); a generated provider passes
    /// it unless it is `application/json`, the default.
    public static func serve(
        _ request: ClientRequest, store: (any IdempotencyStore)?, operation: String, keyHeader: String, headers: [String] = [],
        declaredContentType: String? = "application/json", retention: TimeInterval, _ run: () async -> ClientResponse
    ) async -> ClientResponse {
        guard let store, let key = request.header(keyHeader), !key.isEmpty else { return await run() }
        let id = IdempotencyKey(operation: operation, key: key)
        let identity = fingerprint(request, headers: headers, declaredContentType: declaredContentType)
        switch await store.claim(id, request: request, fingerprint: identity) {
        case .proceed(let lease):
            let response = await run()
            await store.finish(id, lease: lease, request: request, response: keeps(response.status) ? response : nil, retention: retention)
            return response
        case .inFlight:
            return ProviderResponse.problem(
                409, "Conflict", detail: "a request with this \(keyHeader) is still being processed; retry later",
                headers: [ClientHeader(name: "Retry-After", value: "1")])
        case .mismatch:
            return ProviderResponse.problem(422, "Unprocessable Content", detail: "this \(keyHeader) was used with a different request")
        case .replay(var response):
            response.headers.append(ClientHeader(name: replayedHeader, value: "true"))
            return response
        }
    }

    /// Whether an answer with `status` is kept as the key's outcome: not when it says the write was not attempted
    /// (a timeout, rate limiting, an unavailable upstream). A 500 is kept: the implementation may have written before
    /// it failed.
    static func keeps(_ status: Int) -> Bool {
        ![408, 429, 502, 503, 504].contains(status)
    }

    /// What identifies a request for its key: method, path, query items in order, the named `headers` (absent and
    /// empty told apart; every field line of one, as one comma-separated list) and body, each length-prefixed so that
    /// no two different requests give the same bytes. Other headers are not part of it: a retry may carry a renewed
    /// token or another trace id.
    ///
    /// The body counts by the value the provider reads from it, and the provider reads a body as JSON whatever media
    /// type the operation declares (`declaredContentType`: its request `contentType`; nil when it declares no request
    /// body): a body sent without a `Content-Type`, labelled JSON (`application/json` or a `+json` type) or labelled
    /// with the declared type (`text/plain`, `application/x-www-form-urlencoded`, `application/octet-stream`, …,
    /// parameters and case aside) is read as JSON (``ProviderRouting/body(_:from:required:declaredContentType:issues:)``),
    /// so it counts by its canonical text (``CanonicalJSON/canonicalText(of:)``), as Stripe compares a retry's
    /// parameters rather than its bytes: a client that serialises the same value again — members in another order,
    /// other whitespace or escapes, `2.0` for `2`, `1.50` for `1.5` — sends the same request, under any of those
    /// labels; it is marked as read as JSON, so it never matches a body counted by its bytes. A body the provider does
    /// not read as JSON counts by its bytes: one the operation does not declare (it is not read, but the
    /// implementation can see it through ``ProviderContext/request``), one that is not JSON, and one with another
    /// label (which the provider refuses with 415 before it claims a key). Form bodies are not read as fields, so a
    /// form's field order never comes into it: a body that is not JSON is refused with 400, and claims no key either.
    public static func fingerprint(_ request: ClientRequest, headers: [String] = [], declaredContentType: String? = "application/json") -> Data {
        var parts = [Data(request.method.utf8), Data(request.path.utf8), Data("\(request.query.count)".utf8)]
        for item in request.query { parts += [Data(item.name.utf8), Data(item.value.utf8)] }
        for name in headers { parts.append(ClientHeader.combined(name, in: request.headers).map { Data(("=" + $0).utf8) } ?? Data()) }
        parts += bodyParts(request, declaredContentType: declaredContentType)
        var data = Data()
        for part in parts {
            data.append(contentsOf: "\(part.count):".utf8)
            data.append(part)
        }
        return data
    }

    /// The body's parts of a fingerprint: the canonical text of a body the operation declares and the provider reads
    /// as JSON (``ProviderRouting/readsAsJSON(labelled:declaredContentType:)``), after the part `json` (the bytes alone
    /// are one part, so the two never read alike); the bytes (none: empty) otherwise.
    private static func bodyParts(_ request: ClientRequest, declaredContentType: String?) -> [Data] {
        if let body = request.body, let declaredContentType,
            ProviderRouting.readsAsJSON(labelled: request.header("Content-Type"), declaredContentType: declaredContentType),
            let canonical = CanonicalJSON.canonicalText(of: body)
        {
            return [Data("json".utf8), canonical]
        }
        return [request.body ?? Data()]
    }
}
