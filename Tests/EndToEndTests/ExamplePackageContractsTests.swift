import Foundation
import XCTest

/// The example consumer package carries copies of some bundled contracts (a target holds its own
/// contracts); they must not drift from `Schemas/`.
final class ExamplePackageContractsTests: XCTestCase {
    func testExampleContractsAreCopiesOfTheBundledOnes() throws {
        let folder = "Examples/RetailIntegration/Sources/RetailModels/Contracts"
        let copies = try FileManager.default.subpathsOfDirectory(atPath: Repository.path(folder)).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertEqual(copies, ["common/common-v1.json", "inventory/inventory-v1.json", "inventory/inventory-v2.json", "orders/orders-v2.json", "pricing/pricing-v1.json"])
        for copy in copies {
            let example = FileManager.default.contents(atPath: Repository.path("\(folder)/\(copy)"))
            let original = FileManager.default.contents(atPath: Repository.path("Schemas/\(copy)"))
            XCTAssertNotNil(original, "Schemas/\(copy) is missing")
            XCTAssertEqual(example, original, "\(folder)/\(copy) differs from Schemas/\(copy): copy it again")
        }
    }
}
