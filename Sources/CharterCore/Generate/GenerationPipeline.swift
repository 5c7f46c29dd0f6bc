import Foundation

/// Settings of one generation run.
public struct GenerationOptions: Sendable {
    /// Loader settings (root, ref maps, limits).
    public var loader: LoaderOptions
    /// Swift settings (access level).
    public var swift: SwiftOptions
    /// A folder of template overrides.
    public var templateDirectory: String?

    /// Creates options.
    public init(loader: LoaderOptions = LoaderOptions(), swift: SwiftOptions = SwiftOptions(), templateDirectory: String? = nil) {
        self.loader = loader
        self.swift = swift
        self.templateDirectory = templateDirectory
    }
}

/// The result of a generation run: the files (not yet written) and any warnings.
public struct GenerationResult: Sendable {
    /// One file per contract major version (namespace), or ``SwiftOptions/filesPerContract`` files each, in
    /// namespace order and then part order.
    public var files: [GeneratedFile]
    /// Warnings from every stage.
    public var warnings: [Diagnostic]
    /// The translated model the files were rendered from.
    public var module: IRModule
}

/// The whole pipeline on one screen: read → load → translate → render. Writing is separate
/// (``OutputWriter``) so nothing touches the disk unless every stage succeeded.
public struct GenerationPipeline: Sendable {
    /// Settings.
    public var options: GenerationOptions
    /// Where input files are read from.
    public var fileSource: any FileSource

    /// Creates a pipeline.
    public init(options: GenerationOptions = GenerationOptions(), fileSource: any FileSource = DiskFileSource()) {
        self.options = options
        self.fileSource = fileSource
    }

    /// Runs the stages on the given contract files.
    public func run(files: [String], workingDirectory: String = FileManager.default.currentDirectoryPath)
        throws(DiagnosticsError) -> GenerationResult
    {
        let templates = try TemplateSet.load(overrideDirectory: options.templateDirectory)
        let (module, warnings) = try loadAndTranslate(files: files, workingDirectory: workingDirectory)
        let generated: [GeneratedFile]
        do {
            generated = try SwiftGenerator(options: options.swift, templates: templates).generate(module)
        } catch {
            throw DiagnosticsError([TemplateSet.diagnostic(error, overrideDirectory: options.templateDirectory, code: "templates.render")])
        }
        // A rename (`x-renamed-from`) that names nothing in the neighbouring major pairs nothing in the adapters.
        let renames = options.swift.emit.contains(.adapters) ? VersionAdapterPlanner(module).renameWarnings() : []
        return GenerationResult(files: generated, warnings: warnings + renames, module: module)
    }

    /// Load and translate, with their warnings. The schema graph, the biggest structure of a run, lives
    /// only inside this call, so it is freed before rendering starts.
    private func loadAndTranslate(files: [String], workingDirectory: String)
        throws(DiagnosticsError) -> (module: IRModule, warnings: [Diagnostic])
    {
        let loader = SchemaLoader(options: options.loader, fileSource: fileSource)
        let graph = try loader.load(files: files, workingDirectory: workingDirectory)
        let module = try Translator().translate(graph)
        let check = ExternalContractCheck(externalContracts: options.swift.externalContracts, loader: loader)
        let external = check.problems(module, graph: graph, workingDirectory: workingDirectory)
        if !external.isEmpty { throw DiagnosticsError(external) }
        return (module, graph.warnings + module.warnings + check.reachedWarnings(module, graph: graph))
    }
}
