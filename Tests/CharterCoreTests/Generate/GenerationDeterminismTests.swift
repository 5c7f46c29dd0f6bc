import XCTest
@testable import CharterCore

/// Generated files are byte-for-byte deterministic: the same contracts give the same bytes, whatever the
/// run and whatever order the files are named in.
final class GenerationDeterminismTests: XCTestCase {
    static let files: [String: String] = [
        "orders.json": ##"""
            {"x-contract": {"name": "orders", "version": "1.0.0"},
             "$defs": {
               "Order": {"type": "object", "required": ["id"], "properties": {
                 "id": {"type": "string", "format": "uuid"},
                 "lines": {"type": "array", "items": {"type": "object", "properties": {"sku": {"$ref": "inventory.json#/$defs/Sku"}, "qty": {"type": "integer"}}}},
                 "allocation": {"$ref": "inventory.json#/$defs/Allocation"},
                 "status": {"type": "string", "enum": ["open", "allocated", "shipped"]}
               }}
             }}
            """##,
        "inventory.json": ##"""
            {"x-contract": {"name": "inventory", "version": "2.0.0"},
             "$defs": {
               "Sku": {"type": "string", "maxLength": 40},
               "Location": {"type": "object", "properties": {"id": {"type": "string"}, "parent": {"$ref": "#/$defs/Location"}}},
               "Availability": {"type": "object", "properties": {"sku": {"$ref": "#/$defs/Sku"}, "onHand": {"type": "integer"}}},
               "Allocation": {"oneOf": [{"$ref": "#/$defs/Ship"}, {"$ref": "#/$defs/Pickup"}]},
               "Ship": {"type": "object", "required": ["mode"], "properties": {"mode": {"const": "ship"}}},
               "Pickup": {"type": "object", "required": ["mode"], "properties": {"mode": {"const": "pickup"}, "store": {"type": "string"}}}
             }}
            """##,
        "pricing.json": ##"""
            {"x-contract": {"name": "pricing", "version": "1.2.0"},
             "$defs": {"Price": {"type": "object", "properties": {"amount": {"type": "string", "format": "decimal"}, "currency": {"type": "string"}}}}}
            """##,
    ]

    func testTwoRunsGiveIdenticalBytes() throws {
        let fixture = ContractFixture(Self.files, inputs: ["inventory.json", "orders.json", "pricing.json"])
        let first = try XCTUnwrap(fixture.generate().value("first run"))
        let second = try XCTUnwrap(fixture.generate().value("second run"))
        XCTAssertEqual(first.keys.sorted(), ["InventoryV2.swift", "OrdersV1.swift", "PricingV1.swift"])
        for name in first.keys.sorted() {
            XCTAssertEqual(Array(first[name]!.utf8), second[name].map { Array($0.utf8) }, name)
        }
    }

    /// Rows: the order the inputs are named in; every order gives the same files with the same bytes.
    func testInputOrderDoesNotChangeOutput() throws {
        let orders: [[String]] = [
            ["inventory.json", "orders.json", "pricing.json"],
            ["orders.json", "inventory.json", "pricing.json"],
            ["pricing.json", "inventory.json", "orders.json"],
            ["inventory.json", "pricing.json", "orders.json"],
        ]
        let reference = try XCTUnwrap(ContractFixture(Self.files, inputs: orders[0]).generate().value("reference order"))
        for order in orders.dropFirst() {
            guard let files = ContractFixture(Self.files, inputs: order).generate().value("\(order)") else { continue }
            XCTAssertEqual(files.keys.sorted(), reference.keys.sorted(), "\(order): file names")
            for name in reference.keys.sorted() where files[name] != reference[name] {
                XCTFail("\(order): \(name) differs from the one generated for \(orders[0])\n\(Self.firstDifference(reference[name]!, files[name] ?? ""))")
            }
        }
    }

    /// The first differing line of two texts, for failure messages.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false)
        let right = b.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : "<end>"
            let r = index < right.count ? String(right[index]) : "<end>"
            if l != r { return "line \(index + 1):\n  expected: \(l)\n  actual:   \(r)" }
        }
        return "identical"
    }

    /// Output does not depend on where the contracts live on disk, only on their paths relative to the root.
    func testOutputDoesNotDependOnTheAbsoluteLocation() throws {
        let here = ContractFixture(Self.files, inputs: ["orders.json", "inventory.json", "pricing.json"])
        var moved = Dictionary(uniqueKeysWithValues: Self.files.map { ("/elsewhere/deep/folder/" + $0.key, $0.value) })
        moved["/c/unrelated.json"] = "{}"
        let there = ContractFixture(moved, inputs: ["/elsewhere/deep/folder/orders.json", "/elsewhere/deep/folder/inventory.json", "/elsewhere/deep/folder/pricing.json"])
        let a = try XCTUnwrap(here.generate().value("here"))
        let b = try XCTUnwrap(there.generate().value("there"))
        XCTAssertEqual(a, b)
    }
}
