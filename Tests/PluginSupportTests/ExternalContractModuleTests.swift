import Foundation
import XCTest

/// The module an `"externalContracts"` entry names must be one the target can import: a target it depends on (directly,
/// transitively or through a product), never its own. The plugins gather the names from SwiftPM; these rows give
/// them as they would come.
extension CharterTargetPlanTests {
    /// The package's targets by module, as the plugins pass them: `Retail-Common` builds module `Retail_Common`.
    private var targetsByModule: [String: String] {
        ["Models": "Models", "RetailCommon": "RetailCommon", "RetailOrders": "RetailOrders", "Retail_Common": "Retail-Common"]
    }

    /// Rows: a module, the target's own module and the modules it can import → the problem, if any (with the package's
    /// target that builds the module, nil when none does).
    func testWhetherATargetCanImportAnExternalModule() {
        let rows: [(module: String, own: String, importable: [String], problem: ExternalModuleProblem?)] = [
            ("RetailCommon", "RetailOrders", ["CharterRuntime", "RetailCommon"], nil),
            // Reached through RetailInventory, or through a product of another package: SwiftPM lists it with the rest.
            ("RetailCommon", "RetailOrders", ["CharterRuntime", "RetailCommon", "RetailInventory"], nil),
            ("RetailCommon", "RetailOrders", ["CharterRuntime"], .notADependency(target: "RetailCommon")),
            ("RetailCommon", "RetailOrders", [], .notADependency(target: "RetailCommon")),
            ("RetailCommon", "RetailOrders", ["retailcommon"], .notADependency(target: "RetailCommon")),
            // A target named Retail-Common builds module Retail_Common, the name an import takes; the advice names the target.
            ("Retail_Common", "RetailOrders", ["Retail_Common"], nil),
            ("Retail_Common", "RetailOrders", ["CharterRuntime"], .notADependency(target: "Retail-Common")),
            // No target of the package builds it: another package's product does (or nothing does).
            ("SharedModels", "RetailOrders", ["CharterRuntime"], .notADependency(target: nil)),
            ("SharedModels", "RetailOrders", ["SharedModels"], nil),
            ("RetailCommon", "RetailCommon", ["CharterRuntime"], .ownModule),
            ("RetailCommon", "RetailCommon", ["RetailCommon"], .ownModule),
        ]
        for row in rows {
            XCTAssertEqual(
                CharterTargetPlan.externalModuleProblem(
                    module: row.module, targetModule: row.own, importableModules: row.importable, targetsByModule: targetsByModule),
                row.problem, "\(row.module) from \(row.own) importing \(row.importable)")
        }
    }

    /// Rows: `externalContracts`, the target's module and what it can import → the plan's error, one line per module
    /// it cannot import (nil: the plan goes on).
    func testAnExternalModuleTheTargetDoesNotDependOnStopsThePlan() throws {
        try writeEstate()
        let file = package.appendingPathComponent("Sources/Models/charter.json").path
        let missing = { (keys: String, module: String) in
            "\(file): target 'Models': externalContracts: \(keys) generated in module \(module), which the target does not depend on "
                + "(directly, through another target or through a product): "
        }
        let cleanBuild = { (module: String) in "; without it a clean build fails with \"no such module '\(module)'\"" }
        let addTarget = { (keys: String, module: String, target: String) in
            missing(keys, module) + "add .target(name: \"\(target)\") to the dependencies of target 'Models' in Package.swift" + cleanBuild(module)
        }
        let addProduct = { (keys: String, module: String) in
            missing(keys, module) + "no target of this package builds \(module), so add the .product(name:package:) that holds it "
                + "to the dependencies of target 'Models' in Package.swift" + cleanBuild(module)
        }
        let rows: [(configuration: String, own: String, importable: [String], error: String?)] = [
            (#"{}"#, "Models", [], nil),
            (#"{"externalContracts": {"common": "RetailCommon"}}"#, "Models", ["CharterRuntime", "RetailCommon"], nil),
            (#"{"externalContracts": {"common": "RetailCommon"}}"#, "Models", ["CharterRuntime"],
             addTarget("\"common\" is", "RetailCommon", "RetailCommon")),
            // The target's name, not the module's, goes in .target(name:).
            (#"{"externalContracts": {"common": "Retail_Common"}}"#, "Models", ["CharterRuntime"],
             addTarget("\"common\" is", "Retail_Common", "Retail-Common")),
            (#"{"externalContracts": {"common": "Retail_Common"}}"#, "Models", ["Retail_Common"], nil),
            (#"{"externalContracts": {"common": "SharedModels"}}"#, "Models", ["CharterRuntime"], addProduct("\"common\" is", "SharedModels")),
            (#"{"externalContracts": {"inventory@1": "RetailCommon", "common": "RetailCommon"}}"#, "Models", [],
             addTarget("\"common\", \"inventory@1\" are", "RetailCommon", "RetailCommon")),
            (#"{"externalContracts": {"inventory": "Legacy", "common": "RetailCommon"}}"#, "Models", ["RetailCommon"],
             addProduct("\"inventory\" is", "Legacy")),
            (#"{"externalContracts": {"inventory": "Legacy", "common": "RetailCommon"}}"#, "Models", ["CharterRuntime"],
             addProduct("\"inventory\" is", "Legacy") + "\n" + addTarget("\"common\" is", "RetailCommon", "RetailCommon")),
            (#"{"externalContracts": {"common": "Models"}}"#, "Models", ["Models"],
             "\(file): target 'Models': externalContracts: \"common\" is generated in module Models, which is this target's own module: "
                + "a target cannot import itself; remove the entry to generate the contract here"),
        ]
        for row in rows {
            try write("Sources/Models/charter.json", row.configuration)
            let plan = try plan()
            do {
                try plan.checkExternalModules(targetModule: row.own, importableModules: row.importable, targetsByModule: targetsByModule)
                XCTAssertNil(row.error, row.configuration)
            } catch {
                XCTAssertEqual(String(describing: error), row.error, row.configuration)
            }
        }
    }
}
