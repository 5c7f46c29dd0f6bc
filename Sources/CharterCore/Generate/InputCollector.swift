import Foundation

/// Expands the paths given on the command line into the contract files to load: files as named, folders
/// searched recursively for `*.json` (sorted, hidden entries and `.build` skipped), and glob patterns
/// (`Schemas/**/*-v2.json`, quoted so the shell leaves them alone) matched against the files below their
/// fixed leading folders (see ``Glob``). A folder or pattern never yields Charter's own files: `charter.json`, and
/// the files a command names `skipping` (a lint baseline, a report written beside the contracts).
public enum InputCollector {
    /// The name of Charter's configuration file, which is never a contract.
    public static let configurationFileName = "charter.json"

    /// What one command-line path names, before Charter's own files are left out (``files(of:workingDirectory:skipping:)``).
    package struct Expansion: Sendable, Equatable {
        /// What is at a path.
        package enum Kind: Sendable, Equatable {
            /// A file, named as it is: it counts whatever it is called.
            case file
            /// A folder: its `*.json` files below it.
            case folder
            /// A glob pattern: the files it matches.
            case pattern
            /// Nothing: no such file or folder, and no wildcard.
            case missing
        }

        /// The path as given.
        package var path: String
        /// What it names.
        package var kind: Kind
        /// The files it yields, written as the path is, in byte order (`charter.json` never among a folder's or a
        /// pattern's): the named file itself, a folder's `*.json` files, a pattern's matches.
        package var files: [String]
    }

    /// The files to load, in a deterministic order. `skipping` holds paths (absolute, or relative to
    /// `workingDirectory`) that a folder or pattern does not yield; a file named as it is still does.
    ///
    /// - Throws: ``DiagnosticsError`` for a path that does not exist or a folder without any `*.json`:
    ///   input that matches nothing is an error, never an empty success.
    public static func collect(_ paths: [String], workingDirectory: String = FileManager.default.currentDirectoryPath,
                               skipping: [String] = []) throws(DiagnosticsError) -> [String]
    {
        try files(of: expansions(paths, workingDirectory: workingDirectory), workingDirectory: workingDirectory, skipping: skipping)
    }

    /// What each of `paths` names, in order: read once, so a command can check the files before it loads them
    /// (``files(of:workingDirectory:skipping:)`` then leaves out its own).
    package static func expansions(_ paths: [String], workingDirectory: String) -> [Expansion] {
        paths.map { path in
            let absolute = SchemaLoader.absolutePath(path, relativeTo: workingDirectory)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                guard path.contains(where: { $0 == "*" || $0 == "?" }) else { return Expansion(path: path, kind: .missing, files: []) }
                return Expansion(path: path, kind: .pattern, files: expand(path, workingDirectory: workingDirectory).filter { !isConfiguration($0) })
            }
            guard isDirectory.boolValue else { return Expansion(path: path, kind: .file, files: [path]) }
            let files = jsonFiles(in: absolute).map { relative in path.hasSuffix("/") ? path + relative : path + "/" + relative }
            return Expansion(path: path, kind: .folder, files: files.filter { !isConfiguration($0) })
        }
    }

    /// The files of `expansions` to load, each once, in order: a folder's or a pattern's without those `skipping` names
    /// (paths absolute, or relative to `workingDirectory`); a file named as it is whatever it is.
    ///
    /// - Throws: ``DiagnosticsError`` for each path that matches nothing: a missing one (`input.missing`), a folder
    ///   without any `*.json` or a pattern without a match once the skipped files are left out (`input.empty`).
    package static func files(of expansions: [Expansion], workingDirectory: String, skipping: [String] = []) throws(DiagnosticsError) -> [String] {
        func standardized(_ file: String) -> String { URL(fileURLWithPath: SchemaLoader.absolutePath(file, relativeTo: workingDirectory)).standardizedFileURL.path }
        let skipped = Set(skipping.map(standardized))
        var bag = DiagnosticBag()
        var files: [String] = []
        var seen: Set<String> = []
        for expansion in expansions {
            // Each file's standard path once: for the skip test and for `seen`.
            let standardFiles = expansion.files.map { (file: $0, path: standardized($0)) }
            let found = expansion.kind == .file ? standardFiles : standardFiles.filter { skipped.isEmpty || !skipped.contains($0.path) }
            switch expansion.kind {
            case .missing:
                bag.add(.error("no such file or folder: \(expansion.path)", at: SourceLocation(file: expansion.path), code: "input.missing"))
            case .folder where found.isEmpty:
                bag.add(.error("folder \(expansion.path) contains no *.json files", at: SourceLocation(file: expansion.path), code: "input.empty"))
            case .pattern where found.isEmpty:
                bag.add(.error("pattern \(expansion.path) matches no files", at: SourceLocation(file: expansion.path), code: "input.empty"))
            case .file, .folder, .pattern:
                break
            }
            for file in found where seen.insert(file.path).inserted { files.append(file.file) }
        }
        try bag.throwIfErrors()
        return files
    }

    /// Whether a file a folder or pattern yielded is Charter's configuration, which is never a contract.
    static func isConfiguration(_ file: String) -> Bool {
        file.split(separator: "/").last.map(String.init) == configurationFileName
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
