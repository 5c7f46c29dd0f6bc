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

    /// The files of a module render on all cores; what comes back is exactly the files rendered one by
    /// one on this thread, in namespace order (twelve contracts that reference each other in a ring).
    func testFilesRenderedInParallelEqualFilesRenderedOneByOne() throws {
        var files: [String: String] = [:]
        for index in 0..<12 {
            files["c\(index).json"] = """
                {"x-contract": {"name": "contract\(index)", "version": "\(index + 1).0.0"},
                 "$defs": {"Item\(index)": {"type": "object", "required": ["id"], "properties": {
                   "id": {"type": "string", "format": "uuid"},
                   "state": {"type": "string", "enum": ["open", "closed", "state\(index)"]},
                   "next": {"$ref": "c\((index + 1) % 12).json#/$defs/Item\((index + 1) % 12)"},
                   "lines": {"type": "array", "items": {"type": "object", "properties": {"qty": {"type": "integer", "minimum": \(index)}}}}
                 }}}}
                """
        }
        let fixture = ContractFixture(files)
        let module = try XCTUnwrap(fixture.translate().value("translate"))
        let generator = SwiftGenerator(templates: try TemplateSet.load())
        let context = SwiftGenerationContext(module: module, options: generator.options)
        let oneByOne = try module.namespaces.indices.filter { module.namespaces[$0].isInput }
            .map { try generator.renderFile(SwiftGenerator.FilePart(namespace: $0, number: 1, count: 1, types: module.namespaces[$0].types.indices), context: context) }
        XCTAssertEqual(oneByOne.count, 12)
        for run in 1...3 {
            XCTAssertEqual(try generator.generate(module), oneByOne, "run \(run)")
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
