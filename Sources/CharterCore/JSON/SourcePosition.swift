/// A location in a JSON source text.
///
/// Lines and columns are 1-based and meant for people: a column counts Unicode
/// scalars from the start of the line (a tab counts as one column, and so does
/// every non-ASCII character whatever its UTF-8 length). `offset` is the 0-based
/// byte offset into the input, meant for tools.
///
/// A line ends at LF, at CR, or at a CR LF pair (which counts as one line break).
/// A leading UTF-8 byte order mark is not counted as a column: the first
/// character after it is at column 1, offset 3.
///
/// Positions order by `offset`, then `line`, then `column`.
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars from the start of the line.
    public var column: Int
    /// The 0-based byte offset in the input.
    public var offset: Int

    /// Creates a position from its three coordinates.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The start of a document: line 1, column 1, offset 0.
    public static let start = SourcePosition(line: 1, column: 1, offset: 0)

    /// `"line:column"`, e.g. `"3:14"`.
    public var description: String { "\(line):\(column)" }

    /// Orders positions by byte offset (then line and column, for positions that
    /// were not produced from the same text).
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        if lhs.offset != rhs.offset { return lhs.offset < rhs.offset }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        return lhs.column < rhs.column
    }
}
