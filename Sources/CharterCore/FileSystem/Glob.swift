/// Path patterns, for command-line inputs and per-path lint overrides: `*` matches within one path segment, `**` any number of
/// segments (including none), `?` one character other than `/`; everything else matches itself.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let bytes: [UInt8]

    /// Creates a pattern.
    public init(_ pattern: String) {
        self.pattern = pattern
        bytes = Array(pattern.utf8)
    }

    /// The pattern as written.
    public var description: String { pattern }

    /// Whether `path` (with `/` separators) matches the whole pattern.
    public func matches(_ path: String) -> Bool {
        let text = Array(path.utf8)
        var memo = [Bool?](repeating: nil, count: (bytes.count + 1) * (text.count + 1))
        return match(0, 0, text, &memo)
    }

    private func match(_ p: Int, _ t: Int, _ text: [UInt8], _ memo: inout [Bool?]) -> Bool {
        let key = p * (text.count + 1) + t
        if let known = memo[key] { return known }
        let result: Bool
        if p == bytes.count {
            result = t == text.count
        } else if bytes[p] == UInt8(ascii: "*") {
            if p + 1 < bytes.count, bytes[p + 1] == UInt8(ascii: "*") {
                // `**` matches across separators; `**/` matches whole folders only (none at all, too), so what
                // follows it starts a path segment.
                var next = p + 2
                var segmentStart = true
                if next < bytes.count, bytes[next] == UInt8(ascii: "/") {
                    next += 1
                    segmentStart = t == 0 || text[t - 1] == UInt8(ascii: "/")
                }
                result = (segmentStart && match(next, t, text, &memo)) || (t < text.count && match(p, t + 1, text, &memo))
            } else {
                result = match(p + 1, t, text, &memo) || (t < text.count && text[t] != UInt8(ascii: "/") && match(p, t + 1, text, &memo))
            }
        } else if t < text.count, bytes[p] == UInt8(ascii: "?") ? text[t] != UInt8(ascii: "/") : bytes[p] == text[t] {
            result = match(p + 1, t + 1, text, &memo)
        } else {
            result = false
        }
        memo[key] = result
        return result
    }
}
