import Foundation
import XCTest
@testable import CharterCore

/// `readOnly` and `writeOnly` (contract-format.md, OpenAPI 3.1): a `readOnly` property is set by the provider and
/// absent from requests, a `writeOnly` one sent by clients and absent from responses, so a required one is required
/// in one direction only. A client and a provider generated from one contract are compiled together and joined by
/// a transport that records what travels: at any depth (a nested struct, an array's elements, a map's values) a
/// request leaves `readOnly` properties out and a provider ignores them when sent, a response leaves `writeOnly`
/// ones out and a client ignores them when returned; without a direction (plain coders) every property travels.
final class GeneratedSwiftPropertyAccessTests: XCTestCase {
    static let contract = ##"""
        {
          "x-contract": {"name": "acct", "version": "1.0.0", "operations": {
            "createAccount": {"method": "POST", "path": "/accounts",
              "request": {"required": true, "schema": {"$ref": "#/$defs/Account"}},
              "responses": {"201": {"schema": {"$ref": "#/$defs/Account"}}}}
          }},
          "$defs": {
            "Account": {"type": "object", "required": ["id", "kind", "name", "password", "closedAt", "profile"], "properties": {
              "id": {"type": "string", "format": "uuid", "readOnly": true},
              "kind": {"const": "account", "readOnly": true},
              "name": {"type": "string"},
              "password": {"type": "string", "writeOnly": true, "minLength": 8},
              "closedAt": {"type": ["string", "null"], "format": "date-time", "readOnly": true},
              "revision": {"type": "integer", "readOnly": true, "minimum": 1},
              "profile": {"$ref": "#/$defs/Profile"},
              "keys": {"type": "array", "items": {"$ref": "#/$defs/Key"}},
              "labels": {"type": "object", "additionalProperties": {"$ref": "#/$defs/Key"}}
            }},
            "Profile": {"type": "object", "required": ["email", "verified"], "properties": {
              "email": {"type": "string"}, "verified": {"type": "boolean", "readOnly": true}, "pin": {"type": "string", "writeOnly": true}}},
            "Key": {"type": "object", "required": ["label", "secret", "createdAt"], "properties": {
              "label": {"type": "string"}, "secret": {"type": "string", "writeOnly": true},
              "createdAt": {"type": "string", "format": "date-time", "readOnly": true}}}
          }
        }
        """##

    /// A required `readOnly` or `writeOnly` property is an optional in Swift (one direction never carries it), with a
    /// doc comment that says which; a plain required one is not.
    func testRequiredReadOnlyAndWriteOnlyPropertiesAreOptional() throws {
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate().value("generate"))
        let text = try XCTUnwrap(files["AcctV1.swift"])
        let lines = GeneratedSwiftSnippetTests.trimmedLines(text)
        for line in [
            "public let id: UUID?", "public let kind: String?", "public let name: String", "public let password: String?",
            "public let closedAt: Nullable<Date>?", "public let revision: Int?", "public let profile: Profile",
            "public let verified: Bool?", "public let secret: String?", "public let createdAt: Date?",
            "/// Read-only: set by the provider, absent in requests.", "/// Write-only: sent by clients, never in responses.",
            "id: UUID? = nil,", "password: String? = nil,", "name: String,",
        ] {
            XCTAssertTrue(lines.contains(line), "missing: \(line)")
        }
        // A required readOnly `const` is stored (absent from requests), not computed.
        XCTAssertFalse(text.contains("var kind: String {"), text)
    }

    func testClientAndProviderLeaveOutWhatTheirDirectionNeverCarries() throws {
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate().value("generate"))
        let main = ["import Foundation"] + GeneratedSwiftRuntimeTests.logClass + [
            "/// Every value a model holds, as a coder without a direction writes it (keys sorted).",
            "func plain<T: Encodable>(_ value: T) -> String {",
            "    let encoder = JSONEncoder(); encoder.outputFormatting = [.sortedKeys]",
            "    return String(decoding: try! encoder.encode(value), as: UTF8.self)",
            "}",
            "let stamp = Date(timeIntervalSince1970: 0)",
            "let id = UUID(uuidString: \"6ba7b810-9dad-11d1-80b4-00c04fd430c8\")!",
            "struct Service: AcctV1.Provider {",
            "    let log: Log",
            "    let id: UUID, stamp: Date",
            "    func createAccount(_ body: AcctV1.Account) async throws -> AcctV1.CreateAccountResponse {",
            "        log.add(\"provider read \\(plain(body))\")",
            "        // A careless provider echoes the writeOnly values; a forgetful one leaves out the readOnly id.",
            "        let key = { (key: AcctV1.Key) in AcctV1.Key(label: key.label, secret: key.secret, createdAt: stamp) }",
            "        return .created(AcctV1.Account(",
            "            id: body.name == \"no-id\" ? nil : id, kind: \"account\", name: body.name, password: body.password, closedAt: .null,",
            "            revision: 1, profile: AcctV1.Profile(email: body.profile.email, verified: true, pin: body.profile.pin),",
            "            keys: body.keys?.map(key), labels: body.labels?.mapValues(key)))",
            "    }",
            "}",
            "let log = Log()",
            "let service = Service(log: log, id: id, stamp: stamp)",
            "/// The wire: records the request body, answers from the provider (or with `canned`).",
            "final class Loop: ClientTransport, @unchecked Sendable {",
            "    let service: Service, log: Log",
            "    var canned: String?",
            "    init(service: Service, log: Log) { self.service = service; self.log = log }",
            "    func send(_ request: ClientRequest, serverURL: URL) async throws -> ClientResponse {",
            "        log.add(\"request body \\(String(decoding: request.body ?? Data(), as: UTF8.self))\")",
            "        if let canned { return ClientResponse(status: 201, headers: [ClientHeader(name: \"Content-Type\", value: \"application/json\")], body: Data(canned.utf8)) }",
            "        let response = await service.handle(request)",
            "        log.add(\"response \\(response.status) \\(String(decoding: response.body, as: UTF8.self))\")",
            "        return response",
            "    }",
            "}",
            "let loop = Loop(service: service, log: log)",
            "let client = AcctV1.Client(configuration: ClientConfiguration(serverURL: URL(string: \"https://a.example\")!, transport: loop, retry: .none))",
            "func call(_ account: AcctV1.Account) async {",
            "    do {",
            "        switch try await client.createAccount(account) {",
            "        case .created(let value): log.add(\"client read \\(plain(value))\")",
            "        case .undocumented(let status, let body): log.add(\"client got \\(status) \\(String(decoding: body, as: UTF8.self))\")",
            "        }",
            "    } catch {",
            "        log.add(\"client threw \\(error.kind)\")",
            "    }",
            "    print(log.lines.joined(separator: \"\\n\")); print(\"--\"); log.lines = []",
            "}",
            "func raw(_ body: String) async {",
            "    let response = await service.handle(ClientRequest(method: \"POST\", path: \"/accounts\", body: Data(body.utf8)))",
            "    log.add(\"response \\(response.status) \\(String(decoding: response.body, as: UTF8.self))\")",
            "    print(log.lines.joined(separator: \"\\n\")); print(\"--\"); log.lines = []",
            "}",
            "let key = AcctV1.Key(label: \"k\", secret: \"s1\", createdAt: stamp)",
            "let full = AcctV1.Account(",
            "    id: id, kind: \"account\", name: \"ann\", password: \"password1\", closedAt: .value(stamp), revision: 7,",
            "    profile: AcctV1.Profile(email: \"a@x\", verified: false, pin: \"1234\"), keys: [key], labels: [\"main\": key])",
            // 1. The readOnly values the caller set never leave the client; the writeOnly ones never come back.
            "await call(full)",
            // 2. A provider given readOnly values (a client that sends them anyway) ignores them.
            "await raw(#\"{\"id\":\"6ba7b810-9dad-11d1-80b4-00c04fd430c8\",\"kind\":\"account\",\"name\":\"bob\",\"password\":\"password2\",\"closedAt\":null,\"profile\":{\"email\":\"b@x\",\"verified\":true},\"keys\":[{\"label\":\"k\",\"secret\":\"s\",\"createdAt\":\"2020-01-01T00:00:00Z\"}]}\"#)",
            // 3. A request without a required writeOnly property, at the top or nested, is refused.
            "await raw(#\"{\"name\":\"cy\",\"profile\":{\"email\":\"c@x\"}}\"#)",
            "await raw(#\"{\"name\":\"cy\",\"password\":\"password3\",\"profile\":{\"email\":\"c@x\"},\"labels\":{\"a\":{\"label\":\"k\"}}}\"#)",
            // 4. A response without a required readOnly property is not sent (500) …
            "await call(AcctV1.Account(name: \"no-id\", password: \"password4\", profile: AcctV1.Profile(email: \"d@x\")))",
            // 5. … nor read by a client: the answer is not what the contract says.
            "loop.canned = #\"{\"name\":\"eve\",\"kind\":\"account\",\"closedAt\":null,\"profile\":{\"email\":\"e@x\",\"verified\":true}}\"#",
            "await call(AcctV1.Account(name: \"eve\", password: \"password5\", profile: AcctV1.Profile(email: \"e@x\")))",
            // 6. A client ignores writeOnly values a provider returned all the same.
            "loop.canned = #\"{\"id\":\"6ba7b810-9dad-11d1-80b4-00c04fd430c8\",\"name\":\"fay\",\"password\":\"leaked!!\",\"kind\":\"account\",\"closedAt\":null,\"profile\":{\"email\":\"f@x\",\"verified\":true,\"pin\":\"9\"}}\"#",
            "await call(AcctV1.Account(name: \"fay\", password: \"password6\", profile: AcctV1.Profile(email: \"f@x\")))",
            // 7. A client does not send a request without a required writeOnly property.
            "loop.canned = nil",
            "await call(AcctV1.Account(name: \"gus\", profile: AcctV1.Profile(email: \"g@x\")))",
            // 8. Without a direction every property is written and read, and a required readOnly or writeOnly one may be
            // absent: validation cannot know the direction, so it reports only what is present and broken.
            "print(\"plain \\(plain(full))\")",
            "let bare = try! JSONDecoder().decode(AcctV1.Account.self, from: Data(#\"{\"name\":\"hal\",\"profile\":{\"email\":\"h@x\"}}\"#.utf8))",
            "print(\"bare \\(plain(bare)) issues \\(bare.validationIssues.map { $0.path + \" \" + $0.keyword })\")",
            "let broken = AcctV1.Account(name: \"ivy\", password: \"short\", revision: 0, profile: AcctV1.Profile(email: \"i@x\"))",
            "print(\"broken issues \\(broken.validationIssues.map { $0.path + \" \" + $0.keyword }.sorted())\")",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        let keyOut = #"{"label":"k","secret":"s1"}"#
        let keyIn = #"{"createdAt":"1970-01-01T00:00:00Z","label":"k"}"#
        let expected = [
            // 1.
            #"request body {"keys":[\#(keyOut)],"labels":{"main":\#(keyOut)},"name":"ann","password":"password1","profile":{"email":"a@x","pin":"1234"}}"#,
            #"provider read {"keys":[\#(keyOut)],"labels":{"main":\#(keyOut)},"name":"ann","password":"password1","profile":{"email":"a@x","pin":"1234"}}"#,
            #"response 201 {"closedAt":null,"id":"6ba7b810-9dad-11d1-80b4-00c04fd430c8","keys":[\#(keyIn)],"kind":"account","labels":{"main":\#(keyIn)},"name":"ann","profile":{"email":"a@x","verified":true},"revision":1}"#,
            #"client read {"closedAt":null,"id":"6ba7b810-9dad-11d1-80b4-00c04fd430c8","keys":[\#(keyIn)],"kind":"account","labels":{"main":\#(keyIn)},"name":"ann","profile":{"email":"a@x","verified":true},"revision":1}"#,
            "--",
            // 2.
            #"provider read {"keys":[{"label":"k","secret":"s"}],"name":"bob","password":"password2","profile":{"email":"b@x"}}"#,
            #"response 201 {"closedAt":null,"id":"6ba7b810-9dad-11d1-80b4-00c04fd430c8","keys":[{"createdAt":"1970-01-01T00:00:00Z","label":"k"}],"kind":"account","name":"bob","profile":{"email":"b@x","verified":true},"revision":1}"#,
            "--",
        ]
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(Array(lines.prefix(expected.count)), expected, run.output)
        // 3–8: the refusals name what is missing; the rest as above.
        let rest = Array(lines.dropFirst(expected.count))
        let checks: [(label: String, check: (String) -> Bool)] = [
            ("3. top-level writeOnly password missing: 400", { $0.hasPrefix("response 400 ") && $0.contains("password") && $0.contains("writeOnly and required in a request") }),
            ("--", { $0 == "--" }),
            ("3. nested writeOnly secret missing: 400", { $0.hasPrefix("response 400 ") && $0.contains("secret") }),
            ("--", { $0 == "--" }),
            ("4. request body", { $0 == #"request body {"name":"no-id","password":"password4","profile":{"email":"d@x"}}"# }),
            ("4. provider read", { $0 == #"provider read {"name":"no-id","password":"password4","profile":{"email":"d@x"}}"# }),
            ("4. a response without its readOnly id is not sent", { $0.hasPrefix("response 500 ") && $0.contains("could not be encoded") }),
            ("4. client", { $0.hasPrefix("client got 500 ") }),
            ("--", { $0 == "--" }),
            ("5. request body", { $0.hasPrefix("request body ") }),
            ("5. a response without its readOnly id is not read", { $0 == "client threw decoding" }),
            ("--", { $0 == "--" }),
            ("6. request body", { $0.hasPrefix("request body ") }),
            ("6. writeOnly values returned are ignored", { $0 == #"client read {"closedAt":null,"id":"6ba7b810-9dad-11d1-80b4-00c04fd430c8","kind":"account","name":"fay","profile":{"email":"f@x","verified":true}}"# }),
            ("--", { $0 == "--" }),
            ("7. a request without its writeOnly password is not sent", { $0 == "client threw encoding" }),
            ("--", { $0 == "--" }),
            ("8. plain", { $0 == #"plain {"closedAt":"1970-01-01T00:00:00Z","id":"6ba7b810-9dad-11d1-80b4-00c04fd430c8","keys":[{"createdAt":"1970-01-01T00:00:00Z","label":"k","secret":"s1"}],"kind":"account","labels":{"main":{"createdAt":"1970-01-01T00:00:00Z","label":"k","secret":"s1"}},"name":"ann","password":"password1","profile":{"email":"a@x","pin":"1234","verified":false},"revision":7}"# }),
            ("8. bare", { $0 == #"bare {"name":"hal","profile":{"email":"h@x"}} issues []"# }),
            ("8. broken", { $0 == #"broken issues ["/password minLength", "/revision minimum"]"# }),
            ("end", { $0.isEmpty }),
        ]
        XCTAssertEqual(rest.count, checks.count, run.output)
        for (check, line) in zip(checks, rest) {
            XCTAssertTrue(check.check(line), "\(check.label): \(line)")
        }
    }

    /// Rows: a property `p` of `T` in v1 and in v2 (schema, required) → where the adapters take its value from,
    /// upgrading and downgrading. A required `readOnly` / `writeOnly` property is optional in Swift, so a value that may
    /// be absent is never passed as present (the caller supplies it), and one that is present is carried.
    func testAdaptersCarryValuesAndNeverInventThem() throws {
        let plain = #"{"type": "string"}"#, readOnly = #"{"type": "string", "readOnly": true}"#, writeOnly = #"{"type": "string", "writeOnly": true}"#
        let rows: [(label: String, v1: String?, v1Required: Bool, v2: String?, v2Required: Bool, up: String, down: String)] = [
            ("required, then required and readOnly", plain, true, readOnly, true, "from source, as is", "supplied"),
            ("required and readOnly in both", readOnly, true, readOnly, true, "from source, as is", "from source, as is"),
            ("required and writeOnly, then required", writeOnly, true, plain, true, "supplied", "from source, as is"),
            ("optional, then required and readOnly", plain, false, readOnly, true, "from source, as is", "from source, as is"),
            ("new, required and readOnly", nil, false, readOnly, true, "absent", "-"),
        ]
        func contract(_ version: String, _ schemas: [(String?, Bool)]) -> String {
            let declared = schemas.enumerated().filter { $0.element.0 != nil }
            let properties = declared.map { "\"p\($0.offset)\": \($0.element.0!)" }.joined(separator: ", ")
            let required = declared.filter { $0.element.1 }.map { "\"p\($0.offset)\"" }.joined(separator: ", ")
            return #"{"x-contract": {"name": "w", "version": "\#(version)"}, "$defs": {"T": {"type": "object", "required": [\#(required)], "properties": {\#(properties)}}}}"#
        }
        let fixture = ContractFixture(
            ["w-v1.json": contract("1.0.0", rows.map { ($0.v1, $0.v1Required) }), "w-v2.json": contract("2.0.0", rows.map { ($0.v2, $0.v2Required) })],
            inputs: ["w-v1.json", "w-v2.json"])
        let module = try XCTUnwrap(fixture.translate().value("translate"))
        let set = try XCTUnwrap(VersionAdapterPlanner(module).plan().first)
        for (direction, isUp) in zip(set.directions, [true, false]) {
            let adapter = try XCTUnwrap(direction.types.first { module[$0.target].name == "T" })
            guard case .object(let properties, _, _) = adapter.adaptation, case .object(let target) = module[adapter.target].kind
            else { return XCTFail("T is not a struct") }
            let found = Dictionary(uniqueKeysWithValues: zip(target.properties.map(\.wireName), properties.map { GeneratedSwiftAdapterTests.describe($0, module: module) }))
            for (index, row) in rows.enumerated() {
                XCTAssertEqual(found["p\(index)"] ?? "-", isUp ? row.up : row.down, "\(row.label) \(isUp ? "up" : "down")")
            }
        }
        // Compiled and run: what is present is carried both ways; what v2 may lack is the caller's on the way down.
        let files = try XCTUnwrap(fixture.generate().value("generate"))
        let main = [
            "import Foundation",
            "let old = WV1.T(p0: \"a\", p1: \"b\", p2: \"c\", p3: \"d\")",
            "let new = WV2.T.adapting(old, p2: \"C\")",
            "print(new.value.p0 ?? \"nil\", new.value.p1 ?? \"nil\", new.value.p2, new.value.p3 ?? \"nil\", new.value.p4 ?? \"nil\", new.losses.map(\\.pointer))",
            "let back = WV1.T.adapting(WV2.T(p0: \"x\", p2: \"z\", p4: \"q\"), p0: \"X\")",
            "print(back.value.p0, back.value.p1 ?? \"nil\", back.value.p2 ?? \"nil\", back.value.p3 ?? \"nil\", back.losses.map(\\.pointer))",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            #"a b C d nil ["/p2"]"#,
            #"X nil z nil ["/p0", "/p4"]"#,
        ], run.output)
    }
}
