import Foundation
import XCTest
@testable import CharterCore

/// `anyOf` / `oneOf` alternatives that only add constraints generated code checks (`"anyOf": [{"maxLength": 2},
/// {"minLength": 4}]`) are checked where the value is, as a property, an element or the whole value: at least one
/// (`anyOf`) or exactly one (`oneOf`) alternative must hold. A group with an alternative whose keywords are not
/// checked (`required`, `format`), or on a value where they are not (a string of a format, a record), is left
/// unchecked rather than guessed.
extension GeneratedSwiftFidelityTests {
    func testConstraintOnlyAlternativesAreChecked() throws {
        let contract = ##"""
            {"title": "Alt", "$defs": {
              "Code": {"type": "string", "anyOf": [{"maxLength": 2}, {"minLength": 4}]},
              "Step": {"type": "integer", "oneOf": [{"multipleOf": 2}, {"multipleOf": 3}]},
              "Loose": {"oneOf": [{"minimum": 10}, {"maximum": 0}], "anyOf": [{"multipleOf": 5}]},
              "H": {"type": "object", "properties": {
                "code": {"$ref": "#/$defs/Code"},
                "steps": {"type": "array", "items": {"type": "integer", "anyOf": [{"minimum": 5}, {"maximum": -5}]}},
                "sized": {"type": "array", "oneOf": [{"maxItems": 1}, {"minItems": 3}]},
                "unknown": {"type": "string", "oneOf": [{"format": "email"}, {"maxLength": 3}]},
                "dated": {"type": "string", "format": "date", "oneOf": [{"maxLength": 3}, {"pattern": "^2"}]},
                "record": {"type": "object", "properties": {"a": {"type": "integer"}}, "oneOf": [{"minProperties": 1}, {"maxProperties": 0}]}
              }}
            }}
            """##
        try check(contract, namespace: "Alt", [
            ("Code", ##""ab""##, .valid),
            ("Code", ##""abcd""##, .valid),
            ("Code", ##""abc""##, .roundTrips(issues: [" anyOf"])),
            ("Step", "4", .valid),
            ("Step", "9", .valid),
            ("Step", "6", .roundTrips(issues: [" oneOf"])),
            ("Step", "7", .roundTrips(issues: [" oneOf"])),
            ("Loose", "15", .valid),
            ("Loose", "-5", .valid),
            ("Loose", "5", .roundTrips(issues: [" oneOf"])),
            ("Loose", "12", .roundTrips(issues: [" anyOf"])),
            ("Loose", ##""text""##, .roundTrips(issues: [" oneOf"])),
            // Lengths and `pattern` are not checked on a string of a format, nor keywords on a record (its checks are its
            // own): the group cannot be decided there and is left unchecked.
            ("H", ##"{"code":"abcde","steps":[5,-5,9],"sized":[1],"unknown":"a@b.example","dated":"2024-01-01","record":{"a":1}}"##, .valid),
            ("H", ##"{"code":"abc","steps":[5,0,-4],"sized":[1,2]}"##, .roundTrips(issues: ["/code anyOf", "/sized oneOf", "/steps/1 anyOf", "/steps/2 anyOf"])),
        ])
    }
}
