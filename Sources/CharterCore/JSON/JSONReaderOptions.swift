/// Limits and policies of ``JSONReader``.
public struct JSONReaderOptions: Sendable {
    /// The deepest nesting of arrays and objects accepted; a document nested
    /// deeper is rejected with "nesting deeper than N levels". The top-level
    /// container is level 1. Default 512.
    ///
    /// The reader itself never recurses, whatever the limit; but comparing,
    /// hashing, writing and releasing a tree recurse once per level, so keep the
    /// limit in the low thousands.
    public var maxDepth: Int
    /// Whether an object may repeat a key. RFC 8259 only says keys SHOULD be
    /// unique; Charter rejects duplicates by default because a contract with two
    /// definitions of one property is ambiguous. When allowed, every occurrence
    /// is kept in ``JSONObject/members`` and lookup sees the last one.
    public var allowDuplicateKeys: Bool

    /// Creates options.
    public init(maxDepth: Int = 512, allowDuplicateKeys: Bool = false) {
        self.maxDepth = maxDepth
        self.allowDuplicateKeys = allowDuplicateKeys
    }
}
