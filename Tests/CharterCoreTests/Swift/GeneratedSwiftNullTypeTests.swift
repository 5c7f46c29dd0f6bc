import Foundation
import XCTest
@testable import CharterCore

/// A schema that allows only `null` (`{"type": "null"}`, or alternatives that are all `null`) is `JSONNull`, which
/// decodes from `null` alone: as a named type, a required or optional property (absent `nil`, `null` `JSONNull()`), a
/// list element or a map value.
extension GeneratedSwiftFidelityTests {
    func testNullTypeDecodesOnlyNull() throws {
        let contract = ##"""
            {"title": "Nulls", "$defs": {
              "Nothing": {"type": "null"},
              "Holder": {"type": "object", "required": ["must"], "properties": {
                "must": {"type": "null"}, "may": {"type": "null"}, "dflt": {"type": "null", "default": null},
                "ref": {"$ref": "#/$defs/Nothing"}, "list": {"type": "array", "items": {"type": "null"}},
                "map": {"type": "object", "additionalProperties": {"type": "null"}},
                "nested": {"anyOf": [{"anyOf": [{"type": "null"}]}]}, "all": {"allOf": [{"allOf": [{"type": "null"}]}]}}}
            }}
            """##
        try check(contract, namespace: "Nulls", [
            ("Nothing", "null", .valid),
            ("Nothing", "0", .rejected),
            ("Nothing", ##""null""##, .rejected),
            ("Nothing", "{}", .rejected),
            ("Nothing", "[]", .rejected),
            ("Nothing", "false", .rejected),
            ("Holder", ##"{"must":null}"##, .valid),
            ("Holder", ##"{"must":null,"may":null,"dflt":null,"ref":null,"list":[null,null],"map":{"a":null},"nested":null,"all":null}"##, .valid),
            ("Holder", ##"{}"##, .rejected),
            ("Holder", ##"{"must":1}"##, .rejected),
            ("Holder", ##"{"must":null,"may":0}"##, .rejected),
            ("Holder", ##"{"must":null,"ref":"x"}"##, .rejected),
            ("Holder", ##"{"must":null,"list":[null,1]}"##, .rejected),
            ("Holder", ##"{"must":null,"map":{"a":{}}}"##, .rejected),
            ("Holder", ##"{"must":null,"nested":123}"##, .rejected),
            ("Holder", ##"{"must":null,"all":123}"##, .rejected),
        ])
        // The schema's `default: null` is the initialiser's default; absent stays absent on encode.
        guard let files = ContractFixture(contract).generate().value("generate") else { return }
        let main = [
            "import Foundation",
            "let encoder = JSONEncoder()",
            "encoder.outputFormatting = [.sortedKeys]",
            "print(String(decoding: try! encoder.encode(Nulls.Holder(must: JSONNull())), as: UTF8.self))",
            "print(JSONNull() == JSONNull(), JSONNull())",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [##"{"dflt":null,"must":null}"##, "true null"])
    }
}
