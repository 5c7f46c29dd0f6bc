import Foundation
import XCTest
@testable import CharterCore

/// `uniqueItems` compares JSON values. Where decoding normalises the wire form — a date-time's offset, a UUID's case,
/// a decimal string's zeros, the members an open record drops — two distinct values decode equal, so the check is
/// left out there rather than refusing a valid array; everywhere else it holds.
extension GeneratedSwiftFidelityTests {
    func testUniqueItemsComparesWhatTheWireCarries() throws {
        let contract = ##"""
            {"title": "Uniq", "$defs": {
              "Open": {"type": "object", "properties": {"sku": {"type": "string"}}},
              "Closed": {"type": "object", "additionalProperties": false, "properties": {"sku": {"type": "string"}, "at": {"type": "string", "format": "date"}}},
              "Lists": {"type": "object", "properties": {
                "times": {"type": "array", "uniqueItems": true, "items": {"type": "string", "format": "date-time"}},
                "ids": {"type": "array", "uniqueItems": true, "items": {"type": "string", "format": "uuid"}},
                "amounts": {"type": "array", "uniqueItems": true, "items": {"type": "string", "format": "decimal"}},
                "open": {"type": "array", "uniqueItems": true, "items": {"$ref": "#/$defs/Open"}},
                "closed": {"type": "array", "uniqueItems": true, "items": {"$ref": "#/$defs/Closed"}},
                "numbers": {"type": "array", "uniqueItems": true, "items": {"type": "number", "format": "decimal"}},
                "names": {"type": "array", "uniqueItems": true, "items": {"type": "string"}}
              }}
            }}
            """##
        try check(contract, namespace: "Uniq", [
            // Distinct JSON values that decode equal: valid, and not refused.
            ("Lists", ##"{"times":["2026-01-01T00:00:00Z","2026-01-01T05:30:00+05:30"],"ids":["6f9619ff-8b86-d011-b42d-00c04fc964ff","6F9619FF-8B86-D011-B42D-00C04FC964FF"],"amounts":["1.0","1.00"],"open":[{"sku":"A","lot":1},{"sku":"A","lot":2}],"names":["é","e\u0301"]}"##, .normalised(issues: [])),
            // Equal JSON values where decoding keeps the wire form: refused.
            ("Lists", ##"{"closed":[{"sku":"A","at":"2026-01-31"},{"sku":"A","at":"2026-01-31"}],"numbers":[1.5,1.50],"names":["a","b","a"]}"##,
             .roundTrips(issues: ["/closed uniqueItems", "/names uniqueItems", "/numbers uniqueItems"])),
        ])
    }
}
