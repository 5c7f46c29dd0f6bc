import Foundation
import XCTest
@testable import CharterCore

/// A schema that allows only `null` (`{"type": "null"}`, `{"const": null}`, `{"enum": [null]}`, or alternatives that are
/// all `null`) is `JSONNull`, which decodes from `null` alone: as a named type, a required or optional property (absent
/// `nil`, `null` `JSONNull()`), a list element or a map value.
extension GeneratedSwiftFidelityTests {
    func testNullTypeDecodesOnlyNull() throws {
        let contract = ##"""
            {"title": "Nulls", "$defs": {
              "Nothing": {"type": "null"},
              "Constant": {"const": null},
              "Listed": {"enum": [null]},
              "Holder": {"type": "object", "required": ["must", "constant"], "properties": {
                "constant": {"const": null}, "listed": {"enum": [null]}, "constants": {"type": "array", "items": {"const": null}},
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
            ("Constant", "null", .valid),
            ("Constant", "0", .rejected),
            ("Constant", ##""null""##, .rejected),
            ("Listed", "null", .valid),
            ("Listed", "{}", .rejected),
            ("Holder", ##"{"must":null,"constant":null}"##, .valid),
            ("Holder", ##"{"must":null,"constant":null,"may":null,"dflt":null,"ref":null,"list":[null,null],"map":{"a":null},"nested":null,"all":null,"listed":null,"constants":[null]}"##, .valid),
            ("Holder", ##"{}"##, .rejected),
            ("Holder", ##"{"must":1,"constant":null}"##, .rejected),
            ("Holder", ##"{"must":null}"##, .rejected),
            ("Holder", ##"{"must":null,"constant":false}"##, .rejected),
            ("Holder", ##"{"must":null,"constant":null,"listed":[]}"##, .rejected),
            ("Holder", ##"{"must":null,"constant":null,"constants":[null,"x"]}"##, .rejected),
            ("Holder", ##"{"must":null,"constant":null,"may":0}"##, .rejected),
            ("Holder", ##"{"must":null,"constant":null,"ref":"x"}"##, .rejected),
            ("Holder", ##"{"must":null,"constant":null,"list":[null,1]}"##, .rejected),
            ("Holder", ##"{"must":null,"constant":null,"map":{"a":{}}}"##, .rejected),
            ("Holder", ##"{"must":null,"constant":null,"nested":123}"##, .rejected),
            ("Holder", ##"{"must":null,"constant":null,"all":123}"##, .rejected),
        ])
        // The schema's `default: null` is the initialiser's default; absent stays absent on encode.
        guard let files = ContractFixture(contract).generate().value("generate") else { return }
        let main = [
            "import Foundation",
            "let encoder = JSONEncoder()",
            "encoder.outputFormatting = [.sortedKeys]",
            "print(String(decoding: try! encoder.encode(Nulls.Holder(constant: JSONNull(), must: JSONNull())), as: UTF8.self))",
            "print(JSONNull() == JSONNull(), JSONNull())",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [##"{"constant":null,"dflt":null,"must":null}"##, "true null"])
    }

    /// An enum that lists `null` is nullable as a type with `null` in its `type` is: its declaration (`Int` for
    /// `[6, null]`, an enumeration for several values) cannot hold `null`, so where it stands alone it is `T?` (a body,
    /// a payload, a value decoded on its own: `null` is `nil`), and as a property `T?` / `Nullable<T>?`.
    func testEnumListingNullDecodesItWhereItStandsAlone() throws {
        let contract = ##"""
            {"title": "Listed", "x-contract": {"name": "listed", "version": "1.0.0",
              "events": {"SixSeen": {"topic": "six", "payload": {"$ref": "#/$defs/Six"}}}},
             "$defs": {
              "Six": {"enum": [6, null]},
              "Nums": {"enum": [1, 2, null]},
              "Words": {"enum": ["a", "b", null]},
              "H": {"type": "object", "required": ["six"], "properties": {"six": {"$ref": "#/$defs/Six"}, "nums": {"$ref": "#/$defs/Nums"}}}
            }}
            """##
        try check(contract, namespace: "ListedV1", [
            ("Six?", "null", .valid),
            ("Six?", "6", .valid),
            ("Six?", ##""x""##, .rejected),
            ("Nums?", "null", .valid),
            ("Nums?", "2", .valid),
            ("Words?", "null", .valid),
            ("Words?", ##""b""##, .valid),
            ("H", ##"{"six":null,"nums":null}"##, .valid),
            ("H", ##"{"six":6,"nums":1}"##, .valid),
            ("H", ##"{"six":"x"}"##, .rejected),
        ])
        let files = try XCTUnwrap(ContractFixture(contract).generate().value("generate"))
        XCTAssertTrue(try XCTUnwrap(files["ListedV1.swift"]).contains("public typealias Payload = ListedV1.Six?"))
    }
}
