/// A file to write: its name inside the output folder and its contents, kept as the UTF-8 bytes that
/// are written (the renderer produces bytes; a large file is not copied into a `String` unless asked).
/// Two files are equal when their names and bytes are (not when their texts are merely
/// Unicode-equivalent).
public struct GeneratedFile: Hashable, Sendable {
    /// The file name, e.g. `InventoryV2.swift`.
    public var name: String
    /// The file's bytes: UTF-8 text.
    public var utf8: [UInt8]

    /// The full text (decoded from ``utf8`` on each read).
    public var contents: String {
        get { String(decoding: utf8, as: UTF8.self) }
        set { utf8 = Array(newValue.utf8) }
    }

    /// Creates a file from its text.
    public init(name: String, contents: String) {
        self.name = name
        self.utf8 = Array(contents.utf8)
    }

    /// Creates a file from UTF-8 bytes.
    public init(name: String, utf8: [UInt8]) {
        self.name = name
        self.utf8 = utf8
    }
}

/// The render stage for Swift: IR → view models → templates → one file per namespace (or
/// ``SwiftOptions/filesPerContract`` files per namespace).
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

    /// Renders every namespace of `module` into a file named after it (or into
    /// ``SwiftOptions/filesPerContract`` files, or as many as ``SwiftOptions/automaticFilesPerContract`` chooses,
    /// see ``SwiftFileParts``), in namespace order. The files are
    /// independent once names are settled, so they render on all cores (see ``OrderedParallelMap``).
    public func generate(_ module: IRModule) throws(MustacheError) -> [GeneratedFile] {
        let context = SwiftGenerationContext(module: module, options: options)
        let namespaces = options.namespaceFiles
            ? module.namespaces.indices.filter {
                (module.namespaces[$0].isInput || options.emitReferencedFiles) && options.externalContracts.module(of: module.namespaces[$0]) == nil
            }
            : []
        let imports = Self.imports(module, options: options)
        let parts = namespaces.flatMap { index in
            let types = module.namespaces[index].types
            let count = options.automaticFilesPerContract
                ? SwiftFileParts.automaticCount(types: types.count, files: namespaces.count)
                : max(options.filesPerContract, 1)
            let ranges = count == 1
                ? [types.indices]
                : SwiftFileParts.partition(types.map { SwiftFileParts.weight(of: $0, in: module) }, into: count)
            return ranges.enumerated().map { FilePart(namespace: index, number: $0.offset + 1, count: count, types: $0.element) }
        }
        let files = try OrderedParallelMap.map(parts) { (part: FilePart) throws(MustacheError) -> GeneratedFile in
            try renderFile(part, context: context, imports: imports)
        }
        return try files + adapterFiles(context: context)
    }

    /// The modules every generated file imports besides the runtime: those of the external contracts that match a
    /// namespace of `module` (``SwiftOptions/externalContracts``), sorted, each once.
    static func imports(_ module: IRModule, options: SwiftOptions) -> [String] {
        Set(module.namespaces.compactMap { options.externalContracts.module(of: $0) }).sorted()
    }

    /// One file of version adapters per contract given in two or more major versions
    /// (`InventoryAdapters.swift`), after the contracts' own files; none unless ``SwiftOptions/emit`` has
    /// ``SwiftOutput/adapters``. Deprecated types (which carry `@available(*, deprecated)`) get no adapter:
    /// naming them would make the generated code warn.
    /// A contract any of whose majors is external (``SwiftOptions/externalContracts``) gets none: its module has them.
    func adapterFiles(context: SwiftGenerationContext) throws(MustacheError) -> [GeneratedFile] {
        guard options.emit.contains(.adapters) else { return [] }
        let module = context.module
        let sets = VersionAdapterPlanner(module).plan { context.attributes(module[$0]).isEmpty }
        var scope = NameScope(reserved: Set(context.names.namespaces))
        var files: [GeneratedFile] = []
        // A contract whose majors share no type still gets its (empty) file: the build plugin declares it.
        for set in sets where !set.namespaces.contains(where: { options.externalContracts.module(of: module.namespaces[$0]) != nil }) {
            let name = scope.claim(SwiftIdentifier.typeName(set.contractName) + "Adapters")
            let bytes = try templates.renderUTF8(
                "Adapters", SwiftAdapterBuilder(context: context).build(set), escaping: .none, missingNames: .error,
                expectedLength: Self.expectedBytesPerType * set.directions.reduce(1) { $0 + $1.types.count } / 2)
            files.append(GeneratedFile(name: name + ".swift", utf8: bytes))
        }
        return files
    }

    /// One file to render: a run of a namespace's top-level types.
    struct FilePart: Sendable {
        /// The namespace's index in the module.
        var namespace: Int
        /// 1-based; part 1 declares the namespace.
        var number: Int
        /// How many files the namespace is split into.
        var count: Int
        /// Indices into the namespace's `types`.
        var types: Range<Int>
    }

    /// A generous guess at the Swift one declaration renders to (the built-in templates average about
    /// 3.3 KB per type on the synthetic corpora, and about 2 KB on the bundled contracts), so the output buffer
    /// is reserved once instead of doubling its way up, copying itself each time.
    static let expectedBytesPerType = 8 * 1024

    /// Renders one file of a namespace.
    func renderFile(_ part: FilePart, context: SwiftGenerationContext, imports: [String] = []) throws(MustacheError) -> GeneratedFile {
        let module = context.module
        let namespace = module.namespaces[part.namespace]
        let name = context.names.namespaces[part.namespace]
        let types = namespace.types[part.types]
        let contract: MustacheValue = namespace.contract.map { contract in
            .object([
                "name": .string(SwiftLiteral.commentLines(contract.name).joined()),
                "version": .string(contract.version.description),
            ])
        } ?? .null
        // The client and the provider follow the types in the namespace's last file, built from one model.
        var clientValue: MustacheValue = .null
        var providerValue: MustacheValue = .null
        if part.number == part.count {
            let models = SwiftOperationModel.models(namespace: part.namespace, context: context)
            // The response enums are the client's to declare, or the provider's when there is no client.
            if options.emit.contains(.client) || options.emit.contains(.provider) {
                clientValue = SwiftClientBuilder(context: context).build(
                    namespace: part.namespace, models: models, declaresClient: options.emit.contains(.client))
            }
            if options.emit.contains(.provider) {
                providerValue = SwiftProviderBuilder(context: context).build(namespace: part.namespace, models: models)
            }
        }
        let value: MustacheValue = .object([
            "charterVersion": .string(Charter.version),
            "sourcePath": .string(SwiftLiteral.commentLines(namespace.sourcePath).joined(separator: " ")),
            "contract": contract,
            "access": .string(options.accessLevel.modifier),
            "runtimeModule": .string(options.runtimeModule),
            "imports": .list(imports.map(MustacheValue.string)),
            "namespace": .string(name),
            "declaresNamespace": .bool(part.number == 1),
            "part": part.count > 1 ? .object(["number": .string(String(part.number)), "count": .string(String(part.count))]) : .null,
            "namespaceDocumentation": .list(namespaceDocumentation(namespace, module: module).map(MustacheValue.string)),
            "types": .list(types.map(context.declaration)),
            // The events follow the types in the namespace's last file.
            "events": part.number == part.count && options.emit.contains(.events)
                ? SwiftEventBuilder(context: context).build(namespace: part.namespace) : .null,
            "client": clientValue,
            "provider": providerValue,
        ])
        let bytes = try templates.renderUTF8(
            "File", value, escaping: .none, missingNames: .error,
            expectedLength: Self.expectedBytesPerType * (types.count + 1))
        return GeneratedFile(name: SwiftFileParts.fileName(name + ".swift", part: part.number), utf8: bytes)
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

    /// The fully qualified Swift name of every event definition (`OrdersV2.Events.OrderCaptured`), by
    /// namespace index and then in event order (see ``IRNamespace/events``).
    public func qualifiedEventNames(_ module: IRModule) -> [[String]] {
        let names = SwiftNames(module)
        return module.namespaces.indices.map { index in
            names.events[index].map { "\(names.namespaces[index]).\(names.eventContainers[index]).\($0)" }
        }
    }

    /// The fully qualified Swift name of every declared type (`InventoryV2.Order.Line`), by type index:
    /// what tests and tools use to refer to generated types from outside the namespace.
    public func qualifiedTypeNames(_ module: IRModule) -> [String] {
        let names = SwiftNames(module)
        return module.types.map { names.qualifiedName(of: $0.id, in: module) }
    }
}
