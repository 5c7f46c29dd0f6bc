import Foundation

/// When a client sends a request again. Only calls that are safe to repeat are retried: `GET`, `HEAD`,
/// `OPTIONS`, `PUT` and `DELETE` (idempotent in HTTP), and any call that carries an idempotency key. A `POST` or
/// `PATCH` sent without a key is sent once, whatever its contract says of it (a query declared with
/// `idempotency.required: false` too: the flag only makes the key optional).
public struct ClientRetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included (1: never retry).
    public var maxAttempts: Int
    /// The delay before the first retry, in milliseconds; it doubles for each further retry.
    public var initialDelayMilliseconds: Int
    /// The largest delay, in milliseconds. A server whose `Retry-After` asks for longer is not retried early:
    /// its response is returned.
    public var maxDelayMilliseconds: Int
    /// Statuses that are retried (transport failures always are).
    public var retriedStatuses: Set<Int>
    /// The longest a call may take, all its attempts and waits together, in milliseconds; nil for no limit (each
    /// attempt is still bounded by the operation's SLA timeout). No retry is made that would start after it, and an
    /// attempt is given no more than what is left of it as its timeout.
    public var maxTotalMilliseconds: Int?

    /// Three attempts, 100 ms doubling up to 2 s, on 408, 429, 502, 503 and 504.
    public static let standard = ClientRetryPolicy(
        maxAttempts: 3, initialDelayMilliseconds: 100, maxDelayMilliseconds: 2000, retriedStatuses: [408, 429, 502, 503, 504])
    /// Never retry.
    public static let none = ClientRetryPolicy(maxAttempts: 1, initialDelayMilliseconds: 0, maxDelayMilliseconds: 0, retriedStatuses: [])

    /// Creates a policy.
    public init(
        maxAttempts: Int, initialDelayMilliseconds: Int, maxDelayMilliseconds: Int, retriedStatuses: Set<Int>, maxTotalMilliseconds: Int? = nil
    ) {
        self.maxAttempts = maxAttempts
        self.initialDelayMilliseconds = initialDelayMilliseconds
        self.maxDelayMilliseconds = maxDelayMilliseconds
        self.retriedStatuses = retriedStatuses
        self.maxTotalMilliseconds = maxTotalMilliseconds
    }

    /// The same policy with the whole call bounded by `milliseconds` (``maxTotalMilliseconds``).
    public func limited(toTotalMilliseconds milliseconds: Int) -> ClientRetryPolicy {
        var policy = self
        policy.maxTotalMilliseconds = milliseconds
        return policy
    }

    /// Milliseconds as nanoseconds for `Task.sleep`, negative as zero, beyond `UInt64` as its largest value.
    public static func nanoseconds(_ milliseconds: Int) -> UInt64 {
        let (product, overflow) = UInt64(max(milliseconds, 0)).multipliedReportingOverflow(by: 1_000_000)
        return overflow ? .max : product
    }

    /// The backoff before attempt `failedAttempts + 1`, in milliseconds: `initialDelayMilliseconds` doubled for
    /// each earlier retry, up to `maxDelayMilliseconds`.
    public func delayMilliseconds(afterFailedAttempts failedAttempts: Int) -> Int {
        EventRetryPolicy.doubled(max(initialDelayMilliseconds, 0), times: failedAttempts - 1, cap: max(maxDelayMilliseconds, 0))
    }

    /// The delay before attempt `failedAttempts + 1` after a retried status whose response carried `retryAfter`
    /// (the `Retry-After` header, if any): the longer of the backoff and the server's wait, or nil when the server
    /// asks for a longer wait than `maxDelayMilliseconds` (the call does not retry early; it returns the response).
    /// A value that is neither delta-seconds nor an IMF-fixdate (``retryAfterMilliseconds(_:now:)``) is ignored.
    public func delayMilliseconds(afterFailedAttempts failedAttempts: Int, retryAfter: String?, now: Date = Date()) -> Int? {
        let backoff = delayMilliseconds(afterFailedAttempts: failedAttempts)
        guard let wait = retryAfter.flatMap({ Self.retryAfterMilliseconds($0, now: now) }) else { return backoff }
        return wait > max(maxDelayMilliseconds, 0) ? nil : max(backoff, wait)
    }

    /// The wait a `Retry-After` value asks for, in milliseconds from `now`: delta-seconds (`120`), or an HTTP date
    /// in the IMF-fixdate form (`Wed, 21 Oct 2026 07:28:00 GMT`; a date already past asks for no wait). Nil for
    /// anything else, the obsolete RFC 850 and asctime date forms included. A wait beyond `Int` is `Int.max`.
    public static func retryAfterMilliseconds(_ value: String, now: Date) -> Int? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            var milliseconds = 0
            for byte in text.utf8 {
                let (tenfold, overflowed) = milliseconds.multipliedReportingOverflow(by: 10)
                let (sum, overflowedAgain) = tenfold.addingReportingOverflow(Int(byte - UInt8(ascii: "0")) * 1000)
                if overflowed || overflowedAgain { return .max }
                milliseconds = sum
            }
            return milliseconds
        }
        guard let date = HTTPDate.parseIMFFixdate(text) else { return nil }
        let milliseconds = (date.timeIntervalSince(now) * 1000).rounded(.up)
        return milliseconds >= Double(Int.max) ? .max : max(Int(milliseconds), 0)
    }
}
