// libFuzzer target `loader`: the input as one or two schema files in memory (split at the first
// NUL into /f/a.json and /f/b.json, see FuzzFiles), loaded through SchemaLoader. Errors are the
// expected outcome for most inputs; crashes, hangs (-timeout) and leaks are findings.
//
// Properties checked besides "no crash":
//  - every diagnostic (error or warning) formats without raw control/bidi characters and with
//    positions inside the file it names (checkDiagnostics);
//  - on success, every schema's `$ref` target is a schema of the graph, and `resolved(_:)`
//    terminates for every schema (the loader promises to reject cycles of pure references).
// Built by scripts/fuzz with all of Sources/CharterCore; see docs/fuzzing.md.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = FuzzFiles(data, size)
    let loader = SchemaLoader(options: LoaderOptions(), fileSource: input.fileSource)
    do throws(DiagnosticsError) {
        let graph = try loader.load(files: input.inputs, workingDirectory: FuzzFiles.directory)
        checkDiagnostics(graph.warnings, files: input.files)
        for schema in graph.schemas {
            if let ref = schema.ref, !graph.schemas.indices.contains(ref.rawValue) {
                fuzzFail("schema \(schema.location) refers to schema id \(ref.rawValue) outside the graph")
            }
            let target = graph.resolved(schema.id)
            if !graph.schemas.indices.contains(target.rawValue) { fuzzFail("resolved(\(schema.id.rawValue)) left the graph") }
        }
        fuzzLog("loaded: \(graph.documents.count) documents, \(graph.schemas.count) schemas, \(graph.warnings.count) warnings")
        for warning in graph.warnings { fuzzLog(DiagnosticFormatter.format(warning)) }
    } catch {
        if error.diagnostics.isEmpty { fuzzFail("load failed without a diagnostic") }
        if !error.diagnostics.contains(where: { $0.severity == .error }) { fuzzFail("load failed without an error diagnostic") }
        checkDiagnostics(error.diagnostics, files: input.files)
        fuzzLog("rejected:")
        for diagnostic in error.diagnostics { fuzzLog(DiagnosticFormatter.format(diagnostic)) }
    }
    return 0
}
