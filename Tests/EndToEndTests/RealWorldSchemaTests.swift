import CharterTestSupport
import Foundation
import XCTest

/// Robustness on real estates: every SchemaStore schema in `../shared/realworld/schemastore` either
/// generates Swift that compiles (Swift 6, warnings as errors) or fails with a positioned error —
/// never a crash, never a hang.
final class RealWorldSchemaTests: XCTestCase {
    func testEverySchemaStoreSchemaGeneratesCodeThatCompilesOrFailsCleanly() throws {
        let folder = Repository.shared.appendingPathComponent("realworld/schemastore")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertEqual(names.count, 62, "the real-world corpus should hold 62 schemas")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("charter-realworld-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let positioned = try NSRegularExpression(pattern: #"^[^\n]+:\d+:\d+: error: .+ \[[^\]]*\]$"#, options: [.anchorsMatchLines])

        var generated: [String] = []
        var rejected: [String] = []
        var compiled = 0
        for name in names {
            let output = scratch.appendingPathComponent(name)
            let run = try ProcessRunner.run(
                Repository.charterExecutable.path,
                ["generate", folder.appendingPathComponent(name).path, "--output", output.path, "--root", folder.path, "--quiet"],
                timeout: 60)
            XCTAssertFalse(run.timedOut, "\(name): charter did not finish within 60 s")
            switch run.status {
            case 0:
                generated.append(name)
                let files = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".swift") }
                    .map { output.appendingPathComponent($0).path }
                XCTAssertFalse(files.isEmpty, "\(name): exit 0 but no Swift file written")
                let check = try SwiftCompiler.typecheck(files)
                if check.status == 0 {
                    compiled += 1
                } else {
                    XCTFail("\(name): generated code does not compile:\n" + check.stderr.split(separator: "\n").prefix(20).joined(separator: "\n"))
                }
            case 1:
                rejected.append(name)
                let range = NSRange(run.stderr.startIndex..., in: run.stderr)
                XCTAssertNotNil(positioned.firstMatch(in: run.stderr, range: range), "\(name): rejected without a positioned error:\n\(run.stderr)")
            default:
                XCTFail("\(name): charter exited \(run.status) (crash or tool error):\n\(run.stderr.prefix(2000))")
            }
        }
        print("realworld: \(generated.count)/\(names.count) generated, \(compiled) compiled, \(rejected.count) rejected with positioned errors \(rejected)")
    }
}
