import Foundation

/// Compiles generated code with the toolchain, against CharterRuntime built once per test process: every test that
/// compiles generated code links the same prebuilt runtime instead of compiling its sources again.
public enum SwiftCompiler {
    /// Why the runtime could not be built.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// The compiler's output, or the error that stopped the build.
        public var description: String
    }

    /// The `swiftc` of the toolchain running the tests.
    public static let swiftc: String? =
        ProcessRunner.which("swiftc") ?? (FileManager.default.isExecutableFile(atPath: "/opt/swift/usr/bin/swiftc") ? "/opt/swift/usr/bin/swiftc" : nil)

    /// A folder holding `CharterRuntime.swiftmodule` and `libCharterRuntime.a`, built from Sources/CharterRuntime
    /// (Swift 6 mode, warnings are errors, `-enable-testing` so a test program may `@testable import` it).
    public static let runtime: Result<URL, Failure> = {
        guard let swiftc else { return .failure(Failure(description: "swiftc not found on PATH")) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("charter-runtime-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            RuntimeFolder.removeAtExit(directory.path)
            let sources = try FileManager.default.contentsOfDirectory(atPath: SourceTree.path("Sources/CharterRuntime"))
                .filter { $0.hasSuffix(".swift") }.sorted().map { SourceTree.path("Sources/CharterRuntime/\($0)") }
            let result = try ProcessRunner.run(swiftc, [
                "-emit-library", "-static", "-emit-module", "-module-name", "CharterRuntime", "-parse-as-library",
                "-swift-version", "6", "-Onone", "-warnings-as-errors", "-enable-testing",
                "-emit-module-path", directory.appendingPathComponent("CharterRuntime.swiftmodule").path,
                "-o", directory.appendingPathComponent("libCharterRuntime.a").path,
            ] + sources, in: directory)
            guard result.status == 0 else { return .failure(Failure(description: "building CharterRuntime failed:\n\(result.stderr)")) }
            return .success(directory)
        } catch {
            return .failure(Failure(description: "building CharterRuntime failed: \(error)"))
        }
    }()

    /// Type-checks `files` against the runtime (Swift 6 mode, warnings are errors). Returns compiler output on failure.
    public static func typecheck(_ files: [String]) throws -> ProcessResult {
        let runtime = try runtime.get()
        return try ProcessRunner.run(swiftc!, ["-typecheck", "-swift-version", "6", "-warnings-as-errors", "-I", runtime.path] + files)
    }

    /// Builds an executable from `files` (one of them `main.swift`, or a file with `@main`) linked with the runtime,
    /// in Swift 6 mode, warnings as errors unless `warningsAsErrors` is false; the module is `moduleName` when given (else
    /// the compiler names it after `output`). `libraries` are modules ``buildLibrary(_:moduleName:in:libraries:)`` built
    /// into `libraryDirectory`, which the program may import; they are linked too (the ones that import others first).
    public static func buildExecutable(
        _ files: [String], output: URL, moduleName: String? = nil, warningsAsErrors: Bool = true, libraryDirectory: URL? = nil,
        libraries: [String] = []
    ) throws -> ProcessResult {
        let runtime = try runtime.get()
        let linked = libraryDirectory.map { ["-I", $0.path, "-L", $0.path] + libraries.map { "-l\($0)" } } ?? []
        return try ProcessRunner.run(swiftc!, [
            "-swift-version", "6", "-Onone", "-I", runtime.path, "-L", runtime.path,
        ] + linked + ["-lCharterRuntime", "-o", output.path]
            + (moduleName.map { ["-module-name", $0] } ?? []) + (warningsAsErrors ? ["-warnings-as-errors"] : []) + files)
    }

    /// Builds `files` into module `moduleName` in `directory`: `lib<moduleName>.a` and `<moduleName>.swiftmodule`, in
    /// Swift 6 mode, warnings as errors, against the runtime and any module built there before (`libraries`, which it may
    /// import), as a SwiftPM library target of the package would be built.
    public static func buildLibrary(_ files: [String], moduleName: String, in directory: URL, libraries: [String] = []) throws
        -> ProcessResult
    {
        let runtime = try runtime.get()
        return try ProcessRunner.run(swiftc!, [
            "-emit-library", "-static", "-emit-module", "-module-name", moduleName, "-parse-as-library",
            "-swift-version", "6", "-Onone", "-warnings-as-errors", "-I", runtime.path, "-I", directory.path,
            "-emit-module-path", directory.appendingPathComponent("\(moduleName).swiftmodule").path,
            "-o", directory.appendingPathComponent("lib\(moduleName).a").path,
        ] + files, in: directory)
    }
}

/// Removes the runtime's folder when the test process ends (it lives as long as the process, so no test can).
private enum RuntimeFolder {
    nonisolated(unsafe) private static var path: String?

    /// Registers `folder` for removal at exit. Called once, from `SwiftCompiler.runtime`'s initialiser.
    static func removeAtExit(_ folder: String) {
        path = folder
        atexit {
            if let path = RuntimeFolder.path { try? FileManager.default.removeItem(atPath: path) }
        }
    }
}
