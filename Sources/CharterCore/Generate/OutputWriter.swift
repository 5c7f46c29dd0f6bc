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

    /// Writes `files`, then the manifest.
    public func write(_ files: [GeneratedFile]) throws(DiagnosticsError) -> WriteReport {
        try createDirectory()
        let previous = readManifest()
        try refuseForeignFiles(files, trusted: previous)
        var report = WriteReport()
        for file in files {
            if try writeIfChanged(Data(file.contents.utf8), named: file.name) {
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
        _ = try writeIfChanged(Data((JSONWriter.write(manifest, pretty: true) + "\n").utf8), named: Self.manifestName)
        return report
    }

    /// Writes one file without touching the manifest (the build plugin declares each output itself and
    /// runs one command per contract, so a shared manifest would race).
    public func writeSingle(_ file: GeneratedFile) throws(DiagnosticsError) -> WriteReport {
        try createDirectory()
        try refuseForeignFiles([file], trusted: [])
        let written = try writeIfChanged(Data(file.contents.utf8), named: file.name)
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

    /// Refuses, before anything is written, to replace a file Charter did not write: one that is neither
    /// listed in the manifest (`trusted`) nor starts with the generated-file header.
    func refuseForeignFiles(_ files: [GeneratedFile], trusted: Set<String>) throws(DiagnosticsError) {
        for file in files {
            let path = self.path(file.name)
            guard let existing = FileManager.default.contents(atPath: path), existing != Data(file.contents.utf8) else { continue }
            if !trusted.contains(file.name) && !Self.isGenerated(existing) {
                throw DiagnosticsError([.error(
                    "\(path) exists and was not written by Charter (not in \(Self.manifestName), no Charter header); move it away or choose another --output",
                    at: SourceLocation(file: path), code: "output.foreign-file")])
            }
        }
    }

    /// Writes `data` atomically (temporary file in the same folder, then rename) unless the file already
    /// holds exactly these bytes. Returns whether it wrote.
    func writeIfChanged(_ data: Data, named name: String) throws(DiagnosticsError) -> Bool {
        let path = self.path(name)
        if FileManager.default.contents(atPath: path) == data { return false }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
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

    /// Whether a file starts with the header every generated file has.
    static func isGenerated(_ data: Data) -> Bool {
        data.starts(with: Data("// Generated by Charter ".utf8))
    }

    /// A manifest entry is only trusted when it names a file directly inside the folder.
    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && !name.contains("\\") && name != "." && name != ".." && !name.hasPrefix(".")
    }
}
