import CharterCore
import CharterTestSupport
import Foundation
import XCTest

/// A contract generated in one module and used from others (`--external-contract common=RetailCommon`): the bundled
/// `common` contract is generated alone into module `RetailCommon` with public access; `orders` v2 (which reaches
/// `pricing` v1 too) into `RetailOrders` and `inventory` v2 into `RetailInventory`, both importing `RetailCommon` instead
/// of declaring their own `CommonV1`. A program importing all three modules uses `CommonV1` unqualified (one type, not
/// an ambiguous pair), round-trips every example of the two modules' types, and passes one `CommonV1.Money` value into
/// both modules' types.
final class ExternalContractTests: XCTestCase {
    /// One module of the package: its name, its contract and the external contracts it imports.
    struct ModuleCase {
        var module: String
        var contract: String
        var external: [ExternalContract]
    }

    static let common = ExternalContract(name: "common", module: "RetailCommon")

    static let modules: [ModuleCase] = [
        ModuleCase(module: "RetailCommon", contract: "Schemas/common/common-v1.json", external: []),
        ModuleCase(module: "RetailOrders", contract: "Schemas/orders/orders-v2.json", external: [common]),
        ModuleCase(module: "RetailInventory", contract: "Schemas/inventory/inventory-v2.json", external: [common]),
    ]

    func testModulesSharingTheCommonContractUseOneCommonV1() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("charter-external-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        var cases: [(label: String, typeName: String, example: JSONNode)] = []
        var built: [String] = []
        for item in Self.modules {
            var options = GenerationOptions()
            options.swift.accessLevel = .public
            options.swift.externalContracts = item.external
            let result = try GenerationPipeline(options: options).run(files: [Repository.path(item.contract)], workingDirectory: Repository.root.path)
            let names = result.files.map(\.name)
            // The external contract's namespace is translated but not rendered, and every file imports its module.
            XCTAssertEqual(names.contains("CommonV1.swift"), item.external.isEmpty, "\(item.module): \(names)")
            for file in result.files {
                XCTAssertEqual(
                    file.contents.contains("\nimport CharterRuntime\nimport RetailCommon\n"), !item.external.isEmpty, "\(item.module): \(file.name)")
            }
            let folder = directory.appendingPathComponent(item.module)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var paths: [String] = []
            for file in result.files {
                let url = folder.appendingPathComponent(file.name)
                try file.contents.write(to: url, atomically: true, encoding: .utf8)
                paths.append(url.path)
            }
            let build = try SwiftCompiler.buildLibrary(paths, moduleName: item.module, in: directory, libraries: built)
            XCTAssertEqual(build.status, 0, "\(item.module) does not compile:\n\(build.stderr.split(separator: "\n").prefix(40).joined(separator: "\n"))")
            guard build.status == 0 else { return }
            built.append(item.module)
            // Every example of the types this module declares (the external contract's are its own module's to test).
            let qualified = SwiftGenerator(templates: try TemplateSet.load()).qualifiedTypeNames(result.module)
            for type in result.module.types where item.external.module(of: result.module.namespaces[type.namespace]) == nil {
                for (index, example) in type.examples.enumerated() {
                    cases.append(("\(item.module): \(type.documentation.reference)[\(index)]", qualified[type.id.rawValue], example))
                }
            }
        }
        XCTAssertGreaterThan(cases.filter { $0.label.hasPrefix("RetailOrders") }.count, 20)
        XCTAssertGreaterThan(cases.filter { $0.label.hasPrefix("RetailInventory") }.count, 10)

        var main = [
            "import Foundation",
            "import CharterRuntime",
            "import RetailCommon",
            "import RetailOrders",
            "import RetailInventory",
            "",
            "let encoder = JSONEncoder()",
            "encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]",
            // Aliases (`CommonV1.CurrencyCode`) are not `Validatable`: they take the overload that reports no issues.
            "func check<T: Codable>(_ type: T.Type, _ json: String) {",
            "    do {",
            "        let value = try JSONDecoder().decode(T.self, from: Data(json.utf8))",
            "        print(\"OK\\t0\\t\" + String(decoding: try encoder.encode(value), as: UTF8.self))",
            "    } catch {",
            "        print(\"FAIL\\t\\(String(describing: error).replacingOccurrences(of: \"\\n\", with: \" \"))\")",
            "    }",
            "}",
            "func check<T: Codable & Validatable>(_ type: T.Type, _ json: String) {",
            "    do {",
            "        let value = try JSONDecoder().decode(T.self, from: Data(json.utf8))",
            "        print(\"OK\\t\\(value.validationIssues.count)\\t\" + String(decoding: try encoder.encode(value), as: UTF8.self))",
            "    } catch {",
            "        print(\"FAIL\\t\\(String(describing: error).replacingOccurrences(of: \"\\n\", with: \" \"))\")",
            "    }",
            "}",
        ]
        for item in cases {
            main.append("check(\(item.typeName).self, \(SwiftLiteral.string(JSONWriter.write(item.example))))")
        }
        // One value of RetailCommon's type goes into a type of each other module and comes back as that same type.
        main += [
            "let money: RetailCommon.CommonV1.Money = CommonV1.Money(amount: Decimal(string: \"79.00\")!, currency: \"GBP\")",
            "let payment = OrdersV2.CardPayment(amount: money, cardScheme: .mastercard, last4: \"5100\", pspReference: \"PSP-1\")",
            "let fromOrders: RetailCommon.CommonV1.Money = payment.amount",
            "let sku: RetailCommon.CommonV1.Sku = \"JKT-WPF-BLK-10\"",
            "let store = RetailCommon.CommonV1.LocationRef(locationId: \"STR-0388\", locationType: .store)",
            "let line = OrdersV2.OrderLine(lineId: \"1\", sku: sku, description: \"Jacket\", quantity: 1, unitPrice: money, lineTotal: fromOrders, fulfilmentType: .shipFromStore, collectionLocation: store)",
            // RetailOrders' value of the common type goes straight into RetailInventory's type.
            "func each(_ value: Decimal) -> CommonV1.Quantity { CommonV1.Quantity(value: value, unitOfMeasure: .each) }",
            "let availability = InventoryV2.LocationAvailability(sku: line.sku, location: line.collectionLocation!, onHand: each(5), reserved: each(1), inTransit: each(0), safetyStock: each(0), sellable: each(4), availableToPromise: each(4), status: .inStock, asOf: Date(timeIntervalSince1970: 0))",
            "let location: RetailCommon.CommonV1.LocationRef = availability.location",
            "print(\"SAME\\t\\(fromOrders == money)\\t\\(line.unitPrice == payment.amount)\\t\\(location == store)\\t\\(availability.validationIssues.count)\")",
        ]
        let mainFile = directory.appendingPathComponent("main.swift")
        try (main.joined(separator: "\n") + "\n").write(to: mainFile, atomically: true, encoding: .utf8)
        let executable = directory.appendingPathComponent("program")
        let build = try SwiftCompiler.buildExecutable(
            [mainFile.path], output: executable, libraryDirectory: directory, libraries: built.reversed())
        XCTAssertEqual(build.status, 0, "the program does not compile:\n\(build.stderr.split(separator: "\n").prefix(40).joined(separator: "\n"))")
        guard build.status == 0 else { return }
        let run = try ProcessRunner.run(executable.path, [], timeout: 120)
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, cases.count + 1, run.stdout)
        for (item, line) in zip(cases, lines) {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, fields[0] == "OK" else {
                XCTFail("\(item.label) does not decode: \(line)")
                continue
            }
            XCTAssertEqual(fields[1], "0", "\(item.label): the example decodes but has validation issues")
            let actual = try JSONReader.parse(fields[2])
            XCTAssertNil(JSONSemantics.difference(item.example, actual), "\(item.label): re-encoded \(fields[2])")
        }
        XCTAssertEqual(lines.last, "SAME\ttrue\ttrue\ttrue\t0")
    }
}
