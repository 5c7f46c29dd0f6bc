import Foundation
import XCTest
@testable import CharterCore

/// A free-form value (`JSONValue`, where the schemas that may apply to a map value or list element give different
/// types) is checked against the `type` of the schema that applies to it — a record's or a union's too, whose own
/// checks do not run on a `JSONValue` —, `null` allowed where the schema allows it, then against the schema's other
/// keywords on the kind of value it holds (`items: false` after `prefixItems` bounding an array's length).
extension GeneratedSwiftFidelityTests {
    func testFreeFormValuesMeetTheirSchemasType() throws {
        let contract = ##"""
            {"title": "Kinds", "$defs": {
              "Props": {"type": "object", "patternProperties": {
                "^i": {"type": "integer"}, "^n": {"type": ["number", "null"]},
                "^s": {"anyOf": [{"type": "string", "maxLength": 3}, {"type": "null"}]},
                "^o": {"type": "object", "properties": {"a": {"type": "string"}}}, "^u": {"type": ["integer", "string"]},
                "^t": {"prefixItems": [{}], "items": false}},
                "additionalProperties": {"type": "boolean"}},
              "Tuple": {"type": "array", "prefixItems": [{"type": "integer"}, {"type": "string"}], "items": {"type": "boolean"}}
            }}
            """##
        try check(contract, namespace: "Kinds", [
            ("Props", ##"{"i1":1,"i2":-12345678901234567890,"n1":1.5,"n2":null,"s1":"abc","s2":null,"o1":{"a":"x"},"u1":2,"u2":"x","t1":[1],"t2":"any","z":true}"##, .valid),
            ("Props", ##"{"i1":"1","i2":1.5,"n1":"x","s1":5,"s2":"abcd","o1":[1],"u1":1.5,"u2":null,"t1":[1,2],"z":"t"}"##, .roundTrips(issues: [
                "/i1 type", "/i2 type", "/n1 type", "/o1 type", "/s1 type", "/s2 maxLength", "/t1 maxItems", "/u1 type", "/u2 type", "/z type",
            ])),
            ("Tuple", ##"[1,"a",true,false]"##, .valid),
            ("Tuple", ##"["a",1,null]"##, .roundTrips(issues: ["/0 type", "/1 type", "/2 type"])),
        ])
    }

    /// Without a `type`, keywords of several kinds (a bound and a length, a count and a bound) leave every JSON value
    /// valid, each keyword applying to its own kind: the value is free-form and checked by the kind it holds. Keywords
    /// of one kind keep the type they imply (`maxLength` alone: a string).
    func testKeywordsOfSeveralKindsWithoutATypeHoldAnyValue() throws {
        let contract = ##"""
            {"title": "Kinds", "$defs": {
              "NumberOrText": {"minimum": 3, "maxLength": 2},
              "ListOrNumber": {"minItems": 1, "multipleOf": 2},
              "MapOrText": {"maxProperties": 1, "pattern": "^a"},
              "Text": {"maxLength": 2},
              "Holder": {"type": "object", "properties": {"v": {"maximum": 5, "minLength": 1}}},
              "Record": {"required": ["id"], "properties": {"id": {"type": "integer"}}, "maxLength": 10}
            }}
            """##
        try check(contract, namespace: "Kinds", [
            ("NumberOrText", "3", .valid),
            ("NumberOrText", "2", .roundTrips(issues: [" minimum"])),
            ("NumberOrText", ##""ab""##, .valid),
            ("NumberOrText", ##""abc""##, .roundTrips(issues: [" maxLength"])),
            ("NumberOrText", "true", .valid),
            ("NumberOrText", "null", .valid),
            ("NumberOrText", ##"{"a":[1]}"##, .valid),
            ("ListOrNumber", "[5]", .valid),
            ("ListOrNumber", "[]", .roundTrips(issues: [" minItems"])),
            ("ListOrNumber", "4", .valid),
            ("ListOrNumber", "3", .roundTrips(issues: [" multipleOf"])),
            ("ListOrNumber", ##""x""##, .valid),
            ("MapOrText", ##"{"b":1}"##, .valid),
            ("MapOrText", ##"{"b":1,"c":2}"##, .roundTrips(issues: [" maxProperties"])),
            ("MapOrText", ##""abc""##, .valid),
            ("MapOrText", ##""b""##, .roundTrips(issues: [" pattern"])),
            ("MapOrText", "7", .valid),
            ("Text", ##""ab""##, .valid),
            ("Text", "5", .rejected),
            ("Holder", ##"{"v":4}"##, .valid),
            ("Holder", ##"{"v":"x"}"##, .valid),
            ("Holder", ##"{"v":6}"##, .roundTrips(issues: ["/v maximum"])),
            ("Holder", ##"{"v":""}"##, .roundTrips(issues: ["/v minLength"])),
            // Keywords that give an object its structure keep it a typed record, whatever else stands beside them.
            ("Record", ##"{"id":3}"##, .valid),
            ("Record", ##"{}"##, .rejected),
            ("Record", ##"{"id":"x"}"##, .rejected),
        ])
    }
}
