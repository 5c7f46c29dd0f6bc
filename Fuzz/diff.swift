// libFuzzer target `diff`: the input split at the first NUL into /f/a.json (the base) and
// /f/b.json (the head; a.json again when there is none), each loaded on its own through
// SchemaLoader and, when both load, compared with every change check, then rendered as findings
// and as the HTML compatibility report.
//
// Properties checked besides "no crash":
//  - a contract set compared with itself has no changes and every version passes;
//  - the comparison is deterministic (same changes twice, same HTML twice).
// Built by scripts/fuzz with all of Sources/CharterCore, Sources/CharterGovernance and Sources/CharterCompatibility
// as one module; see docs/fuzzing.md.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = FuzzFiles(data, size)
    let loader = SchemaLoader(options: LoaderOptions(), fileSource: input.fileSource)
    guard let base = try? loader.load(files: [FuzzFiles.a], workingDirectory: FuzzFiles.directory) else { return 0 }
    let headFile = input.files[FuzzFiles.b].map { $0.isEmpty ? FuzzFiles.a : FuzzFiles.b } ?? FuzzFiles.a
    guard let head = try? loader.load(files: [headFile], workingDirectory: FuzzFiles.directory) else { return 0 }
    let differ = ContractDiffer()
    let same = differ.diff(base: base, head: base)
    if !same.changes.isEmpty { fuzzFail("a contract set compared with itself has changes: \(same.changes.map(\.message))") }
    if same.versions.contains(where: { !$0.passes }) { fuzzFail("a contract set compared with itself fails the version gate") }
    let result = differ.diff(base: base, head: head)
    if result.changes != differ.diff(base: base, head: head).changes { fuzzFail("two comparisons of the same sets differ") }
    let report = DiffReport.findings(result, files: head.documents.map(\.displayPath))
    checkDiagnostics(report.findings.filter { $0.location.file.hasSuffix(headFile.split(separator: "/").last.map(String.init) ?? "") }
        .map { Diagnostic($0.severity, $0.message, at: $0.location) }, files: input.files)
    for format in LintOutputFormat.allCases { _ = LintOutputFormat.render(report, as: format) }
    let html = CompatibilityHTMLReport.render(result, head: head, baseName: "a.json", today: "2026-06-01")
    if html != CompatibilityHTMLReport.render(result, head: head, baseName: "a.json", today: "2026-06-01") { fuzzFail("HTML report differs between two runs") }
    fuzzLog("diffed: \(result.changes.count) changes")
    return 0
}
