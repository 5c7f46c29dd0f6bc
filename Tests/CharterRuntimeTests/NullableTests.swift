import CharterRuntime
import Foundation
import XCTest

/// Shaped like generated code: `middleName` optional and nullable,
/// `discount` required but nullable, `note` plain optional.
private struct CustomerPatch: Codable, Hashable, Sendable {
    var middleName: Nullable<String>?
    var discount: Nullable<Decimal>
    var note: String?

    enum CodingKeys: String, CodingKey {
        case middleName = "middle_name"
        case discount
        case note
    }

    init(middleName: Nullable<String>? = nil, discount: Nullable<Decimal>, note: String? = nil) {
        self.middleName = middleName
        self.discount = discount
        self.note = note
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        middleName = try c.decodeNullableIfPresent(String.self, forKey: .middleName)
        discount = try c.decode(Nullable<Decimal>.self, forKey: .discount)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeNullableIfPresent(middleName, forKey: .middleName)
        try c.encode(discount, forKey: .discount)
        try c.encodeIfPresent(note, forKey: .note)
    }
}

final class NullableTests: XCTestCase {
    func testAbsentNullAndValueStayApart() throws {
        let rows: [(json: String, expected: CustomerPatch, line: UInt)] = [
            (#"{"discount":null}"#, CustomerPatch(middleName: nil, discount: .null), #line),
            (#"{"discount":null,"middle_name":null}"#, CustomerPatch(middleName: .null, discount: .null), #line),
            (#"{"discount":1.5,"middle_name":"Q"}"#, CustomerPatch(middleName: .value("Q"), discount: .value(dec("1.5"))), #line),
            (#"{"discount":0,"middle_name":"","note":"n"}"#,
             CustomerPatch(middleName: .value(""), discount: .value(0), note: "n"), #line),
        ]
        for row in rows {
            let decoded = try decodeJSON(CustomerPatch.self, row.json)
            XCTAssertEqual(decoded, row.expected, row.json, line: row.line)
            XCTAssertEqual(try encodeJSON(decoded), row.json, "re-encoded", line: row.line)
        }
    }

    func testRequiredNullableKeyMustBePresent() {
        XCTAssertThrowsError(try decodeJSON(CustomerPatch.self, "{}"))
    }

    func testWrongTypeIsAnError() {
        XCTAssertThrowsError(try decodeJSON(CustomerPatch.self, #"{"discount":null,"middle_name":5}"#))
    }

    func testTopLevelCoding() throws {
        XCTAssertEqual(try decodeJSON(Nullable<Int>.self, "null"), .null)
        XCTAssertEqual(try decodeJSON(Nullable<Int>.self, "7"), .value(7))
        XCTAssertEqual(try decodeJSON([Nullable<Int>].self, "[1,null]"), [.value(1), .null])
        XCTAssertEqual(try encodeJSON([Nullable<Int>.value(1), .null]), "[1,null]")
    }

    func testConveniences() {
        XCTAssertEqual(Nullable<Int>(nil), .null)
        XCTAssertEqual(Nullable(3), .value(3))
        XCTAssertEqual(Nullable<Int>.value(3).value, 3)
        XCTAssertNil(Nullable<Int>.null.value)
        XCTAssertTrue(Nullable<Int>.null.isNull)
        XCTAssertFalse(Nullable.value(1).isNull)
        XCTAssertEqual(Nullable.value(2).map { $0 * 10 }, .value(20))
        XCTAssertEqual(Nullable<Int>.null.map { $0 * 10 }, .null)
        XCTAssertEqual(Set([Nullable<Int>.null, .null, .value(1)]).count, 2)
    }
}
