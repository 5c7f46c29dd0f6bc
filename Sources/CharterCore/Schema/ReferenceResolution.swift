/// Resolving `$ref`s: by `$id` within the input set, by relative file path inside the root, through
/// `--ref-map` mirrors, then by pointer or anchor inside the target resource. Never by download.
extension LoadSession {
    /// Resolves every queued reference, loading referenced files as needed (which may queue more).
    func resolvePendingReferences() {
        var index = 0
        while index < pending.count {
            let reference = pending[index]
            index += 1
            if let target = resolve(reference) {
                schemas[reference.schema.rawValue].ref = target
            }
        }
        pending.removeAll()
    }

    /// Resolves one reference to a schema, or reports why it cannot.
    func resolve(_ reference: PendingReference) -> SchemaID? {
        let uri = URIReference(reference.text).resolved(against: reference.base)
        let resourceURI = uri.withoutFragment
        guard let resource = findResource(resourceURI, reference: reference) else { return nil }
        let fragment = uri.fragment ?? ""
        let target: NodeAddress
        if fragment.isEmpty {
            target = resource
        } else if fragment.hasPrefix("/") || fragment.hasPrefix("%2F") {
            guard let pointer = try? JSONPointer(fragment: fragment) else {
                bag.add(.error("invalid JSON pointer \"#\(fragment)\" in \(reference.keyword)", at: reference.location, code: "ref.invalid-pointer"))
                return nil
            }
            target = NodeAddress(document: resource.document, pointer: JSONPointer(tokens: resource.pointer.tokens + pointer.tokens))
        } else {
            let resourceKey = resourceKeyFor(resource, requested: resourceURI)
            guard let anchored = anchors[resourceKey]?[fragment] ?? anchors[resourceURI.description]?[fragment] else {
                bag.add(.error(
                    "no anchor \"\(fragment)\" in \(displayResource(resourceURI))", at: reference.location, code: "ref.unresolved",
                    hint: "declare it with \"$anchor\": \"\(fragment)\""))
                return nil
            }
            target = anchored
        }
        let document = documents[target.document.rawValue]
        guard let node = document.root.node(at: target.pointer) else {
            bag.add(.error(
                "$ref \"\(reference.text)\" points at nothing: \(document.displayPath) has no value at \(target.pointer.description.isEmpty ? "#" : target.pointer.description)",
                at: reference.location, code: "ref.unresolved",
                hint: Self.suggestion(for: target.pointer, in: document.root, file: reference.text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "")))
            return nil
        }
        if let existing = parsedSchema(target.document, node) { return existing }
        let base = URIReference(resourceKeyFor(resource, requested: resourceURI))
        let id = walk(
            node, document: target.document, pointer: target.pointer, base: base, depth: 0,
            legacyID: Self.usesLegacyID(document.root))
        return id
    }

    /// The resource key anchors of `resource` are registered under.
    func resourceKeyFor(_ resource: NodeAddress, requested: URIReference) -> String {
        if let node = documents[resource.document.rawValue].root.node(at: resource.pointer),
            let schemaID = parsedSchema(resource.document, node), let declared = schemas[schemaID.rawValue].resourceURI
        {
            return declared
        }
        if resource.pointer.tokens.isEmpty { return documents[resource.document.rawValue].baseURI }
        return requested.description
    }

    /// Finds (loading when needed) the resource a reference names.
    func findResource(_ uri: URIReference, reference: PendingReference) -> NodeAddress? {
        if let known = resources[uri.description] { return known }
        switch uri.scheme {
        case "file":
            guard let path = Self.percentDecode(uri.path) else {
                bag.add(.error("malformed file reference \"\(reference.text)\"", at: reference.location, code: "ref.unresolved"))
                return nil
            }
            return loadReferencedFile(path, allowedRoot: root, rootName: "the input root", reference: reference)
        case "http", "https":
            // The longest matching prefix wins, whatever the order the mappings were given in.
            if let mapping = options.refMappings.filter({ uri.description.hasPrefix($0.prefix) }).max(by: { $0.prefix.count < $1.prefix.count }) {
                let rest = String(uri.description.dropFirst(mapping.prefix.count))
                guard let relative = Self.percentDecode(rest) else {
                    bag.add(.error("malformed reference \"\(reference.text)\"", at: reference.location, code: "ref.unresolved"))
                    return nil
                }
                let directory = fileSource.canonicalPath(mapping.directory)
                let path = URIReference.removeDotSegments(directory + "/" + relative)
                return loadReferencedFile(
                    path, allowedRoot: directory, rootName: "the mapped folder \(mapping.directory)", reference: reference,
                    retrievalURI: uri.withoutFragment)
            }
            // A relative reference from a document with an `$id` may still name a sibling file on disk.
            let written = URIReference(reference.text)
            if !written.isAbsolute, let fileBase = fileURI(of: reference) {
                let candidate = written.resolved(against: fileBase).withoutFragment
                if let known = resources[candidate.description] { return known }
                if let path = Self.percentDecode(candidate.path) {
                    let canonical = fileSource.canonicalPath(path)
                    // A file there, or a path out of the root (which is refused as such, there or not).
                    if fileSource.size(ofFile: canonical) != nil || !SchemaLoader.isInside(canonical, directory: root) {
                        return loadReferencedFile(path, allowedRoot: root, rootName: "the input root", reference: reference)
                    }
                    // Most likely a sibling file that is missing: say so, with the URI the `$id` made of it.
                    bag.add(.error(
                        "$ref \"\(reference.text)\" names no loaded schema: there is no file \(displayPath(for: canonical)), and against "
                            + "$id \(reference.base.description) it is \(uri.withoutFragment.description), which no input declares (Charter never downloads schemas)",
                        at: reference.location, code: "ref.unresolved",
                        hint: "add the file, or the schema with that $id, to the inputs — or map the prefix to a local folder with \(options.refMappingAdvice.rawValue)"))
                    return nil
                }
            }
            bag.add(.error(
                "remote reference \(uri.description) is not loaded: Charter never downloads schemas",
                at: reference.location, code: "ref.remote",
                hint: "add the schema to the inputs, or map the prefix to a local folder with \(options.refMappingAdvice.rawValue)"))
            return nil
        default:
            bag.add(.error(
                "cannot resolve \(reference.keyword) \"\(reference.text)\": no schema in the inputs has $id \(uri.description)",
                at: reference.location, code: "ref.unresolved"))
            return nil
        }
    }

    /// The `file:` URI of the document a reference is written in.
    func fileURI(of reference: PendingReference) -> URIReference? {
        let document = documents[schemas[reference.schema.rawValue].document.rawValue]
        return URIReference(scheme: "file", authority: "", path: Self.percentEncodePath(document.path), query: nil, fragment: nil)
    }

    /// Loads a file a reference names, refusing paths that escape `allowedRoot` (after resolving symlinks).
    /// `retrievalURI` is the URI a `--ref-map` mapping read the file for: its base URI, as JSON Schema has it, so
    /// relative references inside it stay under the mapping.
    func loadReferencedFile(
        _ path: String, allowedRoot: String, rootName: String, reference: PendingReference, retrievalURI: URIReference? = nil
    ) -> NodeAddress? {
        let canonical = fileSource.canonicalPath(path)
        guard SchemaLoader.isInside(canonical, directory: allowedRoot) else {
            bag.add(.error(
                "$ref \"\(reference.text)\" escapes \(rootName) (\(allowedRoot))", at: reference.location, code: "ref.escapes-root",
                hint: "keep referenced schemas inside the root, or pass --root"))
            return nil
        }
        guard let document = loadDocument(path: canonical, isInput: false, requestedBy: reference.location, retrievalURI: retrievalURI)
        else { return nil }
        return NodeAddress(document: document, pointer: .root)
    }

    /// A resource URI for messages: a file path when it is a file.
    func displayResource(_ uri: URIReference) -> String {
        if uri.scheme == "file", let path = Self.percentDecode(uri.path) { return displayPath(for: path) }
        return uri.description
    }

    /// Rejects cycles made only of references (`{"$ref": "#"}` at the root, A → B → A), which describe no value.
    func checkReferenceCycles() {
        var state: [Int: Bool] = [:]  // false: on the current chain, true: known to end
        for start in schemas.indices where schemas[start].ref != nil {
            var chain: [Int] = []
            var current = start
            while state[current] == nil, let next = schemas[current].ref?.rawValue, schemas[current].isPureReference {
                state[current] = false
                chain.append(current)
                current = next
                if state[current] == false {
                    let cycle = chain.drop(while: { $0 != current }).map { schemas[$0].location }
                    bag.add(.error(
                        "reference cycle with no content: " + (cycle.map(\.reference) + [schemas[current].location.reference]).joined(separator: " → "),
                        at: schemas[current].location, code: "ref.cycle"))
                    break
                }
            }
            for index in chain { state[index] = true }
        }
    }

    /// Rejects chains of `$ref`/`allOf` links longer than ``LoaderOptions/maxReferenceChain`` (an
    /// iterative longest-path search; links that close a cycle end the path).
    func checkReferenceChains() {
        var depth = Array(repeating: -1, count: schemas.count)  // -1 unvisited, -2 on the current path
        var reported = false
        for start in schemas.indices where depth[start] == -1 && !reported {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            depth[start] = -2
            while let (node, next) = stack.last {
                let links = Self.chainLinks(ref: schemas[node].ref, allOf: schemas[node].allOf)
                if next < links.count {
                    stack[stack.count - 1].next += 1
                    let child = links[next]
                    if depth[child] == -1 {
                        depth[child] = -2
                        stack.append((child, 0))
                    }
                    continue
                }
                stack.removeLast()
                depth[node] = 1 + (links.map { depth[$0] }.filter { $0 >= 0 }.max() ?? -1)
                if depth[node] > options.maxReferenceChain && !reported {
                    reported = true
                    bag.add(.error(
                        "chain of $ref/allOf links longer than \(options.maxReferenceChain) starting here",
                        at: schemas[node].location, code: "limit.reference-chain"))
                }
            }
        }
    }

    static func chainLinks(ref: SchemaID?, allOf: [SchemaID]) -> [Int] {
        (ref.map { [$0.rawValue] } ?? []) + allOf.map(\.rawValue)
    }

    /// "did you mean …" for a pointer whose last token is a near miss of a sibling key (`Stok` → `Stock`).
    ///
    /// Only names a person would type are compared (up to ``suggestionNameLimit`` characters), and a
    /// key whose length alone rules it out is skipped, so a hostile document with many long keys costs
    /// linear time, not minutes of edit distances.
    /// `file` is the reference's part before `#` (empty for a reference inside the document), kept in the suggestion
    /// so that writing it as shown resolves.
    static func suggestion(for pointer: JSONPointer, in root: JSONNode, file: String = "") -> String? {
        guard let last = pointer.tokens.last, last.count <= suggestionNameLimit,
              let parent = pointer.parent, let siblings = root.node(at: parent)?.object else { return nil }
        let threshold = max(1, last.count / 4)
        let lowered = last.lowercased()
        var best: String?
        var bestDistance = threshold + 1
        for key in siblings.keys where key.count <= suggestionNameLimit && abs(key.count - last.count) <= threshold {
            let distance = key.lowercased() == lowered ? 0 : EditDistance.between(key, last)
            if distance < bestDistance { (best, bestDistance) = (key, distance) }
        }
        guard let best else { return nil }
        return "did you mean \"\(file)#\(parent.appending(best))\"?"
    }

    /// The longest `$defs` name compared for a "did you mean" hint.
    static let suggestionNameLimit = 64
}
