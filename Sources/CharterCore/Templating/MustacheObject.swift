/// The named values of a Mustache object: a view model's keys and what they hold.
///
/// Stored as a short list searched from the end rather than a hash table: a view-model object has a
/// handful to a few dozen keys, nearly all short enough to be compared as two machine words, so a scan
/// costs less than hashing the name, and building an object allocates one array instead of a table
/// (hashing was ~9% of a generation run's instructions when objects were `Dictionary`s).
/// A key written twice keeps its last value, as in a dictionary; equality and hashing ignore order.
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
            // Lengths first: reading a string's length is inline, and it rules out nearly every other key
            // without a call into the standard library's string comparison (2.7% of a run at 100 types).
            let length = key.utf8.count
            var index = storage.count - 1
            while index >= 0 {
                let candidate = storage[index].key
                if candidate.utf8.count == length && candidate == key { return storage[index].value }
                index -= 1
            }
            return nil
        }
        set {
            storage.removeAll { $0.key == key }
            if let newValue { storage.append(Member(key: key, value: newValue)) }
        }
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
