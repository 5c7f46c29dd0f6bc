import XCTest
@testable import CharterCore

/// `filesPerContract`: how a contract's top-level declarations are cut into files, what the files are
/// called, and that the parts together hold exactly the unsplit file's declarations, in order.
final class SwiftFilePartsTests: XCTestCase {
    /// Rows: declaration weights and the part count → the index range each part gets.
    func testPartitionRows() {
        let rows: [(weights: [Int], count: Int, expected: [Range<Int>])] = [
            ([5, 5, 5, 5], 1, [0..<4]),
            ([5, 5, 5, 5], 2, [0..<2, 2..<4]),
            ([5, 5, 5, 5], 4, [0..<1, 1..<2, 2..<3, 3..<4]),
            // A declaration goes where its midpoint falls: the heavy first one fills part 1 on its own.
            ([30, 1, 1, 1, 1], 2, [0..<1, 1..<5]),
            ([1, 1, 1, 1, 30], 2, [0..<4, 4..<5]),
            // Fewer declarations than parts: the first parts get one each, the last are empty, never missing.
            ([3, 3], 4, [0..<1, 1..<2, 2..<2, 2..<2]),
            ([7], 3, [0..<1, 1..<1, 1..<1]),
            // A heavy declaration does not leave the part before it empty, nor the parts after it.
            ([1, 1, 100, 1, 1], 4, [0..<2, 2..<3, 3..<4, 4..<5]),
            ([1, 1, 10], 3, [0..<1, 1..<2, 2..<3]),
            ([], 3, [0..<0, 0..<0, 0..<0]),
            // Weights below 1 count as 1; a count below 1 as 1.
            ([0, 0, 0, 0], 2, [0..<2, 2..<4]),
            ([2, 2], 0, [0..<2]),
            // 21, 15 and 19 of 55: the sixth declaration's midpoint (18 of 55) is still in the first third.
            ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3, [0..<6, 6..<8, 8..<10]),
        ]
        for row in rows {
            XCTAssertEqual(SwiftFileParts.partition(row.weights, into: row.count), row.expected, "\(row.weights) into \(row.count)")
        }
    }

    /// Over seeded random weights and counts: exactly `count` contiguous ranges covering every index, each
    /// non-empty when there are at least `count` declarations, else the first ones non-empty and the rest empty.
    func testPartitionInvariants() {
        var generator = SeededGenerator(seed: 6)
        for _ in 0..<2_000 {
            let weights = (0..<Int.random(in: 0...40, using: &generator)).map { _ in Int.random(in: 0...60, using: &generator) }
            let count = Int.random(in: 1...12, using: &generator)
            let ranges = SwiftFileParts.partition(weights, into: count)
            let label = "\(weights) into \(count): \(ranges)"
            XCTAssertEqual(ranges.count, count, label)
            XCTAssertEqual(ranges.first?.lowerBound, 0, label)
            XCTAssertEqual(ranges.last?.upperBound, weights.count, label)
            for (a, b) in zip(ranges, ranges.dropFirst()) { XCTAssertEqual(a.upperBound, b.lowerBound, label) }
            for (index, range) in ranges.enumerated() {
                XCTAssertEqual(range.isEmpty, index >= weights.count, label)
            }
        }
    }

    /// Rows: base name and part number → file name (the build plugin declares the same names).
    func testFileNameRows() {
        let rows: [(base: String, part: Int, expected: String)] = [
            ("InventoryV2.swift", 1, "InventoryV2.swift"),
            ("InventoryV2.swift", 2, "InventoryV2+Part2.swift"),
            ("inventory-v2.swift", 12, "inventory-v2+Part12.swift"),
            ("Models", 3, "Models+Part3.swift"),
        ]
        for row in rows {
            XCTAssertEqual(SwiftFileParts.fileName(row.base, part: row.part), row.expected, "\(row.base) part \(row.part)")
        }
    }

    /// Split into 1 to 30 files, a contract's parts hold the unsplit file's declarations in order, part 1
    /// alone declares the namespace, every part's header says which part it is, and the default output
    /// has no part note at all.
    func testPartsHoldTheUnsplitDeclarationsInOrder() throws {
        let fixture = ContractFixture(GeneratedSwiftRuntimeTests.contract)
        let whole = try XCTUnwrap(fixture.generate().value("generate")?["InventoryV2.swift"])
        XCTAssertFalse(whole.contains(", part 1 of"))
        let (wholeHeader, wholeDeclarations) = Self.split(whole)
        XCTAssertTrue(wholeHeader.contains("public enum InventoryV2 {}"))
        let topLevelCount = wholeDeclarations.components(separatedBy: "\nextension InventoryV2 {\n").count - 1
        XCTAssertEqual(topLevelCount, 19)
        for count in [1, 2, 3, 4, 16, 30] {
            let files = try XCTUnwrap(fixture.generate(swift: SwiftOptions(filesPerContract: count)).value("\(count)"))
            XCTAssertEqual(files.count, count)
            var declarations = ""
            for number in 1...count {
                let name = SwiftFileParts.fileName("InventoryV2.swift", part: number)
                let text = try XCTUnwrap(files[name], "\(count) parts: no \(name) among \(files.keys.sorted())")
                let (header, body) = Self.split(text)
                XCTAssertEqual(header.contains("enum InventoryV2"), number == 1, "\(name) of \(count)")
                if count > 1 {
                    XCTAssertTrue(header.hasPrefix("// Generated by Charter \(Charter.version) from a.json (inventory 2.1.0), part \(number) of \(count).\n"), header)
                } else {
                    XCTAssertEqual(text, whole)
                }
                declarations += body
            }
            XCTAssertEqual(declarations, wholeDeclarations, "\(count) parts")
        }
    }

    /// Snippet: the default file's opening, as it was before parts existed (no part note; the namespace
    /// declared before the first declaration), and part 2's opening (no namespace).
    func testFileOpenings() throws {
        let fixture = ContractFixture(GeneratedSwiftRuntimeTests.contract)
        let whole = try XCTUnwrap(fixture.generate().value("whole")?["InventoryV2.swift"])
        XCTAssertTrue(whole.hasPrefix("""
            // Generated by Charter \(Charter.version) from a.json (inventory 2.1.0).
            // Do not edit: change the contract and regenerate.

            import Foundation
            import CharterRuntime

            /// - Contract: inventory 2.1.0
            /// - Schema: `a.json#`
            public enum InventoryV2 {}

            extension InventoryV2 {
                /// - Schema: `a.json#/$defs/Stock`

            """), String(whole.prefix(400)))
        let parts = try XCTUnwrap(fixture.generate(swift: SwiftOptions(filesPerContract: 2)).value("parts"))
        let second = try XCTUnwrap(parts["InventoryV2+Part2.swift"])
        XCTAssertTrue(second.hasPrefix("""
            // Generated by Charter \(Charter.version) from a.json (inventory 2.1.0), part 2 of 2.
            // Do not edit: change the contract and regenerate.

            import Foundation
            import CharterRuntime

            extension InventoryV2 {

            """), String(second.prefix(400)))
    }

    /// The parts are about equal in size: split in two, neither holds more than 60% of the lines.
    func testPartsAreBalanced() throws {
        let files = try XCTUnwrap(ContractFixture(GeneratedSwiftRuntimeTests.contract).generate(swift: SwiftOptions(filesPerContract: 2)).value("2"))
        let lines = files.values.map { Self.split($0).declarations.split(separator: "\n").count }
        let total = lines.reduce(0, +)
        for count in lines { XCTAssertLessThanOrEqual(count * 10, total * 6, "\(lines)") }
    }

    /// A file cut at its first top-level declaration: what comes before it, and the declarations.
    static func split(_ text: String) -> (header: String, declarations: String) {
        guard let range = text.range(of: "\nextension ") else { return (text, "") }
        return (String(text[..<range.lowerBound]), String(text[range.lowerBound...]))
    }
}

/// A small deterministic random number generator (SplitMix64), so the invariant test checks the same cases
/// on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
