import CharterCore
import Foundation
import XCTest

/// `"externalContracts"` in `charter.json`: a contract another module generates gets no command of its own, the commands
/// of the files that reach it pass `--external-contract`, and the plan check and the configuration digest cover the key.
extension CharterTargetPlanTests {
    /// orders v2 and inventory v1, v2 reach `Shared/common.json`; pricing reaches nothing.
    func writeEstate() throws {
        try write("Shared/common.json", Self.contract("common", "1.0.0"))
        try write("Sources/Models/orders.json", Self.contract("orders", "2.0.0", refs: ["../../Shared/common.json#/$defs/T"]))
        try write("Sources/Models/inventory-v1.json", Self.contract("inventory", "1.0.0", refs: ["../../Shared/common.json#/$defs/T"]))
        try write("Sources/Models/inventory-v2.json", Self.contract("inventory", "2.0.0", refs: ["../../Shared/common.json#/$defs/T"]))
        try write("Sources/Models/pricing.json", Self.contract("pricing", "1.0.0"))
    }

    /// Rows: `externalContracts` → the files the build plugin plans (output name and `--external-contract` arguments),
    /// its adapters commands, and what the command plugin passes.
    func testExternalContractsArePlannedOutAndPassedOn() throws {
        try writeEstate()
        let common = ["--external-contract", "common=RetailCommon"]
        let rows: [(configuration: String, units: [String: [String]], adapters: [String: [String]], all: [String])] = [
            (#"{}"#, ["common.swift": [], "inventory-v1.swift": [], "inventory-v2.swift": [], "orders.swift": [], "pricing.swift": []],
             ["inventory-adapters.swift": []], []),
            (#"{"externalContracts": {"common": "RetailCommon"}}"#,
             ["inventory-v1.swift": common, "inventory-v2.swift": common, "orders.swift": common, "pricing.swift": []],
             ["inventory-adapters.swift": common], common),
            (#"{"externalContracts": {"common@1": "RetailCommon"}}"#,
             ["inventory-v1.swift": ["--external-contract", "common@1=RetailCommon"], "inventory-v2.swift": ["--external-contract", "common@1=RetailCommon"],
              "orders.swift": ["--external-contract", "common@1=RetailCommon"], "pricing.swift": []],
             ["inventory-adapters.swift": ["--external-contract", "common@1=RetailCommon"]], ["--external-contract", "common@1=RetailCommon"]),
            // One major of a contract in the target is external: the other is generated, and the adapters are not.
            (#"{"externalContracts": {"inventory@1": "LegacyInventory", "common": "RetailCommon"}}"#,
             ["inventory-v2.swift": common, "orders.swift": common, "pricing.swift": []],
             [:], common + ["--external-contract", "inventory@1=LegacyInventory"]),
            (#"{"externalContracts": {"inventory": "RetailInventory"}}"#,
             ["common.swift": [], "orders.swift": [], "pricing.swift": []], [:], ["--external-contract", "inventory=RetailInventory"]),
        ]
        for row in rows {
            try write("Sources/Models/charter.json", row.configuration)
            let plan = try plan()
            let units = Dictionary(uniqueKeysWithValues: plan.units.map { ($0.outputName, plan.externalArguments(of: [$0.source])) })
            XCTAssertEqual(units, row.units, row.configuration)
            // The adapters command of contracts that reach an external one imports its module too.
            let adapters = Dictionary(uniqueKeysWithValues: plan.adapterUnits.map { ($0.outputName, plan.externalArguments(of: $0.sources)) })
            XCTAssertEqual(adapters, row.adapters, row.configuration)
            XCTAssertEqual(plan.allExternalArguments, row.all, row.configuration)
            XCTAssertFalse(plan.commonArguments.contains("--external-contract"), "only the commands that reach the contract get it")
            // The plan's own check does not ask for a plan that generates the external contract's file.
            let planned = plan.planArguments.enumerated().filter { $0.offset > 0 && plan.planArguments[$0.offset - 1] == "--planned-input" }.map(\.element)
            XCTAssertEqual(Set(planned.map { URL(fileURLWithPath: $0).lastPathComponent }), Set(plan.units.map(\.source.lastPathComponent)), row.configuration)
        }
    }

    /// The build plugin's command for orders, run as planned: it writes orders' code, importing RetailCommon instead of
    /// declaring CommonV1, and the plan check accepts that no command generates the external contract's file.
    func testThePlannedCommandImportsTheExternalModule() throws {
        try writeEstate()
        try write("Sources/Models/charter.json", #"{"externalContracts": {"common": "RetailCommon"}}"#)
        let plan = try plan()
        let unit = try XCTUnwrap(plan.units.first { $0.outputName == "orders.swift" })
        let output = package.appendingPathComponent("out")
        let err = Recorder()
        let code = CommandLineTool(console: Console(out: { _ in }, err: { err.append($0) }), workingDirectory: package.path).run(
            ["generate", unit.source.path, "--output", output.path, "--file-name", unit.outputName, "--quiet"]
                + plan.commonArguments + plan.externalArguments(of: [unit.source]) + plan.partArguments(of: unit) + plan.planArguments)
        XCTAssertEqual(code, .success, "\(err.lines)")
        let text = try String(contentsOf: output.appendingPathComponent("orders.swift"), encoding: .utf8)
        XCTAssertTrue(text.contains("import CharterRuntime\nimport RetailCommon\n"), text)
        XCTAssertTrue(text.contains("CommonV1.T"), "orders still refers to common's type")
        XCTAssertFalse(text.contains("enum CommonV1"), text)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output.path), ["orders.swift"])
    }

    /// An entry that names no contract of the target stops the plan, naming the key and the contracts there are.
    func testAnExternalContractTheTargetDoesNotHaveIsAnError() throws {
        try writeEstate()
        try write("Sources/Models/charter.json", #"{"externalContracts": {"comon": "RetailCommon"}}"#)
        XCTAssertThrowsError(try plan()) { error in
            XCTAssertEqual(
                String(describing: error),
                package.appendingPathComponent("Sources/Models/charter.json").path
                    + ": target 'Models': externalContracts: \"comon\" is no contract of the target or of a file it reaches through $ref (common v1, inventory v1, inventory v2, orders v2, pricing v1)")
        }
    }

    /// Rows: charter.json → the entries its decoding keeps, sorted by key (read once; the plan and the plugins use them).
    func testTheConfigurationKeepsTheParsedEntries() throws {
        let rows: [(text: String, entries: [String])] = [
            (#"{}"#, []),
            (#"{"externalContracts": {}}"#, []),
            (#"{"externalContracts": {"money": "B", "common@1": "A", "common@2": "C"}}"#, ["common@1=A", "common@2=C", "money=B"]),
        ]
        for row in rows {
            let configuration = try CharterConfiguration.decode(Data(row.text.utf8))
            XCTAssertEqual(configuration.externalContractEntries.map(\.argument), row.entries, row.text)
        }
        XCTAssertEqual(CharterConfiguration().externalContractEntries, [], "no charter.json: no entries")
    }

    /// Rows: a file without an `x-contract` identity that orders reaches → the name `"externalContracts"` gives it (its
    /// title, else its file stem: the name Charter gives its namespace). The plan leaves it out, and the planned command
    /// for orders, run as planned, takes that name (so the plugin and `charter generate` agree) and imports the module.
    func testAFileWithoutIdentityIsNamedAsCharterNamesIt() throws {
        let rows: [(file: String, text: String, name: String)] = [
            ("money.json", #"{"title": "Money", "$defs": {"T": {"type": "string"}}}"#, "Money"),
            ("money.json", #"{"title": "Money types", "$defs": {"T": {"type": "string"}}}"#, "Money types"),
            ("money.json", #"{"$defs": {"T": {"type": "string"}}}"#, "money"),
            ("money-types.schema.json", #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": {"T": {"type": "string"}}}"#, "money-types"),
        ]
        for row in rows {
            try? FileManager.default.removeItem(at: package)
            try write("Shared/" + row.file, row.text)
            try write("Sources/Models/orders.json", Self.contract("orders", "2.0.0", refs: ["../../Shared/\(row.file)#/$defs/T"]))
            try write("Sources/Models/charter.json", #"{"externalContracts": {"\#(row.name)": "RetailMoney"}}"#)
            let plan = try plan()
            XCTAssertEqual(plan.units.map(\.outputName), ["orders.swift"], row.name)
            let unit = try XCTUnwrap(plan.units.first, row.name)
            XCTAssertEqual(plan.externalArguments(of: [unit.source]), ["--external-contract", "\(row.name)=RetailMoney"], row.name)
            let output = package.appendingPathComponent("out")
            let err = Recorder()
            let code = CommandLineTool(console: Console(out: { _ in }, err: { err.append($0) }), workingDirectory: package.path).run(
                ["generate", unit.source.path, "--output", output.path, "--file-name", unit.outputName, "--quiet"]
                    + plan.commonArguments + plan.externalArguments(of: [unit.source]) + plan.partArguments(of: unit) + plan.planArguments)
            XCTAssertEqual(code, .success, "\(row.name): \(err.lines)")
            let text = try String(contentsOf: output.appendingPathComponent("orders.swift"), encoding: .utf8)
            XCTAssertTrue(text.contains("import CharterRuntime\nimport RetailMoney\n"), "\(row.name): \(text)")
        }
        // Such a file has no major to name.
        try write("Sources/Models/charter.json", #"{"externalContracts": {"money-types@1": "RetailMoney"}}"#)
        XCTAssertThrowsError(try plan()) { error in
            XCTAssertEqual(
                String(describing: error),
                package.appendingPathComponent("Sources/Models/charter.json").path
                    + ": target 'Models': externalContracts: \"money-types@1\" is no contract of the target or of a file it reaches through $ref (money-types, orders v2)")
        }
    }

    /// Rows: files orders reaches and an entry → the plan's error when the entry matches contracts of more than one
    /// identity (an x-contract contract and a file without one, or two files without one; several majors of one contract
    /// are one), or none; `charter generate` on the same files, as the command plugin runs it, agrees (exit 2 or success).
    func testAnEntryMatchingMoreThanOneContractIsAnError() throws {
        let money = #"{"x-contract": {"name": "money", "version": "1.0.0"}, "$defs": {"T": {"type": "string"}}}"#
        let moneyV2 = money.replacingOccurrences(of: "1.0.0", with: "2.0.0")
        let plain = #"{"$defs": {"T": {"type": "string"}}}"#
        let titled = #"{"title": "Money", "$defs": {"T": {"type": "string"}}}"#
        let rows: [(files: [String: String], key: String, matched: [String]?)] = [
            (["money-v1.json": money, "money.json": plain], "money", ["money-v1.json", "money.json"]),
            (["money-v1.json": money, "money.json": plain], "money@1", nil),
            (["a.json": titled, "b.json": titled], "Money", ["a.json", "b.json"]),
            (["money-v1.json": money, "money-v2.json": moneyV2], "money", nil),
            (["money-v1.json": money, "money.schema.json": plain], "money", ["money-v1.json", "money.schema.json"]),
        ]
        for row in rows {
            try? FileManager.default.removeItem(at: package)
            for (name, text) in row.files { try write("Shared/" + name, text) }
            let refs = row.files.keys.sorted().map { "../../Shared/\($0)#/$defs/T" }
            try write("Sources/Models/orders.json", Self.contract("orders", "2.0.0", refs: refs))
            try write("Sources/Models/charter.json", #"{"externalContracts": {"\#(row.key)": "RetailMoney"}}"#)
            let label = "\(row.files.keys.sorted()) \(row.key)"
            do {
                _ = try plan()
                XCTAssertNil(row.matched, label)
            } catch {
                let paths = (row.matched ?? []).map { package.appendingPathComponent("Shared/" + $0).path }
                XCTAssertEqual(
                    String(describing: error),
                    package.appendingPathComponent("Sources/Models/charter.json").path
                        + ": target 'Models': externalContracts: \"\(row.key)\" matches more than one contract: \(paths.joined(separator: ", ")) (name an x-contract contract with its major, \"\(row.key.split(separator: "@")[0])@MAJOR\", which a file without x-contract does not match; give a file without x-contract a title no other contract has)",
                    label)
            }
            let code = CommandLineTool(console: Console(out: { _ in }, err: { _ in }), workingDirectory: package.path).run(
                ["generate", "Sources/Models/orders.json", "--output", "out", "--quiet", "--external-contract", "\(row.key)=RetailMoney"])
            XCTAssertEqual(code, row.matched == nil ? .success : .usageOrToolError, "\(label): charter generate")
        }
    }

    /// Rows: `externalContracts` for orders, which reaches money through hub, a contract of aliases only → the files the
    /// plan generates, and what orders' command, run as planned, writes to standard error (`charter generate` takes hub
    /// though the run declares none of its types, and warns while money is generated here).
    func testAContractOfAliasesOnlyIsPlannedOutAndAccepted() throws {
        let rows: [(configuration: String, units: [String], err: [String])] = [
            (#"{"externalContracts": {"hub": "RetailHub", "money": "RetailHub"}}"#, ["orders.swift"], []),
            (#"{"externalContracts": {"hub": "RetailHub"}}"#, ["money.swift", "orders.swift"], [
                "Shared/money.json:1:75: warning: Shared/money.json is generated here, but external contract hub refers to it, so RetailHub declares it too: two types of each of its names [/x-contract]"
                    + "\n    hint: make it external as well: --external-contract money@1=RetailHub (\"externalContracts\" in charter.json)",
            ]),
        ]
        for row in rows {
            try? FileManager.default.removeItem(at: package)
            try write("Shared/money.json", Self.contract("money", "1.0.0"))
            try write("Shared/hub.json", #"{"x-contract": {"name": "hub", "version": "1.0.0"}, "$defs": {"T": {"$ref": "money.json#/$defs/T"}}}"#)
            try write("Sources/Models/orders.json", Self.contract("orders", "2.0.0", refs: ["../../Shared/hub.json#/$defs/T"]))
            try write("Sources/Models/charter.json", row.configuration)
            let plan = try plan()
            XCTAssertEqual(plan.units.map(\.outputName), row.units, row.configuration)
            let unit = try XCTUnwrap(plan.units.first { $0.outputName == "orders.swift" })
            let err = Recorder()
            let code = CommandLineTool(console: Console(out: { _ in }, err: { err.append($0) }), workingDirectory: package.path).run(
                ["generate", unit.source.path, "--output", package.appendingPathComponent("out").path, "--file-name", unit.outputName, "--quiet"]
                    + plan.commonArguments + plan.externalArguments(of: [unit.source]) + plan.partArguments(of: unit) + plan.planArguments)
            XCTAssertEqual(code, .success, "\(row.configuration): \(err.lines)")
            XCTAssertEqual(err.lines.map { $0.replacingOccurrences(of: package.path + "/", with: "") }, row.err, row.configuration)
        }
    }

    /// The plugin reads entries by CharterCore's rules (which it cannot import): rows of key and module.
    func testExternalContractEntriesAgreeWithTheGenerator() {
        let rows: [(key: String, module: String, valid: Bool)] = [
            ("common", "RetailCommon", true), ("common@1", "RetailCommon", true), ("order-events@12", "_Events2", true),
            ("", "RetailCommon", false), ("@1", "RetailCommon", false), ("common@", "RetailCommon", false), ("common@v1", "RetailCommon", false),
            ("common@-1", "RetailCommon", false), ("common@+1", "RetailCommon", false), ("common@١", "RetailCommon", false),
            ("common", "", false), ("common", "Retail.Common", false), ("common", "1Common", false), ("common", "Rétail", false),
        ]
        for row in rows {
            let plugin = ExternalContractEntry(key: row.key, module: row.module)
            let core = try? ExternalContract.make(contract: row.key, module: row.module)
            XCTAssertEqual(plugin != nil, row.valid, "\(row.key)=\(row.module): plugin")
            XCTAssertEqual(core != nil, row.valid, "\(row.key)=\(row.module): charter generate")
            XCTAssertEqual(plugin?.argument, core?.argument, "\(row.key)=\(row.module)")
        }
    }

    /// Rows: a charter.json whose `externalContracts` charter generate would refuse → what the build plugin's check
    /// command prints, with positions and the key as written.
    func testExternalContractMistakesAreReportedWithPositions() throws {
        let rows: [(label: String, text: String, err: [String])] = [
            ("not an object", #"{"externalContracts": ["common"]}"#, [
                #"charter.json:1:23: error: "externalContracts" must be an object of contract name to Swift module [/externalContracts]"#,
                "1 error found",
            ]),
            ("a module that is not a string", #"{"externalContracts": {"common": 1}}"#, [
                #"charter.json:1:34: error: "externalContracts" must be an object of contract name to Swift module: a module is a string [/externalContracts/common]"#,
                "1 error found",
            ]),
            ("a module name Swift does not take", #"{"externalContracts": {"common": "Retail.Common"}}"#, [
                #"charter.json:1:34: error: "externalContracts" entry "common": 'Retail.Common' is not a Swift module name (letters, digits and _, not starting with a digit) [/externalContracts/common]"#,
                #"    hint: an entry is "NAME": "MODULE" or "NAME@MAJOR": "MODULE", e.g. "common": "RetailCommon""#,
                "1 error found",
            ]),
            ("a major that is not a number", #"{"externalContracts": {"common@v1": "RetailCommon"}}"#, [
                #"charter.json:1:37: error: "externalContracts" entry "common@v1": the major version must be a whole number, not 'v1' [/externalContracts/common@v1]"#,
                #"    hint: an entry is "NAME": "MODULE" or "NAME@MAJOR": "MODULE", e.g. "common": "RetailCommon""#,
                "1 error found",
            ]),
            ("one contract twice", #"{"externalContracts": {"common": "A", "common@1": "B"}}"#, [
                #"charter.json:1:51: error: "externalContracts" names contract common v1 twice: "common@1" and "common" [/externalContracts/common@1]"#,
                "1 error found",
            ]),
        ]
        try assertConfigurationRows(rows)
    }

    /// The digest of the generation settings covers `externalContracts`: rows of the planned and the current file →
    /// whether the plan still holds (the plugin's digest and CharterCore's agree on each).
    func testConfigurationDigestCoversExternalContracts() {
        let rows: [(planned: String, now: String, same: Bool)] = [
            (#"{}"#, #"{"externalContracts": {"common": "RetailCommon"}}"#, false),
            (#"{"externalContracts": {"common": "RetailCommon"}}"#, #"{"externalContracts": {"common": "SharedModels"}}"#, false),
            (#"{"externalContracts": {"common": "RetailCommon"}}"#, #"{"externalContracts": {"common@1": "RetailCommon"}}"#, false),
            (#"{"externalContracts": {"common": "A", "money": "B"}}"#, #"{"externalContracts": {"money": "B", "common": "A"}}"#, true),
            (#"{"externalContracts": {"common": "A"}}"#, #"{"externalContracts": {"common": "A"}, "lint": {"preset": "strict"}}"#, true),
        ]
        for row in rows {
            for text in [row.planned, row.now] {
                XCTAssertEqual(CharterTargetPlan.configurationDigest(Data(text.utf8)), PluginPlanCheck.configurationDigest(Array(text.utf8)), text)
            }
            let planned = CharterTargetPlan.configurationDigest(Data(row.planned.utf8))
            XCTAssertEqual(PluginPlanCheck.configurationDigest(Array(row.now.utf8)) == planned, row.same, "\(row.planned) → \(row.now)")
        }
    }
}
