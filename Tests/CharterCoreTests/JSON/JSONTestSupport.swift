import XCTest
@testable import CharterCore

/// Reads `text`, failing the test (and returning `nil`) when it is rejected.
func parseOrFail(_ text: String, options: JSONReaderOptions = .init(),
                 file: StaticString = #filePath, line: UInt = #line) -> JSONNode? {
    do {
        return try JSONReader.parse(text, options: options)
    } catch {
        XCTFail("rejected \(text.debugDescription): \(error)", file: file, line: line)
        return nil
    }
}

/// The error reading `bytes` gives, failing the test when they are accepted.
func parseError(_ bytes: [UInt8], options: JSONReaderOptions = .init(),
                file: StaticString = #filePath, line: UInt = #line) -> JSONParseError? {
    do {
        let node = try JSONReader.parse(bytes, options: options)
        XCTFail("accepted \(bytes) as \(JSONWriter.write(node))", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

/// The error reading `text` gives, failing the test when it is accepted.
func parseError(_ text: String, options: JSONReaderOptions = .init(),
                file: StaticString = #filePath, line: UInt = #line) -> JSONParseError? {
    parseError(Array(text.utf8), options: options, file: file, line: line)
}

/// A pointer from its string form, for test tables.
func pointer(_ text: String) -> JSONPointer {
    try! JSONPointer(parsing: text)
}
