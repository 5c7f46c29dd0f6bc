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

    /// The problems, empty when every external contract matches and every name agrees. A contract matches a namespace of
    /// the run, or a file the run loads that has none: one whose every type the run uses is a `$ref` to another file's
    /// (a file of aliases), which ``reachedWarnings(_:graph:)`` then looks through.
    func problems(_ module: IRModule, graph: SchemaGraph, workingDirectory: String) -> [Diagnostic] {
        guard !externalContracts.isEmpty else { return [] }
        var problems: [Diagnostic] = []
        // The namespaces' names, then those of the files loaded without one (files of aliases).
        let withNamespace = Set(module.namespaces.map(\.document))
        let loaded = module.namespaces.map { (name: $0.contractName, major: $0.majorVersion, path: $0.sourcePath) }
            + graph.documents.filter { !withNamespace.contains($0.id) }.map {
                let (name, major) = TranslationSession.namespaceName(of: $0, in: graph)
                return (name: name, major: major, path: $0.rootRelativePath)
            }
        let identities = loaded.map { $0.name + ($0.major.map { " v\($0)" } ?? "") }
        let names = loaded.map(\.name)
        for external in externalContracts where !loaded.contains(where: { external.matches(name: $0.name, major: $0.major) }) {
            let nearest = names.contains(external.name) ? nil : EditDistance.closest(to: external.name, among: names)
            problems.append(.error(
                "--external-contract \(external.argument) matches no contract of this run (\(identities.isEmpty ? "it has none" : "its contracts: " + Self.list(identities)))",
                code: "external.unmatched",
                hint: nearest.map { "did you mean \"\($0)\"?" }
                    ?? "the name is the x-contract \"name\" (and @MAJOR its major version) of a contract the inputs are or reach through $ref; for a file without x-contract, its title, else its file name without .schema.json or .json"))
        }
        // One entry, one contract: an x-contract contract (any of its majors) or one file without x-contract, not both.
        for external in externalContracts {
            let matched = loaded.filter { external.matches(name: $0.name, major: $0.major) }.sorted { $0.path < $1.path }
            guard Set(matched.map { $0.major == nil ? "file " + $0.path : "contract" }).count > 1 else { continue }
            let files = matched.map { "\($0.path) (\($0.major.map { "x-contract \(external.name) v\($0)" } ?? "no x-contract"))" }
            problems.append(.error(
                "--external-contract \(external.argument) matches more than one contract of this run: \(Self.list(files))",
                code: "external.ambiguous",
                hint: "an x-contract contract is named with its major too (\(external.name)@MAJOR=\(external.module)), which a file without x-contract does not match; give a file without x-contract a title no other contract of the run has, and name it by that"))
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
        // From every file of an external contract, those with no namespace (aliases only) too.
        for document in graph.documents {
            let (name, major) = TranslationSession.namespaceName(of: document, in: graph)
            guard let moduleName = externalContracts.module(name: name, major: major) else { continue }
            var reached: Set<DocumentID> = []
            var queue = [document.id]
            while let document = queue.popLast() {
                for next in edges[document] ?? [] where reached.insert(next).inserted { queue.append(next) }
            }
            for other in module.namespaces where reached.contains(other.document) && externalContracts.module(of: other) == nil {
                let entry = ExternalContract(name: other.contractName, major: other.majorVersion, module: moduleName)
                warnings.append(.warning(
                    "\(other.sourcePath) is generated here, but external contract \(name) refers to it, so \(moduleName) declares it too: two types of each of its names",
                    at: other.contract?.location ?? SourceLocation(file: other.sourcePath),
                    code: "external.reached",
                    hint: ExternalContract.canName(other.contractName)
                        ? "make it external as well: --external-contract \(entry.shellArgument) (\"externalContracts\" in charter.json)"
                        : "its name \"\(other.contractName)\" cannot be listed as external (--external-contract and \"externalContracts\" split a name at @ and =): give it an x-contract identity or another title, and list that"))
            }
        }
        return warnings
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
