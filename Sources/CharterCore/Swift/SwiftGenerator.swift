/// A file to write: its name inside the output folder and its contents.
public struct GeneratedFile: Hashable, Sendable {
    /// The file name, e.g. `InventoryV2.swift`.
    public var name: String
    /// The full text.
    public var contents: String

    /// Creates a file.
    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

/// The render stage for Swift: IR → view models → templates → one file per namespace.
public struct SwiftGenerator: Sendable {
    /// Generation settings.
    public var options: SwiftOptions
    /// The templates (the embedded defaults, merged with any overrides).
    public var templates: MustacheLibrary

    /// Creates a generator.
    public init(options: SwiftOptions = SwiftOptions(), templates: MustacheLibrary) {
        self.options = options
        self.templates = templates
    }

    /// Renders every namespace of `module` into a file named after it, in namespace order. The files are
    /// independent once names are settled, so they render on all cores (see ``OrderedParallelMap``).
    public func generate(_ module: IRModule) throws(MustacheError) -> [GeneratedFile] {
        let context = SwiftGenerationContext(module: module, options: options)
        let emitted = module.namespaces.indices.filter { module.namespaces[$0].isInput || options.emitReferencedFiles }
        return try OrderedParallelMap.map(emitted) { (index: Int) throws(MustacheError) -> GeneratedFile in
            try renderFile(namespace: index, context: context)
        }
    }

    /// A generous guess at the Swift one declaration renders to (the built-in templates average about
    /// 3.3 KB per type on the synthetic corpora, and about 2 KB on the bundled contracts), so the output buffer
    /// is reserved once instead of doubling its way up, copying itself each time.
    static let expectedBytesPerType = 8 * 1024

    /// Renders the file of one namespace.
    func renderFile(namespace index: Int, context: SwiftGenerationContext) throws(MustacheError) -> GeneratedFile {
        let module = context.module
        let namespace = module.namespaces[index]
        let name = context.names.namespaces[index]
        let contract: MustacheValue = namespace.contract.map { contract in
            .object([
                "name": .string(SwiftLiteral.commentLines(contract.name).joined()),
                "version": .string(contract.version.description),
            ])
        } ?? .null
        let value: MustacheValue = .object([
            "charterVersion": .string(Charter.version),
            "sourcePath": .string(SwiftLiteral.commentLines(namespace.sourcePath).joined(separator: " ")),
            "contract": contract,
            "access": .string(options.accessLevel.modifier),
            "runtimeModule": .string(options.runtimeModule),
            "namespace": .string(name),
            "namespaceDocumentation": .list(namespaceDocumentation(namespace, module: module).map(MustacheValue.string)),
            "types": .list(namespace.types.map(context.declaration)),
        ])
        let text = try templates.render(
            "File", value, escaping: .none, missingNames: .error,
            expectedLength: Self.expectedBytesPerType * (namespace.types.count + 1))
        return GeneratedFile(name: name + ".swift", contents: text)
    }

    /// The doc comment of the namespace enum: the file's title and description, and the contract identity.
    func namespaceDocumentation(_ namespace: IRNamespace, module: IRModule) -> [String] {
        var extra: [String] = []
        if let contract = namespace.contract {
            extra.append("- Contract: \(contract.name) \(contract.version)" + (contract.owner?.team.map { ", owned by \($0)" } ?? ""))
            if let lifecycle = contract.lifecycle {
                var text = "- Lifecycle: \(lifecycle.status.rawValue)"
                if let sunset = lifecycle.sunset { text += ", sunset \(sunset)" }
                if let successor = lifecycle.successor { text += ", successor \(successor)" }
                extra.append(text)
            }
        }
        return SwiftDocumentation.lines(namespace.documentation, extra: extra)
    }

    /// The fully qualified Swift name of every declared type (`InventoryV2.Order.Line`), by type index:
    /// what tests and tools use to refer to generated types from outside the namespace.
    public func qualifiedTypeNames(_ module: IRModule) -> [String] {
        let names = SwiftNames(module)
        return module.types.map { names.qualifiedName(of: $0.id, in: module) }
    }
}
