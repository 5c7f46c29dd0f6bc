import Foundation

/// The load stage: reads JSON files, parses every schema in them, resolves `$ref`s (local pointers,
/// relative files, `$id`s and `$anchor`s within the input set, mapped remote prefixes) and parses the
/// contract extension. Never touches the network: a remote `$ref` without a `--ref-map` is an error.
public struct SchemaLoader: Sendable {
    /// Settings and limits.
    public var options: LoaderOptions
    /// Where files are read from.
    public var fileSource: any FileSource

    /// Creates a loader.
    public init(options: LoaderOptions = LoaderOptions(), fileSource: any FileSource = DiskFileSource()) {
        self.options = options
        self.fileSource = fileSource
    }

    /// Loads the given files (absolute paths, or relative to `workingDirectory`) and everything they reference.
    ///
    /// - Throws: ``DiagnosticsError`` with every error found (and the warnings), each with file, line:column
    ///   and JSON pointer.
    public func load(files: [String], workingDirectory: String = FileManager.default.currentDirectoryPath)
        throws(DiagnosticsError) -> SchemaGraph
    {
        let absolute = files.map { Self.absolutePath($0, relativeTo: workingDirectory) }
        let canonical = absolute.map { fileSource.canonicalPath($0) }
        let root = options.root.map { fileSource.canonicalPath(Self.absolutePath($0, relativeTo: workingDirectory)) }
            ?? Self.commonDirectory(of: canonical, preferring: fileSource.canonicalPath(workingDirectory))
        let session = LoadSession(
            options: options, fileSource: fileSource, root: root,
            workingDirectory: fileSource.canonicalPath(workingDirectory))
        // Room for the inputs' schemas up front: one allocation instead of one per input file.
        session.reserveSchemas(forBytes: canonical.reduce(0) { $0 + (fileSource.size(ofFile: $1) ?? 0) })
        // The inputs are read and parsed on all cores first; the walk below (one schema graph, names and
        // references claimed in order) stays on this thread and takes each parsed file from here.
        let inputs = canonical.filter { Self.isInside($0, directory: root) }
        let parsed = OrderedParallelMap.map(inputs) { [options, fileSource] (path: String) throws(Never) -> ParsedFile? in
            ParsedFile.read(path, fileSource: fileSource, options: options)
        }
        for (path, file) in zip(inputs, parsed) { session.parsedInputs[path] = file }
        for (index, path) in canonical.enumerated() {
            session.loadInput(path: path, named: files[index])
        }
        session.resolvePendingReferences()
        session.checkReferenceCycles()
        session.checkReferenceChains()
        try session.bag.throwIfErrors()
        return SchemaGraph(documents: session.documents, schemas: session.schemas, warnings: session.bag.warnings)
    }

    /// `path` made absolute against `directory`.
    package static func absolutePath(_ path: String, relativeTo directory: String) -> String {
        if path.hasPrefix("/") { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// The deepest folder containing every file; the working directory when it contains them all.
    package static func commonDirectory(of files: [String], preferring workingDirectory: String) -> String {
        let directories = files.map { ($0 as NSString).deletingLastPathComponent }
        if directories.allSatisfy({ isInside($0, directory: workingDirectory) }) { return workingDirectory }
        guard var common = directories.first?.split(separator: "/", omittingEmptySubsequences: true) else {
            return workingDirectory
        }
        for directory in directories.dropFirst() {
            let parts = directory.split(separator: "/", omittingEmptySubsequences: true)
            var count = 0
            while count < common.count, count < parts.count, common[count] == parts[count] { count += 1 }
            common = Array(common.prefix(count))
        }
        return "/" + common.joined(separator: "/")
    }

    /// Whether `path` is `directory` or below it.
    static func isInside(_ path: String, directory: String) -> Bool {
        if directory == "/" { return path.hasPrefix("/") }
        return path == directory || path.hasPrefix(directory.hasSuffix("/") ? directory : directory + "/")
    }
}

/// The mutable state of one load.
///
/// Used by one thread; its stored properties are unchecked for exclusivity at run time, as
/// ``TranslationSession``'s are.
final class LoadSession {
    let options: LoaderOptions
    let fileSource: any FileSource
    let root: String
    let workingDirectory: String
    @exclusivity(unchecked) var bag = DiagnosticBag()
    @exclusivity(unchecked) var documents: [SchemaDocument] = []
    @exclusivity(unchecked) var schemas: [Schema] = []
    /// Absolute canonical path → document.
    @exclusivity(unchecked) var documentByPath: [String: DocumentID] = [:]
    /// Per document: where a parsed value starts (the byte offset of its first character) → the schema
    /// parsed from it. Every value of a parsed document starts at its own offset, so this names the same node
    /// as its JSON pointer would, without hashing the pointer's tokens; and a table per document stays small
    /// enough to stay in the cache while that document is walked.
    @exclusivity(unchecked) var schemaAtOffset: [[Int: SchemaID]] = []
    /// Absolute resource URI (no fragment) → where that resource's root is.
    @exclusivity(unchecked) var resources: [String: NodeAddress] = [:]
    /// Resource URI → anchor name → where it is.
    @exclusivity(unchecked) var anchors: [String: [String: NodeAddress]] = [:]
    /// References waiting to be resolved.
    @exclusivity(unchecked) var pending: [PendingReference] = []
    /// Input files read and parsed ahead of the walk (on all cores), by canonical path; taken out when walked.
    @exclusivity(unchecked) var parsedInputs: [String: ParsedFile] = [:]
    /// Unknown keywords already reported per document (one warning per keyword and file).
    @exclusivity(unchecked) var reportedUnknown: Set<String> = []
    /// Set when the schema-count limit was hit, so it is reported once.
    @exclusivity(unchecked) var schemaLimitReported = false

    init(options: LoaderOptions, fileSource: any FileSource, root: String, workingDirectory: String) {
        self.options = options
        self.fileSource = fileSource
        self.root = root
        self.workingDirectory = workingDirectory
    }

    /// Where a JSON value is: a document and a pointer inside it.
    struct NodeAddress: Hashable {
        var document: DocumentID
        var pointer: JSONPointer
    }

    /// A `$ref` seen while walking, resolved once every input is walked.
    struct PendingReference {
        var schema: SchemaID
        var text: String
        var base: URIReference
        var location: SourceLocation
        var keyword: String
    }

    // MARK: Documents

    /// Loads a file named as input.
    func loadInput(path: String, named: String) {
        if documentByPath[path] != nil { return }
        guard SchemaLoader.isInside(path, directory: root) else {
            bag.add(.error("input \(named) is outside the root folder \(root)", at: SourceLocation(file: named), code: "load.outside-root"))
            return
        }
        _ = loadDocument(path: path, isInput: true, requestedBy: nil)
    }

    /// Reads, parses and walks one file (`retrievalURI`: the mapped URI it was read for, its base URI unless it
    /// declares `$id`). Returns nil (with a diagnostic) when it cannot.
    func loadDocument(path: String, isInput: Bool, requestedBy: SourceLocation?, retrievalURI: URIReference? = nil) -> DocumentID? {
        if let existing = documentByPath[path] { return existing }
        let display = displayPath(for: path)
        guard documents.count < options.maxDocuments else {
            bag.add(.error("more than \(options.maxDocuments) files reached through $ref", at: requestedBy, code: "limit.documents"))
            return nil
        }
        guard let size = fileSource.size(ofFile: path) else {
            bag.add(.error("no such file: \(display)", at: requestedBy ?? SourceLocation(file: display), code: "load.missing-file"))
            return nil
        }
        guard size <= options.maxFileSize else {
            bag.add(.error("file is \(size) bytes, larger than the limit of \(options.maxFileSize)", at: SourceLocation(file: display), code: "limit.file-size"))
            return nil
        }
        guard let file = parsedInputs.removeValue(forKey: path) ?? ParsedFile.read(path, fileSource: fileSource, options: options) else {
            bag.add(.error("cannot read \(display)", at: requestedBy ?? SourceLocation(file: display), code: "load.unreadable"))
            return nil
        }
        let byteCount = file.byteCount
        let json: JSONNode
        switch file.json {
        case .success(let root):
            json = root
        case .failure(let error):
            bag.add(.error(
                error.message, at: SourceLocation(file: display, position: error.position, pointer: error.pointer),
                code: "json.syntax",
                related: error.relatedPosition.map { [SourceLocation(file: display, position: $0, pointer: error.pointer)] } ?? []))
            return nil
        }
        let id = DocumentID(documents.count)
        let fileURI = URIReference(scheme: "file", authority: "", path: Self.percentEncodePath(path), query: nil, fragment: nil)
        let dialectIsLegacy = Self.usesLegacyID(json)
        // A file read for a mapped URI has that URI as its base (JSON Schema's retrieval URI), so its relative
        // references resolve through the mapping rather than against the folder on disk.
        var base = retrievalURI ?? fileURI
        if let idText = json.object?[dialectIsLegacy ? "id" : "$id"]?.string {
            base = URIReference(idText).resolved(against: base).withoutFragment
        }
        documents.append(SchemaDocument(
            id: id, path: path, displayPath: display, root: json, rootSchema: SchemaID(-1), baseURI: base.description,
            isInput: isInput, contract: nil, rootRelativePath: rootRelativePath(for: path)))
        documentByPath[path] = id
        schemaAtOffset.append(Dictionary(minimumCapacity: min(byteCount / 64, options.maxSchemas)))
        // The file URI always names the document, even when it declares an `$id`.
        resources[fileURI.description] = NodeAddress(document: id, pointer: .root)
        if let retrievalURI { resources[retrievalURI.description] = NodeAddress(document: id, pointer: .root) }
        reserveSchemas(forBytes: byteCount)
        let rootSchema = walk(json, document: id, pointer: .root, base: retrievalURI ?? fileURI, depth: 0, legacyID: dialectIsLegacy)
        documents[id.rawValue].rootSchema = rootSchema
        if let extensionNode = json.object?["x-contract"] {
            let parser = ContractParser(session: self, document: id, base: URIReference(documents[id.rawValue].baseURI))
            documents[id.rawValue].contract = parser.parse(extensionNode)
        }
        return id
    }

    /// Whether the document uses draft-04 `id` instead of `$id`.
    static func usesLegacyID(_ json: JSONNode) -> Bool {
        guard let dialect = json.object?["$schema"]?.string else { return false }
        return dialect.contains("draft-04") || dialect.contains("draft-03")
    }

    /// A path for messages: relative to the working directory when inside it.
    func displayPath(for path: String) -> String {
        if !options.absolutePaths, SchemaLoader.isInside(path, directory: workingDirectory), path != workingDirectory {
            let prefix = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
            return String(path.dropFirst(prefix.count))
        }
        return path
    }

    /// A path relative to the root, for generated headers.
    func rootRelativePath(for path: String) -> String {
        if SchemaLoader.isInside(path, directory: root), path != root {
            let prefix = root.hasSuffix("/") ? root : root + "/"
            return String(path.dropFirst(prefix.count))
        }
        return (path as NSString).lastPathComponent
    }

    /// Percent-encodes the characters of a file path that cannot appear in a URI path.
    static func percentEncodePath(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            if isPathByte(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// ASCII letters, digits and `/-._~!$&'()*+,;=:@`: the bytes a URI path may hold as they are.
    private static func isPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return pathPunctuation.contains(byte)
        }
    }

    private static let pathPunctuation = Array("/-._~!$&'()*+,;=:@".utf8)

    /// Decodes `%XX` escapes in a URI path; nil when malformed or not UTF-8.
    static func percentDecode(_ text: String) -> String? {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(),
                    let value = UInt8(String(bytes: [high, low], encoding: .ascii) ?? "", radix: 16)
                else { return nil }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(bytes: bytes, encoding: .utf8)
    }

    // MARK: Schemas

    /// Reserves room for the schemas `byteCount` more bytes of JSON probably hold (one per 64 bytes;
    /// formatted contracts have one JSON object per 80–140 bytes), so that walking large documents does not
    /// copy the growing schema table again and again (each document's index of its
    /// schemas is sized the same way when the document is read). Grows at least
    /// geometrically, so many small documents cost no more than one large one. A large table is mapped on
    /// demand, so room reserved and never touched costs address space, not memory.
    func reserveSchemas(forBytes byteCount: Int) {
        let expected = min(schemas.count + byteCount / 64, options.maxSchemas)
        guard schemas.capacity < expected else { return }
        let capacity = min(max(expected, schemas.capacity * 2), options.maxSchemas)
        schemas.reserveCapacity(capacity)
    }

    /// Allocates a schema slot, or nil when the schema limit is reached.
    func allocate(document: DocumentID, pointer: JSONPointer, node: JSONNode) -> SchemaID? {
        guard schemas.count < options.maxSchemas else {
            if !schemaLimitReported {
                schemaLimitReported = true
                bag.add(.error("more than \(options.maxSchemas) schemas", at: location(document, pointer, node.position), code: "limit.schemas"))
            }
            return nil
        }
        let id = SchemaID(schemas.count)
        schemas.append(Schema(id: id, document: document, location: location(document, pointer, node.position), node: node))
        schemaAtOffset[document.rawValue][node.position.offset] = id
        return id
    }

    /// The schema already parsed from `node`, a value of `document`.
    func parsedSchema(_ document: DocumentID, _ node: JSONNode) -> SchemaID? {
        schemaAtOffset[document.rawValue][node.position.offset]
    }

    /// A location in a document.
    func location(_ document: DocumentID, _ pointer: JSONPointer, _ position: SourcePosition?) -> SourceLocation {
        SourceLocation(file: documents[document.rawValue].displayPath, position: position, pointer: pointer)
    }

    /// Where a resource that declared an `$id` first declared it: its `$id` (or draft-04's `id`), with line and column;
    /// else the resource itself.
    func previousID(_ resource: NodeAddress) -> SourceLocation {
        let root = documents[resource.document.rawValue].root
        for keyword in ["$id", "id"] {
            let pointer = resource.pointer.appending(keyword)
            if let node = root.node(at: pointer), case .string = node.value { return location(resource.document, pointer, node.position) }
        }
        return location(resource.document, resource.pointer, root.node(at: resource.pointer)?.position)
    }
}

/// One file read and parsed: its size and its JSON, or why it does not parse.
struct ParsedFile: Sendable {
    /// How many bytes the file holds.
    var byteCount: Int
    /// The parsed document, or the syntax error.
    var json: Result<JSONNode, JSONParseError>

    /// Reads and parses `path`; nil when it is missing, larger than the loader allows, or unreadable (the loader
    /// reports which, in order, when it comes to the file).
    static func read(_ path: String, fileSource: any FileSource, options: LoaderOptions) -> ParsedFile? {
        guard let size = fileSource.size(ofFile: path), size <= options.maxFileSize,
            let bytes = fileSource.contents(ofFile: path)
        else { return nil }
        do {
            return ParsedFile(byteCount: bytes.count, json: .success(try JSONReader.parse(bytes, options: JSONReaderOptions(maxDepth: options.maxJSONDepth))))
        } catch {
            return ParsedFile(byteCount: bytes.count, json: .failure(error))
        }
    }
}
