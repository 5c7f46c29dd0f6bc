import CharterCore
import CharterGovernance
import Foundation
import XCTest

/// How the plugins read a target: which files are contracts, what each generated file depends on,
/// and which mistakes stop the build with a message naming the target and the file.
final class CharterTargetPlanTests: XCTestCase {
    var package: URL!

    override func setUpWithError() throws {
        package = FileManager.default.temporaryDirectory.appendingPathComponent("charter-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: package)
    }

    func write(_ path: String, _ text: String) throws {
        let url = package.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func plan(_ target: String = "Models") throws -> CharterTargetPlan {
        try CharterTargetPlan(targetName: target, directory: package.appendingPathComponent("Sources/\(target)"), packageDirectory: package)
    }

    static func contract(_ name: String, _ version: String, refs: [String] = []) -> String {
        let properties = refs.enumerated().map { "\"p\($0.offset)\": {\"$ref\": \"\($0.element)\"}" }.joined(separator: ", ")
        return #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "x-contract": {"name": "\#(name)", "version": "\#(version)"}, "$defs": {"T": {"type": "object", "properties": {\#(properties)}}}}"#
    }

    func testWithoutConfigurationEverySchemaFileIsAContractAndOtherJSONIsNot() throws {
        try write("Sources/Models/orders.json", Self.contract("orders", "2.0.0"))
        try write("Sources/Models/nested/pricing.json", Self.contract("pricing", "1.0.0"))
        try write("Sources/Models/fixtures/payload.json", #"{"orderId": "A"}"#)
        try write("Sources/Models/Models.swift", "")
        let plan = try plan()
        XCTAssertEqual(plan.contracts.map(\.lastPathComponent), ["pricing.json", "orders.json"])
        XCTAssertNil(plan.configurationFile)
        XCTAssertEqual(plan.units.map(\.outputName).sorted(), ["orders.swift", "pricing.swift"])
    }

    func testReferencedFilesOutsideTheTargetAreGeneratedAndTracked() throws {
        try write("Schemas/common/common-v1.json", Self.contract("common", "1.0.0"))
        try write("Schemas/inventory/inventory-v2.json", Self.contract("inventory", "2.0.0", refs: ["../common/common-v1.json#/$defs/T"]))
        try write("Sources/Models/charter.json", #"{"contracts": ["../../Schemas/inventory/inventory-v2.json"], "access": "internal"}"#)
        let plan = try plan()
        XCTAssertEqual(plan.contracts.map(\.lastPathComponent), ["inventory-v2.json"])
        let units = Dictionary(uniqueKeysWithValues: plan.units.map { ($0.source.lastPathComponent, $0) })
        XCTAssertEqual(Set(units.keys), ["inventory-v2.json", "common-v1.json"], "the referenced file gets its own output")
        XCTAssertEqual(units["inventory-v2.json"]?.dependencies.map(\.lastPathComponent), ["common-v1.json"])
        XCTAssertEqual(units["common-v1.json"]?.dependencies, [])
        XCTAssertNotNil(plan.configurationFile)
        XCTAssertTrue(plan.commonArguments.contains("internal"))
        XCTAssertFalse(plan.commonArguments.contains("--mutable-properties"))
        XCTAssertEqual(plan.commonArguments.prefix(2), ["--root", package.path])
    }

    /// `charter lint` gets how to load the contracts and the target's charter.json, and no generation options
    /// (which it would reject).
    func testLintGetsLoaderArgumentsAndTheConfiguration() throws {
        try write("Sources/Models/a.json", Self.contract("a", "1.0.0"))
        XCTAssertEqual(try plan().lintArguments, ["--root", package.path, "--absolute-paths", "--from-plugin"])
        try write("Sources/Models/charter.json", #"{"access": "internal", "filesPerContract": 2, "refMap": {"https://c.example/": "Catalogue"}, "lint": {"preset": "strict"}}"#)
        let arguments = try plan().lintArguments
        XCTAssertEqual(arguments, ["--root", package.path, "--absolute-paths", "--from-plugin",
                                   "--ref-map", "https://c.example/=\(package.appendingPathComponent("Sources/Models/Catalogue").path)",
                                   "--config", package.appendingPathComponent("Sources/Models/charter.json").path])
    }

    /// Rows: `mutableProperties` in charter.json → whether `--mutable-properties` is passed.
    func testMutablePropertiesReachTheCommand() throws {
        try write("Sources/Models/a.json", Self.contract("a", "1.0.0"))
        let rows: [(configuration: String, passed: Bool)] = [
            (#"{"mutableProperties": true}"#, true),
            (#"{"mutableProperties": false}"#, false),
            (#"{}"#, false),
        ]
        for row in rows {
            try write("Sources/Models/charter.json", row.configuration)
            XCTAssertEqual(try plan().commonArguments.contains("--mutable-properties"), row.passed, row.configuration)
        }
    }

    /// Rows: `emit` in charter.json → the `--emit` arguments passed.
    func testEmitReachesTheCommand() throws {
        try write("Sources/Models/a.json", Self.contract("a", "1.0.0"))
        let rows: [(configuration: String, arguments: [String]?)] = [
            (#"{"emit": ["models", "events"]}"#, ["--emit", "models,events"]),
            (#"{"emit": ["models"]}"#, ["--emit", "models"]),
            (#"{"emit": []}"#, ["--emit", "models"]),
            (#"{}"#, nil),
        ]
        for row in rows {
            try write("Sources/Models/charter.json", row.configuration)
            let arguments = try plan().commonArguments
            let passed = arguments.firstIndex(of: "--emit").map { Array(arguments[$0...($0 + 1)]) }
            XCTAssertEqual(passed, row.arguments, row.configuration)
        }
    }

    /// A contract in two or more majors gets one adapters command: its majors, lowest first, as inputs
    /// (with what they reference), one output; `emit` without `adapters` leaves it out.
    func testContractsInSeveralMajorsGetAnAdaptersUnit() throws {
        try write("Sources/Models/common.json", Self.contract("common", "1.0.0"))
        try write("Sources/Models/inventory-v2.json", Self.contract("inventory", "2.3.0", refs: ["common.json#/$defs/T"]))
        try write("Sources/Models/inventory-v1.json", Self.contract("inventory", "1.9.0"))
        try write("Sources/Models/inventory-v10.json", Self.contract("inventory", "10.0.0"))
        try write("Sources/Models/orders.json", Self.contract("orders", "1.0.0"))
        let plan = try plan()
        XCTAssertEqual(plan.adapterUnits.map(\.outputName), ["inventory-adapters.swift"])
        XCTAssertEqual(plan.adapterUnits.first?.sources.map(\.lastPathComponent), ["inventory-v1.json", "inventory-v2.json", "inventory-v10.json"])
        XCTAssertEqual(plan.adapterUnits.first?.dependencies.map(\.lastPathComponent), ["common.json"])
        let rows: [(configuration: String, units: Int)] = [
            (#"{"emit": ["models", "adapters"]}"#, 1), (#"{"emit": ["models", "events"]}"#, 0), (#"{"emit": []}"#, 0), (#"{}"#, 1),
        ]
        for row in rows {
            try write("Sources/Models/charter.json", row.configuration)
            XCTAssertEqual(try self.plan().adapterUnits.count, row.units, row.configuration)
        }
        // A contract file named like the adapters file keeps its name; the adapters file steps aside.
        try write("Sources/Models/inventory-adapters.json", Self.contract("inventory-adapters", "1.0.0"))
        try write("Sources/Models/charter.json", #"{}"#)
        XCTAssertEqual(try self.plan().adapterUnits.map(\.outputName), ["_inventory-adapters.swift"])
    }

    /// A contract whose `$defs` hold `types` object types.
    static func contract(_ name: String, types: Int) -> String {
        let definitions = (0..<types).map { #""T\#($0)": {"type": "object"}"# }.joined(separator: ", ")
        return #"{"x-contract": {"name": "\#(name)", "version": "1.0.0"}, "$defs": {\#(definitions)}}"#
    }

    /// Rows: `filesPerContract` in charter.json and the contract's number of types → the arguments the build
    /// plugin's command gets, the outputs it declares (the names `charter generate --file-name` writes:
    /// CharterCore's SwiftFileParts rows), and the command plugin's arguments (checked-in code: one file unless
    /// a number is given).
    func testFilesPerContractReachesTheCommandsAndTheOutputs() throws {
        let rows: [(configuration: String, types: Int, build: [String], outputs: [String], checkedIn: [String])] = [
            (#"{}"#, 1, [], ["orders.swift"], []),
            (#"{}"#, 39, [], ["orders.swift"], []),
            (#"{}"#, 40, ["--files-per-contract", "2"], ["orders.swift", "orders+Part2.swift"], []),
            (#"{}"#, 100, ["--files-per-contract", "4"], ["orders.swift", "orders+Part2.swift", "orders+Part3.swift", "orders+Part4.swift"], []),
            (#"{"filesPerContract": "auto"}"#, 60, ["--files-per-contract", "3"], ["orders.swift", "orders+Part2.swift", "orders+Part3.swift"], ["--files-per-contract", "auto"]),
            (#"{"filesPerContract": 1}"#, 100, [], ["orders.swift"], []),
            (#"{"filesPerContract": 3}"#, 1, ["--files-per-contract", "3"], ["orders.swift", "orders+Part2.swift", "orders+Part3.swift"], ["--files-per-contract", "3"]),
        ]
        for row in rows {
            let label = "\(row.configuration), \(row.types) types"
            try write("Sources/Models/orders.json", Self.contract("orders", types: row.types))
            try write("Sources/Models/charter.json", row.configuration)
            let plan = try plan()
            XCTAssertEqual(plan.units.map(plan.partArguments(of:)), [row.build], label)
            XCTAssertEqual(plan.units.map(plan.outputNames(of:)), [row.outputs], label)
            XCTAssertEqual(plan.checkedInPartArguments, row.checkedIn, label)
            XCTAssertFalse(plan.commonArguments.contains("--files-per-contract"), label)
        }
    }

    /// A `*.json` that is not JSON at all is taken for a contract, so `charter` reports its syntax error instead of
    /// the contract dropping out of the build; valid JSON that is not a schema stays out.
    func testUnparseableJSONIsAContract() throws {
        try write("Sources/Models/orders.json", #"{"$defs": {"OrderId": {,}}"#)
        try write("Sources/Models/fixture.json", #"{"orderId": "A"}"#)
        XCTAssertEqual(try plan().contracts.map(\.lastPathComponent), ["orders.json"])
    }

    /// The build plugin's commands carry what the plan was made from: every file the plan generates, and
    /// charter.json with the digest of its bytes (CharterCore's, so `charter generate` can compare).
    func testCommandsCarryWhatThePlanWasMadeFrom() throws {
        try write("Sources/Models/a.json", Self.contract("a", "1.0.0", refs: ["b.json#/$defs/T"]))
        try write("Sources/Models/b.json", Self.contract("b", "1.0.0"))
        let withoutConfiguration = try plan()
        XCTAssertEqual(withoutConfiguration.planArguments,
                       ["--planned-input", package.appendingPathComponent("Sources/Models/a.json").path,
                        "--planned-input", package.appendingPathComponent("Sources/Models/b.json").path])
        let text = #"{"access": "internal"}"#
        try write("Sources/Models/charter.json", text)
        let configured = try plan()
        XCTAssertEqual(configured.planArguments.suffix(2),
                       ["--planned-config", package.appendingPathComponent("Sources/Models/charter.json").path + "=" + (PluginPlanCheck.configurationDigest(Array(text.utf8)) ?? "")])
    }

    /// charter.json's keys are the same for the plugin and for `charter lint`, which both reject any other.
    func testConfigurationKeysAgreeWithLint() {
        XCTAssertEqual(CharterConfiguration.keys, Set(LintConfiguration.charterJSONKeys))
    }

    /// The values the plugin accepts for `access` and `emit` are those `charter generate` takes, so that a value
    /// either plans or is reported by `charter generate` in charter.json's terms.
    func testConfigurationValuesAgreeWithTheGenerator() {
        XCTAssertEqual(CharterConfiguration.accessLevels, Set(SwiftAccessLevel.allCases.map(\.rawValue)))
        XCTAssertEqual(CharterConfiguration.emitValues, Set(PluginConfigurationCheck.emitValues))
        XCTAssertEqual(CharterConfiguration.keys, Set(PluginConfigurationCheck.keys))
    }

    /// Rows: a target's charter.json → what the build plugin's one command for it (`charter generate` checking the
    /// file) prints: each problem once, with line:column, JSON pointer and the key as written in charter.json.
    func testConfigurationMistakesAreReportedWithPositions() throws {
        let rows: [(label: String, text: String, err: [String])] = [
            ("a misspelt key", "{\n  \"contract\": [\"a.json\"]\n}", [
                #"charter.json:2:15: error: unknown key "contract" [/contract]"#,
                #"    hint: did you mean "contracts"?"#,
                "1 error found",
            ]),
            ("an unknown emit value", "{\n  \"emit\": [\"models\", \"model\"]\n}", [
                #"charter.json:2:22: error: "emit" has unknown output "model" [/emit/1]"#,
                #"    hint: did you mean "models"?"#,
                "1 error found",
            ]),
            ("an unknown access level", #"{"access": "private"}"#, [
                #"charter.json:1:12: error: "access" must be public, package or internal, not "private" [/access]"#,
                "    hint: expected: public, package, internal",
                "1 error found",
            ]),
            ("a wrong type", "{\"emit\": \"models\",\n \"mutableProperties\": \"yes\"}", [
                #"charter.json:1:10: error: "emit" must be an array of strings [/emit]"#,
                #"charter.json:2:23: error: "mutableProperties" must be true or false [/mutableProperties]"#,
                "2 errors found",
            ]),
            ("files per contract out of range", #"{"filesPerContract": 0}"#, [
                #"charter.json:1:22: error: "filesPerContract" must be a whole number from 1 to 64 or "auto" [/filesPerContract]"#,
                "1 error found",
            ]),
            ("not JSON", #"{"access": "internal""#, [
                "charter.json:1:22: error: charter.json is not valid: unexpected end of input, expected ',' or '}' (object opened at 1:1) [#]",
                "1 error found",
            ]),
        ]
        try assertConfigurationRows(rows)
        // Fixed, the file still asks for the plan SwiftPM would not otherwise make again.
        try write("Sources/Models/charter.json", #"{"access": "internal"}"#)
        let err = Recorder()
        let file = package.appendingPathComponent("Sources/Models/charter.json")
        let code = CommandLineTool(console: Console(out: { _ in }, err: { err.append($0) }), workingDirectory: package.path)
            .run(CharterTargetPlan.configurationCheckArguments(file, output: package.appendingPathComponent("out")))
        XCTAssertEqual(code, .inputProblems)
        XCTAssertTrue(err.lines.joined().contains("charter.json changed since this build was planned"), "\(err.lines)")
    }

    /// The plugin's digest is CharterCore's, which it cannot import.
    func testDigestAgreesWithTheGenerator() {
        for text in ["", "a", "{\"access\": \"internal\"}", String(repeating: "é", count: 300)] {
            XCTAssertEqual(CharterTargetPlan.digest(Data(text.utf8)), PluginPlanCheck.digest(Array(text.utf8)), text)
        }
        XCTAssertEqual(PluginPlanCheck.digest(Array("".utf8)), "cbf29ce484222325", "FNV-1a's offset basis for no bytes")
        XCTAssertEqual(PluginPlanCheck.digest(Array("a".utf8)), "af63dc4c8601ec8c", "FNV-1a 64 of \"a\"")
    }

    /// Runs configuration rows (a label, a target's charter.json, what the check prints): the build plugin refuses to plan
    /// and leaves the file to `charter generate`, whose check exits 2 (a configuration error, as in `charter lint`),
    /// prints each problem once — line:column, JSON pointer, the key as written in charter.json — and writes nothing.
    func assertConfigurationRows(_ rows: [(label: String, text: String, err: [String])]) throws {
        for row in rows {
            try? FileManager.default.removeItem(at: package)
            try write("Sources/Models/a.json", Self.contract("orders", "1.0.0"))
            try write("Sources/Models/charter.json", row.text)
            let file = package.appendingPathComponent("Sources/Models/charter.json")
            XCTAssertThrowsError(try plan(), row.label) { error in
                XCTAssertEqual((error as? CharterPluginError)?.invalidConfiguration, file, "\(row.label): the plugin leaves it to charter generate")
            }
            let err = Recorder()
            let code = CommandLineTool(console: Console(out: { _ in }, err: { err.append($0) }), workingDirectory: package.path)
                .run(CharterTargetPlan.configurationCheckArguments(file, output: package.appendingPathComponent("out")))
            XCTAssertEqual(code, .usageOrToolError, "\(row.label): a configuration error, as in charter lint")
            let lines = err.lines.flatMap { $0.components(separatedBy: "\n") }.map { $0.replacingOccurrences(of: file.path, with: "charter.json") }
            XCTAssertEqual(lines, row.err, row.label)
            XCTAssertFalse(FileManager.default.fileExists(atPath: package.appendingPathComponent("out").path), "\(row.label): nothing written")
        }
    }

    /// The plugin's digest of charter.json's generation settings is CharterCore's; rows: two files → whether
    /// the plan made from the first still holds for the second.
    func testConfigurationDigestAgreesAndIgnoresLintSettings() {
        let rows: [(planned: String, now: String, same: Bool)] = [
            (#"{"access": "internal"}"#, #"{ "access" : "internal" }"#, true),
            (#"{"access": "internal", "emit": ["models"]}"#, #"{"emit": ["models"], "access": "internal"}"#, true),
            (#"{"access": "internal"}"#, #"{"access": "internal", "lint": {"preset": "strict"}}"#, true),
            (#"{"lint": {"rules": {"a": "off"}}, "filesPerContract": 2}"#, #"{"lint": {"rules": {"a": "error"}}, "filesPerContract": 2}"#, true),
            (#"{"access": "internal"}"#, #"{"access": "public"}"#, false),
            (#"{"filesPerContract": 2}"#, #"{"filesPerContract": "auto"}"#, false),
            (#"{"refMap": {"a": "b"}}"#, #"{"refMap": {"a": "c"}}"#, false),
            (#"{"access": "internal"}"#, #"{"access": "internal""#, false),
        ]
        for row in rows {
            for text in [row.planned, row.now] {
                XCTAssertEqual(CharterTargetPlan.configurationDigest(Data(text.utf8)), PluginPlanCheck.configurationDigest(Array(text.utf8)), text)
            }
            let planned = CharterTargetPlan.configurationDigest(Data(row.planned.utf8))
            XCTAssertNotNil(planned, row.planned)
            XCTAssertEqual(PluginPlanCheck.configurationDigest(Array(row.now.utf8)) == planned, row.same, "\(row.planned) → \(row.now)")
        }
    }

    /// The plugin's rule is CharterCore's `charter generate --files-per-contract auto` rule, which it cannot import
    /// (whose rows are `CommandLineToolTests.testAutomaticFileCountTable`).
    func testAutomaticPartsAgreeWithTheGenerator() {
        for units in 1...12 {
            for types in 0...200 {
                XCTAssertEqual(CharterTargetPlan.automaticParts(types: types, units: units), SwiftFileParts.automaticCount(types: types, files: units), "\(types) types, \(units) units")
            }
        }
    }

    /// Under `"auto"` each unit of a target is split by its own number of types; a referenced file is a unit too.
    func testAutomaticSplitIsPerUnit() throws {
        try write("Sources/Models/big.json", Self.contract("big", types: 90))
        try write("Sources/Models/small.json", Self.contract("small", types: 5))
        let plan = try plan()
        XCTAssertEqual(plan.units.map(\.parts), [4, 1])
        XCTAssertEqual(plan.units.flatMap(plan.outputNames(of:)), ["big.swift", "big+Part2.swift", "big+Part3.swift", "big+Part4.swift", "small.swift"])
    }

    /// A contract named like another's second part gets a distinct name for all of its files.
    func testPartNamesStayUniqueAcrossContracts() throws {
        try write("Sources/Models/orders.json", Self.contract("orders", "1.0.0"))
        try write("Sources/Models/orders+Part2.json", Self.contract("returns", "1.0.0"))
        try write("Sources/Models/charter.json", #"{"filesPerContract": 2}"#)
        let plan = try plan()
        let names = plan.units.flatMap(plan.outputNames(of:))
        // Units go in path order (`+` sorts before `.`), so orders+Part2.json keeps its name and orders.json,
        // whose second part would collide with it, is renamed after its folder.
        XCTAssertEqual(names, ["orders+Part2.swift", "orders+Part2+Part2.swift", "Models_orders.swift", "Models_orders+Part2.swift"])
        XCTAssertEqual(Set(names.map { $0.lowercased() }).count, names.count)
    }

    /// The plan follows `$ref`s as the loader does: against the document's `$id` (then through `refMap`, the longest
    /// prefix winning), from a symlinked file's real folder, and with percent-encoded names under a mapping.
    func testReferencesResolveAsTheLoaderResolvesThem() throws {
        try write("Schemas/common/common-v1.json", #"{"$id": "https://c.example/common/common-v1.json", "$defs": {"T": {"type": "string"}}}"#)
        try write("Schemas/orders/orders-v2.json", #"{"$id": "https://c.example/orders/orders-v2.json", "$defs": {"U": {"$ref": "../common/common-v1.json#/$defs/T"}}}"#)
        try write("Other/b/t.json", #"{"$defs": {"T": {"type": "string"}}}"#)
        try write("Shared/my types.json", #"{"$defs": {"X": {"type": "string"}}}"#)
        try write("Sources/Models/copy.json", #"{"$id": "https://c.example/orders/orders-v2.json", "$defs": {"U": {"$ref": "../common/common-v1.json#/$defs/T"}, "V": {"$ref": "https://c.example/b/t.json"}, "W": {"$ref": "https://s.example/my%20types.json#/$defs/X"}}}"#)
        try write("Sources/Models/charter.json", #"{"refMap": {"https://c.example/": "../../Schemas", "https://c.example/b/": "../../Other/b", "https://s.example/": "../../Shared"}}"#)
        try FileManager.default.createDirectory(at: package.appendingPathComponent("Sources/Linked"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: package.appendingPathComponent("Sources/Linked/orders.json"),
                                                   withDestinationURL: package.appendingPathComponent("Schemas/orders/orders-v2.json"))
        let copy = try XCTUnwrap(plan().units.first { $0.source.lastPathComponent == "copy.json" })
        XCTAssertEqual(copy.dependencies.map(\.lastPathComponent).sorted(), ["common-v1.json", "my types.json", "t.json"])
        let linked = try XCTUnwrap(plan("Linked").units.first { $0.source.lastPathComponent == "orders.json" })
        XCTAssertEqual(linked.dependencies.map(\.lastPathComponent), ["common-v1.json"], "relative to the file the link points at")
    }

    /// Paths in charter.json may be absolute; relative ones are taken from the target's folder.
    func testAbsolutePathsInTheConfiguration() throws {
        try write("Elsewhere/orders.json", Self.contract("orders", "1.0.0", refs: ["https://m.example/t.json#/$defs/T"]))
        try write("Mapped/t.json", Self.contract("t", "1.0.0"))
        let elsewhere = package.appendingPathComponent("Elsewhere/orders.json").path, mapped = package.appendingPathComponent("Mapped").path
        try write("Sources/Models/charter.json", #"{"contracts": ["\#(elsewhere)"], "refMap": {"https://m.example/": "\#(mapped)"}}"#)
        let plan = try plan()
        XCTAssertEqual(plan.contracts.map(\.path), [elsewhere])
        XCTAssertEqual(plan.units.first { $0.source.path == elsewhere }?.dependencies.map(\.path), [mapped + "/t.json"])
        XCTAssertTrue(plan.loaderArguments.contains("https://m.example/=\(mapped)"), "\(plan.loaderArguments)")
    }

    func testTransitiveAndMappedReferencesAreDependencies() throws {
        try write("Catalogue/shared/money.json", Self.contract("money", "1.0.0"))
        try write("Sources/Models/a.json", Self.contract("a", "1.0.0", refs: ["b.json#/$defs/T"]))
        try write("Sources/Models/b.json", Self.contract("b", "1.0.0", refs: ["https://catalogue.example/shared/money.json#/$defs/T"]))
        try write("Sources/Models/charter.json", #"{"refMap": {"https://catalogue.example/": "../../Catalogue"}}"#)
        let plan = try plan()
        let a = try XCTUnwrap(plan.units.first { $0.source.lastPathComponent == "a.json" })
        XCTAssertEqual(a.dependencies.map(\.lastPathComponent).sorted(), ["b.json", "money.json"])
        XCTAssertTrue(plan.commonArguments.contains("https://catalogue.example/=\(package.appendingPathComponent("Catalogue").path)"))
    }

    func testOutputNamesStayUniqueWhenFileNamesRepeat() throws {
        try write("Sources/Models/v1/orders.json", Self.contract("orders", "1.0.0"))
        try write("Sources/Models/v2/orders.json", Self.contract("orders", "2.0.0"))
        XCTAssertEqual(try plan().units.map(\.outputName), ["orders.swift", "v2_orders.swift"])
    }

    func testMistakesNameTheTargetAndTheFile() throws {
        let rows: [(label: String, files: [(String, String)], message: [String])] = [
            ("no contracts", [("Sources/Models/Models.swift", "")], ["target 'Models' has no contracts"]),
            ("duplicate identity", [
                ("Sources/Models/a.json", Self.contract("orders", "2.0.0")), ("Sources/Models/b.json", Self.contract("orders", "2.3.1")),
            ], ["target 'Models'", "duplicate contract identity orders v2", "a.json", "b.json"]),
            ("duplicate $id", [
                ("Sources/Models/a.json", #"{"$id": "https://c.example/a.json", "$defs": {}}"#), ("Sources/Models/b.json", #"{"$id": "https://c.example/a.json", "$defs": {}}"#),
            ], ["target 'Models'", "duplicate $id https://c.example/a.json", "a.json", "b.json"]),
            ("listed contract missing", [("Sources/Models/charter.json", #"{"contracts": ["nope.json"]}"#)], ["charter.json", "'nope.json' does not exist"]),
            ("configuration not valid", [("Sources/Models/charter.json", #"{"contracts": "a.json"}"#)], ["charter.json", "target 'Models'", "not valid"]),
            ("files per contract out of range", [
                ("Sources/Models/a.json", Self.contract("orders", "1.0.0")), ("Sources/Models/charter.json", #"{"filesPerContract": 0}"#),
            ], ["charter.json", "target 'Models'", "not valid: filesPerContract: must be from 1 to 64, not 0"]),
            ("files per contract neither a number nor auto", [
                ("Sources/Models/a.json", Self.contract("orders", "1.0.0")), ("Sources/Models/charter.json", #"{"filesPerContract": "many"}"#),
            ], ["charter.json", "target 'Models'", "not valid: filesPerContract: must be a number from 1 to 64 or \"auto\""]),
            ("a misspelt key", [
                ("Sources/Models/a.json", Self.contract("orders", "1.0.0")), ("Sources/Models/charter.json", #"{"acess": "internal"}"#),
            ], ["charter.json", "target 'Models'", "not valid: unknown key 'acess' (charter.json has access, contracts, emit,"]),
            ("a wrong type", [
                ("Sources/Models/a.json", Self.contract("orders", "1.0.0")), ("Sources/Models/charter.json", #"{"mutableProperties": "yes"}"#),
            ], ["charter.json", "target 'Models'", "not valid: mutableProperties: "]),
        ]
        for row in rows {
            try? FileManager.default.removeItem(at: package)
            for (path, text) in row.files { try write(path, text) }
            XCTAssertThrowsError(try plan(), row.label) { error in
                let text = String(describing: error)
                for fragment in row.message { XCTAssertTrue(text.contains(fragment), "\(row.label): \(text) lacks \(fragment)") }
            }
        }
    }
}

/// The command plugins run `charter` once per target: arguments that would write one report or one document per
/// run are refused when several targets have contracts.
final class CommandPluginArgumentsTests: XCTestCase {
    /// Rows: a command plugin's arguments → whether they ask for the plugin's help (an argument after `--` is passed on).
    func testHelpIsAskedBeforeAnyDoubleDash() {
        let rows: [(arguments: [String], help: Bool)] = [
            (["--help"], true), (["-h"], true), (["--target", "Models", "--help"], true),
            ([], false), (["--format", "json"], false), (["--", "--help"], false), (["--helpful"], false),
        ]
        for row in rows { XCTAssertEqual(CommandPluginArguments.wantHelp(row.arguments), row.help, "\(row.arguments)") }
    }

    /// The plugin's help names how it is run, its own option, and that contracts come from each target, not `Schemas`.
    func testPluginHelpDescribesThePlugin() {
        let rows: [(invocation: String, command: String, lines: [String])] = [
            ("swift package charter-lint", "lint", [
                "USAGE: swift package charter-lint [--target NAME]... [charter lint options]",
                "  --target NAME           A target to run on (repeatable). Default: every target with contracts (others are skipped).",
                "charter lint --help:",
            ]),
            ("swift package charter-diff", "diff", ["USAGE: swift package charter-diff [--target NAME]... [charter diff options]", "charter diff --help:"]),
        ]
        for row in rows {
            let help = CommandPluginArguments.help(invocation: row.invocation, command: row.command)
            for line in row.lines { XCTAssertTrue(help.components(separatedBy: "\n").contains(line), "\(row.invocation) --help lacks: \(line)\n\(help)") }
            XCTAssertTrue(help.contains("(not Schemas)"), help)
        }
    }

    /// Rows: targets run and arguments → the line before each target's run (its summary does not name the target).
    func testSeveralTargetsAreHeadedByName() {
        let rows: [(targets: Int, arguments: [String], heading: String?)] = [
            (2, [], "charter lint: target 'Models'"),
            (3, ["--format", "github", "--fail-on", "warning"], "charter lint: target 'Models'"),
            (1, [], nil),  // one target: its output is the run's
            (2, ["--quiet"], nil),  // nothing but problems
            (2, ["-q", "--format", "markdown"], nil),
            (2, ["--", "-q"], "charter lint: target 'Models'"),  // after `--`, not the plugin's to read
        ]
        for row in rows {
            XCTAssertEqual(CommandPluginArguments.heading(command: "lint", target: "Models", targets: row.targets, arguments: row.arguments),
                           row.heading, "\(row.targets) targets, \(row.arguments)")
        }
    }

    func testOneDocumentArgumentsNeedOneTarget() {
        let two = ["Models", "Events"]
        let rows: [(arguments: [String], targets: [String], problem: String?)] = [
            (["--report", "sarif=lint.sarif"], two, "--report sarif=lint.sarif would hold only the last target's findings: 2 targets have contracts (Models, Events); run once per target with --target NAME"),
            (["--report=json=l.json"], two, "--report json=l.json would hold only the last target's findings: 2 targets have contracts (Models, Events); run once per target with --target NAME"),
            (["--write-baseline", "b.json"], two, "--write-baseline b.json would hold only the last target's findings: 2 targets have contracts (Models, Events); run once per target with --target NAME"),
            (["--fail-on", "warning", "-f", "sarif"], two, "--format sarif would print one document per target, which no reader parses as one: 2 targets have contracts (Models, Events); run once per target with --target NAME"),
            (["--format=junit"], two, "--format junit would print one document per target, which no reader parses as one: 2 targets have contracts (Models, Events); run once per target with --target NAME"),
            (["--format", "github", "--fail-on", "warning"], two, nil),   // annotations and text concatenate
            (["--format", "markdown"], two, nil),
            (["--report", "sarif=lint.sarif", "--format", "json"], ["Models"], nil),  // one target: one run
            (["--", "--report", "x"], two, nil),
        ]
        for row in rows {
            XCTAssertEqual(CommandPluginArguments.perTargetProblem(row.arguments, targets: row.targets), row.problem, "\(row.arguments)")
        }
    }
}

/// Lines written to one stream by the tool under test.
final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []
    /// The lines so far.
    var lines: [String] { lock.withLock { recorded } }
    /// Records a line.
    func append(_ line: String) { lock.withLock { recorded.append(line) } }
}
