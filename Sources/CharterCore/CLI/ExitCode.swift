/// The documented exit codes of `charter`.
public enum ExitCode: Int32, Sendable {
    /// Success: output written, no findings at or above the threshold.
    case success = 0
    /// Problems in the input: invalid contracts, unresolved references, lint findings, breaking changes.
    case inputProblems = 1
    /// Usage or tool errors: bad arguments, unwritable output, broken templates.
    case usageOrToolError = 2
}

extension ExitCode {
    /// The exit code of a run stopped by `diagnostics`: ``usageOrToolError`` when any of them is about the run's setup
    /// (``Diagnostic/area``, decided by ``DiagnosticCodes/families``), else ``inputProblems``.
    public init(stoppedBy diagnostics: [Diagnostic]) {
        self = diagnostics.contains { $0.area == .setup } ? .usageOrToolError : .inputProblems
    }
}
