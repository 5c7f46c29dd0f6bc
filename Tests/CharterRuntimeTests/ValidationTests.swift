import CharterRuntime
import Foundation
import XCTest

/// Shaped like generated code.
private struct OrderLine: Codable, Hashable, Sendable, Validatable {
    var sku: String
    var quantity: Int
    var price: Decimal

    func collectIssues(at path: String, into issues: inout [ValidationIssue]) {
        Validation.pattern(sku, "^[A-Z]{3}-[0-9]+$", at: Validation.path(path, "sku"), into: &issues)
        Validation.minimum(quantity, 1, at: Validation.path(path, "quantity"), into: &issues)
        Validation.multipleOf(price, dec("0.01"), at: Validation.path(path, "price"), into: &issues)
    }
}

private struct Order: Validatable {
    var lines: [OrderLine]
    var byWarehouse: [String: OrderLine]?
    var gift: Nullable<OrderLine>?
    var note: String?

    func collectIssues(at path: String, into issues: inout [ValidationIssue]) {
        Validation.minItems(lines, 1, at: Validation.path(path, "lines"), into: &issues)
        Validation.uniqueItems(lines, at: Validation.path(path, "lines"), into: &issues)
        lines.collectIssues(at: Validation.path(path, "lines"), into: &issues)
        byWarehouse.collectIssues(at: Validation.path(path, "byWarehouse"), into: &issues)
        gift.collectIssues(at: Validation.path(path, "gift"), into: &issues)
        if let note { Validation.maxLength(note, 5, at: Validation.path(path, "note"), into: &issues) }
    }
}

final class ValidationTests: XCTestCase {
    private let good = OrderLine(sku: "ABC-1", quantity: 2, price: dec("19.99"))

    // MARK: - Paths and forwarding

    func testPathEscaping() {
        let rows: [(base: String, token: String, expected: String, line: UInt)] = [
            ("", "lines", "/lines", #line),
            ("/lines", "a/b", "/lines/a~1b", #line),
            ("", "m~n", "/m~0n", #line),
            ("", "~/", "/~0~1", #line),
            ("", "~1", "/~01", #line),
            ("/a", "", "/a/", #line),
            ("", "é 中", "/é 中", #line),
        ]
        for row in rows {
            XCTAssertEqual(Validation.path(row.base, row.token), row.expected, line: row.line)
        }
        XCTAssertEqual(Validation.path("/lines", 0), "/lines/0")
        XCTAssertEqual(Validation.path("", 12), "/12")
    }

    func testForwardingBuildsPointers() {
        let order = Order(
            lines: [good, OrderLine(sku: "bad", quantity: 0, price: dec("1.005")), good],
            byWarehouse: ["north/east": OrderLine(sku: "XYZ-9", quantity: -1, price: 1), "a": good],
            gift: .value(OrderLine(sku: "GFT-1", quantity: 0, price: 0)),
            note: "too long"
        )
        XCTAssertEqual(order.validationIssues.map { "\($0.path) \($0.keyword)" }, [
            "/lines uniqueItems",
            "/lines/1/sku pattern",
            "/lines/1/quantity minimum",
            "/lines/1/price multipleOf",
            "/byWarehouse/north~1east/quantity minimum",
            "/gift/quantity minimum",
            "/note maxLength",
        ])
        XCTAssertEqual(Order(lines: [good], byWarehouse: nil, gift: .null, note: nil).validationIssues, [])
        XCTAssertEqual(Order(lines: [good], byWarehouse: [:], gift: nil, note: "ok").validationIssues, [])
    }

    func testValidateThrowsTypedError() {
        do throws(ValidationError) {
            try good.validate()
            try Order(lines: [], byWarehouse: nil, gift: nil, note: nil).validate()
            XCTFail("expected a throw")
        } catch {
            XCTAssertEqual(error.issues, [ValidationIssue(path: "/lines", keyword: "minItems", message: "must have at least 1 item (has 0)")])
            XCTAssertEqual(error.description, "1 validation issue:\n  /lines: must have at least 1 item (has 0) (minItems)")
            XCTAssertEqual(error.localizedDescription, error.description)
        }
        let issue = ValidationIssue(path: "", keyword: "const", message: "must be 1")
        XCTAssertEqual(issue.description, "/: must be 1 (const)")
        XCTAssertEqual(ValidationError(issues: [issue, issue]).description.components(separatedBy: "\n").first, "2 validation issues:")
    }

    // MARK: - Helpers, violating and passing rows

    /// Runs `check` at `/x` and returns the keywords of the issues it appended.
    private func keywords(_ check: (inout [ValidationIssue]) -> Void) -> [String] {
        var issues: [ValidationIssue] = []
        check(&issues)
        XCTAssertTrue(issues.allSatisfy { $0.path == "/x" && !$0.message.isEmpty })
        return issues.map(\.keyword)
    }

    func testStringLengthsCountUnicodeScalars() {
        let rows: [(string: String, min: Int, max: Int, minOK: Bool, maxOK: Bool, line: UInt)] = [
            ("abc", 3, 3, true, true, #line),
            ("ab", 3, 3, false, true, #line),
            ("abcd", 3, 3, true, false, #line),
            ("", 0, 0, true, true, #line),
            ("", 1, 0, false, true, #line),
            ("héé", 3, 3, true, true, #line),           // 5 UTF-8 bytes, 3 scalars
            ("🌍🌍", 2, 2, true, true, #line),           // 8 bytes, 2 scalars, 4 UTF-16 units
            ("🌍🌍", 3, 1, false, false, #line),
            ("e\u{301}", 2, 2, true, true, #line),       // 1 Character, 2 scalars
            ("e\u{301}", 3, 1, false, false, #line),
            ("abc", Int.max, Int.max, false, true, #line),
            ("abc", Int.min, 0, true, false, #line),
        ]
        for row in rows {
            XCTAssertEqual(keywords { Validation.minLength(row.string, row.min, at: "/x", into: &$0) },
                           row.minOK ? [] : ["minLength"], line: row.line)
            XCTAssertEqual(keywords { Validation.maxLength(row.string, row.max, at: "/x", into: &$0) },
                           row.maxOK ? [] : ["maxLength"], line: row.line)
        }
        var issues: [ValidationIssue] = []
        Validation.minLength("ab", 3, at: "/x", into: &issues)
        XCTAssertEqual(issues.first?.message, "must be at least 3 characters long (is 2)")
    }

    func testPattern() {
        let rows: [(string: String, pattern: String, ok: Bool, line: UInt)] = [
            ("ABC-1", "^[A-Z]{3}-[0-9]+$", true, #line),
            ("abc-1", "^[A-Z]{3}-[0-9]+$", false, #line),
            ("xxABC-1yy", "[A-Z]{3}-[0-9]+", true, #line),  // unanchored search
            ("", "^$", true, #line),
            ("", "a", false, #line),
            ("anything", "", true, #line),
            ("é", "^.$", true, #line),
            ("🌍", "^.$", true, #line),
            ("line1\nline2", "^line2$", false, #line),       // ^/$ anchor the whole string, as in ECMA-262 without m
            ("GB", "^(GB|IE)$", true, #line),
            ("GBR", "^(GB|IE)$", false, #line),
            ("a.b", "^a\\.b$", true, #line),
            ("axb", "^a\\.b$", false, #line),
        ]
        for row in rows {
            XCTAssertEqual(keywords { Validation.pattern(row.string, row.pattern, at: "/x", into: &$0) },
                           row.ok ? [] : ["pattern"], "\(row.string) ~ \(row.pattern)", line: row.line)
        }
    }

    /// Rows: a decimal string as written → whether its value passes the pattern. The value passes when some text
    /// that decodes to it matches (`Decimal` keeps no scale): the text as written always does when it matches.
    func testDecimalPatternJudgesTheTextsTheValueCanBeWrittenAs() {
        let money = "^(0|[1-9][0-9]*)(\\.[0-9]{1,4})?$"  // no sign, at most four decimals
        let twoPlaces = "^[0-9]+\\.[0-9]{2}$"
        let rows: [(written: String, pattern: String, ok: Bool, line: UInt)] = [
            ("19.99", money, true, #line),
            ("10.00", money, true, #line),              // the value is 10; "10" matches
            ("-5.123456", money, false, #line),         // the audit's case: a sign and six decimals
            ("-1", money, false, #line),
            ("1.23456", money, false, #line),
            ("10.00", twoPlaces, true, #line),          // "10" does not match, "10.00" does
            ("19.9", twoPlaces, true, #line),           // written "19.90" on the wire, or as here: "19.90" matches
            ("19.999", twoPlaces, false, #line),
            ("0", "^-0$", true, #line),                 // zero may be written with a sign
            ("7", "^7\\.0{5}$", true, #line),
            ("7", "^8$", false, #line),
        ]
        for row in rows {
            guard let value = DecimalString(row.written)?.value else { return XCTFail("\(row.written) does not parse", line: row.line) }
            XCTAssertEqual(keywords { Validation.decimalPattern(value, row.pattern, at: "/x", into: &$0) },
                           row.ok ? [] : ["pattern"], "\(row.written) ~ \(row.pattern)", line: row.line)
        }
        var issues: [ValidationIssue] = []
        Validation.decimalPattern(dec("1"), "([a-z", at: "/x", into: &issues)
        XCTAssertEqual(issues.map(\.message), ["cannot be checked: ([a-z is not a valid regular expression"])
    }

    func testInvalidPatternIsAnIssueNotACrash() {
        for pattern in ["([a-z", "[", "a{2,1}", "(?<", "\\"] {
            var issues: [ValidationIssue] = []
            Validation.pattern("abc", pattern, at: "/x", into: &issues)
            Validation.pattern("abc", pattern, at: "/x", into: &issues)  // cached failure
            XCTAssertEqual(issues.map(\.keyword), ["pattern", "pattern"], pattern)
            XCTAssertTrue(issues[0].message.contains("not a valid regular expression"), issues[0].message)
        }
    }

    func testNumericBoundsAcrossTypes() {
        func check<T: ValidationNumber>(_ value: T, _ limit: T, line: UInt = #line, _ expected: [String]) {
            var found: [String] = []
            found += keywords { Validation.minimum(value, limit, at: "/x", into: &$0) }
            found += keywords { Validation.maximum(value, limit, at: "/x", into: &$0) }
            found += keywords { Validation.exclusiveMinimum(value, limit, at: "/x", into: &$0) }
            found += keywords { Validation.exclusiveMaximum(value, limit, at: "/x", into: &$0) }
            XCTAssertEqual(found, expected, "\(T.self) \(value) vs \(limit)", line: line)
        }
        let below = ["minimum", "exclusiveMinimum"]
        let equal = ["exclusiveMinimum", "exclusiveMaximum"]
        let above = ["maximum", "exclusiveMaximum"]
        check(0, 1, below); check(1, 1, equal); check(2, 1, above)
        check(Int32(-5), Int32(-4), below); check(Int32.max, Int32.max, equal); check(Int32(0), Int32(-1), above)
        check(Int64.min, Int64(0), below); check(Int64(7), Int64(7), equal); check(Int64.max, Int64.max - 1, above)
        check(0.5, 0.75, below); check(0.1, 0.1, equal); check(1e300, 1e299, above)
        check(Double.nan, 0, ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"])  // NaN satisfies no bound
        check(dec("19.98"), dec("19.99"), below); check(dec("0.3"), dec("0.1") + dec("0.2"), equal)
        check(dec("12345678901234567890.000000001"), dec("12345678901234567890"), above)
        check(UInt8(3), UInt8(4), below); check(Float(2), Float(1), above)

        var issues: [ValidationIssue] = []
        Validation.minimum(dec("-0.01"), 0, at: "/price", into: &issues)
        XCTAssertEqual(issues, [ValidationIssue(path: "/price", keyword: "minimum", message: "must be greater than or equal to 0 (is -0.01)")])
    }

    func testMultipleOf() {
        let integerRows: [(value: Int, divisor: Int, ok: Bool, line: UInt)] = [
            (10, 5, true, #line), (10, 3, false, #line), (0, 7, true, #line), (-10, 5, true, #line),
            (-10, 3, false, #line), (Int.min, -1, true, #line), (Int.min, 2, true, #line), (7, -7, true, #line),
            (5, 0, false, #line),
        ]
        for row in integerRows {
            XCTAssertEqual(keywords { Validation.multipleOf(row.value, row.divisor, at: "/x", into: &$0) },
                           row.ok ? [] : ["multipleOf"], "\(row)", line: row.line)
        }
        XCTAssertEqual(keywords { Validation.multipleOf(Int64(9_000_000_000), Int64(1_000_000_000), at: "/x", into: &$0) }, [])
        XCTAssertEqual(keywords { Validation.multipleOf(Int32(7), Int32(2), at: "/x", into: &$0) }, ["multipleOf"])

        let decimalRows: [(value: String, divisor: String, ok: Bool, line: UInt)] = [
            ("19.99", "0.01", true, #line), ("19.995", "0.01", false, #line), ("0.3", "0.1", true, #line),
            ("0.35", "0.1", false, #line), ("-4.5", "1.5", true, #line), ("0", "0.01", true, #line),
            ("1e-10", "1e-11", true, #line), ("1", "3", false, #line), ("10", "2.5", true, #line),
            ("12345678901234567890.12", "0.01", true, #line), ("12345678901234567890.125", "0.01", false, #line),
            ("99999999999999999999999999999999999999", "3", true, #line),
            ("1", "0", false, #line),
        ]
        for row in decimalRows {
            XCTAssertEqual(keywords { Validation.multipleOf(dec(row.value), dec(row.divisor), at: "/x", into: &$0) },
                           row.ok ? [] : ["multipleOf"], "\(row)", line: row.line)
        }
        XCTAssertEqual(keywords { Validation.multipleOf(Decimal.nan, 1, at: "/x", into: &$0) }, ["multipleOf"])
        XCTAssertEqual(keywords { Validation.multipleOf(Decimal(1), .nan, at: "/x", into: &$0) }, ["multipleOf"])

        let doubleRows: [(value: Double, divisor: Double, ok: Bool, line: UInt)] = [
            (19.99, 0.01, true, #line), (0.3, 0.1, true, #line), (0.35, 0.1, false, #line),
            (100_000_000.05, 1, false, #line), (1e-7, 0.1, false, #line), (4.5, 1.5, true, #line),
            (-0.75, 0.25, true, #line), (1, 0, false, #line), (1, .infinity, false, #line),
            (.infinity, 1, false, #line), (.nan, 1, false, #line),
        ]
        for row in doubleRows {
            XCTAssertEqual(keywords { Validation.multipleOf(row.value, row.divisor, at: "/x", into: &$0) },
                           row.ok ? [] : ["multipleOf"], "\(row)", line: row.line)
        }
    }

    func testItemCounts() {
        let rows: [(items: [Int], min: Int, max: Int, expected: [String], line: UInt)] = [
            ([1, 2], 2, 2, [], #line),
            ([1], 2, 2, ["minItems"], #line),
            ([1, 2, 3], 2, 2, ["maxItems"], #line),
            ([], 0, 0, [], #line),
            ([], 1, 5, ["minItems"], #line),
        ]
        for row in rows {
            let found = keywords { Validation.minItems(row.items, row.min, at: "/x", into: &$0) }
                + keywords { Validation.maxItems(row.items, row.max, at: "/x", into: &$0) }
            XCTAssertEqual(found, row.expected, line: row.line)
        }
        XCTAssertEqual(keywords { Validation.minItems(Set([1, 2]), 3, at: "/x", into: &$0) }, ["minItems"])
    }

    func testUniqueItems() {
        let rows: [(items: [JSONValue], ok: Bool, line: UInt)] = [
            ([], true, #line),
            ([1, 2, 3], true, #line),
            ([1, 2, 1], false, #line),
            ([1, .number(dec("1.0"))], false, #line),  // JSON Schema: 1 and 1.0 are equal
            (["a", ["a"]], true, #line),
            ([["k": 1], ["k": 1]], false, #line),
            ([true, 1], true, #line),
            ([nil, nil], false, #line),
        ]
        for row in rows {
            XCTAssertEqual(keywords { Validation.uniqueItems(row.items, at: "/x", into: &$0) },
                           row.ok ? [] : ["uniqueItems"], "\(row.items)", line: row.line)
        }
        // Strings are compared as JSON compares them, code point by code point: precomposed "é" and "e" with a
        // combining accent are two strings, though Swift's `==` holds them equal.
        let strings: [(items: [String], ok: Bool, line: UInt)] = [
            (["é", "e\u{301}"], true, #line),
            (["é", "\u{E9}"], false, #line),
            (["a", "A"], true, #line),
        ]
        for row in strings {
            XCTAssertEqual(keywords { Validation.uniqueItems(row.items, at: "/x", into: &$0) },
                           row.ok ? [] : ["uniqueItems"], "\(row.items)", line: row.line)
        }
        var issues: [ValidationIssue] = []
        Validation.uniqueItems(["a", "b", "a", "b", "a"], at: "/x", into: &issues)
        XCTAssertEqual(issues.map(\.message), ["must not contain equal items (items 0 and 2 are equal; 3 items repeat an earlier one)"])
    }

    func testPropertyCounts() {
        let rows: [(object: [String: Int], min: Int, max: Int, expected: [String], line: UInt)] = [
            (["a": 1], 1, 1, [], #line),
            ([:], 1, 1, ["minProperties"], #line),
            (["a": 1, "b": 2], 1, 1, ["maxProperties"], #line),
            ([:], 0, 0, [], #line),
        ]
        for row in rows {
            let found = keywords { Validation.minProperties(row.object, row.min, at: "/x", into: &$0) }
                + keywords { Validation.maxProperties(row.object, row.max, at: "/x", into: &$0) }
            XCTAssertEqual(found, row.expected, line: row.line)
            let counted = keywords { Validation.minProperties(count: row.object.count, row.min, at: "/x", into: &$0) }
                + keywords { Validation.maxProperties(count: row.object.count, row.max, at: "/x", into: &$0) }
            XCTAssertEqual(counted, row.expected, line: row.line)
        }
    }

    func testConstAndEnum() {
        XCTAssertEqual(keywords { Validation.constValue("EUR", "EUR", at: "/x", into: &$0) }, [])
        XCTAssertEqual(keywords { Validation.constValue("USD", "EUR", at: "/x", into: &$0) }, ["const"])
        XCTAssertEqual(keywords { Validation.constValue(JSONValue.integer(2), .number(2), at: "/x", into: &$0) }, [])
        XCTAssertEqual(keywords { Validation.enumValue("b", ["a", "b"], at: "/x", into: &$0) }, [])
        XCTAssertEqual(keywords { Validation.enumValue("c", ["a", "b"], at: "/x", into: &$0) }, ["enum"])
        XCTAssertEqual(keywords { Validation.enumValue(3, [], at: "/x", into: &$0) }, ["enum"])
        var issues: [ValidationIssue] = []
        Validation.enumValue("c", ["a", "b"], at: "/x", into: &issues)
        XCTAssertEqual(issues.first?.message, "must be one of: a, b")
    }

    /// Rows: how many alternatives find no issue → whether `anyOf` (at least one) and `oneOf` (exactly one) hold.
    func testAnyOfAndOneOfCountTheAlternativesThatHold() {
        let holds: Validation.Alternative = { _ in }
        let fails: Validation.Alternative = { $0.append(ValidationIssue(path: "", keyword: "minimum", message: "")) }
        let rows: [(alternatives: [Validation.Alternative], anyOf: Bool, oneOf: Bool, line: UInt)] = [
            ([fails, fails], false, false, #line),
            ([fails, holds], true, true, #line),
            ([holds, fails, holds], true, false, #line),
            ([], false, false, #line),
        ]
        for row in rows {
            XCTAssertEqual(keywords { Validation.anyOf(row.alternatives, at: "/x", into: &$0) }, row.anyOf ? [] : ["anyOf"], line: row.line)
            XCTAssertEqual(keywords { Validation.oneOf(row.alternatives, at: "/x", into: &$0) }, row.oneOf ? [] : ["oneOf"], line: row.line)
        }
        var issues: [ValidationIssue] = []
        Validation.oneOf([holds, holds], at: "/x", into: &issues)
        XCTAssertEqual(issues.first?.message, "must meet exactly one of 2 alternatives (meets more than one)")
    }

    /// Rows: the alternatives of an unmet `anyOf` / `oneOf` → the messages. A group the generator left with no
    /// alternative (each unsatisfiable for the type) says no value is valid, not "one of 0 alternatives"; one left with a
    /// single alternative does not count "1 alternatives".
    func testUnmetAlternativesMessagesCountProperly() {
        let fails: Validation.Alternative = { $0.append(ValidationIssue(path: "", keyword: "minimum", message: "")) }
        let rows: [(alternatives: [Validation.Alternative], anyOf: String, oneOf: String, line: UInt)] = [
            ([], "no value is valid: no value of this type can meet any of the alternatives",
             "no value is valid: no value of this type can meet any of the alternatives", #line),
            ([fails], "must meet its only alternative", "must meet its only alternative", #line),
            ([fails, fails], "must meet at least one of 2 alternatives (meets none)", "must meet exactly one of 2 alternatives (meets none)", #line),
        ]
        for row in rows {
            var anyOf: [ValidationIssue] = []
            Validation.anyOf(row.alternatives, at: "/x", into: &anyOf)
            XCTAssertEqual(anyOf.map(\.message), [row.anyOf], line: row.line)
            var oneOf: [ValidationIssue] = []
            Validation.oneOf(row.alternatives, at: "/x", into: &oneOf)
            XCTAssertEqual(oneOf.map(\.message), [row.oneOf], line: row.line)
        }
    }

    /// Rows: a free-form value and the types allowed → whether it is a `type` issue. An integer is a number with no
    /// fractional part, however written, and is a number too.
    func testTypeOfAFreeFormValue() throws {
        let rows: [(json: String, allowed: [String], valid: Bool, line: UInt)] = [
            ("1", ["integer"], true, #line),
            ("1.0", ["integer"], true, #line),
            ("1e30", ["integer"], true, #line),
            ("-12345678901234567890", ["integer"], true, #line),
            ("1.5", ["integer"], false, #line),
            ("1", ["number"], true, #line),
            ("1.5", ["number"], true, #line),
            ("\"1\"", ["integer", "number"], false, #line),
            ("null", ["integer", "null"], true, #line),
            ("null", ["integer"], false, #line),
            ("true", ["boolean"], true, #line),
            ("0", ["boolean"], false, #line),
            ("\"x\"", ["string"], true, #line),
            ("[]", ["array"], true, #line),
            ("{}", ["array"], false, #line),
            ("{}", ["object"], true, #line),
            ("[1]", ["object", "string"], false, #line),
        ]
        for row in rows {
            let value = try JSONDecoder().decode(JSONValue.self, from: Data(row.json.utf8))
            XCTAssertEqual(keywords { Validation.type(value, row.allowed, at: "/x", into: &$0) }, row.valid ? [] : ["type"], row.json, line: row.line)
        }
        var issues: [ValidationIssue] = []
        Validation.type(.string("x"), ["integer", "null"], at: "/x", into: &issues)
        XCTAssertEqual(issues.first?.message, "must be integer or null (is string)")
    }
}
