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
                sources[String(file.dropLast(".mustache".count))] = text
            }
        }
        let library: MustacheLibrary
        do {
            library = try MustacheLibrary(templates: sources)
            try library.validatePartials()
        } catch {
            throw DiagnosticsError([diagnostic(error, overrideDirectory: overrideDirectory, code: "templates.invalid")])
        }
        if let directory = overrideDirectory { try checkNames(in: directory, library: library) }
        return library
    }

    /// A project template must override an embedded one or be used as a partial by one: a misspelt override
    /// (`Structs.mustache`, `file.mustache`) would otherwise change nothing, silently.
    static func checkNames(in directory: String, library: MustacheLibrary) throws(DiagnosticsError) {
        let used = library.partialNames
        for name in library.templateNames where EmbeddedTemplates.all[name] == nil && !used.contains(name) {
            let path = (directory as NSString).appendingPathComponent(name + ".mustache")
            let known = EmbeddedTemplates.all.keys.sorted()
            let hint = EditDistance.closest(to: name, among: known, within: max(2, name.count / 3), ignoringCase: true)
                .map { "did you mean \($0).mustache?" } ?? "the templates are " + known.map { $0 + ".mustache" }.joined(separator: ", ")
            throw DiagnosticsError([.error("this template overrides none of Charter's, and no template uses it as a partial",
                                           at: SourceLocation(file: path), code: "templates.unknown", hint: hint)])
        }
    }

    /// Where a template comes from, for messages: the project's override file when its folder has one,
    /// else the embedded default's path in Charter's `Templates/`.
    public static func sourcePath(of template: String, overrideDirectory: String?) -> String {
        if let directory = overrideDirectory {
            let path = (directory as NSString).appendingPathComponent(template + ".mustache")
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return "Templates/\(template).mustache"
    }

    /// A template problem (parse or render) as an error at the template file's line and column.
    public static func diagnostic(_ error: MustacheError, overrideDirectory: String?, code: String) -> Diagnostic {
        let file = sourcePath(of: error.template, overrideDirectory: overrideDirectory)
        let position = error.line > 0 ? SourcePosition(line: error.line, column: max(error.column, 1), offset: 0) : nil
        return .error(error.message, at: SourceLocation(file: file, position: position), code: code)
    }
}
