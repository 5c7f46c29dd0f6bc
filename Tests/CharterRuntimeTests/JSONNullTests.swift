import CharterRuntime
import Foundation
import XCTest

/// `JSONNull` decodes from `null` alone and encodes as `null`.
final class JSONNullTests: XCTestCase {
    func testDecodesOnlyNull() throws {
        let rows: [(json: String, decodes: Bool)] = [
            ("null", true), ("0", false), ("false", false), (#""""#, false), (#""null""#, false), ("[]", false), ("{}", false),
        ]
        for row in rows {
            XCTAssertEqual((try? JSONDecoder().decode(JSONNull.self, from: Data(row.json.utf8))) != nil, row.decodes, row.json)
        }
        XCTAssertEqual(String(decoding: try JSONEncoder().encode(JSONNull()), as: UTF8.self), "null")
        XCTAssertEqual(String(decoding: try JSONEncoder().encode([JSONNull(), JSONNull()]), as: UTF8.self), "[null,null]")
        XCTAssertEqual(try JSONDecoder().decode([String: JSONNull].self, from: Data(#"{"a":null}"#.utf8)), ["a": JSONNull()])
    }
}
