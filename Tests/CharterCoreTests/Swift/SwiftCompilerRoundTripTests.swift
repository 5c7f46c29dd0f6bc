import CharterTestSupport
import Foundation
import XCTest
@testable import CharterCore

/// Checks what Charter writes into generated Swift with the real compiler: string literals must compile
/// back to exactly the original text, member names must be usable identifiers, and doc comments must not
/// let prose escape into code. One `swiftc` invocation for the whole table.
final class SwiftCompilerRoundTripTests: XCTestCase {
    /// Strings a contract may hold (descriptions, enum values, wire names, defaults).
    static let nastyStrings: [String] = [
        "",
        "plain",
        "say \"hi\"",
        #"back\slash"#,
        #"\(interpolation)"#,
        #"\\(double backslash)"#,
        "\"\"\"",
        "\"#",
        "#\"raw\"#",
        "line\nfeed",
        "carriage\rreturn",
        "crlf\r\n",
        "tab\t",
        "nul\u{0}",
        "controls\u{1}\u{1B}[31m\u{7F}",
        "nel\u{85}",
        "bidi\u{202E}desrever\u{202C}",
        "isolates\u{2066}\u{2069}",
        "ls\u{2028}ps\u{2029}",
        "zero\u{200B}width\u{200D}joiner",
        "\u{FEFF}bom",
        "private\u{E000}\u{F8FF}",
        "unassigned\u{378}",
        "noncharacter\u{FFFF}",
        "tag\u{E0041}",
        "\u{301}leading combining mark",
        "e\u{301}",
        "größe",
        "日本語",
        "👍🏽 👨‍👩‍👧",
        "🇫🇷",
        "*/ /* //",
        "trailing backslash \\",
    ]

    /// Wire names that become struct properties or enum cases.
    static let memberWireNames: [String] = [
        "default", "class", "self", "Self", "init", "deinit", "subscript", "Type", "Protocol", "protocol", "_", "",
        "2-day", "on\u{202E}hand", "größe", "actor", "some", "any", "get", "set", "willSet", "didSet", "open", "hash",
        "encode", "where", "is", "in", "as", "nil", "true", "false", "func", "var", "let", "inout", "operator",
        "rethrows", "throws", "static", "Any", "associatedtype", "precedencegroup", "await", "async", "consume",
        "copy", "each", "borrowing", "macro", "package", "nonisolated", "isolated", "then", "unowned", "weak", "lazy",
        "mutating", "override", "required", "convenience", "dynamic", "final", "indirect", "optional", "type", "none",
        "rawValue", "unrecognized", "sku", "unnamed",
    ]

    /// Prose for doc comments; any of it escaping the comment would print or fail to compile.
    static let nastyProse: [String] = [
        "first\nprint(\"escaped by LF\")",
        "first\rprint(\"escaped by CR\")",
        "first\r\nprint(\"escaped by CRLF\")",
        "first\u{2028}print(\"escaped by LS\")",
        "first\u{85}print(\"escaped by NEL\")",
        "*/ print(\"escaped by star-slash\") /*",
        "\u{B}print(\"escaped by VT\")\u{C}",
    ]

    func testCompiledProgramReproducesTheOriginals() throws {
        let compiler = try XCTUnwrap(SwiftCompiler.swiftc, "no swiftc found on PATH or at /opt/swift/usr/bin/swiftc")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("charter-literals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        var program: [String] = []
        var structScope = NameScope(reserved: SwiftNames.reservedStructMembers)
        let properties = Self.memberWireNames.map { SwiftMembers.memberName($0, in: &structScope) }
        var enumScope = NameScope(reserved: SwiftNames.reservedEnumMembers)
        let cases = Self.memberWireNames.map { SwiftMembers.memberName($0, in: &enumScope) }

        program.append("struct Members {")
        for (index, name) in properties.enumerated() { program.append("    var \(name): Int = \(index)") }
        program.append("}")
        program.append("enum Cases {")
        for name in cases { program.append("    case \(name)") }
        program.append("}")
        for (index, prose) in Self.nastyProse.enumerated() {
            program += SwiftLiteral.commentLines(prose).map { "/// " + $0 }
            program.append("let commentMarker\(index) = \(index)")
        }
        program.append("let literals: [String] = [")
        for text in Self.nastyStrings { program.append("    " + SwiftLiteral.string(text) + ",") }
        program.append("]")
        program.append("for text in literals { print(\"hex:\" + text.utf8.map { String($0, radix: 16) }.joined(separator: \" \")) }")
        program.append("let members = Members()")
        program.append("print(\"members:\", [" + properties.map { "members.\($0)" }.joined(separator: ", ") + "].reduce(0, +))")
        program.append("let allCases: [Cases] = [" + cases.map { ".\($0)" }.joined(separator: ", ") + "]")
        program.append("print(\"cases:\", allCases.count)")
        program.append("print(\"markers:\", [" + Self.nastyProse.indices.map { "commentMarker\($0)" }.joined(separator: ", ") + "].count)")

        let source = directory.appendingPathComponent("main.swift")
        try (program.joined(separator: "\n") + "\n").write(to: source, atomically: true, encoding: .utf8)
        let executable = directory.appendingPathComponent("literals").path
        let compile = try ProcessRunner.run(compiler, ["-swift-version", "6", "-o", executable, source.path])
        guard compile.status == 0 else {
            return XCTFail("swiftc rejected the generated program:\n\(compile.stdout)\(compile.stderr)\n--- program ---\n\(program.joined(separator: "\n"))")
        }
        let run = try ProcessRunner.run(executable, [])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)

        var expected = Self.nastyStrings.map { "hex:" + $0.utf8.map { String($0, radix: 16) }.joined(separator: " ") }
        expected.append("members: \(properties.indices.reduce(0, +))")
        expected.append("cases: \(cases.count)")
        expected.append("markers: \(Self.nastyProse.count)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, expected.count, "program printed:\n\(run.stdout)\(run.stderr)")
        for (index, line) in lines.enumerated() where index < expected.count {
            let label = index < Self.nastyStrings.count ? Self.nastyStrings[index].debugDescription : "summary"
            XCTAssertEqual(line, expected[index], "\(label) did not survive the round trip")
        }
    }
}
