import Foundation

/// The `charter` command: dispatches to subcommands and turns every outcome into an ``ExitCode``.
public struct CommandLineTool: Sendable {
    /// Where output goes.
    public var console: Console
    /// The folder relative paths are resolved against.
    public var workingDirectory: String
    /// Whether a command frees what it built (the translated model, the generated files) before it returns.
    /// The `charter` executable turns this off because the process exits right after: the operating system
    /// takes the memory back at once, which is faster than freeing a large model piece by piece (5% of a
    /// 1,000-type run; clang's `-disable-free` does the same). Anything that runs commands in-process and
    /// carries on, such as the tests, leaves it on.
    public var freesResults: Bool
    /// The subcommands, in help order.
    public var commands: [Subcommand]
    /// The program name help and messages use.
    public var name: String
    /// The first line of the top-level help.
    public var summary: String

    /// Creates the tool with its subcommands (by default only `generate`; the `charter` executable adds
    /// `lint` and `diff`, see CharterCLI's `CharterCommands.all`).
    public init(
        console: Console, workingDirectory: String = FileManager.default.currentDirectoryPath, freesResults: Bool = true,
        commands: [Subcommand] = [GenerateCommand.subcommand], name: String = "charter",
        summary: String = "charter — contract-first code generation, governance lint and change detection for JSON Schema contracts."
    ) {
        self.console = console
        self.workingDirectory = workingDirectory
        self.freesResults = freesResults
        self.commands = commands
        self.name = name
        self.summary = summary
    }

    /// Top-level help.
    public var help: String {
        var lines = [
            summary,
            "",
            "USAGE: \(name) <command> [options]",
            "",
            "COMMANDS:",
        ]
        for command in commands { lines.append("  " + CommandSpec.pad(command.spec.name, 12) + command.spec.summary) }
        lines += [
            "",
            "OPTIONS:",
            "  " + CommandSpec.pad("-h, --help", 12) + "Show this help.",
            "  " + CommandSpec.pad("--version", 12) + "Print the version.",
            "",
            "Run '\(name) <command> --help' for a command's options.",
            "Exit codes: 0 success, 1 problems in the input, 2 usage or tool errors.",
        ]
        return lines.joined(separator: "\n")
    }

    /// Runs with the arguments after the program name and returns the exit code.
    public func run(_ arguments: [String]) -> ExitCode {
        guard let first = arguments.first else {
            console.err(help)
            return .usageOrToolError
        }
        switch first {
        case "--help", "-h", "help":
            guard first == "help", arguments.count > 1 else {
                console.out(help)
                return .success
            }
            guard let command = commands.first(where: { $0.spec.name == arguments[1] }) else { return unknownCommand(arguments[1]) }
            console.out(command.spec.help)
            return .success
        case "--version":
            console.out("\(name) \(Charter.version)")
            return .success
        default:
            if let command = commands.first(where: { $0.spec.name == first }) {
                let environment = CommandEnvironment(console: console, workingDirectory: workingDirectory, freesResults: freesResults)
                return execute(command.spec, Array(arguments.dropFirst())) { parsed in try command.run(parsed, environment) }
            }
            return unknownCommand(first)
        }
    }

    /// A command name that is none of ``commands``: a usage error naming the closest command (at most 2 edits away:
    /// `lnt` → `lint`) and where the list is.
    func unknownCommand(_ given: String) -> ExitCode {
        let guess = EditDistance.closest(to: given, among: commands.map(\.spec.name), within: 2).map { " (did you mean '\($0)'?)" } ?? ""
        console.err("error: unknown command '\(DiagnosticFormatter.sanitize(given))'" + guess)
        console.err("Run '\(name) --help' for the list of commands.")
        return .usageOrToolError
    }

    /// Parses a command's arguments and runs it, mapping errors to exit codes.
    func execute(_ spec: CommandSpec, _ arguments: [String], _ body: (ParsedArguments) throws -> ExitCode) -> ExitCode {
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser.parse(arguments, spec: spec)
        } catch {
            console.err("error: \(DiagnosticFormatter.sanitize(error.message))")
            console.err("Run '\(name) \(spec.name) --help' for usage.")
            return .usageOrToolError
        }
        if parsed.wantsHelp {
            console.out(spec.help)
            return .success
        }
        do {
            return try body(parsed)
        } catch let error as UsageError {
            console.err("error: \(DiagnosticFormatter.sanitize(error.message))")
            return .usageOrToolError
        } catch let error as DiagnosticsError {
            report(error.diagnostics)
            // Output, templates, configuration and a lint baseline are the tool's setup, not the contracts: exit 2, as documented.
            return ExitCode(stoppedBy: error.diagnostics)
        } catch {
            console.err("error: \(DiagnosticFormatter.sanitize(String(describing: error)))")
            return .usageOrToolError
        }
    }

    /// Prints diagnostics as ``DiagnosticFormatter/report(_:)`` says: in print order, with a count.
    func report(_ diagnostics: [Diagnostic]) {
        for line in DiagnosticFormatter.report(diagnostics) { console.err(line) }
    }
}

extension CommandLineTool {
    /// The `charter-generate` executable: `generate` alone, the tool of Charter's build-tool and command plugins.
    public static func generateOnly(console: Console, freesResults: Bool = true) -> CommandLineTool {
        CommandLineTool(
            console: console, freesResults: freesResults, name: "charter-generate",
            summary: "charter-generate — `charter generate` alone: the tool of Charter's build-tool and command plugins.")
    }
}
