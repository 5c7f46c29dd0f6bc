import Foundation

/// Loads the templates generation uses: the embedded defaults, each overridable by a file of the same
/// name in a project's template folder (`--templates DIR`), without forking Charter.
public enum TemplateSet {
    /// The embedded templates merged with every `*.mustache` file in `overrideDirectory`.
    ///
    /// - Throws: ``DiagnosticsError`` naming the file and line:column of a template that does not parse,
    ///   or a folder that does not exist.
    public static func load(overrideDirectory: String? = nil) throws(DiagnosticsError) -> MustacheLibrary {
        var sources = EmbeddedTemplates.all
        var paths: [String: String] = [:]
        if let directory = overrideDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw DiagnosticsError([.error("template folder \(directory) does not exist", code: "templates.missing")])
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".mustache") }.sorted()
            for file in names {
                let path = (directory as NSString).appendingPathComponent(file)
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw DiagnosticsError([.error("cannot read template \(path) as UTF-8", at: SourceLocation(file: path), code: "templates.unreadable")])
                }
                let name = String(file.dropLast(".mustache".count))
                sources[name] = text
                paths[name] = path
            }
        }
        let library: MustacheLibrary
        do {
            library = try MustacheLibrary(templates: sources)
            try library.validatePartials()
        } catch {
            let file = paths[error.template] ?? "Templates/\(error.template).mustache"
            throw DiagnosticsError([.error(
                error.message, at: SourceLocation(file: file, position: SourcePosition(line: max(error.line, 1), column: max(error.column, 1), offset: 0)),
                code: "templates.invalid")])
        }
        return library
    }
}
