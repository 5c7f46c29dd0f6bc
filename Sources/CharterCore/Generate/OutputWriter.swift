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
        var report = WriteReport()
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticsError([.error("cannot create output folder \(directory): \(error.localizedDescription)", code: "output.unwritable")])
        }
        let previous = readManifest()
        // Refuse before writing anything: a file Charter did not write is never replaced.
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file.name)
            guard let existing = manager.contents(atPath: path), existing != Data(file.contents.utf8) else { continue }
            if !previous.contains(file.name) && !Self.isGenerated(existing) {
                throw DiagnosticsError([.error(
                    "\(path) exists and was not written by Charter (not in \(Self.manifestName), no Charter header); move it away or choose another --output",
                    at: SourceLocation(file: path), code: "output.foreign-file")])
            }
        }
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file.name)
            let data = Data(file.contents.utf8)
            if manager.contents(atPath: path) == data {
                report.unchanged.append(file.name)
                continue
            }
            do {
                try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw DiagnosticsError([.error("cannot write \(path): \(error.localizedDescription)", code: "output.unwritable")])
            }
            report.written.append(file.name)
        }
        let current = Set(files.map(\.name))
        for stale in previous.sorted() where !current.contains(stale) && Self.isPlainFileName(stale) {
            let path = (directory as NSString).appendingPathComponent(stale)
            if manager.fileExists(atPath: path), (try? manager.removeItem(atPath: path)) != nil {
                report.removed.append(stale)
            }
        }
        let manifest = JSONNode(.object(JSONObject(members: [
            JSONMember(key: "generator", value: JSONNode(.string("charter \(Charter.version)"))),
            JSONMember(key: "files", value: JSONNode(.array(files.map(\.name).sorted().map { JSONNode(.string($0)) }))),
        ])))
        let manifestPath = (directory as NSString).appendingPathComponent(Self.manifestName)
        let manifestData = Data((JSONWriter.write(manifest, pretty: true) + "\n").utf8)
        if manager.contents(atPath: manifestPath) != manifestData {
            do {
                try manifestData.write(to: URL(fileURLWithPath: manifestPath), options: .atomic)
            } catch {
                throw DiagnosticsError([.error("cannot write \(manifestPath): \(error.localizedDescription)", code: "output.unwritable")])
            }
        }
        return report
    }

    /// Writes one file without touching the manifest (the build plugin declares each output itself and
    /// runs one command per contract, so a shared manifest would race).
    public func writeSingle(_ file: GeneratedFile) throws(DiagnosticsError) -> WriteReport {
        var report = WriteReport()
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticsError([.error("cannot create output folder \(directory): \(error.localizedDescription)", code: "output.unwritable")])
        }
        let path = (directory as NSString).appendingPathComponent(file.name)
        let data = Data(file.contents.utf8)
        if FileManager.default.contents(atPath: path) == data {
            report.unchanged.append(file.name)
            return report
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw DiagnosticsError([.error("cannot write \(path): \(error.localizedDescription)", code: "output.unwritable")])
        }
        report.written.append(file.name)
        return report
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
