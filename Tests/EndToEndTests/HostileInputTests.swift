import CharterTestSupport
import CharterCore
import Foundation
import XCTest

/// A catalogue of hostile inputs, each with its expected outcome: a clear positioned error, or
/// generation of code that compiles and carries the hostile text only inside literals and comments.
final class HostileInputTests: XCTestCase {
    /// What a hostile input must lead to.
    enum Outcome {
        /// An error with this code, at this JSON pointer (and line:column when given).
        case error(code: String, pointer: String, position: String? = nil)
        /// Success, with a warning of this code.
        case warning(code: String)
        /// Success.
        case generates
    }

    static func run(_ files: [String: String]) -> Result<GenerationResult, DiagnosticsError> {
        let source = MemoryFileSource(Dictionary(uniqueKeysWithValues: files.map { ("/h/\($0.key)", $0.value) }))
        let inputs = files.keys.filter { !$0.hasPrefix("ref-only/") }.sorted().map { "/h/\($0)" }
        do {
            return .success(try GenerationPipeline(fileSource: source).run(files: inputs, workingDirectory: "/h"))
        } catch {
            return .failure(error)
        }
    }

    static let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)

    func testCatalogueOfHostileInputs() {
        let rows: [(label: String, files: [String: String], expected: Outcome)] = [
            // Malformed JSON of every kind.
            ("trailing comma", ["a.json": ##"{"$defs": {"A": {"type": "string"},}}"##], .error(code: "json.syntax", pointer: "/$defs", position: "1:36")),
            ("unterminated string", ["a.json": ##"{"title": "abc"##], .error(code: "json.syntax", pointer: "/title")),
            ("invalid escape", ["a.json": ##"{"title": "\x"}"##], .error(code: "json.syntax", pointer: "/title", position: "1:12")),
            ("raw control character in a string", ["a.json": "{\"title\": \"a\u{01}b\"}"], .error(code: "json.syntax", pointer: "/title")),
            ("lone surrogate escape", ["a.json": ##"{"title": "\uD800"}"##], .error(code: "json.syntax", pointer: "/title")),
            ("comment", ["a.json": "{\"a\": 1 // no\n}"], .error(code: "json.syntax", pointer: "")),
            ("duplicate key", ["a.json": "{\"$defs\": {\"A\": {}, \"A\": {}}}"], .error(code: "json.syntax", pointer: "/$defs/A", position: "1:21")),
            ("empty file", ["a.json": ""], .error(code: "json.syntax", pointer: "")),
            ("nesting 10,000 deep", ["a.json": Self.deep], .error(code: "json.syntax", pointer: String(repeating: "/0", count: 512), position: "1:513")),
            // Valid JSON that is not a schema.
            ("type is a number", ["a.json": ##"{"$defs": {"A": {"type": 42}}}"##], .error(code: "schema.invalid-keyword", pointer: "/$defs/A/type")),
            ("required is a string", ["a.json": ##"{"$defs": {"A": {"required": "x"}}}"##], .error(code: "schema.invalid-keyword", pointer: "/$defs/A/required")),
            ("properties is an array", ["a.json": ##"{"$defs": {"A": {"properties": []}}}"##], .error(code: "schema.invalid-keyword", pointer: "/$defs/A/properties")),
            ("a schema that is a string", ["a.json": ##"{"$defs": {"A": "object"}}"##], .error(code: "schema.not-a-schema", pointer: "/$defs/A")),
            ("unknown type name", ["a.json": ##"{"$defs": {"A": {"type": "strin"}}}"##], .error(code: "schema.invalid-keyword", pointer: "/$defs/A/type")),
            ("unknown keyword is a warning", ["a.json": ##"{"$defs": {"A": {"type": "string", "frobnicate": true}}}"##], .warning(code: "schema.unknown-keyword")),
            // References.
            ("unresolvable ref", ["a.json": ##"{"$defs": {"A": {"$ref": "#/$defs/B"}}}"##], .error(code: "ref.unresolved", pointer: "/$defs/A/$ref")),
            ("ref to a missing file", ["a.json": ##"{"$defs": {"A": {"$ref": "b.json#/$defs/B"}}}"##], .error(code: "load.missing-file", pointer: "/$defs/A/$ref")),
            ("self reference at the root", ["a.json": ##"{"$ref": "#"}"##], .error(code: "ref.cycle", pointer: "")),
            ("pure reference cycle", ["a.json": ##"{"$defs": {"A": {"$ref": "#/$defs/B"}, "B": {"$ref": "#/$defs/A"}}}"##], .error(code: "ref.cycle", pointer: "/$defs/A")),
            ("remote ref", ["a.json": ##"{"$defs": {"A": {"$ref": "https://example.com/s.json"}}}"##], .error(code: "ref.remote", pointer: "/$defs/A/$ref")),
            ("ref escaping the root", ["a.json": ##"{"$defs": {"A": {"$ref": "../../etc/passwd"}}}"##], .error(code: "ref.escapes-root", pointer: "/$defs/A/$ref")),
            ("absolute file ref", ["a.json": ##"{"$defs": {"A": {"$ref": "file:///etc/passwd"}}}"##], .error(code: "ref.escapes-root", pointer: "/$defs/A/$ref")),
            ("urn ref nobody declares", ["a.json": ##"{"$defs": {"A": {"$ref": "urn:example:thing"}}}"##], .error(code: "ref.unresolved", pointer: "/$defs/A/$ref")),
            ("allOf chain 1,000 deep (2,000 links)", ["a.json": Self.chain(1_000)], .error(code: "limit.reference-chain", pointer: "/$defs/D935/allOf/0")),
            ("allOf chain 60 deep (120 links) is fine", ["a.json": Self.chain(60)], .generates),
            ("recursive alias", ["a.json": ##"{"$defs": {"Tree": {"type": "array", "items": {"$ref": "#/$defs/Tree"}}}}"##], .warning(code: "translate.recursive-alias")),
            // Sizes.
            ("100,000-value enum", ["a.json": Self.enumeration(100_000)], .error(code: "limit.enum-values", pointer: "/$defs/Big/enum")),
            ("10,000-value enum is fine", ["a.json": Self.enumeration(10_000)], .generates),
            ("10,000 punctuation-only enum values, all one Swift name", ["a.json": Self.punctuationEnumeration(10_000)], .generates),
            ("types nested 128 deep (the deepest the loader accepts)", ["a.json": Self.nestedTypes(128)], .generates),
            ("types nested 129 deep", ["a.json": Self.nestedTypes(129)], .error(code: "limit.schema-depth", pointer: String(repeating: "/properties/p", count: 129))),
            ("unresolved ref among 2,000 long $defs names", ["a.json": Self.longNames(2_000)], .error(code: "ref.unresolved", pointer: "/$defs/A/$ref")),
            ("10 MB description", ["a.json": ##"{"$defs": {"A": {"type": "object", "description": ""## + String(repeating: "x", count: 10 << 20) + ##""}}}"##], .generates),
            ("contract identity duplicated", [
                "a.json": ##"{"x-contract": {"name": "dup", "version": "1.0.0"}, "$defs": {}}"##,
                "b.json": ##"{"x-contract": {"name": "dup", "version": "1.9.0"}, "$defs": {}}"##,
            ], .error(code: "contract.duplicate-identity", pointer: "/x-contract")),
        ]
        for row in rows {
            let result = Self.run(row.files)
            switch (row.expected, result) {
            case (.error(let code, let pointer, let position), .failure(let error)):
                let match = error.diagnostics.first { $0.code == code }
                XCTAssertNotNil(match, "\(row.label): expected \(code), got \(error.diagnostics.map(\.description))")
                guard let match else { continue }
                XCTAssertEqual(match.location?.pointer.description, pointer, "\(row.label): \(match)")
                XCTAssertNotNil(match.location?.position, "\(row.label): error without line:column: \(match)")
                if let position { XCTAssertEqual(match.location?.position?.description, position, "\(row.label): \(match)") }
            case (.warning(let code), .success(let generated)):
                XCTAssertTrue(generated.warnings.contains { $0.code == code }, "\(row.label): no \(code) warning in \(generated.warnings)")
            case (.generates, .success):
                break
            case (_, .failure(let error)):
                XCTFail("\(row.label): expected success, got \(error.diagnostics.prefix(3).map(\.description))")
            case (_, .success):
                XCTFail("\(row.label): expected \(row.expected), got success")
            }
        }
    }

    static func chain(_ length: Int) -> String {
        var defs = (0..<length).map { ##""D\##($0)": {"allOf": [{"$ref": "#/$defs/D\##($0 + 1)"}]}"## }
        defs.append(##""D\##(length)": {"type": "object", "properties": {"x": {"type": "string"}}}"##)
        return #"{"$defs": {"# + defs.joined(separator: ", ") + "}}"
    }

    static func enumeration(_ count: Int) -> String {
        #"{"$defs": {"Big": {"type": "string", "enum": ["# + (0..<count).map { "\"v\($0)\"" }.joined(separator: ", ") + "]}}}"
    }

    /// An enum whose values are distinct but all sanitise to the same Swift case name (found by the
    /// generator fuzzer: claiming one name n times was quadratic).
    static func punctuationEnumeration(_ count: Int) -> String {
        let marks = Array("!#$%&()*+,-./:;<=>?@[]^_`{|}~")
        let values = (0..<count).map { index -> String in
            var digits = index, word = ""
            repeat { word.append(marks[digits % marks.count]); digits /= marks.count } while digits > 0
            return "\"\(word)\""
        }
        return #"{"$defs": {"Marks": {"type": "string", "enum": ["# + values.joined(separator: ", ") + "]}}}"
    }

    /// An object type nested `depth` levels deep through a property `p` (found by the generator fuzzer:
    /// 34 levels exceeded the templates' old partial nesting limit).
    static func nestedTypes(_ depth: Int) -> String {
        (0..<depth).reduce(#"{"type": "string"}"#) { inner, _ in #"{"type": "object", "properties": {"p": "# + inner + "}}" }
    }

    /// A dangling ref beside many long `$defs` names (found by the loader fuzzer: the "did you mean"
    /// hint compared every name by edit distance, seconds for one input).
    static func longNames(_ count: Int) -> String {
        let long = String(repeating: "a", count: 500)
        let defs = (0..<count).map { ##""\##(long)\##($0)": {"type": "string"}"## }
        return ##"{"$defs": {"A": {"$ref": "#/$defs/\##(String(repeating: "b", count: 500))"}, "## + defs.joined(separator: ", ") + "}}"
    }

    /// Symlinks on disk: an input folder may hold a link, but no reference may leave the root through one.
    func testSymlinkPointingOutOfTheRootIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charter-symlink-\(UUID().uuidString)")
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("charter-outside-\(UUID().uuidString).json")
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: outside)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try #"{"$defs": {"Secret": {"type": "string"}}}"#.write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("link.json"), withDestinationURL: outside)
        try #"{"$defs": {"A": {"$ref": "link.json#/$defs/Secret"}}}"#.write(to: folder.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try GenerationPipeline().run(files: [folder.appendingPathComponent("a.json").path], workingDirectory: folder.path)) { error in
            let diagnostics = (error as? DiagnosticsError)?.diagnostics ?? []
            XCTAssertTrue(diagnostics.contains { $0.code == "ref.escapes-root" && $0.location?.pointer.description == "/$defs/A/$ref" }, "\(diagnostics)")
        }
    }

    /// Text that tries to break out of comments and literals (`*/`, `"""`, `\(`, `#if`, `#sourceLocation`,
    /// a newline then `}` then code, bidi controls, NUL) and names that are keywords, empty, emoji,
    /// punctuation or collide: the generated code compiles (warnings are errors), no hostile text is
    /// code, and every example still round-trips with its wire names intact.
    func testHostileTextAndNamesGenerateSafeCompilingCode() throws {
        let files = try InputCollector.collect([Repository.path("Tests/Fixtures/hostile")], workingDirectory: Repository.root.path)
        let result = try GenerationPipeline().run(files: files, workingDirectory: Repository.root.path)
        let stringLiteral = try NSRegularExpression(pattern: #""(?:\\.|[^"\\])*""#)
        for file in result.files {
            for (number, line) in file.contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("//") { continue }
                let text = String(line)
                let code = stringLiteral.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "\"\"")
                for forbidden in ["fatalError(", "#sourceLocation", "#if", "#endif", "func injected", "/*", "*/", "INJECTED\""] {
                    XCTAssertFalse(code.contains(forbidden), "\(file.name):\(number + 1): hostile text became code: \(text)")
                }
                XCTAssertFalse(text.unicodeScalars.contains { SwiftLiteral.needsEscape($0) && $0 != "\t" }, "\(file.name):\(number + 1): raw control or bidi character")
            }
        }
        let outcome = try RoundTripHarness(result: result).run(requireValid: false)
        XCTAssertGreaterThan(outcome.cases, 20)
        XCTAssertEqual(outcome.failures, [], outcome.failures.joined(separator: "\n"))
    }

    /// The largest accepted inputs still give code the compiler takes (10,000 enum values, a 10 MB string).
    func testLargestAcceptedInputsCompile() throws {
        let large = #"{"x-contract": {"name": "large", "version": "1.0.0"}, "$defs": {"Big": {"type": "string", "enum": ["#
            + (0..<10_000).map { "\"v\($0)\"" }.joined(separator: ", ")
            + #"]}, "Long": {"type": "object", "description": ""# + String(repeating: "x", count: 10 << 20) + #"", "properties": {"a": {"type": "string"}}}}}"#
        guard case .success(let result) = Self.run(["large.json": large]) else { return XCTFail("large input rejected") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("charter-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for file in result.files {
            let url = directory.appendingPathComponent(file.name)
            try file.contents.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        let check = try SwiftCompiler.typecheck(paths)
        XCTAssertEqual(check.status, 0, String(check.stderr.prefix(2000)))
    }
}
