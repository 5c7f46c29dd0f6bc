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

    /// Creates the tool.
    public init(console: Console, workingDirectory: String = FileManager.default.currentDirectoryPath, freesResults: Bool = true) {
        self.console = console
        self.workingDirectory = workingDirectory
        self.freesResults = freesResults
    }

    /// The subcommands, in help order.
    public static let commands: [CommandSpec] = [GenerateCommand.spec, LintCommand.spec, DiffCommand.spec]

    /// Top-level help.
    public static var help: String {
        var lines = [
            "charter — contract-first code generation, governance lint and change detection for JSON Schema contracts.",
            "",
            "USAGE: charter <command> [options]",
            "",
            "COMMANDS:",
        ]
        for command in commands { lines.append("  " + CommandSpec.pad(command.name, 12) + command.summary) }
        lines += [
            "",
            "OPTIONS:",
            "  " + CommandSpec.pad("-h, --help", 12) + "Show this help.",
            "  " + CommandSpec.pad("--version", 12) + "Print the version.",
            "",
            "Run 'charter <command> --help' for a command's options.",
            "Exit codes: 0 success, 1 problems in the input, 2 usage or tool errors.",
        ]
        return lines.joined(separator: "\n")
    }

    /// Runs with the arguments after the program name and returns the exit code.
    public func run(_ arguments: [String]) -> ExitCode {
        guard let first = arguments.first else {
            console.err(Self.help)
            return .usageOrToolError
        }
        switch first {
        case "--help", "-h", "help":
            if first == "help", arguments.count > 1, let command = Self.commands.first(where: { $0.name == arguments[1] }) {
                console.out(command.help)
            } else {
                console.out(Self.help)
            }
            return .success
        case "--version":
            console.out("charter \(Charter.version)")
            return .success
        case GenerateCommand.spec.name:
            return execute(GenerateCommand.spec, Array(arguments.dropFirst())) { parsed in
                try GenerateCommand(console: console, workingDirectory: workingDirectory, freesResults: freesResults).run(parsed)
            }
        case DiffCommand.spec.name:
            return execute(DiffCommand.spec, Array(arguments.dropFirst())) { parsed in
                try DiffCommand(console: console, workingDirectory: workingDirectory, freesResults: freesResults).run(parsed)
            }
        case LintCommand.spec.name:
            return execute(LintCommand.spec, Array(arguments.dropFirst())) { parsed in
                try LintCommand(console: console, workingDirectory: workingDirectory, freesResults: freesResults).run(parsed)
            }
        default:
            console.err("error: unknown command '\(DiagnosticFormatter.sanitize(first))'")
            console.err("Run 'charter --help' for the list of commands.")
            return .usageOrToolError
        }
    }

    /// Parses a command's arguments and runs it, mapping errors to exit codes.
    func execute(_ spec: CommandSpec, _ arguments: [String], _ body: (ParsedArguments) throws -> ExitCode) -> ExitCode {
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser.parse(arguments, spec: spec)
        } catch {
            console.err("error: \(DiagnosticFormatter.sanitize(error.message))")
            console.err("Run 'charter \(spec.name) --help' for usage.")
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
            let toolError = error.diagnostics.contains { ($0.code ?? "").hasPrefix("output.") || ($0.code ?? "").hasPrefix("templates.") }
            return toolError ? .usageOrToolError : .inputProblems
        } catch {
            console.err("error: \(DiagnosticFormatter.sanitize(String(describing: error)))")
            return .usageOrToolError
        }
    }

    /// Prints diagnostics, errors first then warnings, each group in source order, with a count.
    func report(_ diagnostics: [Diagnostic]) {
        let sorted = diagnostics.enumerated().sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
            return a.offset < b.offset
        }.map(\.element)
        for diagnostic in sorted { console.err(DiagnosticFormatter.format(diagnostic)) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        if errors > 0 { console.err("\(errors) error\(errors == 1 ? "" : "s") found") }
    }
}
