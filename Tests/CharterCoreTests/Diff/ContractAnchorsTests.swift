import XCTest
@testable import CharterCompatibility

/// The HTML report's row ids are readable and unique: names that read the same get a number, in name order.
final class ContractAnchorsTests: XCTestCase {
    func testIdsAreReadableAndUnique() {
        let anchors = ContractAnchors(contracts: ["orders v2", "a-b.json", "a b.json", "x", "x breaking", "orders v2"])
        let rows: [(contract: String, section: String?, id: String)] = [
            ("orders v2", nil, "c-orders-v2"),
            ("orders v2", "breaking", "c-orders-v2-breaking"),
            ("a b.json", nil, "c-a-b-json"),           // first in name order (" " sorts before "-")
            ("a-b.json", nil, "c-a-b-json-2"),         // reads the same: numbered
            ("a-b.json", "risky", "c-a-b-json-2-risky"),
            ("x", "breaking", "c-x-breaking"),
            ("x breaking", nil, "c-x-breaking-2"),     // would be x's section id
        ]
        for row in rows {
            XCTAssertEqual(anchors.anchor(row.contract, row.section), row.id, "\(row.contract) \(row.section ?? "")")
        }
        let all = ["orders v2", "a-b.json", "a b.json", "x", "x breaking"].flatMap { contract in
            [anchors.anchor(contract, nil)] + ContractAnchors.sections.map { anchors.anchor(contract, $0) }
        }
        XCTAssertEqual(Set(all).count, all.count)
    }
}
