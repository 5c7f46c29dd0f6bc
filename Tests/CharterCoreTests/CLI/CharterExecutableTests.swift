import Foundation
import XCTest
@testable import CharterCore
import CharterCLI
@testable import CharterCompatibility
@testable import CharterGovernance

/// Runs the built `charter` executable as a separate process, for inputs that must be checked without
/// risking the test process itself (a crash there would hide every other result).
final class CharterExecutableTests: XCTestCase {
    /// The `charter` binary SwiftPM builds beside the test bundle.
    static func executable() -> String? {
        var candidates: [URL] = []
        let bundle = Bundle(for: CharterExecutableTests.self).bundleURL
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("charter"))
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("charter"))
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `charter` with `arguments` in `directory`; the reason it ended, its status and its stderr.
    static func run(_ executable: String, _ arguments: [String], in directory: String) throws
        -> (reason: Process.TerminationReason, status: Int32, err: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        // A crash is an expected failure mode here: report it by exit reason, without a slow backtrace.
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationReason, process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testVersionFromTheBinary() throws {
        let charter = try XCTUnwrap(Self.executable(), "build the charter product first: swift build --scratch-path <same path as the tests>")
        let folder = try TemporaryFolder()
        let result = try Self.run(charter, ["--version"], in: folder.path)
        XCTAssertEqual(result.reason, .exit)
        XCTAssertEqual(result.status, 0)
    }

    /// Rows: recursive contracts → `charter generate` finishes normally with exit 0 (a recursive alias may be
    /// approximated with a warning) and writes a file; it never crashes.
    func testRecursiveContractsDoNotCrash() throws {
        let charter = try XCTUnwrap(Self.executable(), "build the charter product first: swift build --scratch-path <same path as the tests>")
        let rows: [(label: String, text: String)] = [
            ("record pointing at itself", ##"{"$defs": {"Node": {"type": "object", "properties": {"next": {"$ref": "#/$defs/Node"}}}}}"##),
            ("root pointing at itself", ##"{"type": "object", "properties": {"child": {"$ref": "#"}}}"##),
            ("union of itself in a list", ##"{"$defs": {"Expr": {"oneOf": [{"type": "integer"}, {"type": "array", "items": {"$ref": "#/$defs/Expr"}}]}}}"##),
            ("alias that is a list of itself", ##"{"$defs": {"Tree": {"type": "array", "items": {"$ref": "#/$defs/Tree"}}}}"##),
            ("alias that is a map of itself", ##"{"$defs": {"Map": {"type": "object", "additionalProperties": {"$ref": "#/$defs/Map"}}}}"##),
            ("two aliases that are lists of each other", ##"{"$defs": {"A": {"type": "array", "items": {"$ref": "#/$defs/B"}}, "B": {"type": "array", "items": {"$ref": "#/$defs/A"}}}}"##),
            ("nullable alias that is a list of itself", ##"{"$defs": {"T": {"type": ["array", "null"], "items": {"$ref": "#/$defs/T"}}}}"##),
        ]
        for row in rows {
            let folder = try TemporaryFolder()
            try folder.write("Schemas/a.json", row.text)
            let result = try Self.run(charter, ["generate", "-q"], in: folder.path)
            guard result.reason == .exit else {
                XCTFail("\(row.label): charter crashed (signal \(result.status))")
                continue
            }
            XCTAssertEqual(result.status, 0, "\(row.label): \(result.err.prefix(400))")
            XCTAssertTrue(folder.exists("Generated/A.swift"), "\(row.label): no file generated")
        }
    }
}
