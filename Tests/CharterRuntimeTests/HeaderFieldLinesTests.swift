import CharterRuntime
import Foundation
import XCTest

/// A header sent on several field lines (RFC 9110 §5.3): an array header's lines are one comma-separated list, in
/// order, for a provider reading a header parameter and a client reading a response header alike; a single-valued
/// header is read from its first line.
final class HeaderFieldLinesTests: XCTestCase {
    static let operation = ClientOperation(id: "hdrs", method: "GET", pathTemplate: "/h")
    static let configuration = ClientConfiguration(serverURL: URL(string: "https://h.example")!, transport: ScriptedTransport([]))

    /// Rows: the field lines of a request or response (name, value) → the array header `X-Tags` as a provider reads
    /// it, and as a client reads it from a response (nil: not sent).
    static let listRows: [(lines: [(String, String)], items: [String]?, line: UInt)] = [
        ([], nil, #line),
        ([("X-Tags", "a, b")], ["a", "b"], #line),
        ([("X-Tags", "a, b"), ("X-Tags", "c")], ["a", "b", "c"], #line),
        ([("X-Tags", "a"), ("x-tags", "b"), ("X-TAGS", "c")], ["a", "b", "c"], #line),
        ([("X-Tags", "a"), ("X-Other", "z"), ("X-Tags", "b")], ["a", "b"], #line),
        // A blank line adds no item, as a blank header is an empty list; an empty item within a line is kept.
        ([("X-Tags", "a"), ("X-Tags", ""), ("X-Tags", "b")], ["a", "b"], #line),
        ([("X-Tags", ""), ("X-Tags", " ")], [], #line),
        ([("X-Tags", "a,,b"), ("X-Tags", ",c")], ["a", "", "b", "", "c"], #line),
    ]

    func testAProviderReadsEveryFieldLineOfAnArrayHeader() {
        for row in Self.listRows {
            let request = ClientRequest(method: "GET", path: "/h", headers: row.lines.map { ClientHeader(name: $0.0, value: $0.1) })
            XCTAssertEqual(ProviderRouting.headerValues(request, "X-Tags"), row.items ?? [], "\(row.lines)", line: row.line)
        }
    }

    func testAClientReadsEveryFieldLineOfAnArrayResponseHeader() throws {
        for row in Self.listRows {
            let response = ClientResponse(status: 200, headers: row.lines.map { ClientHeader(name: $0.0, value: $0.1) })
            // As generated code reads an optional array header of strings, and of items that are parsed.
            let strings = try Self.configuration.headerIfPresent("X-Tags", in: response, for: Self.operation) { ProviderRouting.headerValues($0) }
            XCTAssertEqual(strings, row.items, "\(row.lines)", line: row.line)
            let lengths = try Self.configuration.headerIfPresent("X-Tags", in: response, for: Self.operation) { text throws(ProviderRequestError) in
                try ProviderRouting.headerValues(text).map { (item: String) throws(ProviderRequestError) -> Int in item.count }
            }
            XCTAssertEqual(lengths, row.items?.map(\.count), "\(row.lines)", line: row.line)
            // A required one.
            if let items = row.items {
                let required = try Self.configuration.header("X-Tags", in: response, for: Self.operation) { ProviderRouting.headerValues($0) }
                XCTAssertEqual(required, items, "\(row.lines)", line: row.line)
            } else {
                XCTAssertThrowsError(try Self.configuration.header("X-Tags", in: response, for: Self.operation) { ProviderRouting.headerValues($0) })
            }
        }
    }

    /// Each item of every line is parsed; one that does not parse fails the call, naming the header.
    func testAnItemOnALaterFieldLineIsParsedToo() {
        let response = ClientResponse(status: 200, headers: [ClientHeader(name: "X-Ids", value: "1, 2"), ClientHeader(name: "X-Ids", value: "x")])
        XCTAssertThrowsError(try Self.configuration.headerIfPresent("X-Ids", in: response, for: Self.operation) { text throws(ProviderRequestError) in
            try ProviderRouting.headerValues(text).map { (item: String) throws(ProviderRequestError) -> Int in
                try ProviderRouting.parse(item, as: Int.self, "response header X-Ids")
            }
        }) { error in
            XCTAssertEqual((error as? ClientError)?.kind, .decoding)
            XCTAssertEqual("\((error as? ClientError)?.underlying.map { "\($0)" } ?? "")", #"response header X-Ids: expected an integer, got "x""#)
        }
    }

    /// A header that is not an array is read from its first field line, the later ones ignored (RFC 9110 lets a
    /// recipient combine only the lines of a list-based field), by a client and a provider alike.
    func testASingleValuedHeaderIsReadFromItsFirstFieldLine() throws {
        let lines = [ClientHeader(name: "X-Count", value: "1"), ClientHeader(name: "x-count", value: "2")]
        let response = ClientResponse(status: 200, headers: lines)
        let parsed = try Self.configuration.headerIfPresent("X-Count", in: response, for: Self.operation) { text throws(ProviderRequestError) in
            try ProviderRouting.parse(text, as: Int.self, "response header X-Count")
        }
        XCTAssertEqual(parsed, 1)
        let required = try Self.configuration.header("X-Count", in: response, for: Self.operation) { text throws(ProviderRequestError) in
            try ProviderRouting.parse(text, as: Int.self, "response header X-Count")
        }
        XCTAssertEqual(required, 1)
        XCTAssertEqual(try Self.configuration.header("X-Count", in: response, for: Self.operation), "1")
        XCTAssertEqual(response.header("X-Count"), "1")
        XCTAssertEqual(ClientRequest(method: "GET", path: "/", headers: lines).header("X-Count"), "1")
    }
}
