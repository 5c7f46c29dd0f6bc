// Shared helpers of the libFuzzer targets (compiled into every target, together with all of
// Sources/CharterCore, as one module named CharterCore; see scripts/fuzz and docs/fuzzing.md).

import Foundation

/// Set `CHARTER_FUZZ_VERBOSE=1` to have the targets print what they did with each input (outcome,
/// diagnostics, generated file names) — for looking at a reproducer or a seed, not for fuzzing.
let fuzzVerbose = ProcessInfo.processInfo.environment["CHARTER_FUZZ_VERBOSE"] != nil

/// Prints `message` to standard error when ``fuzzVerbose`` is set.
func fuzzLog(_ message: @autoclosure () -> String) {
    guard fuzzVerbose else { return }
    FileHandle.standardError.write(Data((message() + "\n").utf8))
}

/// Stops the fuzzer with a message libFuzzer reports as a crash ("deadly signal").
/// Used when a *property* (not just "no crash") is violated.
func fuzzFail(_ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    fatalError("FUZZ PROPERTY VIOLATED: " + message(), file: file, line: line)
}

/// The fuzz input as the files of an in-memory file system.
///
/// The bytes up to the first NUL are `/f/a.json`; the bytes after it (up to a second NUL, if any)
/// are `/f/b.json`. A NUL can never appear in valid JSON text, so every seed that is a JSON file
/// is a one-file input, and the fuzzer discovers the two-file form by inserting a NUL (the schema
/// dictionary contains one). `MemoryFileSource` holds `String`s, so invalid UTF-8 is repaired
/// with U+FFFD (invalid UTF-8 itself is the `json-reader` target's business).
///
/// `inputs` lists the files given to the loader: only `a.json` when `b.json` is absent or empty,
/// both otherwise (so `b.json` is reached both as an input and through `$ref`s from `a.json`).
struct FuzzFiles {
    static let directory = "/f"
    static let a = "/f/a.json"
    static let b = "/f/b.json"

    var files: [String: String]
    var inputs: [String]

    init(_ data: UnsafePointer<UInt8>, _ size: Int) {
        let bytes = UnsafeBufferPointer(start: data, count: size)
        let parts = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
        let first = parts.first.map { String(decoding: $0, as: UTF8.self) } ?? ""
        files = [FuzzFiles.a: first]
        inputs = [FuzzFiles.a]
        if parts.count > 1, !parts[1].isEmpty {
            files[FuzzFiles.b] = String(decoding: parts[1], as: UTF8.self)
            inputs.append(FuzzFiles.b)
        }
    }

    var fileSource: MemoryFileSource { MemoryFileSource(files) }
}

/// Formats every diagnostic the way the CLI prints it (exercises positions, pointers and the
/// sanitiser on hostile text) and checks two properties:
/// - the formatted text carries no control or bidi character except the line feeds the formatter
///   puts between its own lines (a hostile contract must not be able to rewrite the terminal or a
///   CI log);
/// - a position in one of the fuzz files lies inside that file (offset at most its UTF-8 size).
func checkDiagnostics(_ diagnostics: [Diagnostic], files: [String: String]) {
    for diagnostic in diagnostics {
        let text = DiagnosticFormatter.format(diagnostic)
        if text.isEmpty { fuzzFail("empty formatted diagnostic for \(diagnostic.message)") }
        for scalar in text.unicodeScalars where scalar != "\n" && SwiftLiteral.needsEscape(scalar) {
            fuzzFail("unsanitised U+\(String(scalar.value, radix: 16)) in formatted diagnostic: \(text.debugDescription)")
        }
        for location in [diagnostic.location].compactMap({ $0 }) + diagnostic.related {
            guard let position = location.position else { continue }
            if position.line < 1 || position.column < 1 || position.offset < 0 {
                fuzzFail("invalid position \(position) (offset \(position.offset)) in \(diagnostic)")
            }
            let size = files.first { $0.key == location.file || $0.key.hasSuffix("/" + location.file) }?.value.utf8.count
            if let size, position.offset > size {
                fuzzFail("position offset \(position.offset) beyond the end (\(size) bytes) of \(location.file): \(diagnostic)")
            }
        }
    }
}
