import Foundation
import XCTest
@testable import CharterCore

/// The constraints on a parameter's array items (`items: {"pattern": …}`) are checked as a scalar parameter's are, by
/// the checks the models use (`SwiftValidationBuilder`): by a generated client when its configuration asks
/// (`ClientValidation.requests`), and always by a generated provider, which answers 400. An issue's path names the
/// parameter and the item's index (`codes/1`), or a map parameter's key (`limits/b`). A client and a provider generated from one contract are compiled
/// together, the client's transport handing each request to the provider's `handle(_:)`; every row is called once with
/// the client checking (it refuses and nothing is sent) and once without (the provider refuses).
final class GeneratedSwiftParameterItemValidationTests: XCTestCase {
    static let contract = ##"""
        {
          "x-contract": {
            "name": "probe", "version": "1.0.0",
            "operations": {
              "probe": {"summary": "Probe", "method": "GET", "path": "/probe",
                "parameters": [
                  {"name": "codes", "in": "query", "schema": {"type": "array", "items": {"type": "string", "pattern": "^[A-Z]{3}$"}}},
                  {"name": "names", "in": "query", "schema": {"type": "array", "items": {"type": "string", "minLength": 2}}},
                  {"name": "counts", "in": "query", "schema": {"type": "array", "items": {"type": "integer", "maximum": 5}}},
                  {"name": "kinds", "in": "query", "schema": {"type": "array", "items": {"type": "string", "enum": ["new", "used"]}}},
                  {"name": "levels", "in": "header", "schema": {"type": "array", "items": {"type": "integer", "minimum": 1}}},
                  {"name": "limits", "in": "query", "schema": {"type": "object", "additionalProperties": {"type": "integer", "maximum": 5}}}
                ],
                "responses": {"204": {"description": "Probed."}}}
            }
          }
        }
        """##

    /// Rows: the call's arguments → the issues the client finds with `.requests` (`-`: none, and the call is made),
    /// and what the provider answers the same request sent unchecked (the problem's detail for a 400).
    static let rows: [(label: String, arguments: String, client: String, provider: String)] = [
        ("valid items", #"codes: ["ABC"], names: ["ok"], counts: [5], kinds: [.new], levels: [1], limits: ["a": 5]"#, "-", "204"),
        ("pattern", #"codes: ["ABC", "abc"]"#,
         "codes/1: must match the pattern ^[A-Z]{3}$ (pattern)",
         "400 parameters break the contract: codes/1 must match the pattern ^[A-Z]{3}$"),
        ("minLength", #"names: ["ok", "x"]"#,
         "names/1: must be at least 2 characters long (is 1) (minLength)",
         "400 parameters break the contract: names/1 must be at least 2 characters long (is 1)"),
        ("maximum", "counts: [5, 6, 7]",
         "counts/1: must be less than or equal to 5 (is 6) (maximum); counts/2: must be less than or equal to 5 (is 7) (maximum)",
         "400 parameters break the contract: counts/1 must be less than or equal to 5 (is 6); counts/2 must be less than or equal to 5 (is 7)"),
        // A string enumeration keeps a value this version does not know (`unrecognized`), in a parameter as in a
        // model: a tolerant reader's choice, not an issue on either side.
        ("enum, a value this version does not know", #"kinds: [.new, .unrecognized("broken")]"#, "-", "204"),
        ("minimum, in a header", "levels: [1, 0]",
         "levels/1: must be greater than or equal to 1 (is 0) (minimum)",
         "400 parameters break the contract: levels/1 must be greater than or equal to 1 (is 0)"),
        // A map parameter (`additionalProperties`, sent as JSON): its values are checked at the parameter's name and key.
        ("maximum, a map's value", #"limits: ["a": 5, "b": 6]"#,
         "limits/b: must be less than or equal to 5 (is 6) (maximum)",
         "400 parameters break the contract: limits/b must be less than or equal to 5 (is 6)"),
        ("two parameters' items", #"codes: ["abc"], counts: [9]"#,
         "codes/0: must match the pattern ^[A-Z]{3}$ (pattern); counts/0: must be less than or equal to 5 (is 9) (maximum)",
         "400 parameters break the contract: codes/0 must match the pattern ^[A-Z]{3}$; counts/0 must be less than or equal to 5 (is 9)"),
    ]

    func testItemConstraintsOfParametersAreChecked() throws {
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate().value("generate"))
        var main = [
            "import Foundation",
            "struct Probe: ProbeV1.Provider {",
            "    func probe(codes: [String]?, names: [String]?, counts: [Int]?, kinds: [ProbeV1.Kind]?, levels: [Int]?, limits: [String: Int]?) async throws -> ProbeV1.ProbeResponse { .noContent }",
            "}",
            "final class Loop: ClientTransport, @unchecked Sendable {",
            "    let lock = NSLock(); var sent = 0",
            "    func send(_ request: ClientRequest, serverURL: URL) async throws -> ClientResponse {",
            "        lock.withLock { sent += 1 }",
            "        return await Probe().handle(request)",
            "    }",
            "}",
            "func client(_ validation: ClientValidation, _ loop: Loop) -> ProbeV1.Client {",
            "    ProbeV1.Client(configuration: ClientConfiguration(serverURL: URL(string: \"https://probe.example\")!, transport: loop, validation: validation, sleep: { _ in }))",
            "}",
            "func detail(_ body: Data) -> String {",
            "    ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any])?[\"detail\"] as? String ?? String(decoding: body, as: UTF8.self)",
            "}",
            "func row(_ label: String, _ call: (ProbeV1.Client) async throws -> ProbeV1.ProbeResponse) async {",
            "    let checking = Loop()",
            "    do {",
            "        _ = try await call(client(.requests, checking))",
            "        print(\"\\(label) | client: - sent=\\(checking.sent)\")",
            "    } catch let error as ClientError {",
            "        let issues = (error.underlying as? ValidationError)?.issues.map(\\.description).joined(separator: \"; \") ?? \"\\(error)\"",
            "        print(\"\\(label) | client: \\(issues) kind=\\(error.kind) sent=\\(checking.sent)\")",
            "    } catch { print(\"\\(label) | client: OTHER \\(error)\") }",
            "    do {",
            "        switch try await call(client([], Loop())) {",
            "        case .noContent: print(\"\\(label) | provider: 204\")",
            "        case .undocumented(let status, let body): print(\"\\(label) | provider: \\(status) \\(detail(body))\")",
            "        }",
            "    } catch { print(\"\\(label) | provider: ERROR \\(error)\") }",
            "}",
        ]
        for row in Self.rows {
            main.append("await row(\(SwiftLiteral.string(row.label))) { try await $0.probe(\(row.arguments)) }")
        }
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        let lines = run.output.split(separator: "\n").map(String.init)
        for row in Self.rows {
            // Refused by the client: nothing sent. Passed by it: sent once, and answered by the provider.
            let client = row.client == "-" ? "- sent=1" : "\(row.client) kind=invalidRequest sent=0"
            XCTAssertTrue(lines.contains("\(row.label) | client: \(client)"), "\(row.label): client\n\(run.output)")
            XCTAssertTrue(lines.contains("\(row.label) | provider: \(row.provider)"), "\(row.label): provider\n\(run.output)")
        }
        XCTAssertEqual(lines.count, Self.rows.count * 2, run.output)
    }
}
