import Foundation
import XCTest
@testable import CharterCore

/// `charter generate --external-contract NAME[@MAJOR]=MODULE`: how the option is read, which contracts it takes out of
/// the run's output, and the errors for a name that matches nothing or a Swift name the external module does not declare.
final class ExternalContractOptionTests: XCTestCase {
    static func contract(_ name: String, _ version: String, defs: String) -> String {
        #"{"x-contract": {"name": "\#(name)", "version": "\#(version)"}, "$defs": {\#(defs)}}"#
    }

    static let money = #""Money": {"type": "object", "required": ["amount"], "properties": {"amount": {"type": "string", "format": "decimal"}}}"#
    static let commonV1 = contract("common", "1.0.0", defs: money)
    static let commonV2 = contract("common", "2.0.0", defs: money)
    static let shop = contract("shop", "1.0.0", defs: #""Price": {"type": "object", "properties": {"total": {"$ref": "common-v1.json#/$defs/Money"}}}"#)
    /// `common-v1.json` without an `x-contract` identity: named by its title, or without one by its file stem.
    static let titledCommon = #"{"title": "Common", "$defs": {\#(money)}}"#
    static let untitledCommon = #"{"$defs": {\#(money)}}"#

    /// The hint of an entry that matches more than one contract.
    static func ambiguousHint(_ name: String, _ module: String) -> String {
        "an x-contract contract is named with its major too (\(name)@MAJOR=\(module)), which a file without x-contract does not match; give a file without x-contract a title no other contract of the run has, and name it by that"
    }

    func testParsing() {
        let rows: [(text: String, parsed: ExternalContract?, error: String?)] = [
            ("common=RetailCommon", ExternalContract(name: "common", module: "RetailCommon"), nil),
            ("common@1=RetailCommon", ExternalContract(name: "common", major: 1, module: "RetailCommon"), nil),
            ("order-events@12=_Events2", ExternalContract(name: "order-events", major: 12, module: "_Events2"), nil),
            ("common", nil, "--external-contract takes NAME=MODULE or NAME@MAJOR=MODULE (common=RetailCommon), not 'common'"),
            ("=RetailCommon", nil, "--external-contract takes NAME=MODULE or NAME@MAJOR=MODULE (common=RetailCommon): '=RetailCommon': the contract name is missing"),
            ("@1=RetailCommon", nil, "--external-contract takes NAME=MODULE or NAME@MAJOR=MODULE (common=RetailCommon): '@1=RetailCommon': the contract name is missing"),
            ("common@v1=RetailCommon", nil, "--external-contract takes NAME=MODULE or NAME@MAJOR=MODULE (common=RetailCommon): 'common@v1=RetailCommon': the major version must be a whole number, not 'v1'"),
            ("common@-1=RetailCommon", nil, "--external-contract takes NAME=MODULE or NAME@MAJOR=MODULE (common=RetailCommon): 'common@-1=RetailCommon': the major version must be a whole number, not '-1'"),
            ("common@=RetailCommon", nil, "--external-contract takes NAME=MODULE or NAME@MAJOR=MODULE (common=RetailCommon): 'common@=RetailCommon': the major version must be a whole number, not ''"),
            ("common=", nil, "--external-contract takes NAME=MODULE or NAME@MAJOR=MODULE (common=RetailCommon): 'common=': '' is not a Swift module name (letters, digits and _, not starting with a digit)"),
            ("common=Retail.Common", nil, "--external-contract takes NAME=MODULE or NAME@MAJOR=MODULE (common=RetailCommon): 'common=Retail.Common': 'Retail.Common' is not a Swift module name (letters, digits and _, not starting with a digit)"),
            ("common=1Common", nil, "--external-contract takes NAME=MODULE or NAME@MAJOR=MODULE (common=RetailCommon): 'common=1Common': '1Common' is not a Swift module name (letters, digits and _, not starting with a digit)"),
            ("common=Rétail", nil, "--external-contract takes NAME=MODULE or NAME@MAJOR=MODULE (common=RetailCommon): 'common=Rétail': 'Rétail' is not a Swift module name (letters, digits and _, not starting with a digit)"),
        ]
        for row in rows {
            do {
                let parsed = try ExternalContract.parse(row.text)
                XCTAssertEqual(parsed, row.parsed, row.text)
                XCTAssertNil(row.error, row.text)
                XCTAssertEqual(parsed.argument, row.text, "written back as given")
            } catch {
                XCTAssertNil(row.parsed, row.text)
                XCTAssertEqual(error.message, row.error, row.text)
            }
        }
    }

    /// Each row runs `charter generate` on the contracts in a fresh folder: the exit code, the files written and the
    /// first line of standard error.
    func testGenerateRows() throws {
        let rows: [(label: String, files: [String: String], arguments: [String], code: ExitCode, written: [String], error: String?)] = [
            ("without the option, common is generated", ["common-v1.json": Self.commonV1, "shop-v1.json": Self.shop],
             ["shop-v1.json"], .success, ["CommonV1.swift", "ShopV1.swift"], nil),
            ("common reached through $ref is imported", ["common-v1.json": Self.commonV1, "shop-v1.json": Self.shop],
             ["shop-v1.json", "--external-contract", "common=RetailCommon"], .success, ["ShopV1.swift"], nil),
            ("an input that is external is not written either", ["common-v1.json": Self.commonV1, "shop-v1.json": Self.shop],
             [".", "--external-contract", "common@1=RetailCommon"], .success, ["ShopV1.swift"], nil),
            ("every major of an external contract, and no adapters", ["common-v1.json": Self.commonV1, "common-v2.json": Self.commonV2, "shop-v1.json": Self.shop],
             [".", "--external-contract", "common=RetailCommon"], .success, ["ShopV1.swift"], nil),
            ("one major external: the other is generated, without adapters", ["common-v1.json": Self.commonV1, "common-v2.json": Self.commonV2, "shop-v1.json": Self.shop],
             [".", "--external-contract", "common@1=RetailCommon"], .success, ["CommonV2.swift", "ShopV1.swift"], nil),
            ("both majors generated: adapters too", ["common-v1.json": Self.commonV1, "common-v2.json": Self.commonV2],
             ["."], .success, ["CommonAdapters.swift", "CommonV1.swift", "CommonV2.swift"], nil),
            ("a name no contract has", ["common-v1.json": Self.commonV1, "shop-v1.json": Self.shop],
             ["shop-v1.json", "--external-contract", "comon=RetailCommon"], .usageOrToolError, [],
             "error: --external-contract comon=RetailCommon matches no contract of this run (its contracts: shop v1 and common v1)\n    hint: did you mean \"common\"?"),
            ("a major the run does not have", ["common-v1.json": Self.commonV1, "shop-v1.json": Self.shop],
             ["shop-v1.json", "--external-contract", "common@2=RetailCommon"], .usageOrToolError, [],
             "error: --external-contract common@2=RetailCommon matches no contract of this run (its contracts: shop v1 and common v1)\n    hint: the name is the x-contract \"name\" (and @MAJOR its major version) of a contract the inputs are or reach through $ref; for a file without x-contract, its title, else its file name without .schema.json or .json"),
            ("a file without x-contract, by its title", ["common-v1.json": Self.titledCommon, "shop-v1.json": Self.shop],
             ["shop-v1.json", "--external-contract", "Common=RetailCommon"], .success, ["ShopV1.swift"], nil),
            ("a file without x-contract or title, by its file stem", ["common-v1.json": Self.untitledCommon, "shop-v1.json": Self.shop],
             ["shop-v1.json", "--external-contract", "common-v1=RetailCommon"], .success, ["ShopV1.swift"], nil),
            ("a file without x-contract has no major", ["common-v1.json": Self.titledCommon, "shop-v1.json": Self.shop],
             ["shop-v1.json", "--external-contract", "Common@1=RetailCommon"], .usageOrToolError, [],
             "error: --external-contract Common@1=RetailCommon matches no contract of this run (its contracts: shop v1 and Common)\n    hint: the name is the x-contract \"name\" (and @MAJOR its major version) of a contract the inputs are or reach through $ref; for a file without x-contract, its title, else its file name without .schema.json or .json"),
            ("a titled file is not named by its file stem", ["common-v1.json": Self.titledCommon, "shop-v1.json": Self.shop],
             ["shop-v1.json", "--external-contract", "common-v1=RetailCommon"], .usageOrToolError, [],
             "error: --external-contract common-v1=RetailCommon matches no contract of this run (its contracts: shop v1 and Common)\n    hint: the name is the x-contract \"name\" (and @MAJOR its major version) of a contract the inputs are or reach through $ref; for a file without x-contract, its title, else its file name without .schema.json or .json"),
            ("one name for an x-contract contract and a file without one", ["money-v1.json": Self.contract("money", "1.0.0", defs: Self.money), "money.json": Self.untitledCommon],
             [".", "--external-contract", "money=RetailCommon"], .usageOrToolError, [],
             "error: --external-contract money=RetailCommon matches more than one contract of this run: money-v1.json (x-contract money v1) and money.json (no x-contract)\n    hint: " + Self.ambiguousHint("money", "RetailCommon")),
            ("with its major, the x-contract contract alone", ["money-v1.json": Self.contract("money", "1.0.0", defs: #""Amount": {"type": "string"}"#), "money.json": Self.untitledCommon],
             [".", "--external-contract", "money@1=RetailCommon"], .success, ["Money.swift"], nil),
            ("two files without x-contract of one title", ["a.json": Self.titledCommon, "b.json": Self.titledCommon],
             [".", "--external-contract", "Common=RetailCommon"], .usageOrToolError, [],
             "error: --external-contract Common=RetailCommon matches more than one contract of this run: a.json (no x-contract) and b.json (no x-contract)\n    hint: " + Self.ambiguousHint("Common", "RetailCommon")),
            ("the same contract twice", ["common-v1.json": Self.commonV1, "shop-v1.json": Self.shop],
             ["shop-v1.json", "--external-contract", "common=A", "--external-contract", "common@1=B"], .usageOrToolError, [],
             "error: --external-contract common@1=B and common=A both name contract common v1"),
            ("a malformed value", ["common-v1.json": Self.commonV1, "shop-v1.json": Self.shop],
             ["shop-v1.json", "--external-contract", "common:RetailCommon"], .usageOrToolError, [],
             "error: --external-contract takes NAME=MODULE or NAME@MAJOR=MODULE (common=RetailCommon), not 'common:RetailCommon'"),
        ]
        for row in rows {
            let folder = try TemporaryFolder()
            for (name, text) in row.files { try folder.write(name, text) }
            let result = folder.run(["generate", "--output", "out", "--quiet"] + row.arguments)
            XCTAssertEqual(result.code, row.code, "\(row.label): \(result.err)")
            XCTAssertEqual(folder.contents(of: "out").filter { $0.hasSuffix(".swift") }, row.written, row.label)
            XCTAssertEqual(result.err.first, row.error, row.label)
            let imports = row.arguments.contains("--external-contract") && row.code == .success
            for name in row.written {
                let text = try XCTUnwrap(folder.read("out/" + name), row.label)
                XCTAssertEqual(text.contains("import CharterRuntime\nimport RetailCommon\n"), imports, "\(row.label): \(name)")
            }
        }
    }

    /// A type of the external contract that this run names otherwise than a run of its file alone (here `ShopV1` in
    /// `common`, which takes a `Model` suffix beside the namespace `ShopV1`) stops the run, pointing at the type: the
    /// code would refer to a name the external module does not declare.
    func testNameTheExternalModuleDoesNotDeclare() throws {
        let folder = try TemporaryFolder()
        try folder.write("common-v1.json", Self.contract("common", "1.0.0", defs: Self.money + #", "ShopV1": {"type": "string"}"#))
        try folder.write("shop-v1.json", Self.shop)
        let alone = folder.run(["generate", "common-v1.json", "--output", "alone", "--quiet"])
        XCTAssertEqual(alone.code, .success, "\(alone.err)")
        XCTAssertEqual(folder.read("alone/CommonV1.swift").map { $0.contains("public typealias ShopV1 = String") }, true)

        let result = folder.run(["generate", "shop-v1.json", "--output", "out", "--quiet", "--external-contract", "common=RetailCommon"])
        XCTAssertEqual(result.code, .inputProblems, "\(result.err)")
        XCTAssertEqual(result.err.first, "common-v1.json:1:196: error: CommonV1.ShopV1Model, a type of external contract common, is CommonV1.ShopV1 in RetailCommon [/$defs/ShopV1]"
            + "\n    hint: RetailCommon declares the names a generation of common-v1.json alone gives; rename the type in one of the contracts, or generate common here instead of importing it")
        XCTAssertEqual(folder.contents(of: "out"), [], "nothing written")
    }

    /// A contract the external one refers to is declared by the external module too: generated here as well, it is a
    /// second type of each name, which the run warns about; listed as external, it is imported like the other.
    func testAContractTheExternalOneReachesIsExternalOnlyWhenListed() throws {
        let rows: [(arguments: [String], written: [String], err: [String])] = [
            (["--external-contract", "common=RetailCommon"], ["MoneyV1.swift", "ShopV1.swift"], [
                "money-v1.json:1:16: warning: money-v1.json is generated here, but external contract common refers to it, so RetailCommon declares it too: two types of each of its names [/x-contract]"
                    + "\n    hint: make it external as well: --external-contract money@1=RetailCommon (\"externalContracts\" in charter.json)",
            ]),
            (["--external-contract", "common=RetailCommon", "--external-contract", "money=RetailCommon"], ["ShopV1.swift"], []),
        ]
        try assertGenerateRows(rows, files: [
            "money-v1.json": Self.contract("money", "1.0.0", defs: Self.money),
            "common-v1.json": Self.contract("common", "1.0.0", defs: Self.price),
            "shop-v1.json": Self.shop.replacingOccurrences(of: "common-v1.json#/$defs/Money", with: "common-v1.json#/$defs/Price"),
        ])
    }

    /// The same for a reached file without an `x-contract` identity: the warning names it as `--external-contract` takes
    /// it (its file stem here, having no title), and so listed it is imported.
    func testAReachedFileWithoutIdentityIsNamedByItsStem() throws {
        let rows: [(arguments: [String], written: [String], err: [String])] = [
            (["--external-contract", "common=RetailCommon"], ["MoneyV1.swift", "ShopV1.swift"], [
                "money-v1.json: warning: money-v1.json is generated here, but external contract common refers to it, so RetailCommon declares it too: two types of each of its names"
                    + "\n    hint: make it external as well: --external-contract money-v1=RetailCommon (\"externalContracts\" in charter.json)",
            ]),
            (["--external-contract", "common=RetailCommon", "--external-contract", "money-v1=RetailCommon"], ["ShopV1.swift"], []),
        ]
        try assertGenerateRows(rows, files: [
            "money-v1.json": #"{"$defs": {\#(Self.money)}}"#,
            "common-v1.json": Self.contract("common", "1.0.0", defs: Self.price),
            "shop-v1.json": Self.shop.replacingOccurrences(of: "common-v1.json#/$defs/Money", with: "common-v1.json#/$defs/Price"),
        ])
    }

    /// Rows: the title of a reached file without `x-contract` → the warning's hint: the entry quoted for a shell when it
    /// holds anything but letters, digits and `._@=-`; a title holding `@` or `=`, which the entry parser splits on,
    /// cannot be named, and the hint says how to name the file instead.
    func testTheReachedFileHintIsAnEntryAShellTakes() throws {
        let make = "\n    hint: make it external as well: --external-contract "
        let unnameable = { (title: String) in
            "\n    hint: its name \"\(title)\" cannot be listed as external (--external-contract and \"externalContracts\" split a name at @ and =): give it an x-contract identity or another title, and list that"
        }
        let rows: [(title: String, hint: String)] = [
            ("Money", make + "Money=RetailCommon (\"externalContracts\" in charter.json)"),
            ("money.v1_x-y", make + "money.v1_x-y=RetailCommon (\"externalContracts\" in charter.json)"),
            ("Money types", make + "'Money types=RetailCommon' (\"externalContracts\" in charter.json)"),
            ("Bob's money", make + #"'Bob'\''s money=RetailCommon' ("externalContracts" in charter.json)"#),
            ("Geld€", make + "'Geld€=RetailCommon' (\"externalContracts\" in charter.json)"),
            ("Money@Home", unnameable("Money@Home")),
            ("a=b", unnameable("a=b")),
        ]
        for row in rows {
            let folder = try TemporaryFolder()
            try folder.write("money-v1.json", #"{"title": "\#(row.title)", "$defs": {\#(Self.money)}}"#)
            try folder.write("common-v1.json", Self.contract("common", "1.0.0", defs: Self.price))
            try folder.write("shop-v1.json", Self.shop.replacingOccurrences(of: "common-v1.json#/$defs/Money", with: "common-v1.json#/$defs/Price"))
            let result = folder.run(["generate", "shop-v1.json", "--output", "out", "--quiet", "--external-contract", "common=RetailCommon"])
            XCTAssertEqual(result.code, .success, "\(row.title): \(result.err)")
            XCTAssertEqual(result.err, [
                "money-v1.json: warning: money-v1.json is generated here, but external contract common refers to it, so RetailCommon declares it too: two types of each of its names" + row.hint,
            ], row.title)
        }
    }

    /// Rows: a mapping → its argument as a shell reads it back.
    func testShellArgument() {
        let rows: [(contract: ExternalContract, shell: String)] = [
            (ExternalContract(name: "common", major: 1, module: "RetailCommon"), "common@1=RetailCommon"),
            (ExternalContract(name: "Money types", module: "M"), "'Money types=M'"),
            (ExternalContract(name: "it's", module: "M"), #"'it'\''s=M'"#),
            (ExternalContract(name: "a$b", module: "M"), "'a$b=M'"),
        ]
        for row in rows { XCTAssertEqual(row.contract.shellArgument, row.shell, row.contract.argument) }
    }

    /// A contract that declares no types of its own — its `$defs` are `$ref`s to another file's, a hub of aliases — gets no
    /// namespace in a run that reaches its types through it, since the run follows the aliases: naming it external is no
    /// error, and the file its aliases lead to is reached from it, so it is external only when listed (else the warning).
    func testAContractOfAliasesOnlyMayBeExternal() throws {
        let rows: [(arguments: [String], written: [String], err: [String])] = [
            (["--external-contract", "hub=RetailHub"], ["MoneyV1.swift", "ShopV1.swift"], [
                "money-v1.json:1:16: warning: money-v1.json is generated here, but external contract hub refers to it, so RetailHub declares it too: two types of each of its names [/x-contract]"
                    + "\n    hint: make it external as well: --external-contract money@1=RetailHub (\"externalContracts\" in charter.json)",
            ]),
            (["--external-contract", "hub=RetailHub", "--external-contract", "money=RetailHub"], ["ShopV1.swift"], []),
            (["--external-contract", "hub@2=RetailHub"], [], [
                "error: --external-contract hub@2=RetailHub matches no contract of this run (its contracts: shop v1, money v1 and hub v1)"
                    + "\n    hint: the name is the x-contract \"name\" (and @MAJOR its major version) of a contract the inputs are or reach through $ref; for a file without x-contract, its title, else its file name without .schema.json or .json",
                "1 error found",
            ]),
        ]
        try assertGenerateRows(rows, files: [
            "money-v1.json": Self.contract("money", "1.0.0", defs: Self.money),
            "hub-v1.json": Self.contract("hub", "1.0.0", defs: #""Money": {"$ref": "money-v1.json#/$defs/Money"}"#),
            "shop-v1.json": Self.shop.replacingOccurrences(of: "common-v1.json", with: "hub-v1.json"),
        ])
        // The shop's code refers to the type the aliases lead to, which RetailHub declares (it generates hub-v1.json and
        // what it reaches).
        let folder = try TemporaryFolder()
        try folder.write("money-v1.json", Self.contract("money", "1.0.0", defs: Self.money))
        try folder.write("hub-v1.json", Self.contract("hub", "1.0.0", defs: #""Money": {"$ref": "money-v1.json#/$defs/Money"}"#))
        try folder.write("shop-v1.json", Self.shop.replacingOccurrences(of: "common-v1.json", with: "hub-v1.json"))
        let result = folder.run(["generate", "shop-v1.json", "--output", "out", "--quiet", "--external-contract", "hub=RetailHub", "--external-contract", "money=RetailHub"])
        XCTAssertEqual(result.code, .success, "\(result.err)")
        let shop = try XCTUnwrap(folder.read("out/ShopV1.swift"))
        XCTAssertTrue(shop.contains("import CharterRuntime\nimport RetailHub\n") && shop.contains("public let total: MoneyV1.Money?"), shop)
        let alone = folder.run(["generate", "hub-v1.json", "--output", "hub", "--quiet"])
        XCTAssertEqual(alone.code, .success, "\(alone.err)")
        XCTAssertEqual(folder.contents(of: "hub").filter { $0.hasSuffix(".swift") }, ["HubV1.swift", "MoneyV1.swift"], "RetailHub declares MoneyV1")
    }

    /// A type renamed for a collision inside the external contract (`money` beside `Money`: `Money2`) is named so in both
    /// runs, since names are settled per namespace: the run succeeds and refers to the name the module declares.
    func testACollisionInsideTheExternalContractIsNamedAlikeInBothRuns() throws {
        let folder = try TemporaryFolder()
        let lower = Self.money.replacingOccurrences(of: #""Money":"#, with: #""money":"#)
        try folder.write("common-v1.json", Self.contract("common", "1.0.0", defs: Self.money + ", " + lower))
        try folder.write("shop-v1.json", Self.shop.replacingOccurrences(of: "#/$defs/Money", with: "#/$defs/money"))
        let alone = folder.run(["generate", "common-v1.json", "--output", "alone", "--quiet"])
        XCTAssertEqual(alone.code, .success, "\(alone.err)")
        let declared = try XCTUnwrap(folder.read("alone/CommonV1.swift"))
        XCTAssertTrue(declared.contains("public struct Money: ") && declared.contains("public struct Money2: "), declared)
        let result = folder.run(["generate", "shop-v1.json", "--output", "out", "--quiet", "--external-contract", "common=RetailCommon"])
        XCTAssertEqual(result.code, .success, "\(result.err)")
        let shop = try XCTUnwrap(folder.read("out/ShopV1.swift"))
        XCTAssertTrue(shop.contains("public let total: CommonV1.Money2?"), shop)
    }

    /// `common`'s type that holds a `money-v1.json` `Money`.
    static let price = #""Price": {"type": "object", "properties": {"money": {"$ref": "money-v1.json#/$defs/Money"}}}"#

    /// Runs `charter generate shop-v1.json` with each row's arguments in a folder of `files`: a row that writes nothing
    /// expects exit 2 (a usage error), any other success; then the Swift files written and the standard error, in full.
    private func assertGenerateRows(
        _ rows: [(arguments: [String], written: [String], err: [String])], files: [String: String],
        line: UInt = #line
    ) throws {
        for row in rows {
            let folder = try TemporaryFolder()
            for (name, text) in files.sorted(by: { $0.key < $1.key }) { try folder.write(name, text) }
            let result = folder.run(["generate", "shop-v1.json", "--output", "out", "--quiet"] + row.arguments)
            XCTAssertEqual(result.code, row.written.isEmpty ? .usageOrToolError : .success, "\(row.arguments): \(result.err)", line: line)
            XCTAssertEqual(folder.contents(of: "out").filter { $0.hasSuffix(".swift") }, row.written, "\(row.arguments)", line: line)
            XCTAssertEqual(result.err, row.err, "\(row.arguments)", line: line)
        }
    }
}
