import Foundation
import XCTest

/// The module an `"externalContracts"` entry names must be one the target can import: a target it depends on (directly,
/// transitively or through a product), never its own. The build plugin gathers the names from SwiftPM; these rows give
/// them as they would come.
extension CharterTargetPlanTests {
    /// Rows: a module, the target's own module and the modules it can import → the problem, if any.
    func testWhetherATargetCanImportAnExternalModule() {
        let rows: [(module: String, own: String, importable: [String], problem: ExternalModuleProblem?)] = [
            ("RetailCommon", "RetailOrders", ["CharterRuntime", "RetailCommon"], nil),
            // Reached through RetailInventory, or through a product of another package: SwiftPM lists it with the rest.
            ("RetailCommon", "RetailOrders", ["CharterRuntime", "RetailCommon", "RetailInventory"], nil),
            ("RetailCommon", "RetailOrders", ["CharterRuntime"], .notADependency),
            ("RetailCommon", "RetailOrders", [], .notADependency),
            ("RetailCommon", "RetailOrders", ["retailcommon"], .notADependency),
            // A target named Retail-Common builds module Retail_Common, the name an import takes.
            ("Retail_Common", "RetailOrders", ["Retail_Common"], nil),
            ("RetailCommon", "RetailCommon", ["CharterRuntime"], .ownModule),
            ("RetailCommon", "RetailCommon", ["RetailCommon"], .ownModule),
        ]
        for row in rows {
            XCTAssertEqual(
                CharterTargetPlan.externalModuleProblem(module: row.module, targetModule: row.own, importableModules: row.importable),
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
                + "(directly, through another target or through a product): add .target(name: \"\(module)\") to the dependencies of target "
                + "'Models' in Package.swift (or the .product(name:package:) that holds \(module), when another package declares it); "
                + "without it a clean build fails with \"no such module '\(module)'\""
        }
        let rows: [(configuration: String, own: String, importable: [String], error: String?)] = [
            (#"{}"#, "Models", [], nil),
            (#"{"externalContracts": {"common": "RetailCommon"}}"#, "Models", ["CharterRuntime", "RetailCommon"], nil),
            (#"{"externalContracts": {"common": "RetailCommon"}}"#, "Models", ["CharterRuntime"], missing("\"common\" is", "RetailCommon")),
            (#"{"externalContracts": {"inventory@1": "RetailCommon", "common": "RetailCommon"}}"#, "Models", [],
             missing("\"common\", \"inventory@1\" are", "RetailCommon")),
            (#"{"externalContracts": {"inventory": "Legacy", "common": "RetailCommon"}}"#, "Models", ["RetailCommon"],
             missing("\"inventory\" is", "Legacy")),
            (#"{"externalContracts": {"inventory": "Legacy", "common": "RetailCommon"}}"#, "Models", ["CharterRuntime"],
             missing("\"inventory\" is", "Legacy") + "\n" + missing("\"common\" is", "RetailCommon")),
            (#"{"externalContracts": {"common": "Models"}}"#, "Models", ["Models"],
             "\(file): target 'Models': externalContracts: \"common\" is generated in module Models, which is this target's own module: "
                + "a target cannot import itself; remove the entry to generate the contract here"),
        ]
        for row in rows {
            try write("Sources/Models/charter.json", row.configuration)
            let plan = try plan()
            do {
                try plan.checkExternalModules(targetModule: row.own, importableModules: row.importable)
                XCTAssertNil(row.error, row.configuration)
            } catch {
                XCTAssertEqual(String(describing: error), row.error, row.configuration)
            }
        }
    }
}
