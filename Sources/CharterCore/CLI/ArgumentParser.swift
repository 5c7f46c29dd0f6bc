/// One option a command accepts.
public struct OptionSpec: Sendable, Hashable {
    /// The long name without dashes, e.g. `output`.
    public var name: String
    /// A one-letter alias, e.g. `o`.
    public var short: Character?
    /// The value's placeholder in help (`DIR`); nil for a flag that takes no value.
    public var valueName: String?
    /// One line of help.
    public var help: String
    /// Whether the option may be given more than once.
    public var repeatable: Bool
    /// Whether `--help` leaves it out: an option only the SwiftPM plugins pass, which works as documented here
    /// (its ``help``) but is no part of the command line people type.
    public var hidden: Bool

    /// Creates an option.
    public init(_ name: String, short: Character? = nil, value: String? = nil, repeatable: Bool = false, hidden: Bool = false, help: String) {
        self.name = name
        self.short = short
        self.valueName = value
        self.help = help
        self.repeatable = repeatable
        self.hidden = hidden
    }
}

extension OptionSpec {
    /// `--quiet` / `-q`, which every command gives the same meaning: print nothing but problems (findings, warnings,
    /// errors), never leave out a document a format asks for. `detail` says what the command then leaves out.
    package static func quiet(_ detail: String? = nil) -> OptionSpec {
        OptionSpec("quiet", short: "q", help: "Print nothing but problems" + (detail.map { ": \($0)." } ?? "."))
    }
}

/// A command's arguments: its options and its positional arguments.
public struct CommandSpec: Sendable {
    /// The command name, e.g. `generate`.
    public var name: String
    /// One line saying what it does.
    public var summary: String
    /// Positional arguments' placeholder (`PATH...`), nil when it takes none.
    public var positional: String?
    /// Help for the positional arguments.
    public var positionalHelp: String?
    /// Options.
    public var options: [OptionSpec]
    /// Extra help text after the option list.
    public var discussion: String?

    /// Creates a spec.
    public init(name: String, summary: String, positional: String? = nil, positionalHelp: String? = nil, options: [OptionSpec], discussion: String? = nil) {
        self.name = name
        self.summary = summary
        self.positional = positional
        self.positionalHelp = positionalHelp
        self.options = options
        self.discussion = discussion
    }

    /// The `--help` text.
    public var help: String {
        var lines = ["\(summary)", "", "USAGE: charter \(name)" + (positional.map { " [\($0)]" } ?? "") + " [options]", ""]
        if let positional, let positionalHelp {
            lines += ["ARGUMENTS:", "  " + Self.pad(positional, 24) + positionalHelp, ""]
        }
        lines.append("OPTIONS:")
        for option in options where !option.hidden {
            var label = option.short.map { "-\($0), " } ?? "    "
            label += "--\(option.name)" + (option.valueName.map { " \($0)" } ?? "")
            lines.append("  " + Self.pad(label, 24) + option.help)
        }
        lines.append("  " + Self.pad("-h, --help", 24) + "Show this help.")
        if let discussion { lines += ["", discussion] }
        return lines.joined(separator: "\n")
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + "  " : text + String(repeating: " ", count: width - text.count)
    }
}

/// A usage mistake on the command line (exit code 2).
public struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Creates the error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// Parsed arguments of one command.
public struct ParsedArguments: Sendable, Hashable {
    /// Values by option name, in the order given.
    public var values: [String: [String]] = [:]
    /// Flags given.
    public var flags: Set<String> = []
    /// Positional arguments.
    public var positionals: [String] = []
    /// Whether `--help` was asked for.
    public var wantsHelp = false

    /// The last value of an option.
    public func value(_ name: String) -> String? { values[name]?.last }
}

/// Charter's own argument parser: `--name value`, `--name=value`, `-n value`, flags, `--` to end
/// options. Unknown options, missing values, repeated single options and stray arguments are errors,
/// never ignored.
public enum ArgumentParser {
    /// Parses `arguments` (without the command name) against `spec`.
    public static func parse(_ arguments: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                guard spec.positional != nil else {
                    throw UsageError("unexpected argument '\(argument)' (charter \(spec.name) takes no positional arguments)")
                }
                result.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument == "--help" || argument == "-h" {
                result.wantsHelp = true
                continue
            }
            var name: String
            var inlineValue: String?
            if argument.hasPrefix("--") {
                name = String(argument.dropFirst(2))
                if let equals = name.firstIndex(of: "=") {
                    inlineValue = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
            } else {
                guard argument.count == 2, let letter = argument.dropFirst().first,
                    let option = spec.options.first(where: { $0.short == letter })
                else {
                    throw UsageError("unknown option '\(argument)' for charter \(spec.name)")
                }
                name = option.name
            }
            guard let option = spec.options.first(where: { $0.name == name }) else {
                throw UsageError("unknown option '--\(name)' for charter \(spec.name)" + suggestion(for: name, in: spec))
            }
            if option.valueName == nil {
                if inlineValue != nil { throw UsageError("option '--\(name)' takes no value") }
                result.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                guard !inlineValue.isEmpty else { throw UsageError("option '--\(name)' needs a value (\(option.valueName ?? "VALUE"))") }
                value = inlineValue
            } else {
                guard index < arguments.count, !(arguments[index].hasPrefix("-") && arguments[index] != "-") else {
                    throw UsageError("option '--\(name)' needs a value (\(option.valueName ?? "VALUE"))")
                }
                value = arguments[index]
                index += 1
            }
            if !option.repeatable, result.values[name] != nil {
                throw UsageError("option '--\(name)' given more than once")
            }
            result.values[name, default: []].append(value)
        }
        return result
    }

    /// ` (did you mean '--x'?)` for a near miss: an option the given name abbreviates (`--out` → `--output`), else the
    /// nearest at most 2 edits away (`--baseref` → `--base-ref`, not `--base`), else one the given name begins with.
    static func suggestion(for name: String, in spec: CommandSpec) -> String {
        let names = spec.options.map(\.name)
        let guess = names.first { $0.hasPrefix(name) } ?? EditDistance.closest(to: name, among: names, within: 2) ?? names.first { name.hasPrefix($0) }
        return guess.map { " (did you mean '--\($0)'?)" } ?? ""
    }
}
