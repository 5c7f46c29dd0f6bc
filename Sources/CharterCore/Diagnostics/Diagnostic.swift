/// A problem (or remark) found in the input, with the place it was found.
///
/// Diagnostics are values: stages return or throw them and only the CLI prints them.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious it is.
    public var severity: Severity
    /// What is wrong, lowercase first word, no trailing period.
    public var message: String
    /// Where it is, when known.
    public var location: SourceLocation?
    /// A stable identifier for the kind of problem, e.g. `ref.unresolved`.
    public var code: String?
    /// How to fix it, when Charter can tell.
    public var hint: String?
    /// Other places that help explain the problem (e.g. the first of two duplicate keys).
    public var related: [SourceLocation]

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, _ message: String, at location: SourceLocation? = nil,
        code: String? = nil, hint: String? = nil, related: [SourceLocation] = []
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.code = code
        self.hint = hint
        self.related = related
    }

    /// An error diagnostic.
    public static func error(
        _ message: String, at location: SourceLocation? = nil, code: String? = nil, hint: String? = nil,
        related: [SourceLocation] = []
    ) -> Diagnostic {
        Diagnostic(.error, message, at: location, code: code, hint: hint, related: related)
    }

    /// A warning diagnostic.
    public static func warning(
        _ message: String, at location: SourceLocation? = nil, code: String? = nil, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, message, at: location, code: code, hint: hint)
    }

    /// The compiler-style line: `file:line:column: error: message [pointer]` (no pointer for a location
    /// that is not a value in a JSON document: a missing file, an empty folder, a template).
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message)"
        if let location, location.hasPointer {
            text += " [\(location.pointer.description.isEmpty ? "#" : location.pointer.description)]"
        }
        return text
    }
}

/// Thrown by a stage that found errors; carries every diagnostic it collected (errors and warnings).
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    /// Everything the stage found, in a stable order.
    public var diagnostics: [Diagnostic]

    /// Creates the error.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// One line per diagnostic.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics during a stage, in the order they are found.
public struct DiagnosticBag: Sendable {
    /// The collected diagnostics, each once (a file reached both as an input and through a `$ref` that fails to
    /// parse is reported once, not twice).
    public private(set) var all: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    /// Creates an empty bag.
    public init() {}

    /// Adds one diagnostic, unless the same one (message, place, code) is already in the bag.
    public mutating func add(_ diagnostic: Diagnostic) {
        if seen.insert(diagnostic).inserted { all.append(diagnostic) }
    }

    /// Adds several diagnostics.
    public mutating func add(contentsOf diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { add(diagnostic) }
    }

    /// Whether any error has been collected.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// The warnings and notes (what survives a successful stage).
    public var warnings: [Diagnostic] { all.filter { $0.severity != .error } }

    /// Throws a ``DiagnosticsError`` holding everything collected when any error was collected.
    public func throwIfErrors() throws(DiagnosticsError) {
        if hasErrors { throw DiagnosticsError(all) }
    }
}
