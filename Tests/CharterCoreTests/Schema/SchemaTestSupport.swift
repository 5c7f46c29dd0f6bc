import XCTest
@testable import CharterCore

/// Contract files held in memory, loaded the way the command line loads them. Paths without a leading
/// `/` live under the working directory `/c`.
struct ContractFixture {
    /// Path → text.
    var files: [String: String]
    /// The files named as input, in order (relative to `/c` unless absolute).
    var inputs: [String]
    /// Loader settings.
    var options = LoaderOptions()
    /// Where relative paths start.
    var workingDirectory = "/c"

    init(_ files: [String: String], inputs: [String]? = nil, options: LoaderOptions = LoaderOptions(), workingDirectory: String = "/c") {
        self.files = files
        self.inputs = inputs ?? files.keys.sorted()
        self.options = options
        self.workingDirectory = workingDirectory
    }

    /// One file, `/c/a.json`, as the only input.
    init(_ text: String, options: LoaderOptions = LoaderOptions()) {
        self.init(["a.json": text], inputs: ["a.json"], options: options)
    }

    /// The in-memory file system.
    var source: MemoryFileSource {
        MemoryFileSource(Dictionary(uniqueKeysWithValues: files.map { path, text in
            (path.hasPrefix("/") ? path : "/c/" + path, text)
        }))
    }

    /// Loads the inputs.
    func load() -> Result<SchemaGraph, DiagnosticsError> {
        do {
            return .success(try SchemaLoader(options: options, fileSource: source).load(files: inputs, workingDirectory: workingDirectory))
        } catch {
            return .failure(error)
        }
    }

    /// Loads and translates the inputs.
    func translate() -> Result<IRModule, DiagnosticsError> {
        do {
            let graph = try SchemaLoader(options: options, fileSource: source).load(files: inputs, workingDirectory: workingDirectory)
            return .success(try Translator().translate(graph))
        } catch {
            return .failure(error)
        }
    }

    /// Runs the whole generation pipeline: file name → Swift source.
    func generate(swift: SwiftOptions = SwiftOptions()) -> Result<[String: String], DiagnosticsError> {
        let options = GenerationOptions(loader: options, swift: swift)
        do {
            let result = try GenerationPipeline(options: options, fileSource: source).run(files: inputs, workingDirectory: workingDirectory)
            return .success(Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) }))
        } catch {
            return .failure(error)
        }
    }
}

/// What a diagnostic must say: its code and severity, `file:line:column` (just `file` when it has no
/// position) and JSON pointer (`""` for the document root).
struct ExpectedDiagnostic: CustomStringConvertible {
    var code: String
    var at: String
    var pointer: String
    var severity: Severity = .error

    var description: String { "\(severity.rawValue) \(code) at \(at) [\(pointer)]" }

    func matches(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.code == code && diagnostic.severity == severity && diagnostic.location?.description == at
            && diagnostic.location?.pointer.description == pointer
    }
}

/// Fails unless one of `diagnostics` matches `expected`; names the row and lists what was found.
func assertDiagnostic(_ expected: ExpectedDiagnostic, in diagnostics: [Diagnostic], _ label: String,
                      file: StaticString = #filePath, line: UInt = #line) {
    guard !diagnostics.contains(where: expected.matches) else { return }
    let found = diagnostics.map { "  \($0.code ?? "-") \($0) " }.joined(separator: "\n")
    XCTFail("\(label): expected \(expected), found:\n\(found)", file: file, line: line)
}

extension SchemaGraph {
    /// The schema written at `pointer` in the file displayed as `file`.
    func schema(in file: String, at pointer: String) -> Schema? {
        schemas.first { $0.location.file == file && $0.location.pointer.description == pointer }
    }

    /// The document displayed as `file`.
    func document(_ file: String) -> SchemaDocument? {
        documents.first { $0.displayPath == file }
    }
}

extension Result {
    /// The success value, failing the test when there is none.
    func value(_ label: String, file: StaticString = #filePath, line: UInt = #line) -> Success? {
        switch self {
        case .success(let value): return value
        case .failure(let error):
            XCTFail("\(label): unexpected failure:\n\(error)", file: file, line: line)
            return nil
        }
    }

    /// The failure, failing the test when the operation succeeded.
    func failure(_ label: String, file: StaticString = #filePath, line: UInt = #line) -> Failure? {
        switch self {
        case .success:
            XCTFail("\(label): succeeded, expected an error", file: file, line: line)
            return nil
        case .failure(let error): return error
        }
    }
}

/// `count` bytes from a fixed-seed xorshift generator: every byte value occurs, and no short period
/// repeats, so a comparison or read at a wrong offset cannot pass by accident.
func pseudoRandomBytes(_ count: Int) -> [UInt8] {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    return (0..<count).map { _ in
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return UInt8(truncatingIfNeeded: state >> 32)
    }
}
