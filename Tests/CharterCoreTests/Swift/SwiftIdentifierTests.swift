import XCTest
@testable import CharterCore

final class SwiftIdentifierTests: XCTestCase {
    /// Rows: a name from a contract → its words, its member name and its type name.
    func testNamesFromContracts() {
        let rows: [(raw: String, words: [String], member: String, type: String)] = [
            ("on_hand", ["on", "hand"], "onHand", "OnHand"),
            ("onHand", ["on", "Hand"], "onHand", "OnHand"),
            ("HTTPStatus", ["HTTP", "Status"], "httpStatus", "HTTPStatus"),
            ("XMLHttpRequest", ["XML", "Http", "Request"], "xmlHttpRequest", "XMLHttpRequest"),
            ("userID", ["user", "ID"], "userID", "UserID"),
            ("SHIP_TO_HOME", ["ship", "to", "home"], "shipToHome", "ShipToHome"),
            ("2-day", ["2", "day"], "_2Day", "_2Day"),
            ("ship-from-store", ["ship", "from", "store"], "shipFromStore", "ShipFromStore"),
            ("BOPIS", ["bopis"], "bopis", "Bopis"),
            ("sku", ["sku"], "sku", "Sku"),
            ("x-amz-date", ["x", "amz", "date"], "xAmzDate", "XAmzDate"),
            ("v2Beta", ["v2", "Beta"], "v2Beta", "V2Beta"),
            ("already_camelCase", ["already", "camel", "Case"], "alreadyCamelCase", "AlreadyCamelCase"),
            ("__private", ["private"], "private", "Private"),
            ("größe", ["größe"], "größe", "Größe"),
            ("ÉTAT", ["état"], "état", "État"),
            ("日本語", ["日本語"], "日本語", "日本語"),
            ("", [], "unnamed", "Unnamed"),
            ("🚀", [], "unnamed", "Unnamed"),
            ("!!!", [], "unnamed", "Unnamed"),
            ("_", [], "unnamed", "Unnamed"),
            ("🚀launch", ["launch"], "launch", "Launch"),
            // Bidi overrides, zero-width and control characters separate words and never survive.
            ("on\u{202E}hand", ["on", "hand"], "onHand", "OnHand"),
            ("\u{200B}qty\u{200D}", ["qty"], "qty", "Qty"),
            ("\tsku\n\u{0}", ["sku"], "sku", "Sku"),
            ("price\u{7F}list", ["price", "list"], "priceList", "PriceList"),
        ]
        for row in rows {
            let name = row.raw.debugDescription
            XCTAssertEqual(SwiftIdentifier.words(row.raw), row.words, "words(\(name))")
            XCTAssertEqual(SwiftIdentifier.memberName(row.raw), row.member, "memberName(\(name))")
            XCTAssertEqual(SwiftIdentifier.typeName(row.raw), row.type, "typeName(\(name))")
        }
    }

    /// Whatever the input, a generated name holds only scalars Swift accepts in identifiers and never
    /// starts with a digit.
    func testGeneratedNamesAreIdentifiers() {
        let inputs = ["on\u{202E}hand", "a\u{2028}b", "1", "9lives", "-", "\u{FEFF}bom", "tab\there", "e\u{301}", "a b c", "€uro", "x\u{E000}y"]
        for raw in inputs {
            for name in [SwiftIdentifier.memberName(raw), SwiftIdentifier.typeName(raw)] {
                XCTAssertFalse(name.isEmpty, raw.debugDescription)
                XCTAssertFalse(name.unicodeScalars.first.map(SwiftIdentifier.isDigit) ?? true, "\(raw.debugDescription) → \(name)")
                for scalar in name.unicodeScalars where scalar != "_" {
                    XCTAssertTrue(SwiftIdentifier.isIdentifierScalar(scalar), "\(raw.debugDescription) → \(name) holds U+\(String(scalar.value, radix: 16))")
                }
            }
        }
    }

    /// The ASCII fast path splits and names exactly as the general scalar path does: every string of up to four
    /// characters over an alphabet that exercises each rule (case changes, acronym ends, digits,
    /// separators), plus longer names from the rows above.
    func testASCIIWordsMatchScalarWords() {
        let alphabet: [Character] = ["a", "Z", "B", "c", "1", "_", "-", " "]
        var inputs = ["HTTPStatus", "XMLHttpRequest", "SHIP_TO_HOME", "v2Beta", "already_camelCase", "ABCdefGHIjk9Lm"]
        var current = [""]
        for _ in 1...4 {
            current = current.flatMap { prefix in alphabet.map { prefix + String($0) } }
            inputs += current
        }
        for raw in inputs {
            XCTAssertEqual(SwiftIdentifier.asciiWords(Array(raw.utf8)), SwiftIdentifier.scalarWords(raw), raw.debugDescription)
            // The names written byte by byte from the word ranges equal the names joined from word strings.
            for member in [false, true] {
                XCTAssertEqual(SwiftIdentifier.asciiName(Array(raw.utf8), member: member) ?? (member ? "unnamed" : "Unnamed"),
                               SwiftIdentifier.scalarName(raw, member: member), "\(raw.debugDescription), member: \(member)")
            }
        }
        XCTAssertEqual(inputs.count, 6 + 8 + 64 + 512 + 4096)
    }

    /// Rows: a name → the name as written in Swift source.
    func testKeywordsAreEscaped() {
        let rows: [(name: String, escaped: String)] = [
            ("default", "`default`"),
            ("class", "`class`"),
            ("self", "`self`"),
            ("Self", "`Self`"),
            ("Type", "`Type`"),
            ("Protocol", "`Protocol`"),
            ("init", "`init`"),
            ("func", "`func`"),
            ("in", "`in`"),
            ("is", "`is`"),
            ("as", "`as`"),
            ("nil", "`nil`"),
            ("true", "`true`"),
            ("where", "`where`"),
            ("repeat", "`repeat`"),
            ("operator", "`operator`"),
            ("associatedtype", "`associatedtype`"),
            ("internal", "`internal`"),
            ("Any", "`Any`"),
            ("_", "`_`"),
            // Not keywords: left alone.
            ("onHand", "onHand"),
            ("value", "value"),
            ("get", "get"),
            ("set", "set"),
            ("type", "type"),
            ("Default", "Default"),
            ("defaults", "defaults"),
        ]
        for row in rows {
            XCTAssertEqual(SwiftIdentifier.escaped(row.name), row.escaped, "escaped(\(row.name))")
        }
    }
}
