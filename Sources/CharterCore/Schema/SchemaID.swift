/// Identifies one schema (a JSON Schema object or boolean) in a ``SchemaGraph``.
public struct SchemaID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The index into ``SchemaGraph/schemas``.
    public let rawValue: Int
    /// Wraps an index.
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    /// Orders by index (which is discovery order: deterministic for the same input).
    public static func < (lhs: SchemaID, rhs: SchemaID) -> Bool { lhs.rawValue < rhs.rawValue }
    /// `#n`.
    public var description: String { "#\(rawValue)" }
}

/// Identifies one loaded file in a ``SchemaGraph``.
public struct DocumentID: Hashable, Sendable, Comparable {
    /// The index into ``SchemaGraph/documents``.
    public let rawValue: Int
    /// Wraps an index.
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    /// Orders by index.
    public static func < (lhs: DocumentID, rhs: DocumentID) -> Bool { lhs.rawValue < rhs.rawValue }
}
