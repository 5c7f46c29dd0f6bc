import Foundation

/// Process-wide cache of compiled `pattern` regular expressions (ECMA-262, rewritten for ICU by
/// ``ECMAScriptPattern``).
///
/// Also compiled into CharterCore through a symbolic link (`Sources/CharterCore/Schema/PatternCache.swift`), where
/// `PatternSyntax` owns one, so the tools compile a contract's patterns as generated validation does, and each once.
///
/// A lock (`NSLock`) rather than `Synchronization.Mutex`, which needs macOS 15 /
/// iOS 18 and would raise the deployment target of every app using generated
/// code. `NSRegularExpression` is immutable and safe to use from many threads
/// once compiled; compilation happens outside the lock.
final class PatternCache: @unchecked Sendable {
    static let shared = PatternCache()

    /// The number of patterns kept before the cache starts over. Patterns come from contracts, so the set is
    /// small; the bound only guards against misuse with unbounded dynamic patterns.
    private let capacity: Int

    /// An empty cache that keeps up to `capacity` patterns (generated code's 1,024; the tools', which read whole
    /// estates of contracts, more), emptied when full.
    init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    private enum Entry {
        case valid(NSRegularExpression)
        case invalid
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// Whether `string` contains a match of `pattern`; `nil` if `pattern` is
    /// not a valid regular expression.
    func matches(_ string: String, pattern: String) -> Bool? {
        // The empty pattern matches everything; NSRegularExpression refuses it.
        if pattern.isEmpty { return true }
        guard let expression = expression(for: pattern) else { return nil }
        let range = NSRange(string.startIndex..<string.endIndex, in: string)
        return expression.firstMatch(in: string, options: [], range: range) != nil
    }

    /// The compiled expression, or `nil` if `pattern` does not compile.
    func expression(for pattern: String) -> NSRegularExpression? {
        lock.lock()
        let cached = entries[pattern]
        lock.unlock()
        if let cached {
            if case .valid(let expression) = cached { return expression }
            return nil
        }

        let compiled: Entry
        if let expression = try? NSRegularExpression(pattern: ECMAScriptPattern.icu(pattern), options: []) {
            compiled = .valid(expression)
        } else {
            compiled = .invalid
        }
        lock.lock()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[pattern] = compiled
        lock.unlock()

        if case .valid(let expression) = compiled { return expression }
        return nil
    }

    /// The number of cached patterns (for tests).
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }
}
