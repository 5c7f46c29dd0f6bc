import XCTest
@testable import CharterCore

/// A `$ref` that misses by a typo says what it probably meant.
final class ReferenceSuggestionTests: XCTestCase {
    func testNearMissesGetAHint() {
        let rows: [(ref: String, hint: String?)] = [
            ("#/$defs/Stok", ##"did you mean "#/$defs/Stock"?"##),
            ("#/$defs/stock", ##"did you mean "#/$defs/Stock"?"##),
            ("#/$defs/Reservations", ##"did you mean "#/$defs/Reservation"?"##),
            ("#/$defs/Completely", nil),
            ("#/definitions/Stock", nil),
            ("#/$defs/Reservatoins", ##"did you mean "#/$defs/Reservation"?"##),  // three edits in twelve letters (a quarter)
            ("#/$defs/Stockk", ##"did you mean "#/$defs/Stock"?"##),  // one letter too many
            ("#/$defs/" + String(repeating: "x", count: 65), nil),  // longer than anyone types: not compared
            ("a.json#/$defs/Stok", ##"did you mean "a.json#/$defs/Stock"?"##),  // the file part is kept, so the hint resolves as written
        ]
        for row in rows {
            let text = ##"{"$defs": {"Stock": {"type": "string"}, "Reservation": {"type": "object"}, "A": {"$ref": "\##(row.ref)"}}}"##
            let loader = SchemaLoader(fileSource: MemoryFileSource(["/r/a.json": text]))
            XCTAssertThrowsError(try loader.load(files: ["/r/a.json"], workingDirectory: "/r"), row.ref) { error in
                let diagnostic = (error as? DiagnosticsError)?.diagnostics.first { $0.code == "ref.unresolved" }
                XCTAssertNotNil(diagnostic, row.ref)
                XCTAssertEqual(diagnostic?.hint, row.hint, row.ref)
            }
        }
    }
}
