/// A table keyed by the schemas of one ``SchemaGraph``: schema ids are dense (`0..<count`), so a slot per
/// schema replaces a dictionary — no hashing on every lookup, no rehashing as it fills.
struct SchemaTable<Value> {
    private var slots: [Value?]

    /// An empty table for a graph of `count` schemas.
    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// The value for `id`, or nil.
    subscript(id: SchemaID) -> Value? {
        get { slots[id.rawValue] }
        set { slots[id.rawValue] = newValue }
    }
}
