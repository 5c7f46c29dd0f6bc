/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    /// Information that helps read another diagnostic.
    case note
    /// Something suspicious that does not stop the stage.
    case warning
    /// A problem in the input; the stage produces no output.
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    /// Orders severities from `note` (lowest) to `error` (highest).
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
