/// One `"key": value` member of a JSON object, with the position of its key.
///
/// Equality and hashing compare the key (exact scalars) and the value, and
/// ignore ``keyPosition`` like every other position.
public struct JSONMember: Hashable, Sendable {
    /// The key, escapes decoded.
    public var key: String
    /// Where the key's opening quote is in the source.
    public var keyPosition: SourcePosition
    /// The value, with its own position.
    public var value: JSONNode

    /// Creates a member.
    public init(key: String, keyPosition: SourcePosition = .start, value: JSONNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }

    /// Compares key and value; the key position is ignored.
    public static func == (lhs: JSONMember, rhs: JSONMember) -> Bool {
        ExactString.equal(lhs.key, rhs.key) && lhs.value == rhs.value
    }

    /// Hashes key and value; the key position is ignored.
    public func hash(into hasher: inout Hasher) {
        ExactString.hash(key, into: &hasher)
        hasher.combine(value)
    }
}

/// A JSON object: members in source order, with keyed lookup.
///
/// Keys are compared by exact Unicode scalars (RFC 8259 §8.3), not by Swift's
/// canonical-equivalence `String ==`.
///
/// Lookup is O(1) for large objects (an index is built when the object is created
/// or its members are replaced; objects of up to 12 members are scanned).
/// Replacing or mutating ``members`` rebuilds the index.
///
/// Duplicate keys only exist when the reader was told to allow them: then
/// ``members`` keeps every occurrence, and lookup, equality and hashing use the
/// **last** occurrence of each key (as JavaScript's `JSON.parse` does).
///
/// Two objects are equal when they have the same set of keys with equal values,
/// regardless of member order and positions.
public struct JSONObject: Hashable, Sendable {
    /// Objects with more members than this get a hash index.
    static let indexThreshold = 12

    /// The members in source order.
    public var members: [JSONMember] {
        didSet { rebuildIndex() }
    }

    /// Key → index in `members` of the key's last occurrence; `nil` for small objects.
    private var index: [ExactKey: Int]?
    /// The number of distinct keys.
    private var distinctCount: Int

    /// Creates an object from members in the given order.
    public init(members: [JSONMember] = []) {
        self.members = members
        self.index = nil
        self.distinctCount = members.count
        rebuildIndex()
    }

    /// Creates an object with an index the reader already built.
    init(members: [JSONMember], index: [ExactKey: Int]?, distinctCount: Int) {
        self.members = members
        self.index = members.count > JSONObject.indexThreshold ? index : nil
        self.distinctCount = distinctCount
        if members.count > JSONObject.indexThreshold && self.index == nil { rebuildIndex() }
    }

    private mutating func rebuildIndex() {
        if members.count > JSONObject.indexThreshold {
            var index = [ExactKey: Int](minimumCapacity: members.count)
            for (i, member) in members.enumerated() { index[ExactKey(member.key)] = i }
            self.index = index
            distinctCount = index.count
        } else {
            index = nil
            var distinct = 0
            for i in members.indices where lastIndex(of: members[i].key) == i { distinct += 1 }
            distinctCount = distinct
        }
    }

    /// Index in `members` of the last member named `key`.
    private func lastIndex(of key: String) -> Int? {
        if let index { return index[ExactKey(key)] }
        var i = members.count - 1
        while i >= 0 {
            if ExactString.equal(members[i].key, key) { return i }
            i -= 1
        }
        return nil
    }

    /// The value of the member named `key` (its last occurrence), or `nil`.
    public subscript(key: String) -> JSONNode? {
        guard let i = lastIndex(of: key) else { return nil }
        return members[i].value
    }

    /// The member named `key` (its last occurrence, with its key position), or `nil`.
    public func member(named key: String) -> JSONMember? {
        guard let i = lastIndex(of: key) else { return nil }
        return members[i]
    }

    /// Whether a member is named `key`.
    public func contains(key: String) -> Bool {
        lastIndex(of: key) != nil
    }

    /// The keys in source order (a duplicated key appears once per occurrence).
    public var keys: [String] { members.map(\.key) }

    /// The number of members (occurrences, counting duplicates).
    public var count: Int { members.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// The members that lookup sees: every member, or with duplicate keys only the
    /// last occurrence of each key.
    private var effectiveMembers: some Sequence<JSONMember> {
        let hasDuplicates = distinctCount != members.count
        return members.enumerated().lazy
            .filter { !hasDuplicates || self.lastIndex(of: $0.element.key) == $0.offset }
            .map(\.element)
    }

    /// Same key set with equal values; order and positions are ignored.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.distinctCount == rhs.distinctCount else { return false }
        for member in lhs.effectiveMembers {
            guard let other = rhs[member.key], other == member.value else { return false }
        }
        return true
    }

    /// Order-independent hash of the effective members.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for member in effectiveMembers {
            var memberHasher = Hasher()
            ExactString.hash(member.key, into: &memberHasher)
            member.value.value.hash(into: &memberHasher)
            combined &+= memberHasher.finalize()
        }
        hasher.combine(distinctCount)
        hasher.combine(combined)
    }
}
