import CharterRuntime
import Foundation
import XCTest

/// How a provider reads a request body by its `Content-Type`: JSON (and `+json` types) or the operation's declared
/// type is read, anything else refused with 415, and an unlabelled body read as JSON.
final class ProviderBodyTests: XCTestCase {
    func testContentTypes() {
        let rows: [(contentType: String?, declared: String, status: Int?)] = [
            (nil, "application/json", nil),
            ("application/json", "application/json", nil),
            ("Application/JSON; charset=utf-8", "application/json", nil),
            ("application/merge-patch+json", "application/json", nil),
            ("application/problem+json", "application/json", nil),
            ("text/plain", "application/json", 415),
            ("text/json", "application/json", 415),
            ("application/x-www-form-urlencoded", "application/json", 415),
            ("text/plain; charset=utf-8", "text/plain", nil),
            ("text/csv", "text/plain", 415),
        ]
        for row in rows {
            let request = ClientRequest(
                method: "POST", path: "/x", headers: row.contentType.map { [ClientHeader(name: "Content-Type", value: $0)] } ?? [],
                body: Data(#"{"a":1}"#.utf8))
            do {
                let body = try ProviderRouting.body([String: Int].self, from: request, required: true, declaredContentType: row.declared)
                XCTAssertNil(row.status, "\(row.contentType ?? "none"): read, expected \(row.status ?? 0)")
                XCTAssertEqual(body, ["a": 1])
            } catch {
                XCTAssertEqual(error.status, row.status, "\(row.contentType ?? "none"): \(error.message)")
                XCTAssertEqual(error.title, "Unsupported Media Type")
            }
        }
    }
}
