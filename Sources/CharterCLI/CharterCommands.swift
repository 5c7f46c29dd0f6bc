import CharterCore
import CharterCompatibility
import CharterGovernance

/// Every subcommand of the `charter` executable, in help order: `generate`, `lint`, `diff`.
public enum CharterCommands {
    /// The subcommands.
    public static let all: [Subcommand] = [GenerateCommand.subcommand, LintCommand.subcommand, DiffCommand.subcommand]
}
