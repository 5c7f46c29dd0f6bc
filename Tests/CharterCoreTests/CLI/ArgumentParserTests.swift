import XCTest
@testable import CharterCore
import CharterCLI
@testable import CharterCompatibility
@testable import CharterGovernance

final class ArgumentParserTests: XCTestCase {
    /// A command that takes options but no positional arguments.
    static let noPositionals = CommandSpec(name: "check", summary: "Check.", options: [
        OptionSpec("format", short: "f", value: "FORMAT", help: "Output format."),
    ])

    /// Rows: `charter generate` arguments → what they parse to.
    func testArgumentsThatParse() {
        let rows: [(arguments: [String], values: [String: [String]], flags: Set<String>, positionals: [String], help: Bool)] = [
            ([], [:], [], [], false),
            (["contracts"], [:], [], ["contracts"], false),
            (["-o", "out", "a.json"], ["output": ["out"]], [], ["a.json"], false),
            (["--output", "out"], ["output": ["out"]], [], [], false),
            (["--output=out"], ["output": ["out"]], [], [], false),
            (["--ref-map=https://x/=mirror"], ["ref-map": ["https://x/=mirror"]], [], [], false),
            (["--quiet"], [:], ["quiet"], [], false),
            (["-q"], [:], ["quiet"], [], false),
            (["--ref-map", "https://x/=a", "--ref-map=https://y/=b"], ["ref-map": ["https://x/=a", "https://y/=b"]], [], [], false),
            (["a.json", "--access", "internal", "b.json"], ["access": ["internal"]], [], ["a.json", "b.json"], false),
            (["--", "--output", "-q"], [:], [], ["--output", "-q"], false),
            (["-q", "--", "-weird-name.json"], [:], ["quiet"], ["-weird-name.json"], false),
            (["-"], [:], [], ["-"], false),
            (["--output", "-"], ["output": ["-"]], [], [], false),
            (["--help"], [:], [], [], true),
            (["-h"], [:], [], [], true),
            (["a.json", "--help", "-o", "out"], ["output": ["out"]], [], ["a.json"], true),
        ]
        for row in rows {
            do {
                let parsed = try ArgumentParser.parse(row.arguments, spec: GenerateCommand.spec)
                XCTAssertEqual(parsed.values, row.values, "\(row.arguments): values")
                XCTAssertEqual(parsed.flags, row.flags, "\(row.arguments): flags")
                XCTAssertEqual(parsed.positionals, row.positionals, "\(row.arguments): positionals")
                XCTAssertEqual(parsed.wantsHelp, row.help, "\(row.arguments): help")
            } catch {
                XCTFail("\(row.arguments): \(error)")
            }
        }
    }

    /// Rows: arguments → the usage error, word for word.
    func testArgumentsThatFail() {
        let rows: [(arguments: [String], spec: CommandSpec, message: String)] = [
            (["--ouput", "x"], GenerateCommand.spec, "unknown option '--ouput' for charter generate (did you mean '--output'?)"),
            (["--acess", "internal"], GenerateCommand.spec, "unknown option '--acess' for charter generate (did you mean '--access'?)"),
            (["--templat", "t"], GenerateCommand.spec, "unknown option '--templat' for charter generate (did you mean '--templates'?)"),
            // The nearest option, not the first one whose name the given one begins with.
            (["--baseref", "HEAD"], DiffCommand.spec, "unknown option '--baseref' for charter diff (did you mean '--base-ref'?)"),
            (["--out", "x"], GenerateCommand.spec, "unknown option '--out' for charter generate (did you mean '--output'?)"),
            (["--frobnicate"], GenerateCommand.spec, "unknown option '--frobnicate' for charter generate"),
            (["-x"], GenerateCommand.spec, "unknown option '-x' for charter generate"),
            (["-oout"], GenerateCommand.spec, "unknown option '-oout' for charter generate"),
            (["--output"], GenerateCommand.spec, "option '--output' needs a value (DIR)"),
            (["-o"], GenerateCommand.spec, "option '--output' needs a value (DIR)"),
            (["--output", "--quiet"], GenerateCommand.spec, "option '--output' needs a value (DIR)"),
            (["--output="], GenerateCommand.spec, "option '--output' needs a value (DIR)"),
            (["--quiet=yes"], GenerateCommand.spec, "option '--quiet' takes no value"),
            (["--output", "a", "-o", "b"], GenerateCommand.spec, "option '--output' given more than once"),
            (["extra"], Self.noPositionals, "unexpected argument 'extra' (charter check takes no positional arguments)"),
            (["-f", "json", "--", "-x"], Self.noPositionals, "unexpected argument '-x' (charter check takes no positional arguments)"),
        ]
        for row in rows {
            do {
                let parsed = try ArgumentParser.parse(row.arguments, spec: row.spec)
                XCTFail("\(row.arguments): accepted as \(parsed)")
            } catch {
                XCTAssertEqual(error.message, row.message, "\(row.arguments)")
            }
        }
    }

    func testValueIsTheLastGiven() throws {
        let parsed = try ArgumentParser.parse(["--ref-map", "a=1", "--ref-map", "b=2"], spec: GenerateCommand.spec)
        XCTAssertEqual(parsed.value("ref-map"), "b=2")
        XCTAssertNil(parsed.value("output"))
    }

    /// Rows: two words → their edit distance (used for "did you mean").
    func testEditDistance() {
        let rows: [(a: String, b: String, distance: Int)] = [
            ("", "", 0), ("", "abc", 3), ("abc", "", 3), ("output", "output", 0), ("output", "ouput", 1),
            ("kitten", "sitting", 3), ("flaw", "lawn", 2), ("access", "acess", 1),
        ]
        for row in rows {
            XCTAssertEqual(EditDistance.between(row.a, row.b), row.distance, "\(row.a) → \(row.b)")
            XCTAssertEqual(EditDistance.between(row.b, row.a), row.distance, "\(row.b) → \(row.a)")
        }
    }

    /// Rows: a misspelt name, the names it may mean and the most edits allowed → the name suggested (nil: none).
    func testClosestName() {
        let rows: [(text: String, candidates: [String], limit: Int, closest: String?)] = [
            ("lnt", ["generate", "lint", "diff"], 2, "lint"),
            ("dif", ["generate", "lint", "diff"], 2, "diff"),
            ("test", ["generate", "lint", "diff"], 2, nil),
            ("money-not-flot", ["money-not-float", "owner-declared"], 3, "money-not-float"),
            ("ab", ["ax", "ay"], 3, "ax"),  // equally near: the first
            ("ab", ["xy", "ax"], 3, "ax"),  // the nearer, wherever it is
            ("untill", ["reason", "until"], 3, "until"),
            ("anything", [], 3, nil),
        ]
        for row in rows {
            XCTAssertEqual(EditDistance.closest(to: row.text, among: row.candidates, within: row.limit), row.closest, "\(row.text) in \(row.candidates)")
        }
    }

    /// Help lists every option people type, and none of those only the SwiftPM plugins pass (which still parse).
    func testCommandHelpListsEveryOptionButThePluginsOwn() {
        for spec in [GenerateCommand.spec, LintCommand.spec, DiffCommand.spec] {
            for option in spec.options {
                XCTAssertEqual(spec.help.contains("--\(option.name)"), !option.hidden, "charter \(spec.name) --help and --\(option.name)")
                XCTAssertNotNil(try? ArgumentParser.parse(["--\(option.name)"] + (option.valueName == nil ? [] : ["x"]), spec: spec), "--\(option.name) parses")
            }
        }
        XCTAssertEqual(GenerateCommand.spec.options.filter(\.hidden).map(\.name), ["file-name", "adapters-file", "planned-input", "planned-config", "from-plugin"])
        let help = GenerateCommand.spec.help
        XCTAssertTrue(help.contains("USAGE: charter generate [PATH...] [options]"), help)
        XCTAssertTrue(help.contains("-o, --output DIR"), help)
        XCTAssertTrue(help.contains("-h, --help"), help)
        XCTAssertFalse(Self.noPositionals.help.contains("ARGUMENTS:"))
        XCTAssertTrue(Self.noPositionals.help.contains("USAGE: charter check [options]"))
    }

    /// Rows: a command's help → a line it has, as README and docs/ describe the command.
    func testHelpSaysWhatTheDocsSay() {
        let rows: [(spec: CommandSpec, line: String)] = [
            (GenerateCommand.spec, "  PATH...                 Contract files, folders (searched for *.json) or quoted glob patterns ('Schemas/**/*-v2.json'). Default: Schemas"),
            (GenerateCommand.spec, "      --files-per-contract N  Split each contract's code into N files that compile in parallel (1-64), or 'auto': one per 20 top-level types, at most 4, and at most an equal share of 8 files. Default: 1"),
            (LintCommand.spec, "  PATH...                 Contract files, folders (searched for *.json) or quoted glob patterns. Default: Schemas"),
            (DiffCommand.spec, "  PATH...                 The head: contract files, folders (searched for *.json) or quoted glob patterns. Default: Schemas"),
            (DiffCommand.spec, "A base is required: --base PATH or --base-ref REV, repeated for several (all --base or all --base-ref,"),
        ]
        for row in rows {
            XCTAssertTrue(row.spec.help.components(separatedBy: "\n").contains(row.line), "charter \(row.spec.name) --help lacks: \(row.line)")
        }
    }
}
