/// The named values of a Mustache object: a view model's keys and what they hold.
///
/// Stored as a short list searched from the end rather than a hash table: a view-model object has a
/// handful to a few dozen keys, nearly all short enough to be compared as two machine words, so a scan
/// costs less than hashing the name, and building an object allocates one array instead of a table
/// (hashing was ~9% of a generation run's instructions when objects were `Dictionary`s).
/// A key written twice keeps its last value, as in a dictionary; equality and hashing ignore order.
/// Keys match when their UTF-8 lengths and their text are equal (``sameKey(_:_:)``): view-model and
/// template names are ASCII, and the length test keeps most mismatches out of string comparison.
/// Unicode-equivalent spellings of different byte lengths (`"K"` and the Kelvin sign) are different
/// keys here, though ``dictionary`` — a Swift `Dictionary` — would merge them.
public struct MustacheObject: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// One key and its value.
    public struct Member: Sendable, Hashable {
        /// The name templates use.
        public var key: String
        /// What the name resolves to.
        public var value: MustacheValue
    }

    /// The members in the order they were added; a later member shadows an earlier one with the same key.
    private var storage: [Member]

    /// An object with the given keys and values (a repeated key keeps its last value).
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        self.init(pairs: elements)
    }

    /// An object with the given keys and values, in order (a repeated key keeps its last value).
    public init(pairs: [(String, MustacheValue)]) {
        storage = pairs.map { Member(key: $0.0, value: $0.1) }
    }

    /// An object holding a dictionary's keys and values.
    public init(_ dictionary: [String: MustacheValue]) {
        storage = dictionary.map { Member(key: $0.key, value: $0.value) }
    }

    /// The value under `key`; setting replaces it (or adds the key).
    public subscript(key: String) -> MustacheValue? {
        get {
            var index = storage.count - 1
            while index >= 0 {
                if Self.sameKey(storage[index].key, key) { return storage[index].value }
                index -= 1
            }
            return nil
        }
        set {
            storage.removeAll { Self.sameKey($0.key, key) }
            if let newValue { storage.append(Member(key: key, value: newValue)) }
        }
    }

    /// Whether two keys name the same member: lengths first (reading a string's length is inline, and it
    /// rules out nearly every other key without a call into the standard library's string comparison,
    /// which was 2.7% of a generation run at 100 types), then the text.
    @inline(__always)
    static func sameKey(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.count == rhs.utf8.count && lhs == rhs
    }

    /// The distinct keys with the value each resolves to.
    public var dictionary: [String: MustacheValue] {
        var result: [String: MustacheValue] = [:]
        for member in storage { result[member.key] = member.value }
        return result
    }

    /// Whether the objects resolve the same keys to equal values.
    public static func == (lhs: MustacheObject, rhs: MustacheObject) -> Bool { lhs.dictionary == rhs.dictionary }

    /// Hashes what ``==`` compares.
    public func hash(into hasher: inout Hasher) { hasher.combine(dictionary) }
}
