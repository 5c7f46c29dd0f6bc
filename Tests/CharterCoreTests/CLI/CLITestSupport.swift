import Foundation
import XCTest
@testable import CharterCore
import CharterCLI
@testable import CharterCompatibility
@testable import CharterGovernance

/// Records what the CLI writes to each stream.
final class ConsoleRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var outLines: [String] = []
    private var errLines: [String] = []

    var out: [String] { lock.withLock { outLines } }
    var err: [String] { lock.withLock { errLines } }

    var console: Console {
        Console(
            out: { line in self.lock.withLock { self.outLines.append(line) } },
            err: { line in self.lock.withLock { self.errLines.append(line) } })
    }
}

/// A folder on disk for one test, removed afterwards.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("charter-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func url(_ relative: String) -> URL { URL(fileURLWithPath: path).appendingPathComponent(relative) }

    func write(_ relative: String, _ text: String) throws {
        let url = url(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ relative: String) -> String? { try? String(contentsOf: url(relative), encoding: .utf8) }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: url(relative).path) }

    func remove(_ relative: String) throws { try FileManager.default.removeItem(at: url(relative)) }

    func contents(of relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url(relative).path)) ?? []).sorted()
    }

    func modificationDate(_ relative: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: url(relative).path))?[.modificationDate] as? Date
    }

    func setModificationDate(_ relative: String, _ date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url(relative).path)
    }

    /// Runs `charter` in this folder (or in `subfolder` of it).
    func run(_ arguments: [String], in subfolder: String? = nil, freesResults: Bool = true) -> (code: ExitCode, out: [String], err: [String]) {
        let recorder = ConsoleRecorder()
        let directory = subfolder.map { path + "/" + $0 } ?? path
        let code = CommandLineTool(console: recorder.console, workingDirectory: directory, freesResults: freesResults, commands: CharterCommands.all).run(arguments)
        return (code, recorder.out, recorder.err)
    }
}

/// The `charter` executable's top-level help (every subcommand).
let charterHelp = CommandLineTool(console: ConsoleRecorder().console, commands: CharterCommands.all).help
