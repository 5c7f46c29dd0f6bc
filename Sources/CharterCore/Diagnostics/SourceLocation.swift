/// Where something came from: a file, a line and column in it, and the JSON pointer of the value.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file as Charter shows it (relative to the working directory when possible).
    public var file: String
    /// The line and column of the value, when known.
    public var position: SourcePosition?
    /// The JSON pointer of the value inside the file (the root when ``hasPointer`` is false). Setting it
    /// makes the location a value in a JSON document.
    public var pointer: JSONPointer {
        didSet { hasPointer = true }
    }
    /// Whether the location is a value in a JSON document, so that ``pointer`` says which. False for a
    /// file or folder as a whole and for a template: their diagnostics show no pointer.
    public private(set) var hasPointer: Bool

    /// Creates a location; without `pointer` it is a file, a folder or a place in a template.
    public init(file: String, position: SourcePosition? = nil, pointer: JSONPointer? = nil) {
        self.file = file
        self.position = position
        self.pointer = pointer ?? .root
        hasPointer = pointer != nil
    }

    /// `file:line:column` (or just `file` when the position is unknown).
    public var description: String {
        guard let position else { return file }
        return "\(file):\(position.line):\(position.column)"
    }

    /// `file#pointer`, the form used in generated doc comments (no line numbers, so edits elsewhere do not churn output).
    public var reference: String { "\(file)#\(pointer)" }

    /// Orders by file, then position, then pointer.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        let l = lhs.position?.offset ?? -1
        let r = rhs.position?.offset ?? -1
        if l != r { return l < r }
        return lhs.pointer.description < rhs.pointer.description
    }
}
