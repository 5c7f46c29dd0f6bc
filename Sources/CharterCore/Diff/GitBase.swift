import Foundation

/// Contract files as they were at a git revision, extracted into a temporary folder with `git archive`, so the
/// working tree (and the index) are never touched. The folder mirrors the repository's layout.
public struct GitBase: Sendable {
    /// The temporary folder holding the extracted files; remove it with ``remove()``.
    public let directory: String
    /// The repository's top folder.
    public let repositoryRoot: String

    /// Extracts `paths` (absolute, inside the repository that holds `workingDirectory`) as they are at `revision`.
    ///
    /// - Throws: ``UsageError`` naming the revision or path git could not find, with git's own message.
    public static func extract(revision: String, paths: [String], workingDirectory: String) throws(UsageError) -> GitBase {
        let top = try git(["rev-parse", "--show-toplevel"], in: workingDirectory, what: "find the git repository")
        let root = URL(fileURLWithPath: top.trimmingCharacters(in: .whitespacesAndNewlines)).resolvingSymlinksInPath().path
        _ = try git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: root, what: "find revision '\(revision)'")
        var relative: [String] = []
        for path in paths {
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            guard resolved == root || resolved.hasPrefix(root + "/") else {
                throw UsageError("\(path) is outside the git repository \(root), so --base-ref cannot read it")
            }
            relative.append(resolved == root ? "." : String(resolved.dropFirst(root.count + 1)))
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("charter-base-\(UUID().uuidString)").path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw UsageError("cannot create a temporary folder for the base: \(error.localizedDescription)")
        }
        let archive = directory + "/.base.tar"
        do {
            _ = try git(["archive", "--format=tar", "-o", archive, revision, "--"] + relative, in: root, what: "read \(relative.joined(separator: ", ")) at \(revision)")
            _ = try run("/usr/bin/env", ["tar", "-xf", archive, "-C", directory], in: root, what: "unpack the base")
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
        try? FileManager.default.removeItem(atPath: archive)
        return GitBase(directory: directory, repositoryRoot: root)
    }

    /// Where `path` (absolute, in the working tree) is in the extracted base.
    public func mirror(_ path: String) -> String {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        return resolved == repositoryRoot ? directory : directory + String(resolved.dropFirst(repositoryRoot.count))
    }

    /// Deletes the temporary folder.
    public func remove() { try? FileManager.default.removeItem(atPath: directory) }

    private static func git(_ arguments: [String], in directory: String, what: String) throws(UsageError) -> String {
        try run("/usr/bin/env", ["git"] + arguments, in: directory, what: what)
    }

    private static func run(_ executable: String, _ arguments: [String], in directory: String, what: String) throws(UsageError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(["GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"]) { _, new in new }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw UsageError("cannot \(what): \(executable) \(arguments.first ?? ""): \(error.localizedDescription)")
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw UsageError("cannot \(what)" + (message.isEmpty ? "" : ": \(message)"))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
