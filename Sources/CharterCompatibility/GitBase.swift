import Foundation
import CharterCore
import CharterGovernance

/// Contract files as they were at a git revision, written into a temporary folder that mirrors the
/// repository's layout. The revision's tree is read into a temporary index (`GIT_INDEX_FILE`) and its JSON files
/// under the working directory are checked out from that index into the folder, so the working tree and the
/// repository's own index are never touched, and `export-ignore` attributes hide nothing.
public struct GitBase: Sendable {
    /// The temporary folder holding the extracted files; remove it with ``remove()``.
    public let directory: String
    /// The repository's top folder.
    public let repositoryRoot: String
    /// The commit the revision names (full hash), which reports show beside the name.
    public let commit: String

    /// Extracts the JSON files under `scope` (an absolute folder inside the repository) as they are at `revision`.
    ///
    /// - Throws: ``UsageError`` naming the revision or folder git could not read, with git's own message.
    public static func extract(revision: String, scope: String, workingDirectory: String) throws(UsageError) -> GitBase {
        let top = try run(["rev-parse", "--show-toplevel"], in: workingDirectory, what: "find the git repository")
        let root = URL(fileURLWithPath: top.trimmingCharacters(in: .whitespacesAndNewlines)).resolvingSymlinksInPath().path
        let commit = try run(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: root, what: "find revision '\(revision)'")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let resolvedScope = URL(fileURLWithPath: scope).resolvingSymlinksInPath().path
        let prefix = resolvedScope == root ? "" : resolvedScope.hasPrefix(root + "/") ? String(resolvedScope.dropFirst(root.count + 1)) + "/" : nil
        guard let prefix else { throw UsageError("\(scope) is outside the git repository \(root), so --base-ref cannot read it") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("charter-base-\(UUID().uuidString)").path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw UsageError("cannot create a temporary folder for the base: \(error.localizedDescription)")
        }
        let index = ["GIT_INDEX_FILE": directory + "/.charter-index"]
        do {
            _ = try run(["read-tree", revision], in: root, environment: index, what: "read the tree of \(revision)")
            let files = try run(["ls-files", "-z"], in: root, environment: index, what: "list the files of \(revision)")
                .split(separator: "\0").filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }
            // The paths go as arguments, in batches well under the system's argument limit, not through git's standard
            // input: a git that stops early then fails with its message, instead of killing Charter with SIGPIPE mid-write.
            for start in stride(from: 0, to: files.count, by: 500) {
                let batch = files[start..<min(start + 500, files.count)].map(String.init)
                _ = try run(["checkout-index", "-f", "--prefix=\(directory)/", "--"] + batch, in: root, environment: index,
                            what: "write the files of \(revision)")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
        try? FileManager.default.removeItem(atPath: directory + "/.charter-index")
        return GitBase(directory: directory, repositoryRoot: root, commit: commit)
    }

    /// Where `path` (absolute, in the working tree) is in the extracted base.
    public func mirror(_ path: String) -> String {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        return resolved == repositoryRoot ? directory : directory + String(resolved.dropFirst(repositoryRoot.count))
    }

    /// Deletes the temporary folder.
    public func remove() { try? FileManager.default.removeItem(atPath: directory) }

    private static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:],
                            what: String) throws(UsageError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(["GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"].merging(environment) { _, new in new }) { _, new in new }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw UsageError("cannot \(what): git: \(error.localizedDescription)")
        }
        // The error stream on a thread of its own, so neither pipe fills up while the other is waited on.
        let errorText = ErrorCollector(errors.fileHandleForReading)
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = errorText.text().trimmingCharacters(in: .whitespacesAndNewlines)
            throw UsageError("cannot \(what)" + (message.isEmpty ? "" : ": \(message)"))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads a pipe to its end on a thread of its own.
    private final class ErrorCollector: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }.start()
        }

        func text() -> String {
            done.wait()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
