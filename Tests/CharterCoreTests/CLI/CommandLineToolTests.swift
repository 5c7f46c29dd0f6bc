import Foundation
import XCTest
@testable import CharterCore
import CharterCLI
@testable import CharterCompatibility
@testable import CharterGovernance

/// `charter` end to end, in process, on a real folder: exit codes, what goes to stdout and stderr, and
/// what is written.
final class CommandLineToolTests: XCTestCase {
    static let inventory = ##"""
        {
          "x-contract": {"name": "inventory", "version": "2.1.0"},
          "$defs": {
            "Stock": {"type": "object", "required": ["sku"], "properties": {"sku": {"type": "string"}, "on_hand": {"type": "integer"}}}
          }
        }
        """##
    static let orders = ##"{"x-contract": {"name": "orders", "version": "1.0.0"}, "$defs": {"Order": {"type": "object", "properties": {"id": {"type": "string"}}}}}"##
    static let unresolved = ##"""
        {
          "$defs": {
            "A": {"$ref": "#/$defs/Missing"}
          }
        }
        """##

    // MARK: Top level

    /// Rows: arguments → exit code and the exact lines on stdout and stderr.
    func testTopLevel() throws {
        let folder = try TemporaryFolder()
        let rows: [(arguments: [String], code: ExitCode, out: [String], err: [String])] = [
            (["--version"], .success, ["charter \(Charter.version)"], []),
            (["--help"], .success, [charterHelp], []),
            (["-h"], .success, [charterHelp], []),
            (["help"], .success, [charterHelp], []),
            (["help", "generate"], .success, [GenerateCommand.spec.help], []),
            (["generate", "--help"], .success, [GenerateCommand.spec.help], []),
            ([], .usageOrToolError, [], [charterHelp]),
            (["frobnicate"], .usageOrToolError, [], ["error: unknown command 'frobnicate'", "Run 'charter --help' for the list of commands."]),
            (["gen\u{202E}erate"], .usageOrToolError, [], ["error: unknown command 'gen\\u{202E}erate' (did you mean 'generate'?)", "Run 'charter --help' for the list of commands."]),
            // A near miss of a command names it (at most 2 edits); `help` with a command it does not know is the same error.
            (["lnt"], .usageOrToolError, [], ["error: unknown command 'lnt' (did you mean 'lint'?)", "Run 'charter --help' for the list of commands."]),
            (["gnerate", "Schemas"], .usageOrToolError, [], ["error: unknown command 'gnerate' (did you mean 'generate'?)", "Run 'charter --help' for the list of commands."]),
            (["Diff"], .usageOrToolError, [], ["error: unknown command 'Diff' (did you mean 'diff'?)", "Run 'charter --help' for the list of commands."]),
            (["help", "lnt"], .usageOrToolError, [], ["error: unknown command 'lnt' (did you mean 'lint'?)", "Run 'charter --help' for the list of commands."]),
            (["help", "frobnicate"], .usageOrToolError, [], ["error: unknown command 'frobnicate'", "Run 'charter --help' for the list of commands."]),
            (["lint", "--rule", "money-not-flot=off"], .usageOrToolError, [],
             ["error: unknown lint rule 'money-not-flot' (did you mean 'money-not-float'? charter lint --list-rules lists them)"]),
            (["lint", "--rule", "nothing-like-any=off"], .usageOrToolError, [], ["error: unknown lint rule 'nothing-like-any' (charter lint --list-rules lists them)"]),
            (["generate", "--ouput", "x"], .usageOrToolError, [],
             ["error: unknown option '--ouput' for charter generate (did you mean '--output'?)", "Run 'charter generate --help' for usage."]),
            (["generate", "--output"], .usageOrToolError, [], ["error: option '--output' needs a value (DIR)", "Run 'charter generate --help' for usage."]),
            (["generate", "--access", "protected"], .usageOrToolError, [], ["error: --access must be public, package or internal, not 'protected'"]),
            (["generate", "--ref-map", "nonsense"], .usageOrToolError, [], ["error: --ref-map takes PREFIX=DIR, not 'nonsense'"]),
            (["generate", "--ref-map", "https://x/=no-such-folder"], .usageOrToolError, [], ["error: --ref-map no-such-folder: no such folder"]),
            (["generate", "--root", "Schemsa"], .usageOrToolError, [], ["error: --root Schemsa: no such folder"]),
            (["lint", "--root", "Schemsa"], .usageOrToolError, [], ["error: --root Schemsa: no such folder"]),
            (["lint", "--list-rules", "--format", "sarif"], .usageOrToolError, [], ["error: --list-rules prints text, json or markdown, not 'sarif'"]),
            (["diff", "--list-checks", "--format", "junit"], .usageOrToolError, [], ["error: --list-checks prints text, json or markdown, not 'junit'"]),
            (["generate", "--files-per-contract", "0"], .usageOrToolError, [], ["error: --files-per-contract must be a whole number from 1 to 64 or auto, not '0'"]),
            (["generate", "--files-per-contract", "65"], .usageOrToolError, [], ["error: --files-per-contract must be a whole number from 1 to 64 or auto, not '65'"]),
            (["generate", "--files-per-contract", "two"], .usageOrToolError, [], ["error: --files-per-contract must be a whole number from 1 to 64 or auto, not 'two'"]),
            (["generate", "--emit", "models,clients"], .usageOrToolError, [], ["error: --emit takes models, events, client, provider and adapters, comma-separated, not 'clients'"]),
        ]
        for row in rows {
            let result = folder.run(row.arguments)
            XCTAssertEqual(result.code, row.code, "\(row.arguments): exit code")
            XCTAssertEqual(result.out, row.out, "\(row.arguments): stdout")
            XCTAssertEqual(result.err, row.err, "\(row.arguments): stderr")
        }
        XCTAssertEqual(folder.contents(of: "."), [], "nothing written")
        XCTAssertTrue(charterHelp.contains("generate"), charterHelp)
        XCTAssertTrue(charterHelp.contains("Exit codes: 0 success, 1 problems in the input, 2 usage or tool errors."))
    }

    /// The plugins' tool (`charter-generate`: ``CommandLineTool`` with its default subcommands) generates like
    /// `charter` and knows no other subcommand; `charter` lists all three.
    func testGenerateOnlyTool() throws {
        let folder = try TemporaryFolder()
        try folder.write("contracts/inventory.json", Self.inventory)
        let recorder = ConsoleRecorder()
        let tool = CommandLineTool(console: recorder.console, workingDirectory: folder.path)
        XCTAssertEqual(tool.commands.map(\.spec.name), ["generate"])
        XCTAssertEqual(CharterCommands.all.map(\.spec.name), ["generate", "lint", "diff"])
        for name in ["lint", "diff"] {
            XCTAssertFalse(tool.help.contains("\n  \(name) "), tool.help)
            XCTAssertTrue(charterHelp.contains("\n  \(name) "), charterHelp)
        }
        let rows: [(arguments: [String], code: ExitCode, err: [String])] = [
            (["lint", "contracts"], .usageOrToolError, ["error: unknown command 'lint'", "Run 'charter --help' for the list of commands."]),
            (["diff", "contracts", "--base", "contracts"], .usageOrToolError, ["error: unknown command 'diff'", "Run 'charter --help' for the list of commands."]),
            (["generate", "contracts", "--output", "lean", "--quiet"], .success, []),
        ]
        for row in rows {
            let before = recorder.err.count
            XCTAssertEqual(tool.run(row.arguments), row.code, "\(row.arguments): exit code")
            XCTAssertEqual(Array(recorder.err.dropFirst(before)), row.err, "\(row.arguments): stderr")
        }
        // The executable's own configuration names itself in help and messages.
        let lean = ConsoleRecorder()
        let executable = CommandLineTool.generateOnly(console: lean.console)
        XCTAssertEqual(executable.commands.map(\.spec.name), ["generate"])
        XCTAssertEqual(executable.run(["lint"]), .usageOrToolError)
        XCTAssertEqual(lean.err, ["error: unknown command 'lint'", "Run 'charter-generate --help' for the list of commands."])
        XCTAssertTrue(executable.help.hasPrefix("charter-generate — `charter generate` alone"), executable.help)
        XCTAssertTrue(executable.help.contains("USAGE: charter-generate <command> [options]"), executable.help)
        XCTAssertEqual(executable.run(["--version"]), .success)
        XCTAssertEqual(lean.out, ["charter-generate \(Charter.version)"])
        XCTAssertEqual(folder.run(["generate", "contracts", "--output", "full", "--quiet"]).code, .success)
        XCTAssertEqual(folder.contents(of: "lean"), folder.contents(of: "full"))
        for name in folder.contents(of: "full") where name.hasSuffix(".swift") {
            XCTAssertEqual(folder.read("lean/" + name), folder.read("full/" + name), name)
        }
    }

    // MARK: generate

    func testGenerateWritesOneFilePerContract() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/inventory.json", Self.inventory)
        let result = folder.run(["generate", "Schemas", "-o", "Generated"])
        XCTAssertEqual(result.code, .success, result.err.joined(separator: "\n"))
        XCTAssertEqual(result.out, ["Generated 1 file in Generated (1 written, 0 unchanged)"])
        XCTAssertEqual(result.err, [])
        XCTAssertEqual(folder.contents(of: "Generated"), [".charter-manifest.json", "InventoryV2.swift"], "no temporary files left behind")
        // The file on disk is what the pipeline produces for the same contract in memory.
        let expected = try XCTUnwrap(ContractFixture(["Schemas/inventory.json": Self.inventory]).generate().value("in memory"))
        XCTAssertEqual(folder.read("Generated/InventoryV2.swift"), expected["InventoryV2.swift"])
        let manifest = try JSONReader.parse(try XCTUnwrap(folder.read("Generated/.charter-manifest.json")))
        XCTAssertEqual(manifest["files"]?.array?.compactMap(\.string), ["InventoryV2.swift"])
    }

    /// What the `charter` executable does (keep the results to the end of the process) writes what freeing
    /// them does, and a kept value really outlives the command.
    func testResultsKeptUntilExitChangeNothingWritten() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/inventory.json", Self.inventory)
        try folder.write("Schemas/orders.json", Self.orders)
        let freed = folder.run(["generate", "Schemas", "-o", "Freed"])
        let kept = folder.run(["generate", "Schemas", "-o", "Kept"], freesResults: false)
        XCTAssertEqual(freed.code, .success, freed.err.joined(separator: "\n"))
        XCTAssertEqual(kept.code, .success, kept.err.joined(separator: "\n"))
        XCTAssertEqual(folder.contents(of: "Kept"), folder.contents(of: "Freed"))
        for name in folder.contents(of: "Freed") {
            XCTAssertEqual(folder.read("Kept/" + name), folder.read("Freed/" + name), name)
        }

        final class Marker {}
        weak var marker: Marker?
        do {
            let value = Marker()
            marker = value
            ProcessLifetime.keep(value)
        }
        XCTAssertNotNil(marker, "a kept value is never freed")
    }

    func testGenerateDefaultsToSchemasAndGenerated() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/inventory.json", Self.inventory)
        let result = folder.run(["generate"])
        XCTAssertEqual(result.code, .success, result.err.joined(separator: "\n"))
        XCTAssertEqual(result.out, ["Generated 1 file in Generated (1 written, 0 unchanged)"])
        XCTAssertTrue(folder.exists("Generated/InventoryV2.swift"))
    }

    func testQuietPrintsNothingOnSuccess() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/inventory.json", Self.inventory)
        let result = folder.run(["generate", "-q"])
        XCTAssertEqual(result.code, .success)
        XCTAssertEqual(result.out, [])
        XCTAssertEqual(result.err, [])
    }

    func testSecondRunLeavesUnchangedFilesAlone() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/inventory.json", Self.inventory)
        XCTAssertEqual(folder.run(["generate"]).code, .success)
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        try folder.setModificationDate("Generated/InventoryV2.swift", past)
        try folder.setModificationDate("Generated/.charter-manifest.json", past)

        let second = folder.run(["generate"])
        XCTAssertEqual(second.code, .success)
        XCTAssertEqual(second.out, ["Generated 1 file in Generated (0 written, 1 unchanged)"])
        XCTAssertEqual(folder.modificationDate("Generated/InventoryV2.swift"), past, "an unchanged file is not rewritten")
        XCTAssertEqual(folder.modificationDate("Generated/.charter-manifest.json"), past, "an unchanged manifest is not rewritten")

        try folder.write("Schemas/inventory.json", Self.inventory.replacingOccurrences(of: "on_hand", with: "reserved"))
        let third = folder.run(["generate"])
        XCTAssertEqual(third.out, ["Generated 1 file in Generated (1 written, 0 unchanged)"])
        XCTAssertNotEqual(folder.modificationDate("Generated/InventoryV2.swift"), past)
        XCTAssertTrue(folder.read("Generated/InventoryV2.swift")?.contains("public let reserved: Int?") == true)
    }

    /// A failing run changes nothing: files generated before stay byte for byte and date for date, and no
    /// temporary file is left behind.
    func testFailedRunKeepsPreviousOutputs() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/inventory.json", Self.inventory)
        try folder.write("Schemas/orders.json", Self.orders)
        XCTAssertEqual(folder.run(["generate"]).code, .success)
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        let before = folder.contents(of: "Generated")
        for name in before { try folder.setModificationDate("Generated/\(name)", past) }
        let bytes = before.map { folder.read("Generated/\($0)") }

        // orders changes (would be rewritten) but inventory breaks: nothing may be written.
        try folder.write("Schemas/orders.json", Self.orders.replacingOccurrences(of: "\"id\"", with: "\"orderId\""))
        try folder.write("Schemas/inventory.json", Self.unresolved)
        XCTAssertEqual(folder.run(["generate"]).code, .inputProblems)
        XCTAssertEqual(folder.contents(of: "Generated"), before, "no file added or removed")
        XCTAssertEqual(before.map { folder.read("Generated/\($0)") }, bytes, "no file changed")
        for name in before { XCTAssertEqual(folder.modificationDate("Generated/\(name)"), past, "\(name) was touched") }
    }

    /// Only files the manifest says Charter wrote are removed when no longer generated.
    func testStaleFilesAreRemovedOnlyWhenCharterWroteThem() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/inventory.json", Self.inventory)
        try folder.write("Schemas/orders.json", Self.orders)
        let first = folder.run(["generate"])
        XCTAssertEqual(first.out, ["Generated 2 files in Generated (2 written, 0 unchanged)"])
        try folder.write("Generated/Notes.swift", "// mine\n")
        try folder.write("Generated/PricingV1.swift", "// also mine, named like generated code\n")

        try folder.remove("Schemas/orders.json")
        let second = folder.run(["generate"])
        XCTAssertEqual(second.code, .success)
        XCTAssertEqual(second.out, ["Generated 1 file in Generated (0 written, 1 unchanged, 1 stale removed)"])
        XCTAssertEqual(folder.contents(of: "Generated"), [".charter-manifest.json", "InventoryV2.swift", "Notes.swift", "PricingV1.swift"])
        XCTAssertEqual(folder.read("Generated/Notes.swift"), "// mine\n")
    }

    /// A manifest naming paths outside the folder (or hidden files) is not trusted.
    func testTamperedManifestCannotDeleteOtherFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/inventory.json", Self.inventory)
        try folder.write("victim.txt", "keep\n")
        try folder.write("Generated/.keep", "keep\n")
        try folder.write("Generated/.charter-manifest.json", ##"{"files": ["../victim.txt", ".keep", "/etc/hostname", "..", "sub/x.swift"]}"##)
        try folder.write("Generated/sub/x.swift", "keep\n")
        let result = folder.run(["generate"])
        XCTAssertEqual(result.code, .success, result.err.joined(separator: "\n"))
        XCTAssertEqual(result.out, ["Generated 1 file in Generated (1 written, 0 unchanged)"])
        XCTAssertTrue(folder.exists("victim.txt"))
        XCTAssertTrue(folder.exists("Generated/.keep"))
        XCTAssertTrue(folder.exists("Generated/sub/x.swift"))
    }

    /// An error in a contract: exit 1, a compiler-style line on stderr, nothing written.
    func testUnresolvedReferenceIsAnInputProblem() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/inventory.json", Self.unresolved)
        let result = folder.run(["generate"])
        XCTAssertEqual(result.code, .inputProblems)
        XCTAssertEqual(result.out, [])
        let pattern = try NSRegularExpression(pattern: #"^Schemas/inventory\.json:3:19: error: .+ \[/\$defs/A/\$ref\]$"#)
        let first = try XCTUnwrap(result.err.first)
        XCTAssertNotNil(pattern.firstMatch(in: first, range: NSRange(first.startIndex..., in: first)), first)
        XCTAssertEqual(result.err.last, "1 error found")
        XCTAssertFalse(folder.exists("Generated"), "nothing is written when a stage fails")
    }

    /// Warnings go to stderr and do not fail the run.
    func testWarningsDoNotFailTheRun() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/a.json", ##"{"$defs": {"A": {"type": "string", "colour": "red"}}}"##)
        let result = folder.run(["generate"])
        XCTAssertEqual(result.code, .success)
        XCTAssertEqual(result.err, [##"Schemas/a.json:1:36: warning: unknown keyword "colour" kept but ignored [/$defs/A/colour]"##])
    }

    /// Rows: usage mistakes about folders → exit 2 and the message; nothing is written.
    func testOutputFolderMustNotHoldTheInputs() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/inventory.json", Self.inventory)
        let rows: [(arguments: [String], message: String)] = [
            (["generate", "Schemas", "-o", "Schemas"], "error: output folder Schemas contains the input Schemas/inventory.json; choose another --output"),
            (["generate", "Schemas", "-o", "."], "error: output folder . contains the input Schemas/inventory.json; choose another --output"),
            (["generate", "Schemas/inventory.json", "-o", "Schemas/"], "error: output folder Schemas/ contains the input Schemas/inventory.json; choose another --output"),
        ]
        for row in rows {
            let result = folder.run(row.arguments)
            XCTAssertEqual(result.code, .usageOrToolError, "\(row.arguments)")
            XCTAssertEqual(result.err, [row.message], "\(row.arguments)")
        }
        XCTAssertEqual(folder.contents(of: "Schemas"), ["inventory.json"])
        XCTAssertEqual(folder.contents(of: "."), ["Schemas"])
    }

    /// Input that matches nothing is an error, never an empty success. The code reports it as a problem in
    /// the input (exit 1, `ExitCode.inputProblems`), positioned at the path as given.
    func testInputThatMatchesNothingFails() throws {
        let folder = try TemporaryFolder()
        try folder.write("empty/readme.txt", "no contracts here\n")
        let rows: [(arguments: [String], line: String)] = [
            (["generate", "nothere"], "nothere: error: no such file or folder: nothere"),
            (["generate", "empty"], "empty: error: folder empty contains no *.json files"),
            (["generate"], "Schemas: error: no such file or folder: Schemas"),
        ]
        for row in rows {
            let result = folder.run(row.arguments)
            XCTAssertEqual(result.code, .inputProblems, "\(row.arguments)")
            XCTAssertEqual(result.err, [row.line, "1 error found"], "\(row.arguments)")
            XCTAssertEqual(result.out, [], "\(row.arguments)")
        }
        XCTAssertFalse(folder.exists("Generated"))
    }

    func testAccessLevelOption() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/inventory.json", Self.inventory)
        XCTAssertEqual(folder.run(["generate", "--access", "internal"]).code, .success)
        let text = try XCTUnwrap(folder.read("Generated/InventoryV2.swift"))
        XCTAssertFalse(text.contains("public "), "internal access writes no public modifier")
        XCTAssertTrue(text.contains("\n    struct Stock: Codable, Hashable, Sendable, Validatable {\n"), text)
    }

    func testMutablePropertiesOption() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/inventory.json", Self.inventory)
        XCTAssertEqual(folder.run(["generate"]).code, .success)
        let immutable = try XCTUnwrap(folder.read("Generated/InventoryV2.swift"))
        XCTAssertTrue(immutable.contains("\n        public let onHand: Int?\n"), immutable)
        XCTAssertEqual(folder.run(["generate", "--mutable-properties"]).code, .success)
        let mutable = try XCTUnwrap(folder.read("Generated/InventoryV2.swift"))
        XCTAssertTrue(mutable.contains("\n        public var onHand: Int?\n"), mutable)
    }

    /// Rows: `--emit` → which of the events, the client, the response enums and the provider the file has
    /// (models always; a part left out renames nothing in the others).
    func testEmitOption() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/shop.json", ##"""
            {"x-contract": {"name": "shop", "version": "1.0.0",
              "events": {"ItemAdded": {"topic": "shop.items.v1", "payload": {"$ref": "#/$defs/Item"}, "orderingKey": ["/id"]}},
              "operations": {"getItem": {"method": "GET", "path": "/items", "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}}}}},
             "$defs": {"Item": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}}}
            """##)
        let markers = ["public struct Item:", "public enum Events {", "public struct Client:", "public enum GetItemResponse:", "public protocol Provider:"]
        let rows: [(emit: String?, present: [Bool], line: UInt)] = [
            (nil, [true, true, true, true, true], #line),
            ("models", [true, false, false, false, false], #line),
            ("models,events", [true, true, false, false, false], #line),
            ("client", [true, false, true, true, false], #line),
            ("provider", [true, false, false, true, true], #line),
            ("models, events,client,provider", [true, true, true, true, true], #line),
        ]
        for row in rows {
            let result = folder.run(["generate", "--output", "out"] + (row.emit.map { ["--emit", $0] } ?? []))
            XCTAssertEqual(result.code, .success, "\(result.err)", line: row.line)
            let text = try XCTUnwrap(folder.read("out/ShopV1.swift"), line: row.line)
            XCTAssertEqual(markers.map(text.contains), row.present, row.emit ?? "default", line: row.line)
        }
    }

    /// `--files-per-contract 3` writes three files per contract; going back to one removes the other parts
    /// as stale (Charter wrote them); with `--file-name`, the parts are named after the given name.
    func testFilesPerContractOption() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/inventory.json", Self.inventory)
        try folder.write("Schemas/orders.json", Self.orders)
        let split = folder.run(["generate", "--files-per-contract", "3"])
        XCTAssertEqual(split.code, .success, "\(split.err)")
        XCTAssertEqual(split.out, ["Generated 6 files in Generated (6 written, 0 unchanged)"])
        XCTAssertEqual(folder.contents(of: "Generated"), [
            ".charter-manifest.json", "InventoryV2+Part2.swift", "InventoryV2+Part3.swift", "InventoryV2.swift",
            "OrdersV1+Part2.swift", "OrdersV1+Part3.swift", "OrdersV1.swift",
        ])
        let whole = folder.run(["generate"])
        XCTAssertEqual(whole.out, ["Generated 2 files in Generated (2 written, 0 unchanged, 4 stale removed)"])
        XCTAssertEqual(folder.contents(of: "Generated"), [".charter-manifest.json", "InventoryV2.swift", "OrdersV1.swift"])

        let plugin = folder.run(["generate", "Schemas/inventory.json", "--output", "plugin", "--file-name", "inventory.swift", "--files-per-contract", "2"])
        XCTAssertEqual(plugin.out, ["Generated 2 files in plugin (2 written, 0 unchanged)"])
        XCTAssertEqual(folder.contents(of: "plugin"), ["inventory+Part2.swift", "inventory.swift"])
        XCTAssertEqual(folder.read("plugin/inventory.swift").map { $0.contains("enum InventoryV2 {}") }, true)
        XCTAssertEqual(folder.read("plugin/inventory+Part2.swift").map { $0.contains("enum InventoryV2 {}") }, false)
    }

    /// `--files-per-contract auto` splits each contract by its number of top-level types (one file per 20, at
    /// most 4, at most an equal share of 8 files), and refuses `--file-name`, whose caller must know the files.
    func testAutomaticFilesPerContract() throws {
        let folder = try TemporaryFolder()
        func contract(_ name: String, types: Int) -> String {
            let definitions = (0..<types).map { #""T\#($0)": {"type": "object", "properties": {"n": {"type": "integer"}}}"# }
            return #"{"x-contract": {"name": "\#(name)", "version": "1.0.0"}, "$defs": {\#(definitions.joined(separator: ", "))}}"#
        }
        try folder.write("Schemas/big.json", contract("big", types: 45))
        try folder.write("Schemas/small.json", contract("small", types: 3))
        let auto = folder.run(["generate", "--files-per-contract", "auto"])
        XCTAssertEqual(auto.code, .success, "\(auto.err)")
        XCTAssertEqual(folder.contents(of: "Generated"), [".charter-manifest.json", "BigV1+Part2.swift", "BigV1.swift", "SmallV1.swift"])
        let big = [folder.read("Generated/BigV1.swift"), folder.read("Generated/BigV1+Part2.swift")].compactMap { $0 }
        XCTAssertEqual(big.map { $0.components(separatedBy: "public struct T").count - 1 }.reduce(0, +), 45, "every type in one of the parts")
        XCTAssertTrue(big.allSatisfy { $0.components(separatedBy: "public struct T").count > 10 }, "about half each")

        let refused = folder.run(["generate", "Schemas/big.json", "--output", "plugin", "--file-name", "big.swift", "--files-per-contract", "auto"])
        XCTAssertEqual(refused.code, .usageOrToolError)
        XCTAssertEqual(refused.err.first, "error: --file-name needs --files-per-contract as a number, not auto: its caller names every file beforehand")
    }

    /// The build plugin's plan checks: a contract that reaches a file the plan did not include, or a charter.json that
    /// changed since the plan, stops the command with the way out; what was planned passes.
    func testPlannedInputsAndConfiguration() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/b.json", #"{"x-contract": {"name": "b", "version": "1.0.0"}, "$defs": {"T": {"type": "object", "properties": {"n": {"type": "integer"}}}}}"#)
        try folder.write("Schemas/a.json", #"{"x-contract": {"name": "a", "version": "1.0.0"}, "$defs": {"U": {"type": "object", "properties": {"t": {"$ref": "b.json#/$defs/T"}}}}}"#)
        try folder.write("charter.json", #"{"access": "internal"}"#)
        let command = ["generate", "Schemas/a.json", "--output", "plugin", "--file-name", "a.swift", "--planned-input", "Schemas/a.json"]
        let stale = folder.run(command)
        XCTAssertEqual(stale.code, .inputProblems)
        XCTAssertTrue(stale.err.joined().contains("Schemas/a.json now reaches \(folder.path)/Schemas/b.json through $ref, which no command of this build's plan generates"), "\(stale.err)")
        XCTAssertTrue(stale.err.joined().contains("run `touch Package.swift` and build again"), "\(stale.err)")
        XCTAssertNil(folder.read("plugin/a.swift"), "nothing written")
        let current = folder.run(command + ["--planned-input", "Schemas/b.json", "--planned-config", "charter.json=" + (PluginPlanCheck.configurationDigest(Array(#"{"access": "internal"}"#.utf8)) ?? "")])
        XCTAssertEqual(current.code, .success, "\(current.err)")
        // Files are compared as absolute paths, whatever the root and the working directory (SwiftPM picks the latter).
        let elsewhere = folder.run(["generate", "\(folder.path)/Schemas/a.json", "--output", "\(folder.path)/plugin", "--file-name", "a.swift", "--root", "\(folder.path)/Schemas",
                                    "--planned-input", "\(folder.path)/Schemas/a.json", "--planned-input", "\(folder.path)/Schemas/b.json"])
        XCTAssertEqual(elsewhere.code, .success, "\(elsewhere.err)")
        // Lint settings and layout are not what the plan was made from: editing them needs no new plan.
        try folder.write("charter.json", #"{"lint": {"preset": "strict"},\#n  "access":   "internal"}"#)
        let lintOnly = folder.run(command + ["--planned-input", "Schemas/b.json", "--planned-config", "charter.json=" + (PluginPlanCheck.configurationDigest(Array(#"{"access": "internal"}"#.utf8)) ?? "")])
        XCTAssertEqual(lintOnly.code, .success, "\(lintOnly.err)")
        try folder.write("charter.json", #"{"access": "public"}"#)
        let changed = folder.run(command + ["--planned-input", "Schemas/b.json", "--planned-config", "charter.json=" + (PluginPlanCheck.configurationDigest(Array(#"{"access": "internal"}"#.utf8)) ?? "")])
        XCTAssertEqual(changed.code, .inputProblems)
        XCTAssertTrue(changed.err.joined().contains("charter.json changed since this build was planned"), "\(changed.err)")
        try folder.write("charter.json", #"{"access": "internal""#)
        let broken = folder.run(command + ["--planned-input", "Schemas/b.json", "--planned-config", "charter.json=" + (PluginPlanCheck.configurationDigest(Array(#"{"access": "internal"}"#.utf8)) ?? "")])
        XCTAssertEqual(broken.code, .usageOrToolError, "a charter.json that no longer parses is a configuration error")
        try folder.write("charter.json", #"{"access": "public", "access": "internal"}"#)
        let duplicate = folder.run(command + ["--planned-input", "Schemas/b.json", "--planned-config", "charter.json=" + (PluginPlanCheck.configurationDigest(Array(#"{"access": "internal"}"#.utf8)) ?? "")])
        XCTAssertEqual(duplicate.code, .usageOrToolError, "the plugin's decoder and the digest would read different values")
        XCTAssertTrue(duplicate.err.joined().contains("charter.json:1:22: error: charter.json is not valid: duplicate key"), "\(duplicate.err)")
    }

    /// Rows: a command on a contract with a remote `$ref` → the hint's way to map the prefix: the option on the
    /// command line, `"refMap"` in charter.json when a SwiftPM plugin runs it (`--from-plugin`), whose user passes none.
    func testUnresolvedReferenceHintNamesTheSettingOfItsContext() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/a.json", #"{"$defs": {"A": {"$ref": "https://c.example/common.json"}}}"#)
        try folder.write("Schemas/b.json", #"{"$id": "https://c.example/b.json", "$defs": {"B": {"$ref": "common.json"}}}"#)
        let option = "--ref-map PREFIX=DIR"
        let setting = #""refMap": {"PREFIX": "DIR"} in the target's charter.json"#
        let rows: [(arguments: [String], hints: [String])] = [
            (["generate", "Schemas/a.json"], ["    hint: add the schema to the inputs, or map the prefix to a local folder with \(option)"]),
            (["generate", "Schemas/a.json", "--from-plugin"], ["    hint: add the schema to the inputs, or map the prefix to a local folder with \(setting)"]),
            (["lint", "Schemas/a.json", "--from-plugin"], ["    hint: add the schema to the inputs, or map the prefix to a local folder with \(setting)"]),
            (["generate", "Schemas/b.json", "--from-plugin"], ["    hint: add the file, or the schema with that $id, to the inputs — or map the prefix to a local folder with \(setting)"]),
            (["generate", "Schemas/b.json"], ["    hint: add the file, or the schema with that $id, to the inputs — or map the prefix to a local folder with \(option)"]),
        ]
        for row in rows {
            let run = folder.run(row.arguments)
            XCTAssertEqual(run.code, .inputProblems, "\(row.arguments)")
            XCTAssertEqual(run.err.flatMap { $0.components(separatedBy: "\n") }.filter { $0.hasPrefix("    hint:") }, row.hints, "\(row.arguments): \(run.err)")
        }
        XCTAssertFalse(GenerateCommand.spec.help.contains("from-plugin"), "an option only the plugins pass")
    }

    /// Rows: a contract's top-level types and the number of contract files → the files `auto` gives it.
    func testAutomaticFileCountTable() {
        let rows: [(types: Int, files: Int, count: Int)] = [
            (0, 1, 1), (19, 1, 1), (39, 1, 1), (40, 1, 2), (79, 1, 3), (80, 1, 4), (10_000, 1, 4),
            (100, 2, 4), (100, 3, 2), (100, 4, 2), (100, 5, 1), (100, 10, 1), (40, 3, 2), (39, 3, 1),
        ]
        for row in rows {
            XCTAssertEqual(SwiftFileParts.automaticCount(types: row.types, files: row.files), row.count, "\(row.types) types, \(row.files) files")
        }
    }

    /// Two majors of one contract give `<Contract>Adapters.swift` unless `--emit` leaves adapters out;
    /// `--adapters-file` (the build plugin's mode) writes only that file, under the given name, and refuses
    /// inputs that are not the majors of one contract.
    func testAdaptersOption() throws {
        let folder = try TemporaryFolder()
        let v1 = #"{"x-contract": {"name": "stock", "version": "1.0.0"}, "$defs": {"Item": {"type": "object", "properties": {"sku": {"type": "string"}}}}}"#
        let v2 = #"{"x-contract": {"name": "stock", "version": "2.1.0"}, "$defs": {"Item": {"type": "object", "properties": {"sku": {"type": "string"}, "n": {"type": "integer"}}}}}"#
        try folder.write("Schemas/stock-v1.json", v1)
        try folder.write("Schemas/stock-v2.json", v2)
        let all = folder.run(["generate"])
        XCTAssertEqual(all.code, .success, "\(all.err)")
        XCTAssertEqual(folder.contents(of: "Generated"), [".charter-manifest.json", "StockAdapters.swift", "StockV1.swift", "StockV2.swift"])
        let adapters = try XCTUnwrap(folder.read("Generated/StockAdapters.swift"))
        XCTAssertTrue(adapters.contains("extension StockV1.Item {") && adapters.contains("extension StockV2.Item {"))
        let without = folder.run(["generate", "--emit", "events,client,provider"])
        XCTAssertEqual(without.out, ["Generated 2 files in Generated (0 written, 2 unchanged, 1 stale removed)"])

        let plugin = folder.run(["generate", "Schemas/stock-v1.json", "Schemas/stock-v2.json", "--output", "plugin", "--adapters-file", "stock-adapters.swift", "--emit", "models"])
        XCTAssertEqual(plugin.code, .success, "\(plugin.err)")
        XCTAssertEqual(folder.contents(of: "plugin"), ["stock-adapters.swift"])
        XCTAssertEqual(folder.read("plugin/stock-adapters.swift"), adapters, "the same adapters, whatever --emit says")

        try folder.write("Other/other.json", #"{"x-contract": {"name": "other", "version": "1.0.0"}, "$defs": {}}"#)
        let rows: [(arguments: [String], message: String)] = [
            (["Schemas/stock-v1.json"], "--adapters-file needs two or more major versions of one contract, got 1 file giving 0 adapter files"),
            (["Schemas/stock-v1.json", "Other/other.json"], "--adapters-file needs two or more major versions of one contract, got 2 files giving 0 adapter files"),
        ]
        for row in rows {
            let result = folder.run(["generate"] + row.arguments + ["--output", "bad", "--adapters-file", "x.swift"])
            XCTAssertEqual(result.code, .usageOrToolError, row.message)
            XCTAssertTrue(result.err.contains { $0.contains(row.message) }, "\(result.err)")
            XCTAssertFalse(folder.exists("bad"))
        }
        let combined = folder.run(["generate", "Schemas/stock-v1.json", "--file-name", "a.swift", "--adapters-file", "b.swift"])
        XCTAssertEqual(combined.err, ["error: --adapters-file and --file-name cannot be combined"])
    }

    /// A `Struct` override written for settable accessors (`set { {{setter}} }`) fails on the missing name
    /// when properties are `let`, instead of rendering a setter that does nothing; with
    /// `--mutable-properties` it renders as before.
    func testSettableAccessorOverrideFailsWhenPropertiesAreLet() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/a.json", ##"{"$defs": {"Stock": {"type": "object", "properties": {"old": {"type": "string", "deprecated": true}}}}}"##)
        try folder.write("old/Struct.mustache", """
            {{access}}struct {{name}} {
                {{#properties}}
                {{#accessors}}
                var {{name}}: {{type}} {
                    get { {{getter}} }
                    set { {{setter}} }
                }
                {{/accessors}}
                {{/properties}}
            }

            """)
        let immutable = folder.run(["generate", "Schemas", "--templates", "old"])
        XCTAssertEqual(immutable.code, .usageOrToolError)
        XCTAssertTrue(immutable.err.first?.contains("no value named 'setter'") == true, immutable.err.joined(separator: "\n"))
        XCTAssertFalse(folder.exists("Generated"))

        let mutable = folder.run(["generate", "Schemas", "--templates", "old", "--mutable-properties"])
        XCTAssertEqual(mutable.code, .success, mutable.err.joined(separator: "\n"))
        XCTAssertTrue(folder.read("Generated/A.swift")?.contains("set { _old = newValue }") == true)
    }

    func testRefMapOption() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/a.json", ##"{"$defs": {"Price": {"$ref": "https://schemas.example.com/money.json#/$defs/Money"}}}"##)
        try folder.write("mirror/money.json", ##"{"$defs": {"Money": {"type": "string", "format": "decimal"}}}"##)
        let remote = folder.run(["generate", "Schemas"])
        XCTAssertEqual(remote.code, .inputProblems)
        XCTAssertTrue(remote.err.first?.contains("Charter never downloads schemas") == true, remote.err.joined(separator: "\n"))
        let mapped = folder.run(["generate", "Schemas", "--ref-map", "https://schemas.example.com/=mirror"])
        XCTAssertEqual(mapped.code, .success, mapped.err.joined(separator: "\n"))
    }

    /// Rows: template folders → exit code and the first stderr line.
    func testTemplateOverrides() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/a.json", ##"{"$defs": {"Sku": {"type": "string"}}}"##)
        try folder.write("custom/Alias.mustache", "{{access}}typealias {{name}} = {{type}} // custom alias\n")
        try folder.write("broken/Alias.mustache", "{{#documentation}}\nunclosed\n")
        let ok = folder.run(["generate", "Schemas", "--templates", "custom"])
        XCTAssertEqual(ok.code, .success, ok.err.joined(separator: "\n"))
        XCTAssertTrue(folder.read("Generated/A.swift")?.contains("public typealias Sku = String // custom alias") == true)

        let missing = folder.run(["generate", "Schemas", "--templates", "nope", "-o", "Other"])
        XCTAssertEqual(missing.code, .usageOrToolError)
        XCTAssertTrue(missing.err.first?.contains("template folder") == true, missing.err.joined(separator: "\n"))

        let broken = folder.run(["generate", "Schemas", "--templates", "broken", "-o", "Other"])
        XCTAssertEqual(broken.code, .usageOrToolError)
        XCTAssertTrue(broken.err.first?.hasPrefix(folder.url("broken/Alias.mustache").path + ":") == true, broken.err.joined(separator: "\n"))
        XCTAssertFalse(folder.exists("Other"))

        // A project template must override one of Charter's or be a partial one of them uses: a misspelt name is an
        // error with the likely name, not an override that silently never applies.
        try folder.write("typo/Aliass.mustache", "typealias {{name}} = {{type}}\n")
        let typo = folder.run(["generate", "Schemas", "--templates", "typo", "-o", "Other"])
        XCTAssertEqual(typo.code, .usageOrToolError)
        XCTAssertEqual(typo.err.first, folder.url("typo/Aliass.mustache").path + ": error: this template overrides none of Charter's, and no template uses it as a partial"
                                        + "\n    hint: did you mean Alias.mustache?")
        XCTAssertFalse(folder.exists("Other"))
        try folder.write("extra/Alias.mustache", "{{access}}typealias {{name}} = {{type}}{{> Tail}}\n")
        try folder.write("extra/Tail.mustache", " // with a partial of the project's own")
        let extra = folder.run(["generate", "Schemas", "--templates", "extra", "-o", "Extra"])
        XCTAssertEqual(extra.code, .success, extra.err.joined(separator: "\n"))
        XCTAssertTrue(folder.read("Extra/A.swift")?.contains("public typealias Sku = String // with a partial of the project's own") == true)

        // A name the view model does not have fails while rendering, on all cores at once when there are
        // several files: the same error every run (the first file's, in namespace order), nothing written.
        try folder.write("unknown/Alias.mustache", "typealias {{nmae}} = {{type}}\n")
        for index in 0..<6 {
            try folder.write("Many/c\(index).json", ##"{"title": "C\##(index)", "$defs": {"Sku": {"type": "string"}}}"##)
        }
        let failures = (0..<3).map { _ in folder.run(["generate", "Many", "--templates", "unknown", "-o", "Third"]) }
        for failure in failures {
            XCTAssertEqual(failure.code, .usageOrToolError)
            XCTAssertEqual(failure.err, failures[0].err)
        }
        // A template is not a JSON document: the line ends with the message, no `[#]` pointer.
        XCTAssertEqual(
            failures[0].err.first,
            folder.url("unknown/Alias.mustache").path + ":1:11: error: no value named 'nmae' in the context",
            failures[0].err.joined(separator: "\n"))
        XCTAssertFalse(folder.exists("Third"))
    }
}

extension CommandLineToolTests {
    /// "Files in the output folder that Charter did not write are never touched" (generate --help): that
    /// includes a user's file that happens to have the name a contract now generates.
    func testUserFileWithAGeneratedNameIsNotOverwritten() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/inventory.json", Self.inventory)
        try folder.write("Generated/InventoryV2.swift", "// written by hand\n")
        _ = folder.run(["generate"])
        XCTAssertEqual(folder.read("Generated/InventoryV2.swift"), "// written by hand\n")
    }
}

extension CommandLineToolTests {
    /// An output folder that cannot be created is a tool error (exit 2), reported once.
    func testUnwritableOutputIsAToolError() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/inventory.json", Self.inventory)
        try folder.write("Generated", "a file where the folder should be\n")
        let result = folder.run(["generate"])
        XCTAssertEqual(result.code, .usageOrToolError)
        XCTAssertEqual(result.err.count, 2, result.err.joined(separator: "\n"))
        XCTAssertTrue(result.err.first?.hasPrefix("error: cannot create output folder") == true, result.err.joined(separator: "\n"))
        XCTAssertEqual(result.err.last, "1 error found")
        XCTAssertEqual(folder.read("Generated"), "a file where the folder should be\n")
    }
}
