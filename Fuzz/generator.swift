// libFuzzer target `generator`: the whole GenerationPipeline (load -> translate -> render) on the
// input as one or two in-memory files (split at the first NUL, see FuzzFiles). Nothing is written
// to disk. Running `swiftc -parse` on every output is too slow per input, so it is a post-pass
// over the final corpus (`scripts/fuzz parse-check`); in here the findings are crashes, hangs
// (-timeout), leaks, and these cheap properties of the output:
//  - every diagnostic formats safely (checkDiagnostics);
//  - a failure is never a `templates.render` error: the embedded templates must render any model
//    the loader and translator accepted (otherwise the user gets exit 2 and no position);
//  - file names are plain, distinct `*.swift` names (they are joined to the output folder);
//  - the generated text contains no control, format (bidi), separator, private-use or unassigned
//    scalar except LF: hostile text from the contract reaches the output only escaped (Trojan
//    Source, `\r` line tricks, NUL);
//  - the output is deterministic within the process (a second run gives the same files).
//    (Across processes and hash seeds is issue 5 item 5; this only catches state leaking
//    between runs.) The second run is done for 1 input in 8 to keep the exec rate up.
// Built by scripts/fuzz with all of Sources/CharterCore; see docs/fuzzing.md.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = FuzzFiles(data, size)
    let pipeline = GenerationPipeline(options: GenerationOptions(), fileSource: input.fileSource)
    let result: GenerationResult
    do throws(DiagnosticsError) {
        result = try pipeline.run(files: input.inputs, workingDirectory: FuzzFiles.directory)
    } catch {
        if !error.diagnostics.contains(where: { $0.severity == .error }) { fuzzFail("generation failed without an error diagnostic") }
        // The embedded templates are part of Charter: whatever the contract, rendering them must not
        // fail. A contract the generator cannot handle needs a positioned error from the loader or
        // the translator, not a template error (exit 2, no position).
        if let render = error.diagnostics.first(where: { $0.code == "templates.render" }) {
            fuzzFail("the embedded templates failed to render an accepted model: \(render.message)")
        }
        checkDiagnostics(error.diagnostics, files: input.files)
        fuzzLog("rejected:")
        for diagnostic in error.diagnostics { fuzzLog(DiagnosticFormatter.format(diagnostic)) }
        return 0
    }
    checkDiagnostics(result.warnings, files: input.files)
    fuzzLog("generated: \(result.files.map { "\($0.name) (\($0.contents.utf8.count) bytes)" }.joined(separator: ", "))")
    for warning in result.warnings { fuzzLog(DiagnosticFormatter.format(warning)) }
    var names: Set<String> = []
    for file in result.files {
        if !OutputWriter.isPlainFileName(file.name) || !file.name.hasSuffix(".swift") {
            fuzzFail("generated file name \(file.name.debugDescription) is not a plain *.swift name")
        }
        if !names.insert(file.name).inserted { fuzzFail("two generated files named \(file.name.debugDescription)") }
        var line = 1
        for scalar in file.contents.unicodeScalars {
            if scalar == "\n" { line += 1; continue }
            if SwiftLiteral.needsEscape(scalar) {
                fuzzFail("raw U+\(String(scalar.value, radix: 16, uppercase: true)) on line \(line) of generated \(file.name)")
            }
        }
    }
    if size % 8 == 0 {
        do throws(DiagnosticsError) {
            let again = try pipeline.run(files: input.inputs, workingDirectory: FuzzFiles.directory)
            if again.files != result.files { fuzzFail("second run generated different files") }
        } catch {
            fuzzFail("second run failed: \(error)")
        }
    }
    return 0
}
