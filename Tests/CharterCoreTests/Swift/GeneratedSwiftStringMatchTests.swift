import Foundation
import XCTest
@testable import CharterCore

/// Strings generated code knows (enum values, a discriminator's tags, `const`s) match a received string code point by
/// code point, as JSON compares, not by Swift's canonical equivalence: a value that only looks like a known one stays
/// unrecognised (or is refused, for a `const`) and goes back with the bytes it came with. And enum values `none` and
/// `some` get case names that cannot be read as `Optional`'s.
final class GeneratedSwiftStringMatchTests: XCTestCase {
    /// Rows: the values a generated comparison knows → whether Swift's `String ==` is exact for them (the plain `switch`
    /// is kept) or `ExactText` is needed.
    func testPlainComparisonOnlyWhereCanonicalEquivalenceCannotConfuse() {
        let rows: [(values: [String], plain: Bool, line: UInt)] = [
            (["open", "closed", "2-day", "SHIP_TO_HOME"], true, #line),
            ([], true, #line),
            (["caf\u{E9}"], false, #line),
            // ASCII, but KELVIN SIGN is canonically equivalent to K, GREEK QUESTION MARK to ;, GREEK VARIA to `.
            (["K"], false, #line),
            (["PICKED"], false, #line),
            (["a;b"], false, #line),
            (["`x`"], false, #line),
            (["k", "kg"], true, #line),
        ]
        for row in rows {
            XCTAssertEqual(SwiftStringMatch.plainComparisonIsExact(row.values), row.plain, "\(row.values)", line: row.line)
        }
    }

    /// The claim ``SwiftStringMatch`` rests on, checked against every Unicode scalar: the non-ASCII strings of one scalar
    /// canonically equivalent to an ASCII string of one or two characters are exactly those of the ASCII characters in
    /// `asciiWithNonASCIIEquivalents` (a canonical decomposition of two or more scalars holds a combining mark, which
    /// is not ASCII, so longer ASCII strings need no check).
    func testOnlyThreeASCIICharactersHaveNonASCIIEquivalents() {
        let ascii = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        let short = Set(ascii + ascii.flatMap { first in ascii.map { first + $0 } })
        var equivalents: Set<UInt8> = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            guard short.contains(text), let match = short.first(where: { $0 == text }) else { continue }
            XCTAssertEqual(match.utf8.count, 1, "U+\(String(value, radix: 16)) is equivalent to \(match.debugDescription)")
            equivalents.formUnion(match.utf8)
        }
        XCTAssertEqual(equivalents, SwiftStringMatch.asciiWithNonASCIIEquivalents)
    }

    static let contract = ##"""
        {
          "x-contract": {"name": "probe", "version": "1.0.0"},
          "$defs": {
            "Mode": {"type": "string", "enum": ["none", "some"]},
            "Grade": {"type": "string", "enum": ["caf\u00e9", "plain"]},
            "Unit": {"type": "string", "enum": ["K", "kg"]},
            "Level": {"type": "string", "enum": ["low", "high"]},
            "Batch": {"type": "object", "required": ["lines"], "properties": {
              "lines": {"type": "array", "items": {"type": "string"}},
              "mode": {"$ref": "#/$defs/Mode"}, "unit": {"$ref": "#/$defs/Unit"}, "level": {"$ref": "#/$defs/Level"}}},
            "Reading": {"type": "object", "required": ["scale"], "properties": {"scale": {"const": "K"}, "sign": {"const": "K"}}},
            "Probe": {"type": "object", "properties": {"kind": {"type": "string"}, "x": {"type": "integer"}}},
            "Other": {"type": "object", "properties": {"kind": {"type": "string"}}},
            "Event": {"oneOf": [{"$ref": "#/$defs/Probe"}, {"$ref": "#/$defs/Other"}],
              "discriminator": {"propertyName": "kind", "mapping": {"K": "#/$defs/Probe", "caf\u00e9": "#/$defs/Other"}}}
          }
        }
        """##

    /// Rows: a type, JSON for it (compact, keys sorted) → what the program prints: how it decoded (`known`,
    /// `unrecognized`, `refused`), its validation issues, and whether it re-encodes to the very same bytes.
    static let rows: [(type: String, json: String, expected: String)] = [
        ("Grade", "\"caf\u{E9}\"", "known [] exact"),
        ("Grade", "\"cafe\u{301}\"", "unrecognized [] exact"),
        ("Unit", "\"K\"", "known [] exact"),
        ("Unit", "\"\u{212A}\"", "unrecognized [] exact"),
        ("Level", "\"high\"", "known [] exact"),
        ("Mode", "\"none\"", "known [] exact"),
        ("Batch", #"{"lines":[],"mode":"none","unit":"\#u{212A}"}"#, "known [] exact"),
        ("Reading", #"{"scale":"K","sign":"K"}"#, "known [] exact"),
        ("Reading", #"{"scale":"\#u{212A}"}"#, "refused"),
        ("Reading", #"{"scale":"K","sign":"\#u{212A}"}"#, "known [/sign const] exact"),
        ("Event", #"{"kind":"K","x":1}"#, "known [] exact"),
        ("Event", #"{"kind":"\#u{212A}","x":1}"#, "unrecognized [] exact"),
        ("Event", #"{"kind":"cafe\#u{301}"}"#, "unrecognized [] exact"),
        ("Event", #"{"kind":"caf\#u{E9}"}"#, "known [] exact"),
    ]

    /// The rows above compiled and run, and `none`/`some` as cases: `Batch(mode: .noneValue)` sends `"none"`, and a
    /// decoded `"none"` is `.noneValue`, not a missing mode.
    func testReceivedStringsMatchCodePointByCodePoint() throws {
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate().value("generate"))
        let version = try XCTUnwrap(files["ProbeV1.swift"])
        for line in ["case noneValue", "case someValue", "case \"none\": self = .noneValue", "switch ExactText(rawValue) {",
                     "switch rawValue {", "switch try ExactText(container.decodeProperty(String.self, forKey: \"kind\")) {"] {
            XCTAssertTrue(version.contains(line), line)
        }
        var main = [
            "import Foundation",
            "let encoder = JSONEncoder()",
            "encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]",
            "func row<T: Codable & Validatable>(_ type: T.Type, _ json: String, known: (T) -> Bool) {",
            "    guard let value = try? JSONDecoder().decode(T.self, from: Data(json.utf8)) else { return print(\"refused\") }",
            "    let issues = value.validationIssues.map { $0.path + \" \" + $0.keyword }.joined(separator: \",\")",
            "    let back = (try? encoder.encode(value)).map { Array($0) == Array(json.utf8) } ?? false",
            "    print((known(value) ? \"known\" : \"unrecognized\") + \" [\\(issues)] \" + (back ? \"exact\" : \"changed\"))",
            "}",
            "func isKnown<T: RawRepresentable & Equatable>(_ value: T, _ known: [T]) -> Bool { known.contains(value) }",
        ]
        for row in Self.rows {
            let known: String
            switch row.type {
            case "Batch", "Reading": known = "{ _ in true }"
            case "Event": known = "{ if case .unrecognized = $0 { false } else { true } }"
            default: known = "{ isKnown($0, ProbeV1.\(row.type).knownCases) }"
            }
            main.append("row(ProbeV1.\(row.type).self, \(SwiftLiteral.string(row.json)), known: \(known))")
        }
        main += [
            "let batch = ProbeV1.Batch(lines: [], mode: .noneValue)",
            "print(String(decoding: try encoder.encode(batch), as: UTF8.self))",
            "let decoded = try JSONDecoder().decode(ProbeV1.Batch.self, from: Data(#\"{\"lines\":[],\"mode\":\"some\"}\"#.utf8))",
            "print(decoded.mode == .someValue, decoded.mode?.rawValue ?? \"nil\")",
            // Values that differ on the wire are not equal, however alike they look.
            "print(ProbeV1.Grade(rawValue: \"cafe\\u{301}\") == .café, JSONValue.string(\"caf\\u{E9}\") == .string(\"cafe\\u{301}\"))",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        let lines = run.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, Self.rows.count + 3, run.output)
        for (row, output) in zip(Self.rows, lines) {
            XCTAssertEqual(output, row.expected, "\(row.type) \(row.json.debugDescription)")
        }
        XCTAssertEqual(Array(lines.suffix(3)), [#"{"lines":[],"mode":"none"}"#, "true some", "false false"])
    }
}
