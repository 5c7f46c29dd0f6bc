import XCTest
@testable import CharterGovernance

/// The case conversions behind the naming rules' hints, one row a case: name → suggested spelling.
final class NameCaseTests: XCTestCase {
    func testUpperAndLowerCamel() {
        let rows: [(name: String, upper: String, lower: String)] = [
            ("item_sku", "ItemSku", "itemSku"),
            ("on-hand", "OnHand", "onHand"),
            ("stock.level", "StockLevel", "stockLevel"),
            ("x", "X", "x"),
            ("SKU_code", "SKUCode", "sKUCode"),
            ("line2_total", "Line2Total", "line2Total"),
            ("already Camel", "AlreadyCamel", "alreadyCamel"),
            ("élan_vital", "ÉlanVital", "élanVital"),
            ("a\u{301}_b", "A\u{301}B", "a\u{301}B"),  // a combining accent stays on its letter
            ("__", "", ""),
            ("2nd_line", "2ndLine", "2ndLine"),
            ("orderID", "OrderID", "orderID"),
            ("Ünit_price", "ÜnitPrice", "ünitPrice"),
            ("ü2nd_line", "Ü2ndLine", "ü2ndLine"),  // a digit does not start a capitalised word
        ]
        for row in rows {
            XCTAssertEqual(NameCase.upperCamel(row.name), row.upper, row.name)
            XCTAssertEqual(NameCase.lowerCamel(row.name), row.lower, row.name)
        }
    }

    /// The words the data rules match names by, one row a name.
    func testWords() {
        let rows: [(name: String, words: [String])] = [
            ("unitPrice", ["unit", "Price"]),
            ("on_hand-qty", ["on", "hand", "qty"]),
            ("orderVATAmount", ["order", "VAT", "Amount"]),
            ("totalSKUCount", ["total", "SKU", "Count"]),
            ("totalSKUs", ["total", "SKUs"]),
            ("URLsCount", ["URLs", "Count"]),
            ("totalUSD", ["total", "USD"]),
            ("VATAmount", ["VAT", "Amount"]),
            ("orderID", ["order", "ID"]),
            ("lastSeenAT", ["last", "Seen", "AT"]),
            // Digits are words of their own.
            ("unitPrice2", ["unit", "Price", "2"]),
            ("amount1", ["amount", "1"]),
            ("line2Total", ["line", "2", "Total"]),
            ("sha256sum", ["sha", "256", "sum"]),
            ("SKU2Count", ["SKU", "2", "Count"]),
            ("price_10", ["price", "10"]),
        ]
        for row in rows {
            XCTAssertEqual(NameCase.words(row.name), row.words, row.name)
        }
    }

    /// Whole-word matching of names against a rule's words (plural allowed on the last word), one row a name.
    func testNameMatching() {
        let words = ["price", "tax", "quantity", "on hand", "fee", "größe"]
        let rows: [(name: String, matches: Bool)] = [
            ("unitPrice", true), ("prices", true), ("taxes", true), ("quantities", true), ("onHandQty", true),
            ("onHands", true), ("feedbackScore", false), ("pricees", true), ("priced", false), ("quantitys", true),
            ("taxies", false), ("SHIPPING_FEES", true), ("orderVATTax", true), ("Größe", true), ("Gröses", false),
            ("ÜnitPrice", true), ("handOn", false), ("", false), ("unitPrice2", true), ("tax1", true), ("taxes2", true), ("price2x", true),
            ("prices99", true), ("Größe2", true), ("2price", true), ("price2d", true), ("pricey", false),
        ]
        let matcher = LintContext.nameMatcher(words)
        for row in rows {
            XCTAssertEqual(matcher(row.name), row.matches, row.name)
            XCTAssertEqual(LintContext.nameMatcher(["price", "tax", "quantity", "on hand", "fee"])(row.name), row.matches && !row.name.hasPrefix("Gr"), "ASCII words: \(row.name)")
        }
    }
}
