import Foundation

/// What generated code makes of a `pattern`, asked by the tools that read contracts: the rewrite for ICU is
/// `ECMAScriptPattern` and the cache of compiled expressions `PatternCache`, both compiled into this module from
/// `Sources/CharterRuntime` through symbolic links, so the tools judge and match a pattern exactly as generated
/// validation compiles it.
package enum PatternSyntax {
    /// The process's compiled patterns (pattern → ICU expression, or the failure to compile), shared by every caller
    /// and thread. Bounded, as generated code's is, though more generously: a long-lived process (an editor, a fuzzer)
    /// meets patterns without end, while one run's contracts repeat a few thousand at most.
    private static let cache = PatternCache(capacity: 8192)

    /// Whether generated validation can compile `pattern` (the empty pattern matches everything). A pattern it cannot
    /// compile makes every value a validation issue ("cannot be checked").
    package static func compiles(_ pattern: String) -> Bool {
        pattern.isEmpty || cache.expression(for: pattern) != nil
    }

    /// Whether `string` contains a match of `pattern`, as generated validation searches (anchored only by `^`/`$`;
    /// the empty pattern matches everything); nil when `pattern` does not compile.
    package static func matches(_ string: String, pattern: String) -> Bool? {
        cache.matches(string, pattern: pattern)
    }
}
