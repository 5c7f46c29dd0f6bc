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
    /// The git revision whose version of ``file`` the location is in (`charter diff --base-ref REV`: a base file,
    /// which the working tree may no longer have), or nil for a file as it is on disk. Text shows it git's way,
    /// `REV:path`; machine-read formats keep ``file`` a path in the repository and carry the revision beside it.
    public var revision: String?

    /// Creates a location; without `pointer` it is a file, a folder or a place in a template.
    public init(file: String, position: SourcePosition? = nil, pointer: JSONPointer? = nil, revision: String? = nil) {
        self.file = file
        self.revision = revision
        self.position = position
        self.pointer = pointer ?? .root
        hasPointer = pointer != nil
    }

    /// ``file`` as people read it: `REV:path` for a file at a git revision (what `git show` takes), else the path.
    public var shownFile: String { revision.map { "\($0):\(file)" } ?? file }

    /// `file:line:column` (or just `file` when the position is unknown), the file as ``shownFile``.
    public var description: String {
        guard let position else { return shownFile }
        return "\(shownFile):\(position.line):\(position.column)"
    }

    /// `file#pointer`, the form used in generated doc comments (no line numbers, so edits elsewhere do not churn output).
    public var reference: String { "\(file)#\(pointer)" }

    /// Orders by file (as shown), then position, then pointer.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.revision != rhs.revision || lhs.file != rhs.file { return lhs.shownFile < rhs.shownFile }
        let l = lhs.position?.offset ?? -1
        let r = rhs.position?.offset ?? -1
        if l != r { return l < r }
        return lhs.pointer.description < rhs.pointer.description
    }
}
