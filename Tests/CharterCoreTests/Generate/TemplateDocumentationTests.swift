import Foundation
import XCTest
@testable import CharterCore

/// `docs/templates.md` lists what each template's view model provides, for projects that override
/// templates. It must name every view-model name the built-in templates use, and every template.
final class TemplateDocumentationTests: XCTestCase {
    func testEveryNameTheTemplatesUseIsDocumented() throws {
        let page = try String(
            contentsOf: EmbeddedTemplatesTests.repositoryRoot.appendingPathComponent("docs/templates.md"), encoding: .utf8)
        var missing: [String] = []
        for (name, source) in EmbeddedTemplates.all.sorted(by: { $0.key < $1.key }) {
            if !page.contains("## `\(name)`") { missing.append("template \(name) has no section") }
            let template = try MustacheTemplate(name: name, source: source)
            for key in Self.names(in: template.nodes) where !page.contains("`\(key)`") {
                missing.append("\(name): `\(key)`")
            }
        }
        XCTAssertEqual(missing, [], "docs/templates.md does not document these")
    }

    /// Every key of every name a template looks up (both keys of `contract.name`), in order, once.
    static func names(in nodes: [MustacheNode]) -> [String] {
        var result: [String] = []
        func add(_ path: MustachePath) {
            for key in path.keys where !result.contains(key) { result.append(key) }
        }
        for node in nodes {
            switch node {
            case .variable(let path, _, _): add(path)
            case .section(let section):
                add(section.path)
                for key in names(in: section.children) where !result.contains(key) { result.append(key) }
            case .text, .lineStart, .partial: break
            }
        }
        return result
    }

    /// The walk finds names in variables, sections, inverted sections and nested sections, and skips `.`.
    func testNamesAreFoundEverywhere() throws {
        let template = try MustacheTemplate(name: "T", source: "{{a}} {{#b}}{{c.d}}{{.}}{{/b}}{{^e}}{{> P}}{{/e}}{{a}}")
        XCTAssertEqual(Self.names(in: template.nodes), ["a", "b", "c", "d", "e"])
    }
}
