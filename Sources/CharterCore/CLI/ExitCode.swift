/// The documented exit codes of `charter`.
public enum ExitCode: Int32, Sendable {
    /// Success: output written, no findings at or above the threshold.
    case success = 0
    /// Problems in the input: invalid contracts, unresolved references, lint findings, breaking changes.
    case inputProblems = 1
    /// Usage or tool errors: bad arguments, unwritable output, broken templates.
    case usageOrToolError = 2
}
