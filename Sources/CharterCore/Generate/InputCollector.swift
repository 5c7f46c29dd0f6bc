import Foundation

/// Expands the paths given on the command line into the contract files to load: files as named, folders
/// searched recursively for `*.json` (sorted, hidden entries and `.build` skipped), and glob patterns
/// (`Schemas/**/*-v2.json`, quoted so the shell leaves them alone) matched against the files below their
/// fixed leading folders (see ``Glob``). A folder or pattern never yields Charter's own files: `charter.json`, and
/// the files a command names `skipping` (a lint baseline, a report written beside the contracts).
public enum InputCollector {
    /// The name of Charter's configuration file, which is never a contract.
    public static let configurationFileName = "charter.json"

    /// The files to load, in a deterministic order. `skipping` holds paths (absolute, or relative to
    /// `workingDirectory`) that a folder or pattern does not yield; a file named as it is still does.
    ///
    /// - Throws: ``DiagnosticsError`` for a path that does not exist or a folder without any `*.json`:
    ///   input that matches nothing is an error, never an empty success.
    public static func collect(_ paths: [String], workingDirectory: String = FileManager.default.currentDirectoryPath,
                               skipping: [String] = []) throws(DiagnosticsError) -> [String]
    {
        let skipped = Set(skipping.map { URL(fileURLWithPath: SchemaLoader.absolutePath($0, relativeTo: workingDirectory)).standardizedFileURL.path })
        /// Whether a file a folder or pattern yielded is Charter's own.
        func isCharters(_ file: String) -> Bool {
            file.split(separator: "/").last.map(String.init) == configurationFileName
                || (!skipped.isEmpty && skipped.contains(URL(fileURLWithPath: SchemaLoader.absolutePath(file, relativeTo: workingDirectory)).standardizedFileURL.path))
        }
        var bag = DiagnosticBag()
        var files: [String] = []
        var seen: Set<String> = []
        for path in paths {
            let absolute = SchemaLoader.absolutePath(path, relativeTo: workingDirectory)
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: absolute), path.contains(where: { $0 == "*" || $0 == "?" }) {
                let matches = expand(path, workingDirectory: workingDirectory).filter { !isCharters($0) }
                if matches.isEmpty {
                    bag.add(.error("pattern \(path) matches no files", at: SourceLocation(file: path), code: "input.empty"))
                }
                for file in matches
                where seen.insert(URL(fileURLWithPath: SchemaLoader.absolutePath(file, relativeTo: workingDirectory)).standardizedFileURL.path).inserted {
                    files.append(file)
                }
                continue
            }
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                bag.add(.error("no such file or folder: \(path)", at: SourceLocation(file: path), code: "input.missing"))
                continue
            }
            var found: [String] = []
            if isDirectory.boolValue {
                found = jsonFiles(in: absolute).map { relative in
                    path.hasSuffix("/") ? path + relative : path + "/" + relative
                }.filter { !isCharters($0) }
                if found.isEmpty {
                    bag.add(.error("folder \(path) contains no *.json files", at: SourceLocation(file: path), code: "input.empty"))
                }
            } else {
                found = [path]
            }
            for file in found
            where seen.insert(URL(fileURLWithPath: SchemaLoader.absolutePath(file, relativeTo: workingDirectory)).standardizedFileURL.path).inserted
            {
                files.append(file)
            }
        }
        try bag.throwIfErrors()
        return files
    }

    /// The files a glob pattern matches, written as the pattern is (relative or absolute), in byte order:
    /// the pattern's leading folders without wildcards are searched recursively (hidden entries and `.build`
    /// skipped) and every file's path is matched against the whole pattern.
    package static func expand(_ pattern: String, workingDirectory: String) -> [String] {
        let components = pattern.split(separator: "/", omittingEmptySubsequences: false)
        let fixed = components.prefix { !$0.contains("*") && !$0.contains("?") }
        let prefix = fixed.joined(separator: "/")
        let base = prefix.isEmpty ? (pattern.hasPrefix("/") ? "/" : ".") : prefix
        let directory = SchemaLoader.absolutePath(base, relativeTo: workingDirectory)
        let glob = Glob(pattern)
        return files(in: directory, matching: { _ in true }).compactMap { relative in
            let candidate = prefix.isEmpty ? relative : (prefix.hasSuffix("/") ? prefix + relative : prefix + "/" + relative)
            return glob.matches(candidate) ? candidate : nil
        }
    }

    /// Paths of `*.json` files below `directory`, relative to it, sorted by byte order.
    static func jsonFiles(in directory: String) -> [String] {
        files(in: directory) { $0.hasSuffix(".json") }
    }

    /// Paths of the files below `directory` whose name satisfies `accepts`, relative to it, sorted by byte order
    /// (hidden entries and `.build` skipped).
    static func files(in directory: String, matching accepts: (String) -> Bool) -> [String] {
        let directory = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [String] = []
        while let entry = enumerator.nextObject() as? String {
            let name = (entry as NSString).lastPathComponent
            if name.hasPrefix(".") || name == ".build" {
                enumerator.skipDescendants()
                continue
            }
            if accepts(name) {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(entry), isDirectory: &isDirectory),
                    !isDirectory.boolValue
                {
                    result.append(entry)
                }
            }
        }
        return result.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
