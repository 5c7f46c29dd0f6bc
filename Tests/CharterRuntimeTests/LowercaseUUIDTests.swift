import CharterRuntime
import Foundation
import XCTest

final class LowercaseUUIDTests: XCTestCase {
    func testDecodesAnyCaseAndEncodesLowercase() throws {
        let canonical = "123e4567-e89b-12d3-a456-426614174000"
        let rows: [(wire: String, line: UInt)] = [
            ("123e4567-e89b-12d3-a456-426614174000", #line),
            ("123E4567-E89B-12D3-A456-426614174000", #line),
            ("123e4567-E89b-12D3-a456-426614174000", #line),
        ]
        for row in rows {
            let decoded = try decodeJSON(LowercaseUUID.self, "\"\(row.wire)\"")
            XCTAssertEqual(decoded.value, UUID(uuidString: canonical), line: row.line)
            XCTAssertEqual(try encodeJSON(decoded), "\"\(canonical)\"", line: row.line)
        }
    }

    func testRejectsMalformed() {
        let rows: [(wire: String, line: UInt)] = [
            ("not-a-uuid", #line),
            ("123e4567e89b12d3a456426614174000", #line),
            ("{123e4567-e89b-12d3-a456-426614174000}", #line),
            ("123e4567-e89b-12d3-a456-42661417400", #line),
            ("123e4567-e89b-12d3-a456-4266141740000", #line),
            ("123e4567-e89b-12d3-a456-42661417400g", #line),
            ("", #line),
        ]
        for row in rows {
            XCTAssertThrowsError(try decodeJSON(LowercaseUUID.self, "\"\(row.wire)\""), row.wire, line: row.line) { error in
                XCTAssertTrue(decodingMessage(error).contains("\"\(row.wire)\""), line: row.line)
            }
        }
        XCTAssertThrowsError(try decodeJSON(LowercaseUUID.self, "42"))
    }

    func testStringMatchesFoundation() {
        for _ in 0..<200 {
            let uuid = UUID()
            XCTAssertEqual(LowercaseUUID(uuid).string, uuid.uuidString.lowercased())
        }
    }
}
