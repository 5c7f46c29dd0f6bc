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

    /// Rows: a body and the checks given for it → the 400 naming every issue, or the body. Without checks, a body
    /// that is not `Validatable` is not checked.
    func testBodyChecksGivenForATypeThatCannotCheckItself() {
        let short: ([String]) -> [ValidationIssue] = { value in
            var issues: [ValidationIssue] = []
            Validation.maxItems(value, 1, at: "", into: &issues)
            for (index, element) in value.enumerated() { Validation.maxLength(element, 2, at: Validation.path("", index), into: &issues) }
            return issues
        }
        let rows: [(body: String, issues: (([String]) -> [ValidationIssue])?, message: String?, line: UInt)] = [
            (#"["a"]"#, short, nil, #line),
            (#"["a","bbb"]"#, short, "the request body breaks the contract: / must have at most 1 item (has 2); /1 must be at most 2 characters long (is 3)", #line),
            (#"["a","bbb"]"#, nil, nil, #line),
        ]
        for row in rows {
            let request = ClientRequest(method: "PUT", path: "/x", body: Data(row.body.utf8))
            do {
                let body = try ProviderRouting.body([String].self, from: request, required: true, issues: row.issues)
                XCTAssertNil(row.message, "read, expected a refusal", line: row.line)
                XCTAssertEqual(body.map { try? JSONEncoder().encode($0) }, Data(row.body.utf8), line: row.line)
            } catch {
                XCTAssertEqual(error.message, row.message, line: row.line)
                XCTAssertEqual(error.status, 400, line: row.line)
            }
        }
    }
}
