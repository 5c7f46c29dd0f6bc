/// How a consumer retries an event it failed to handle before dead-lettering it (`retry` in
/// `x-contract.events`).
public struct EventRetryPolicy: Sendable, Hashable {
    /// How the delay grows between attempts.
    public enum Backoff: String, Sendable, Hashable, CaseIterable {
        /// Doubles after every failed attempt, up to the largest delay.
        case exponential
        /// The same delay every time.
        case fixed
    }

    /// Attempts in all (the first delivery included) before the event is dead-lettered.
    public let maxAttempts: Int
    /// How the delay grows.
    public let backoff: Backoff
    /// The delay before the first redelivery, in milliseconds.
    public let initialDelayMilliseconds: Int
    /// The largest delay, in milliseconds.
    public let maxDelayMilliseconds: Int

    /// Creates a policy.
    public init(maxAttempts: Int, backoff: Backoff, initialDelayMilliseconds: Int, maxDelayMilliseconds: Int) {
        self.maxAttempts = maxAttempts
        self.backoff = backoff
        self.initialDelayMilliseconds = initialDelayMilliseconds
        self.maxDelayMilliseconds = maxDelayMilliseconds
    }

    /// The delay in milliseconds before the next attempt after `failedAttempts` failed ones (1 after the first
    /// delivery failed), or nil when no attempt is left and the event goes to the dead-letter topic.
    public func delayMilliseconds(afterFailedAttempts failedAttempts: Int) -> Int? {
        guard failedAttempts >= 1, failedAttempts < maxAttempts else { return nil }
        let initial = max(initialDelayMilliseconds, 0)
        let cap = max(maxDelayMilliseconds, initial)
        switch backoff {
        case .fixed:
            return initial
        case .exponential:
            return Self.doubled(initial, times: failedAttempts - 1, cap: cap)
        }
    }

    /// `initial` × 2^`times`, capped at `cap` (`initial` and `cap` not negative), without overflowing however
    /// many times: the backoff of both event consumers and clients (``ClientRetryPolicy``).
    static func doubled(_ initial: Int, times: Int, cap: Int) -> Int {
        var delay = initial
        for _ in 0..<max(times, 0) where delay < cap { delay = delay > cap / 2 ? cap : delay * 2 }
        return min(delay, cap)
    }
}
