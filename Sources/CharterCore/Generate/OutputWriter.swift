import Foundation

/// What the writer did, for the CLI to report.
public struct WriteReport: Sendable, Hashable {
    /// Files written because they were new or changed.
    public var written: [String] = []
    /// Files left alone because their bytes were already right (keeps builds incremental).
    public var unchanged: [String] = []
    /// Files Charter wrote earlier (per the manifest) that are no longer generated, now removed.
    public var removed: [String] = []
}

/// The write stage: puts generated files into the output folder atomically (temporary file, then
/// rename), rewrites a file only when its bytes change, and removes stale outputs only when
/// `.charter-manifest.json` says Charter wrote them. Files Charter did not write are never touched.
public struct OutputWriter: Sendable {
    /// The manifest's file name inside the output folder.
    public static let manifestName = ".charter-manifest.json"

    /// The output folder.
    public var directory: String

    /// Creates a writer for a folder (created on first write).
    public init(directory: String) { self.directory = directory }

    /// Writes `files`, then the manifest. Each existing output is compared with its new bytes once, before
    /// anything is written; a file the manifest does not list is also checked for being Charter's.
    public func write(_ files: [GeneratedFile]) throws(DiagnosticsError) -> WriteReport {
        try createDirectory()
        let previous = readManifest()
        let states = files.map { existing($0.name, comparedWith: $0.utf8) }
        for (file, state) in zip(files, states) where !previous.contains(file.name) {
            try refuseForeignFile(file, existing: state)
        }
        var report = WriteReport()
        for (file, state) in zip(files, states) {
            if try writeIfChanged(file.utf8, named: file.name, existing: state) {
                report.written.append(file.name)
            } else {
                report.unchanged.append(file.name)
            }
        }
        let current = Set(files.map(\.name))
        for stale in previous.sorted() where !current.contains(stale) && Self.isPlainFileName(stale) {
            let path = self.path(stale)
            if FileManager.default.fileExists(atPath: path), (try? FileManager.default.removeItem(atPath: path)) != nil {
                report.removed.append(stale)
            }
        }
        let manifest = JSONNode(.object(JSONObject(members: [
            JSONMember(key: "generator", value: JSONNode(.string("charter \(Charter.version)"))),
            JSONMember(key: "files", value: JSONNode(.array(files.map(\.name).sorted().map { JSONNode(.string($0)) }))),
        ])))
        let manifestText = JSONWriter.write(manifest, pretty: true) + "\n"
        let manifestBytes = Array(manifestText.utf8)
        _ = try writeIfChanged(manifestBytes, named: Self.manifestName, existing: existing(Self.manifestName, comparedWith: manifestBytes))
        return report
    }

    /// Writes one file without touching the manifest (the build plugin declares each output itself and
    /// runs one command per contract, so a shared manifest would race).
    public func writeSingle(_ file: GeneratedFile) throws(DiagnosticsError) -> WriteReport {
        try createDirectory()
        let existing = existing(file.name, comparedWith: file.utf8)
        try refuseForeignFile(file, existing: existing)
        let written = try writeIfChanged(file.utf8, named: file.name, existing: existing)
        return WriteReport(written: written ? [file.name] : [], unchanged: written ? [] : [file.name])
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
        /// No regular file (nothing, or something that is not a file: writing will say so).
        case none
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

    /// Compares the file at `path` with `bytes` without loading it whole: sizes first (`fstat`), then a
    /// chunk of up to 64 KiB at a time, stopping at the first difference.
    static func compare(fileAt path: String, with bytes: [UInt8]) -> Existing {
        let file: RegularFile
        switch RegularFile.open(path) {
        case .notAFile: return .none
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

    /// Refuses to replace a file Charter did not write (called, before anything is written, for every
    /// file the manifest does not list): one that differs from `file` and does not start with the
    /// generated-file header, or one that cannot be read.
    func refuseForeignFile(_ file: GeneratedFile, existing: Existing) throws(DiagnosticsError) {
        let path = self.path(file.name)
        switch existing {
        case .none, .same:
            return
        case .different:
            if Self.startsWithGeneratedHeader(fileAt: path) { return }
            throw DiagnosticsError([.error(
                "\(path) exists and was not written by Charter (not in \(Self.manifestName), no Charter header); move it away or choose another --output",
                at: SourceLocation(file: path), code: "output.foreign-file")])
        case .unreadable:
            throw DiagnosticsError([.error(
                "\(path) exists, cannot be read, and is not in \(Self.manifestName), so it may not be Charter's; move it away or choose another --output",
                at: SourceLocation(file: path), code: "output.foreign-file")])
        }
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
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: generatedHeader.count)) ?? Data()
        return start.elementsEqual(generatedHeader)
    }

    /// A manifest entry is only trusted when it names a file directly inside the folder.
    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && !name.contains("\\") && name != "." && name != ".." && !name.hasPrefix(".")
    }
}
