// libFuzzer target `lint`: the input as one or two schema files in memory (split at the first NUL
// into /f/a.json and /f/b.json, see FuzzFiles), loaded through SchemaLoader and, when it loads,
// linted with every rule (the strict preset) on a fixed date and rendered in every output format.
//
// Properties checked besides "no crash":
//  - every finding formats without raw control/bidi characters, with a position inside the file it
//    names (checkDiagnostics, on the findings as diagnostics);
//  - linting twice gives the same report in every format (determinism).
// Built by scripts/fuzz with all of Sources/CharterCore, Sources/CharterGovernance and Sources/CharterCompatibility
// as one module; see docs/fuzzing.md.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = FuzzFiles(data, size)
    guard let graph = try? SchemaLoader(options: LoaderOptions(), fileSource: input.fileSource)
        .load(files: input.inputs, workingDirectory: FuzzFiles.directory)
    else { return 0 }
    var configuration = LintConfiguration()
    configuration.preset = .strict
    let linter = Linter(configuration: configuration, today: "2026-06-01")
    let report = linter.lint(graph)
    checkDiagnostics(report.findings.map { Diagnostic($0.severity, $0.message, at: $0.location) }, files: input.files)
    let again = linter.lint(graph)
    for format in LintOutputFormat.allCases {
        let text = LintOutputFormat.render(report, as: format)
        if text != LintOutputFormat.render(again, as: format) { fuzzFail("\(format) output differs between two runs") }
    }
    fuzzLog("linted: \(report.findings.count) findings")
    return 0
}
