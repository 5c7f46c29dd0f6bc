import Foundation

/// What the writer did, for the CLI to report.
public struct WriteReport: Sendable, Hashable {
    /// Files written because they were new or changed.
    public var written: [String] = []
    /// Files left alone because their bytes were already right (keeps builds incremental).
    public var unchanged: [String] = []
    /// Files Charter wrote earlier (per the manifest) that are no longer generated, now removed.
    public var removed: [String] = []
    /// Files the manifest lists that are no longer generated but no longer start with Charter's header (replaced by
    /// hand, or by another tool): left in place.
    public var keptForeign: [String] = []
}

/// The write stage: puts generated files into the output folder atomically (temporary file, then
/// rename), rewrites a file only when its bytes change, and removes stale outputs only when
/// `.charter-manifest.json` says Charter wrote them and they still start with Charter's header. Files Charter did
/// not write are never touched.
public struct OutputWriter: Sendable {
    /// The manifest's file name inside the output folder.
    public static let manifestName = ".charter-manifest.json"

    /// The output folder.
    public var directory: String

    /// Creates a writer for a folder (created on first write).
    public init(directory: String) { self.directory = directory }

    /// Writes `files`, then the manifest. Each existing output is compared with its new bytes once, and
    /// checked for being Charter's to replace, before anything is written.
    public func write(_ files: [GeneratedFile]) throws(DiagnosticsError) -> WriteReport {
        try createDirectory()
        let previous = readManifest()
        let manifest = JSONNode(.object(JSONObject(members: [
            JSONMember(key: "generator", value: JSONNode(.string("charter \(Charter.version)"))),
            JSONMember(key: "files", value: JSONNode(.array(files.map(\.name).sorted().map { JSONNode(.string($0)) }))),
        ])))
        let manifestBytes = Array((JSONWriter.write(manifest, pretty: true) + "\n").utf8)
        let manifestState = existing(Self.manifestName, comparedWith: manifestBytes)
        try refuseForeignFile(named: Self.manifestName, existing: manifestState, listed: true)
        let states = files.map { existing($0.name, comparedWith: $0.utf8) }
        for (file, state) in zip(files, states) {
            try refuseForeignFile(named: file.name, existing: state, listed: previous.contains(file.name))
        }
        var report = try writeChecked(files, states)
        let current = Set(files.map(\.name))
        for stale in previous.sorted() where !current.contains(stale) && Self.isPlainFileName(stale) {
            let path = self.path(stale)
            guard Self.compare(fileAt: path, with: []) != .none else { continue }
            // Listed, and still Charter's: a file someone replaced since (no header, or not a regular file) is theirs.
            guard Self.compare(fileAt: path, with: []) != .notRegular, Self.startsWithGeneratedHeader(fileAt: path) else {
                report.keptForeign.append(stale)
                continue
            }
            if (try? FileManager.default.removeItem(atPath: path)) != nil {
                report.removed.append(stale)
            }
        }
        _ = try writeIfChanged(manifestBytes, named: Self.manifestName, existing: manifestState)
        return report
    }

    /// Writes one file without touching the manifest (the build plugin declares each output itself and
    /// runs one command per contract, so a shared manifest would race).
    public func writeSingle(_ file: GeneratedFile) throws(DiagnosticsError) -> WriteReport {
        try writeUnlisted([file])
    }

    /// Writes files without touching the manifest (the parts of one contract in build plugin mode).
    /// Every existing output is checked for being Charter's to replace before any is written.
    public func writeUnlisted(_ files: [GeneratedFile]) throws(DiagnosticsError) -> WriteReport {
        try createDirectory()
        let states = files.map { existing($0.name, comparedWith: $0.utf8) }
        for (file, state) in zip(files, states) {
            try refuseForeignFile(named: file.name, existing: state, listed: false)
        }
        return try writeChecked(files, states)
    }

    /// Writes files already checked (`states`: what is at each path), reporting which changed.
    private func writeChecked(_ files: [GeneratedFile], _ states: [Existing]) throws(DiagnosticsError) -> WriteReport {
        var report = WriteReport()
        for (file, state) in zip(files, states) {
            if try writeIfChanged(file.utf8, named: file.name, existing: state) {
                report.written.append(file.name)
            } else {
                report.unchanged.append(file.name)
            }
        }
        return report
    }

    func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    func createDirectory() throws(DiagnosticsError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticsError([.error("cannot create output folder \(directory): \(error.localizedDescription)", code: "output.unwritable")])
        }
    }

    /// What is at an output's path, compared with the bytes about to go there.
    enum Existing: Equatable {
        /// Nothing there.
        case none
        /// Something other than a regular file: a folder, a symbolic link (to anything), a pipe, a
        /// socket, a device. Never Charter's, never replaced.
        case notRegular
        /// A file with exactly these bytes.
        case same
        /// A file with other bytes.
        case different
        /// A file that cannot be read (so it is not known to be Charter's).
        case unreadable
    }

    /// How the file at `name` in the output folder compares with `bytes`.
    func existing(_ name: String, comparedWith bytes: [UInt8]) -> Existing {
        Self.compare(fileAt: path(name), with: bytes)
    }

    /// Compares the file at `path` with `bytes` without loading it whole: what is there first (`lstat`:
    /// a symbolic link is not followed), then sizes, then a chunk of 64 KiB (+1 byte) at a time, stopping
    /// at the first difference.
    static func compare(fileAt path: String, with bytes: [UInt8]) -> Existing {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT || errno == ENOTDIR ? .none : .unreadable }
        guard info.st_mode & S_IFMT == S_IFREG else { return .notRegular }
        let file: RegularFile
        switch RegularFile.open(path) {
        case .notAFile: return .notRegular  // replaced since the lstat
        case .unreadable: return .unreadable
        case .opened(let opened): file = opened
        }
        guard file.size == bytes.count else { return .different }
        // One byte more than is left to compare, so a file that grew since it was opened shows as different.
        var chunk = [UInt8](repeating: 0, count: min(bytes.count, 1 << 16) + 1)
        return bytes.withUnsafeBytes { expected -> Existing in
            chunk.withUnsafeMutableBytes { chunk -> Existing in
                var offset = 0
                while true {
                    let wanted = min(chunk.count, expected.count - offset + 1)
                    guard let read = file.read(into: UnsafeMutableRawBufferPointer(rebasing: chunk[..<wanted])) else {
                        return .unreadable
                    }
                    if offset + read > expected.count { return .different }
                    if read > 0 && memcmp(chunk.baseAddress!, expected.baseAddress! + offset, read) != 0 { return .different }
                    offset += read
                    if read < wanted { return offset == expected.count ? .same : .different }
                }
            }
        }
    }

    /// Refuses, before anything is written, to replace what Charter did not write at an output's path:
    /// anything that is not a regular file; and, unless the manifest lists the name (`listed`), a file that
    /// differs from the new bytes and does not start with the generated-file header, or cannot be read.
    func refuseForeignFile(named name: String, existing: Existing, listed: Bool) throws(DiagnosticsError) {
        let path = self.path(name)
        let reason: String
        switch existing {
        case .none, .same:
            return
        case .notRegular:
            reason = "is not a regular file (a folder, a symbolic link, a pipe or a device), so Charter did not write it"
        case .different:
            if listed || Self.startsWithGeneratedHeader(fileAt: path) { return }
            reason = "exists and was not written by Charter (not in \(Self.manifestName), no Charter header)"
        case .unreadable:
            if listed { return }
            reason = "exists, cannot be read, and is not in \(Self.manifestName), so it may not be Charter's"
        }
        throw DiagnosticsError([.error(
            "\(path) \(reason); move it away or choose another --output", at: SourceLocation(file: path), code: "output.foreign-file")])
    }

    /// Writes `bytes` atomically (``AtomicWrite``: temporary file in the same folder, then rename) unless the
    /// file already holds exactly these (`existing` is `.same`). Returns whether it wrote.
    func writeIfChanged(_ bytes: [UInt8], named name: String, existing: Existing) throws(DiagnosticsError) -> Bool {
        if existing == .same { return false }
        let path = self.path(name)
        do {
            try AtomicWrite.write(bytes, to: path)
        } catch {
            throw DiagnosticsError([.error("cannot write \(path): \(error.message)", code: "output.unwritable")])
        }
        return true
    }

    /// The files the last run wrote; empty when there is no readable manifest (then nothing is removed).
    func readManifest() -> Set<String> {
        let path = (directory as NSString).appendingPathComponent(Self.manifestName)
        guard let data = FileManager.default.contents(atPath: path), let node = try? JSONReader.parse(data),
            let files = node["files"]?.array
        else { return [] }
        return Set(files.compactMap(\.string))
    }

    /// The start of the header every generated file has.
    static let generatedHeader = Array("// Generated by Charter ".utf8)

    /// Whether the file at `path` starts with ``generatedHeader`` (reads only that much).
    static func startsWithGeneratedHeader(fileAt path: String) -> Bool {
        guard case .opened(let file) = RegularFile.open(path) else { return false }
        var start = [UInt8](repeating: 0, count: generatedHeader.count)
        let read = start.withUnsafeMutableBytes { file.read(into: $0) }
        return read == generatedHeader.count && start == generatedHeader
    }

    /// A manifest entry is only trusted when it names a file directly inside the folder.
    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && !name.contains("\\") && name != "." && name != ".." && !name.hasPrefix(".")
    }
}
