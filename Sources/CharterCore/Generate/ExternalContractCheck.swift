/// Checks the external contracts of a run (``SwiftOptions/externalContracts``): each must match a contract of the run,
/// and the Swift names this run gives an external contract's namespace and types must be the ones its own module
/// declares — the names a generation of that contract's file alone gives (what `charter generate common-v1.json` and
/// the build plugin's command for it produce). Names are settled per namespace, but a type takes a `Model` suffix when
/// another namespace of the run has its name, so a run that holds more namespaces can name a type differently.
struct ExternalContractCheck {
    /// The contracts to check.
    var externalContracts: [ExternalContract]
    /// How the contracts' files are loaded: the run's own settings.
    var loader: SchemaLoader

    /// The problems, empty when every external contract matches and every name agrees.
    func problems(_ module: IRModule, workingDirectory: String) -> [Diagnostic] {
        guard !externalContracts.isEmpty else { return [] }
        var problems: [Diagnostic] = []
        let identities = module.namespaces.map(Self.identity)
        let names = module.namespaces.map(\.contractName)
        for external in externalContracts where !module.namespaces.contains(where: external.matches) {
            let nearest = names.contains(external.name) ? nil : EditDistance.closest(to: external.name, among: names)
            problems.append(.error(
                "--external-contract \(external.argument) matches no contract of this run (\(identities.isEmpty ? "it has none" : "its contracts: " + Self.list(identities)))",
                code: "external.unmatched",
                hint: nearest.map { "did you mean \"\($0)\"?" }
                    ?? "the name is the x-contract \"name\" (and @MAJOR its major version) of a contract the inputs are or reach through $ref; for a file without x-contract, its title, else its file name without .json"))
        }
        guard problems.isEmpty else { return problems }
        let swiftNames = SwiftNames(module)
        for index in module.namespaces.indices {
            let namespace = module.namespaces[index]
            guard let moduleName = externalContracts.module(of: namespace) else { continue }
            problems += mismatches(namespace: index, of: module, names: swiftNames, moduleName: moduleName, workingDirectory: workingDirectory)
        }
        return problems
    }

    /// Where the names of one external namespace in this run differ from those of the namespace generated alone.
    private func mismatches(namespace index: Int, of module: IRModule, names: SwiftNames, moduleName: String, workingDirectory: String) -> [Diagnostic] {
        let namespace = module.namespaces[index]
        let location = namespace.contract?.location ?? SourceLocation(file: namespace.sourcePath)
        let alone: IRModule
        do {
            alone = try Translator().translate(loader.load(files: [namespace.file], workingDirectory: workingDirectory))
        } catch {
            // The file loaded and translated in this run; alone it does not (e.g. a limit): its module cannot have built either.
            return error.diagnostics
        }
        guard let aloneIndex = alone.namespaces.firstIndex(where: { $0.file == namespace.file }) else { return [] }
        let aloneNames = SwiftNames(alone)
        let hint = "\(moduleName) declares the names a generation of \(namespace.sourcePath) alone gives; rename the type in one of the contracts, or generate \(namespace.contractName) here instead of importing it"
        if names.namespaces[index] != aloneNames.namespaces[aloneIndex] {
            return [.error(
                "external contract \(namespace.contractName) is \(names.namespaces[index]) in this run but \(aloneNames.namespaces[aloneIndex]) in \(moduleName)",
                at: location, code: "external.names", hint: hint)]
        }
        var aloneByPointer: [String: String] = [:]
        for type in alone.types where type.namespace == aloneIndex {
            aloneByPointer[type.documentation.origin.pointer.description] = aloneByPointer[type.documentation.origin.pointer.description]
                ?? aloneNames.qualifiedName(of: type.id, in: alone)
        }
        var problems: [Diagnostic] = []
        for type in module.types where type.namespace == index {
            let here = names.qualifiedName(of: type.id, in: module)
            let there = aloneByPointer[type.documentation.origin.pointer.description]
            guard here != there else { continue }
            problems.append(.error(
                there.map { "\(here), a type of external contract \(namespace.contractName), is \($0) in \(moduleName)" }
                    ?? "\(here), a type of external contract \(namespace.contractName), has no counterpart in \(moduleName)",
                at: type.documentation.origin, code: "external.names", hint: hint))
        }
        return problems
    }

    /// A warning for each contract generated in this run that an external contract refers to through `$ref` (directly or
    /// not): the external module declares it too, since it generates what its contract reaches, so the two would be
    /// distinct types of one name unless it is listed as external as well.
    func reachedWarnings(_ module: IRModule, graph: SchemaGraph) -> [Diagnostic] {
        guard !externalContracts.isEmpty else { return [] }
        var edges: [DocumentID: Set<DocumentID>] = [:]
        for schema in graph.schemas {
            guard let target = schema.ref else { continue }
            let to = graph[target].document
            if to != schema.document { edges[schema.document, default: []].insert(to) }
        }
        var warnings: [Diagnostic] = []
        for namespace in module.namespaces {
            guard let moduleName = externalContracts.module(of: namespace) else { continue }
            var reached: Set<DocumentID> = []
            var queue = [namespace.document]
            while let document = queue.popLast() {
                for next in edges[document] ?? [] where reached.insert(next).inserted { queue.append(next) }
            }
            for other in module.namespaces where reached.contains(other.document) && externalContracts.module(of: other) == nil {
                let identity = other.contractName + (other.majorVersion.map { "@\($0)" } ?? "")
                warnings.append(.warning(
                    "\(other.sourcePath) is generated here, but external contract \(namespace.contractName) refers to it, so \(moduleName) declares it too: two types of each of its names",
                    at: other.contract?.location ?? SourceLocation(file: other.sourcePath),
                    code: "external.reached",
                    hint: "make it external as well: --external-contract \(identity)=\(moduleName) (\"externalContracts\" in charter.json)"))
            }
        }
        return warnings
    }

    /// How a namespace is named in messages: `common v1`, or for a file without an `x-contract` identity the name
    /// `--external-contract` takes for it (`Common`).
    static func identity(_ namespace: IRNamespace) -> String {
        namespace.contractName + (namespace.majorVersion.map { " v\($0)" } ?? "")
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
