import XCTest
@testable import CharterCore

final class NameScopeTests: XCTestCase {
    /// Rows: reserved names and a sequence of claims → the names handed out, in order.
    func testClaimsAreDeterministic() {
        let rows: [(label: String, reserved: Set<String>, claims: [String], expected: [String])] = [
            ("distinct names are kept", [], ["sku", "qty", "price"], ["sku", "qty", "price"]),
            ("first claimant keeps the name", [], ["sku", "sku", "sku"], ["sku", "sku2", "sku3"]),
            ("reserved names are never handed out", ["init", "hash"], ["init", "hash", "init"], ["init2", "hash2", "init3"]),
            ("a suffixed name already taken is skipped", [], ["a", "a2", "a"], ["a", "a2", "a3"]),
            ("interleaved claims", [], ["a", "b", "a", "b", "a"], ["a", "b", "a2", "b2", "a3"]),
            ("empty name", [], ["", ""], ["", "2"]),
            ("a suffix claimed in between is skipped later", [], ["a", "a", "a3", "a"], ["a", "a2", "a3", "a4"]),
            ("a reserved suffixed name is skipped", ["sku2"], ["sku", "sku", "sku2"], ["sku", "sku3", "sku2_2"]),
            ("a name ending in a digit gets _N", [], ["a", "a", "a2", "v1", "v1"], ["a", "a2", "a2_2", "v1", "v1_2"]),
        ]
        for row in rows {
            var scope = NameScope(reserved: row.reserved)
            let handed = row.claims.map { scope.claim($0) }
            XCTAssertEqual(handed, row.expected, row.label)
            for name in handed { XCTAssertTrue(scope.contains(name), "\(row.label): \(name) not recorded") }
            for name in row.reserved { XCTAssertTrue(scope.contains(name), "\(row.label): reserved \(name) not taken") }
            // The same claims in a fresh scope give the same names.
            var again = NameScope(reserved: row.reserved)
            XCTAssertEqual(row.claims.map { again.claim($0) }, handed, "\(row.label): not deterministic")
        }
    }

    func testReserveTakesANameWithoutSuffixing() {
        var scope = NameScope()
        XCTAssertFalse(scope.contains("Stock"))
        scope.reserve("Stock")
        XCTAssertTrue(scope.contains("Stock"))
        XCTAssertEqual(scope.claim("Stock"), "Stock2")
        scope.reserve("Stock3")
        XCTAssertEqual(scope.claim("Stock"), "Stock4", "a name reserved after earlier claims is still skipped")
    }

    /// 10,000 values that all sanitise to one name (an enum of punctuation) get `value` … `value10000`.
    func testManyClaimsOfOneName() {
        var scope = NameScope()
        let handed = (0..<10_000).map { _ in scope.claim("value") }
        XCTAssertEqual(handed.first, "value")
        XCTAssertEqual(handed[1], "value2")
        XCTAssertEqual(handed.last, "value10000")
        XCTAssertEqual(Set(handed).count, handed.count)
    }
}
