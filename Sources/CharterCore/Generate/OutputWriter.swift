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

    /// Writes `files`, then the manifest. Each existing output is read once to compare (twice for a
    /// file the manifest does not list, which is first checked for being Charter's).
    public func write(_ files: [GeneratedFile]) throws(DiagnosticsError) -> WriteReport {
        try createDirectory()
        let previous = readManifest()
        for file in files where !previous.contains(file.name) {
            try refuseForeignFile(file, existing: existingContents(file.name))
        }
        var report = WriteReport()
        for file in files {
            if try writeIfChanged(file.contents, named: file.name, existing: existingContents(file.name)) {
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
        _ = try writeIfChanged(manifestText, named: Self.manifestName, existing: existingContents(Self.manifestName))
        return report
    }

    /// Writes one file without touching the manifest (the build plugin declares each output itself and
    /// runs one command per contract, so a shared manifest would race).
    public func writeSingle(_ file: GeneratedFile) throws(DiagnosticsError) -> WriteReport {
        try createDirectory()
        let existing = existingContents(file.name)
        try refuseForeignFile(file, existing: existing)
        let written = try writeIfChanged(file.contents, named: file.name, existing: existing)
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

    /// The bytes of the file at `name` in the output folder, or nil when there is no readable file.
    func existingContents(_ name: String) -> Data? {
        FileManager.default.contents(atPath: path(name))
    }

    /// Refuses to replace a file Charter did not write (called before anything is written for every file
    /// the manifest does not list): one that differs from `file` and does not start with the
    /// generated-file header.
    func refuseForeignFile(_ file: GeneratedFile, existing: Data?) throws(DiagnosticsError) {
        guard let existing, !Self.isGenerated(existing), !Self.holds(existing, file.contents) else { return }
        let path = self.path(file.name)
        throw DiagnosticsError([.error(
            "\(path) exists and was not written by Charter (not in \(Self.manifestName), no Charter header); move it away or choose another --output",
            at: SourceLocation(file: path), code: "output.foreign-file")])
    }

    /// Writes `text` atomically (temporary file in the same folder, then rename) unless `existing`, the
    /// file's current bytes, already are exactly its UTF-8. Returns whether it wrote.
    func writeIfChanged(_ text: String, named name: String, existing: Data?) throws(DiagnosticsError) -> Bool {
        if let existing, Self.holds(existing, text) { return false }
        let path = self.path(name)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw DiagnosticsError([.error("cannot write \(path): \(error.localizedDescription)", code: "output.unwritable")])
        }
        return true
    }

    /// Whether `data` is exactly the UTF-8 of `text`, compared in place (no copy of either).
    static func holds(_ data: Data, _ text: String) -> Bool {
        let utf8 = text.utf8
        guard data.count == utf8.count else { return false }
        let compared = utf8.withContiguousStorageIfAvailable { textBytes in
            data.withUnsafeBytes { dataBytes in
                textBytes.isEmpty || memcmp(dataBytes.baseAddress!, textBytes.baseAddress!, textBytes.count) == 0
            }
        }
        return compared ?? data.elementsEqual(utf8)
    }

    /// The files the last run wrote; empty when there is no readable manifest (then nothing is removed).
    func readManifest() -> Set<String> {
        let path = (directory as NSString).appendingPathComponent(Self.manifestName)
        guard let data = FileManager.default.contents(atPath: path), let node = try? JSONReader.parse(data),
            let files = node["files"]?.array
        else { return [] }
        return Set(files.compactMap(\.string))
    }

    /// Whether a file starts with the header every generated file has.
    static func isGenerated(_ data: Data) -> Bool {
        data.starts(with: Data("// Generated by Charter ".utf8))
    }

    /// A manifest entry is only trusted when it names a file directly inside the folder.
    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && !name.contains("\\") && name != "." && name != ".." && !name.hasPrefix(".")
    }
}
