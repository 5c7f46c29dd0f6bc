import XCTest
@testable import CharterCore
@testable import CharterGovernance

final class LintConfigurationTests: XCTestCase {
    private func configuration(_ json: String, base: String = "/c") throws -> LintConfiguration {
        try LintConfiguration.parse(JSONReader.parse(json), file: "charter.json", baseDirectory: base)
    }

    private func level(_ configuration: LintConfiguration, _ rule: String, _ path: String) -> String {
        switch configuration.level(of: LintCatalog.standard.rule(rule)!, forFile: path) {
        case .off: "off"
        case .on(let severity): severity.rawValue
        }
    }

    func testLevelResolution() throws {
        let config = try configuration(#"""
            {"output": "Generated", "access": "internal",
             "lint": {"rules": {"money-not-float": "warning", "type-examples": {"severity": "note"}},
                      "overrides": [{"files": ["legacy/**"], "rules": {"money-not-float": "off", "owner-declared": "warning"}},
                                    {"files": ["legacy/keep/*.json"], "rules": {"money-not-float": "error"}}]}}
            """#)
        let rows: [(rule: String, path: String, expected: String)] = [
            ("owner-declared", "/c/orders.json", "error"),  // default of a recommended rule
            ("type-examples", "/c/orders.json", "note"),  // strict-only rule turned on by a setting
            ("money-not-float", "/c/orders.json", "warning"),  // rules setting
            ("money-not-float", "/c/legacy/a/b.json", "off"),  // ** spans folders
            ("owner-declared", "/c/legacy/x.json", "warning"),
            ("money-not-float", "/c/legacy/keep/x.json", "error"),  // later override wins
            ("money-not-float", "/elsewhere/legacy/x.json", "warning"),  // outside the base folder
        ]
        for row in rows {
            XCTAssertEqual(level(config, row.rule, row.path), row.expected, "\(row.rule) for \(row.path)")
        }
        XCTAssertEqual(level(LintConfiguration(), "type-examples", "/c/a.json"), "off", "strict-only rules are off by default")
        var commandLine = config
        commandLine.commandLineLevels["money-not-float"] = .off  // --rule money-not-float=off
        XCTAssertEqual(level(commandLine, "money-not-float", "/c/legacy/keep/x.json"), "off", "the command line applies after overrides")
        XCTAssertEqual(level(try configuration(#"{"lint": {"preset": "strict"}}"#), "type-examples", "/c/a.json"), "warning")
    }

    /// Rows: an override's `files` entry → paths (relative to the configuration's folder) it covers and does not.
    func testOverrideFilesAreReadAsESLintAndSpectralUsersWriteThem() throws {
        let rows: [(pattern: String, covers: [String], misses: [String])] = [
            ("legacy/**", ["legacy/a.json", "legacy/x/b.json"], ["a.json", "legacyx/a.json"]),
            ("./legacy/**", ["legacy/a.json", "legacy/x/b.json"], ["a.json"]),
            ("legacy/", ["legacy/a.json", "legacy/x/b.json"], ["legacy", "a.json"]),
            ("legacy", ["legacy", "legacy/a.json", "legacy/x/b.json"], ["legacy.json", "legacyx/a.json", "a/legacy/b.json"]),
            ("legacy/orders.json", ["legacy/orders.json"], ["legacy/orders.json.bak", "orders.json"]),
            ("./*.json", ["a.json"], ["legacy/a.json"]),
            ("./", ["a.json", "legacy/a.json"], []),
            ("[abc", ["[abc", "[abc/a.json"], ["a", "b"]),  // brackets are not special: a literal name
        ]
        for row in rows {
            let config = try configuration(#"{"lint": {"overrides": [{"files": ["\#(row.pattern)"], "rules": {"money-not-float": "off"}}]}}"#)
            for path in row.covers { XCTAssertEqual(level(config, "money-not-float", "/c/" + path), "off", "\(row.pattern) covers \(path)") }
            for path in row.misses { XCTAssertEqual(level(config, "money-not-float", "/c/" + path), "error", "\(row.pattern) misses \(path)") }
        }
    }

    func testOptionsReachTheRule() throws {
        let config = try configuration(#"{"lint": {"rules": {"operation-sla": {"options": {"maxLatencyP99Ms": 100}}}}}"#)
        let contract = LintCatalog.standard.rule("operation-sla")!.passingExample  // declares a 200 ms p99
        let findings = LintHarness.lint(contract, configuration: config)?.findings.filter { $0.ruleID == "operation-sla" }
        XCTAssertEqual(findings?.map(\.message), ["operation listItems promises a p99 of 200 ms, over the 100 ms budget"])
    }

    /// Mistakes in the configuration: message, line:column and pointer.
    func testErrorsArePositioned() {
        let rows: [(json: String, expected: String)] = [
            (#"{"lint": {"rules": {"money-not-flaot": "error"}}}"#, #"charter.json:1:40: error: unknown lint rule "money-not-flaot" [/lint/rules/money-not-flaot]"#),
            (#"{"lint": {"rules": {"money-not-float": "fatal"}}}"#, #"charter.json:1:40: error: a rule level must be "off", "note", "warning" or "error" [/lint/rules/money-not-float]"#),
            (#"{"lint": {"preset": "lenient"}}"#, #"charter.json:1:21: error: preset must be one of: recommended, strict [/lint/preset]"#),
            (#"{"lint": {"rulez": {}}}"#, #"charter.json:1:20: error: unknown key "rulez" [/lint/rulez]"#),
            (#"{"lint": {"overrides": [{"rules": {}}]}}"#, #"charter.json:1:25: error: an override needs "files" [/lint/overrides/0]"#),
            (#"{"lint": {"rules": {"operation-sla": {"options": {"maxLatency": 5}}}}}"#, #"charter.json:1:65: error: unknown key "maxLatency" [/lint/rules/operation-sla/options/maxLatency]"#),
            (#"{"lint": {"rules": {"operation-sla": {"options": {"maxLatencyP99Ms": "50"}}}}}"#, #"charter.json:1:70: error: maxLatencyP99Ms must be a whole number [/lint/rules/operation-sla/options/maxLatencyP99Ms]"#),
            (#"{"lint": {"rules": {"money-not-float": {"options": {"moneyNames": "price"}}}}}"#, #"charter.json:1:67: error: moneyNames must be a list of strings [/lint/rules/money-not-float/options/moneyNames]"#),
            // Values out of range.
            (#"{"lint": {"rules": {"operation-sla": {"options": {"maxLatencyP99Ms": -5}}}}}"#, #"charter.json:1:70: error: maxLatencyP99Ms must be at least 1, not -5 [/lint/rules/operation-sla/options/maxLatencyP99Ms]"#),
            (#"{"lint": {"rules": {"operation-sla": {"options": {"maxLatencyP99Ms": 0}}}}}"#, #"charter.json:1:70: error: maxLatencyP99Ms must be at least 1, not 0 [/lint/rules/operation-sla/options/maxLatencyP99Ms]"#),
            (#"{"lint": {"rules": {"money-not-float": {"options": {"moneyNames": ["price", " "]}}}}}"#, #"charter.json:1:67: error: moneyNames must not hold a blank word [/lint/rules/money-not-float/options/moneyNames]"#),
        ]
        for row in rows {
            do {
                _ = try configuration(row.json)
                XCTFail("accepted: \(row.json)")
            } catch let error as DiagnosticsError {
                XCTAssertEqual(error.diagnostics.first?.description, row.expected, row.json)
            } catch {
                XCTFail("\(error)")
            }
        }
    }

    /// Rows: an unknown key → the hint: the nearest allowed key (as the build plugin's check of charter.json says),
    /// else the keys allowed there.
    func testUnknownKeysHintTheNearestKey() {
        let rows: [(json: String, hint: String)] = [
            (#"{"contract": ["Contracts"]}"#, #"did you mean "contracts"?"#),
            (#"{"lnt": {}}"#, #"did you mean "lint"?"#),
            (#"{"Access": "public"}"#, #"did you mean "access"?"#),
            (#"{"lint": {"rulez": {}}}"#, #"did you mean "rules"?"#),
            (#"{"lint": {"overides": []}}"#, #"did you mean "overrides"?"#),
            (#"{"lint": {"rules": {"operation-sla": {"severty": "error"}}}}"#, #"did you mean "severity"?"#),
            (#"{"lint": {"rules": {"operation-sla": {"options": {"maxLatencyP99ms": 5}}}}}"#, #"did you mean "maxLatencyP99Ms"?"#),
            (#"{"lint": {"rules": {"operation-sla": {"options": {"budget": 5}}}}}"#, "expected one of: maxLatencyP99Ms"),
            (#"{"lint": {"overrides": [{"file": ["a"]}]}}"#, #"did you mean "files"?"#),
            (#"{"lint": {"rules": {"owner-declared": {"options": {"x": 1}}}}}"#, "this rule takes no options"),
        ]
        for row in rows {
            do {
                _ = try configuration(row.json)
                XCTFail("accepted: \(row.json)")
            } catch let error as DiagnosticsError {
                XCTAssertEqual(error.diagnostics.first?.hint, row.hint, row.json)
            } catch {
                XCTFail("\(error)")
            }
        }
    }

    func testGlobs() {
        let rows: [(pattern: String, path: String, matches: Bool)] = [
            ("*.json", "a.json", true),
            ("*.json", "x/a.json", false),
            ("**/*.json", "a.json", true),
            ("**/*.json", "x/y/a.json", true),
            ("legacy/**", "legacy/a/b.json", true),
            ("legacy/**", "legacyx/a.json", false),
            ("orders/orders-v?.json", "orders/orders-v2.json", true),
            ("orders/orders-v?.json", "orders/orders-v10.json", false),
            ("a/**/b.json", "a/b.json", true),
            ("a/**/b.json", "a/x/y/b.json", true),
            ("a/**/b.json", "a/xb.json", false),  // `**/` spans whole folders, not part of a name
            ("**/?.json", "x/dir.json/inner.json", false),
        ]
        for row in rows {
            XCTAssertEqual(Glob(row.pattern).matches(row.path), row.matches, "\(row.pattern) ~ \(row.path)")
        }
    }
}
