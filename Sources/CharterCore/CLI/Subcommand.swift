/// What a subcommand runs with: where its output goes, the folder relative paths are resolved against,
/// and whether it frees what it built before returning (see ``CommandLineTool/freesResults``).
public struct CommandEnvironment: Sendable {
    /// Where output goes.
    public var console: Console
    /// The folder relative paths are resolved against.
    public var workingDirectory: String
    /// Whether the command frees its results before it returns.
    public var freesResults: Bool

    /// Creates an environment.
    public init(console: Console, workingDirectory: String, freesResults: Bool) {
        self.console = console
        self.workingDirectory = workingDirectory
        self.freesResults = freesResults
    }
}

/// One subcommand of ``CommandLineTool``: its arguments and what running it does. `generate` lives in this
/// module; `lint` and `diff` in their own (CharterGovernance, CharterCompatibility), so a tool that only generates — the
/// build-tool plugin's — is built without them.
public struct Subcommand: Sendable {
    /// The name, summary and options.
    public let spec: CommandSpec
    /// Runs the command on parsed arguments. A ``UsageError`` is a usage error (exit 2); a
    /// ``DiagnosticsError`` is reported and exits as ``ExitCode/init(stoppedBy:)`` says: 1, or 2 when it is about the
    /// run's setup (output, templates, configuration, a lint baseline).
    public let run: @Sendable (ParsedArguments, CommandEnvironment) throws -> ExitCode

    /// Creates a subcommand.
    public init(spec: CommandSpec, run: @escaping @Sendable (ParsedArguments, CommandEnvironment) throws -> ExitCode) {
        self.spec = spec
        self.run = run
    }
}
