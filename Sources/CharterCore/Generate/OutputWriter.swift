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

    /// Writes `files`, then the manifest. Each existing output is compared once (twice for a file the
    /// manifest does not list, which is first checked for being Charter's).
    public func write(_ files: [GeneratedFile]) throws(DiagnosticsError) -> WriteReport {
        try createDirectory()
        let previous = readManifest()
        for file in files where !previous.contains(file.name) {
            try refuseForeignFile(file, existing: existing(file.name, comparedWith: file.utf8))
        }
        var report = WriteReport()
        for file in files {
            if try writeIfChanged(file.utf8, named: file.name, existing: existing(file.name, comparedWith: file.utf8)) {
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
    }

    /// How the file at `name` in the output folder compares with `bytes`.
    func existing(_ name: String, comparedWith bytes: [UInt8]) -> Existing {
        Self.compare(fileAt: path(name), with: bytes)
    }

    /// Compares the file at `path` with `bytes` without loading it whole: sizes first (`fstat`), then
    /// 64 KiB at a time, stopping at the first difference.
    static func compare(fileAt path: String, with bytes: [UInt8]) -> Existing {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .none }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .none }
        guard Int(info.st_size) == bytes.count else { return .different }
        // One byte more than is left, so a file that grew since `fstat` shows as different.
        var chunk = [UInt8](repeating: 0, count: min(bytes.count, 1 << 16) + 1)
        return bytes.withUnsafeBytes { expected -> Existing in
            chunk.withUnsafeMutableBytes { chunk -> Existing in
                var offset = 0
                while true {
                    let wanted = min(chunk.count, expected.count - offset + 1)
                    let read = Foundation.read(descriptor, chunk.baseAddress!, wanted)
                    if read < 0 && errno == EINTR { continue }
                    if read < 0 || offset + read > expected.count { return .different }
                    if read == 0 { return offset == expected.count ? .same : .different }
                    if memcmp(chunk.baseAddress!, expected.baseAddress! + offset, read) != 0 { return .different }
                    offset += read
                }
            }
        }
    }

    /// Refuses to replace a file Charter did not write (called before anything is written for every file
    /// the manifest does not list): one that differs from `file` and does not start with the
    /// generated-file header.
    func refuseForeignFile(_ file: GeneratedFile, existing: Existing) throws(DiagnosticsError) {
        let path = self.path(file.name)
        guard existing == .different, !Self.startsWithGeneratedHeader(fileAt: path) else { return }
        throw DiagnosticsError([.error(
            "\(path) exists and was not written by Charter (not in \(Self.manifestName), no Charter header); move it away or choose another --output",
            at: SourceLocation(file: path), code: "output.foreign-file")])
    }

    /// Writes `bytes` atomically (temporary file in the same folder, then rename) unless the file
    /// already holds exactly these (`existing` is `.same`). Returns whether it wrote.
    func writeIfChanged(_ bytes: [UInt8], named name: String, existing: Existing) throws(DiagnosticsError) -> Bool {
        if existing == .same { return false }
        let path = self.path(name)
        do {
            try bytes.withUnsafeBytes { buffer in
                // A view of the array for the duration of the write, not a copy of it.
                let data = buffer.isEmpty
                    ? Data()
                    : Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: buffer.baseAddress!), count: buffer.count, deallocator: .none)
                try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            }
        } catch {
            throw DiagnosticsError([.error("cannot write \(path): \(error.localizedDescription)", code: "output.unwritable")])
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
