import CharterRuntime
import Foundation
import XCTest

final class AbsoluteURLTests: XCTestCase {
    /// Absolute URIs decode and encode back exactly as written.
    func testAbsoluteURIsRoundTripExactly() throws {
        let rows: [(wire: String, line: UInt)] = [
            ("https://example.com/%7Efoo?q=1#frag", #line),
            ("https://example.com/a%20b", #line),
            ("http://example.com/a%7e", #line),
            ("urn:isbn:0451450523", #line),
            ("mailto:a@b.example", #line),
            ("HTTP://EXAMPLE.COM/", #line),
            ("http://[::1]:80/x", #line),
            ("file:///tmp/x", #line),
            ("http://a/b/../c", #line),
        ]
        for row in rows {
            let json = try encodeJSON(row.wire)
            let decoded = try decodeJSON(AbsoluteURL.self, json)
            XCTAssertEqual(decoded.value.absoluteString, row.wire, line: row.line)
            XCTAssertEqual(try encodeJSON(decoded), json, line: row.line)
            XCTAssertEqual(AbsoluteURL.parse(row.wire), decoded.value, line: row.line)
        }
    }

    /// Relative references and strings `URL` would rewrite are refused, not changed.
    func testOtherStringsAreRefused() {
        let rows: [(wire: String, line: UInt)] = [
            ("relative/path", #line), ("/absolute/path", #line), ("//host/x", #line), ("", #line), (":x", #line),
            ("1http://x", #line), ("https://example.com/a b", #line), ("http://example.com/ü", #line),
            ("http://example.com/?a=[1]", #line), ("https://example.com/%zz", #line), ("https://example.com/%4", #line),
            ("http://x/#a#b", #line), ("http://x/\"", #line), ("http://x/<y>", #line),
        ]
        for row in rows {
            XCTAssertNil(AbsoluteURL.parse(row.wire), row.wire, line: row.line)
            XCTAssertThrowsError(try decodeJSON(AbsoluteURL.self, try encodeJSON(row.wire)), row.wire, line: row.line) { error in
                XCTAssertTrue(decodingMessage(error).contains("\"\(row.wire)\""), "quotes the input", line: row.line)
            }
        }
    }
}
