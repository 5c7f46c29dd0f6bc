import Foundation
import XCTest
@testable import CharterCore
import CharterCLI
@testable import CharterGovernance

/// Documents written to standard output as bytes (`Console.outDocument(bytes:)`): the same output as the same text
/// through the line writer, and `charter lint`'s reports go that way, to standard output and to `--report` files.
final class ConsoleBytesTests: XCTestCase {
    /// Records lines and byte documents apart, to see which way a command wrote.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var lineStore: [String] = []
        private var byteStore: [[UInt8]] = []

        var lines: [String] { lock.withLock { lineStore } }
        var documents: [[UInt8]] { lock.withLock { byteStore } }

        var console: Console {
            Console(out: { line in self.lock.withLock { self.lineStore.append(line) } }, err: { _ in },
                    outBytes: { bytes in self.lock.withLock { self.byteStore.append(bytes) } })
        }

        /// A console without a bytes writer of its own: documents of bytes reach the line writer.
        var lineConsole: Console {
            Console(out: { line in self.lock.withLock { self.lineStore.append(line) } }, err: { _ in })
        }
    }

    /// Rows: a document → the bytes written (what the line writer, which ends each line, writes for its text).
    func testADocumentOfBytesIsWrittenAsItsText() {
        let rows: [(document: String, written: String)] = [
            ("", ""),
            ("one line\n", "one line\n"),
            ("no line feed at the end", "no line feed at the end\n"),
            ("two\nlines\n", "two\nlines\n"),
            ("an empty line at the end\n\n", "an empty line at the end\n\n"),
            ("\n", "\n"),
            ("é 漢字 🙂 \u{2028}\n", "é 漢字 🙂 \u{2028}\n"),
        ]
        for row in rows {
            let bytes = Recorder()
            bytes.console.outDocument(bytes: Array(row.document.utf8))
            XCTAssertEqual(bytes.documents.joined().map { $0 }, Array(row.written.utf8), "\(row.document.debugDescription): bytes")
            XCTAssertEqual(bytes.lines, [], "\(row.document.debugDescription): nothing through the line writer")
            // A console of lines alone gets the same lines for the bytes as for the text.
            let text = Recorder(), decoded = Recorder()
            text.lineConsole.outDocument(row.document)
            decoded.lineConsole.outDocument(bytes: Array(row.document.utf8))
            XCTAssertEqual(decoded.lines, text.lines, "\(row.document.debugDescription): lines")
            XCTAssertEqual(text.lines.map { $0 + "\n" }.joined(), row.written, "\(row.document.debugDescription): the line writer's output")
        }
    }

    /// `charter lint` writes its report as one document of bytes in every format, the bytes a `--report` file of that
    /// format holds, and what a console of lines gets as text. Rows: the arguments → the formats written.
    func testLintWritesItsReportAsBytes() throws {
        let folder = try TemporaryFolder()
        try folder.write("dirty.json", ExampleContract.make(defs: #""Line": {"type": "object", "properties": {"unitPrice": {"type": "number", "description": "Preis in €"}}}"#))
        try folder.write("broken.json", "{")
        let rows: [(arguments: [String], code: ExitCode)] = LintOutputFormat.allCases.flatMap { format in
            [(["lint", "dirty.json", "--format", format.rawValue, "--today", "2026-06-01"], ExitCode.inputProblems)]
                + (format == .text ? [] : [(["lint", "broken.json", "--format", format.rawValue], ExitCode.inputProblems)])
        }
        for row in rows {
            let format = row.arguments[row.arguments.firstIndex(of: "--format")! + 1]
            let report = "report-\(format).out"
            let recorder = Recorder()
            let code = CommandLineTool(console: recorder.console, workingDirectory: folder.path, commands: CharterCommands.all)
                .run(row.arguments + ["--report", "\(format)=\(report)"])
            XCTAssertEqual(code, row.code, "\(row.arguments)")
            XCTAssertEqual(recorder.lines, [], "\(row.arguments): nothing through the line writer")
            XCTAssertEqual(recorder.documents.count, 1, "\(row.arguments): one document")
            let written = recorder.documents.first ?? []
            XCTAssertEqual(written.last, UInt8(ascii: "\n"), "\(row.arguments)")
            XCTAssertEqual(try Data(contentsOf: folder.url(report)), Data(written), "\(row.arguments): the --report file holds the same bytes")
            let lines = ConsoleRecorder()
            _ = CommandLineTool(console: lines.console, workingDirectory: folder.path, commands: CharterCommands.all).run(row.arguments)
            XCTAssertEqual(lines.out.map { $0 + "\n" }.joined(), String(decoding: written, as: UTF8.self), "\(row.arguments): a console of lines")
        }
    }

    /// The `charter` executable writes the report's bytes to standard output as they are: the bytes the command
    /// gives its console, in the formats made as bytes.
    func testTheExecutableWritesTheReportsBytes() throws {
        let charter = try XCTUnwrap(CharterExecutableTests.executable(), "build the charter product first: swift build --scratch-path <same path as the tests>")
        let folder = try TemporaryFolder()
        try folder.write("dirty.json", ExampleContract.make(defs: #""Line": {"type": "object", "properties": {"unitPrice": {"type": "number", "description": "Preis in €"}}}"#))
        for format in [LintOutputFormat.json, .sarif] {
            let arguments = ["lint", "dirty.json", "--format", format.rawValue, "--today", "2026-06-01", "--fail-on", "never"]
            let recorder = Recorder()
            _ = CommandLineTool(console: recorder.console, workingDirectory: folder.path, commands: CharterCommands.all).run(arguments)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: charter)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "\(format)")
            XCTAssertEqual(data, Data(recorder.documents.joined()), "\(format)")
            XCTAssertFalse(data.isEmpty, "\(format)")
        }
    }
}
