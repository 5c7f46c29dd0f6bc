import CharterRuntime
import Foundation
import XCTest

/// A recursive struct, shaped like generated code.
private struct Category: Codable, Hashable, Sendable, Validatable {
    var name: String
    var parent: Indirect<Category>?

    func collectIssues(at path: String, into issues: inout [ValidationIssue]) {
        Validation.minLength(name, 1, at: Validation.path(path, "name"), into: &issues)
        parent.collectIssues(at: Validation.path(path, "parent"), into: &issues)
    }
}

final class IndirectTests: XCTestCase {
    private let chain = Category(
        name: "Trainers",
        parent: Indirect(Category(name: "Shoes", parent: Indirect(Category(name: "Apparel", parent: nil))))
    )

    func testCodesTransparently() throws {
        let json = #"{"name":"Trainers","parent":{"name":"Shoes","parent":{"name":"Apparel"}}}"#
        XCTAssertEqual(try encodeJSON(chain), json)
        XCTAssertEqual(try decodeJSON(Category.self, json), chain)
        XCTAssertEqual(try encodeJSON(Indirect(5)), "5")
        XCTAssertEqual(try decodeJSON(Indirect<String>.self, #""x""#).value, "x")
    }

    func testEqualityAndHashingAreByValue() {
        let rebuilt = Category(
            name: "Trainers",
            parent: Indirect(Category(name: "Shoes", parent: Indirect(Category(name: "Apparel", parent: nil))))
        )
        XCTAssertEqual(chain, rebuilt)
        XCTAssertEqual(chain.hashValue, rebuilt.hashValue)
        XCTAssertNotEqual(Indirect(1), Indirect(2))
    }

    func testValueSemantics() {
        var copy = chain
        copy.parent?.value.name = "Footwear"
        XCTAssertEqual(chain.parent?.value.name, "Shoes", "the original box is untouched")
        XCTAssertEqual(copy.parent?.value.name, "Footwear")
        XCTAssertEqual(copy.parent?.value.parent?.value.name, "Apparel")
    }

    func testValidationForwardsThroughTheBox() {
        let bad = Category(name: "A", parent: Indirect(Category(name: "B", parent: Indirect(Category(name: "", parent: nil)))))
        XCTAssertEqual(bad.validationIssues.map(\.path), ["/parent/parent/name"])
        XCTAssertEqual(chain.validationIssues, [])
    }
}
