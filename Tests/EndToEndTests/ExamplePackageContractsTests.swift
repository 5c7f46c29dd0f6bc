import Foundation
import XCTest

/// The example consumer packages carry copies of some bundled contracts (a package holds its own contracts); they
/// must not drift from `Schemas/`.
final class ExamplePackageContractsTests: XCTestCase {
    func testExampleContractsAreCopiesOfTheBundledOnes() throws {
        let rows: [(folder: String, copies: [String])] = [
            ("Examples/RetailIntegration/Sources/RetailModels/Contracts",
             ["common/common-v1.json", "inventory/inventory-v1.json", "inventory/inventory-v2.json", "orders/orders-v2.json", "pricing/pricing-v1.json"]),
            ("Examples/SharedContracts/Contracts",
             ["common/common-v1.json", "inventory/inventory-v2.json", "orders/orders-v2.json", "pricing/pricing-v1.json"]),
        ]
        for row in rows {
            let copies = try FileManager.default.subpathsOfDirectory(atPath: Repository.path(row.folder)).filter { $0.hasSuffix(".json") }.sorted()
            XCTAssertEqual(copies, row.copies, row.folder)
            for copy in copies {
                let example = FileManager.default.contents(atPath: Repository.path("\(row.folder)/\(copy)"))
                let original = FileManager.default.contents(atPath: Repository.path("Schemas/\(copy)"))
                XCTAssertNotNil(original, "Schemas/\(copy) is missing")
                XCTAssertEqual(example, original, "\(row.folder)/\(copy) differs from Schemas/\(copy): copy it again")
            }
        }
    }
}
