import Foundation

/// What a finished process printed and returned.
public struct ProcessResult: Sendable {
    /// The exit status (or the signal that ended it).
    public var status: Int32
    /// What it wrote to standard output.
    public var stdout: String
    /// What it wrote to standard error.
    public var stderr: String
    /// Whether it was stopped for running past its time limit.
    public var timedOut: Bool

    /// Creates a result.
    public init(status: Int32, stdout: String, stderr: String, timedOut: Bool) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.timedOut = timedOut
    }
}

/// Runs programs for the tests, with output captured through files (no pipe deadlocks)
/// and a time limit (a hang is a failure, not a stuck test run). Each program's `TMPDIR` (unless `environment`
/// sets one) is a folder of the run's own, removed when it ends: the Swift driver leaves a `TemporaryDirectory.XXXXXX`
/// folder (holding `.keep-directory`) in `TMPDIR` on every `swiftc` run that does not link — `-typecheck`, as
/// ``SwiftCompiler/typecheck(_:)`` runs it, `--version` — and never removes it, so each would leave one in /tmp.
public enum ProcessRunner {
    /// Runs `executable` with `arguments` (in `directory`, with `environment` or this process's), waits at most
    /// `timeout` seconds, and returns what it printed and returned.
    public static func run(
        _ executable: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
        timeout: TimeInterval = 600
    ) throws -> ProcessResult {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("charter-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let temporary = scratch.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var childEnvironment = environment ?? ProcessInfo.processInfo.environment
        if environment?["TMPDIR"] == nil { childEnvironment["TMPDIR"] = temporary.path + "/" }
        process.environment = childEnvironment
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                timedOut = true
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "",
            timedOut: timedOut)
    }

    /// The absolute path of a program on PATH.
    public static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
