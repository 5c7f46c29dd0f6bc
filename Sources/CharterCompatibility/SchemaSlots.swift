import CharterCore

/// Answers worked out on first use, a slot per schema of one ``SchemaGraph`` (schema ids are dense, `0..<count`).
///
/// A class over a fixed buffer rather than an array in a `var` of ``DiffContext``: the comparison asks for a schema's
/// constraints or flattened object millions of times on a large estate, and each ask of a class's array property went
/// through Swift's dynamic exclusivity check (a `swift_beginAccess`/`swift_endAccess` pair, about 120 instructions)
/// before it read one slot. The buffer is a `let`, so reading or filling a slot is a plain memory access.
final class SchemaSlots<Value> {
    private let slots: UnsafeMutableBufferPointer<Value?>

    /// Empty slots for a graph of `count` schemas.
    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize().deallocate()
    }

    /// The answer for `id`, or nil when it has not been worked out.
    subscript(id: SchemaID) -> Value? {
        get { slots[id.rawValue] }
        set { slots[id.rawValue] = newValue }
    }
}
