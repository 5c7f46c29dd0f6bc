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
    /// The diagnostic codes (by prefix) of problems with the run's setup rather than its contracts: the output, the
    /// templates, the configuration — `charter lint`'s (`config.`) and `charter.json` as `charter generate` checks it for
    /// the build plugin (`plugin.configuration`) — and a lint baseline.
    static let setupCodePrefixes = ["output.", "templates.", "config.", "plugin.configuration", "baseline."]

    /// The exit code of a run stopped by `diagnostics`: ``usageOrToolError`` when any of them is about the run's setup
    /// (``setupCodePrefixes``), else ``inputProblems``.
    public init(stoppedBy diagnostics: [Diagnostic]) {
        let setup = diagnostics.contains { diagnostic in Self.setupCodePrefixes.contains { (diagnostic.code ?? "").hasPrefix($0) } }
        self = setup ? .usageOrToolError : .inputProblems
    }
}
