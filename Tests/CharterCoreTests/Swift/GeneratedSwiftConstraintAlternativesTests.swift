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

    /// An alternative with a bound no value of the type meets (`minimum: 1e30` on a 64-bit integer) never holds for such
    /// a value: it is left out of its group (it used to stop generation), so the group admits what the contract's does —
    /// under `anyOf` the other alternatives decide, under `oneOf` it never counts, and with none left nothing passes. An
    /// alternative's bounds are fitted to the value's type wherever the group is (a list's elements too, whose fractional
    /// integer bounds used to leave the group unchecked), and a `multipleOf` only 0 meets holds for 0 alone.
    func testAlternativesNoValueOfTheTypeMeetsNeverHold() throws {
        let contract = ##"""
            {"title": "Unmet", "$defs": {
              "Small": {"type": "integer", "anyOf": [{"minimum": 1e30}, {"maximum": 5}]},
              "One": {"type": "integer", "oneOf": [{"minimum": 1e30}, {"maximum": 5}, {"minimum": 3}]},
              "Real": {"type": "number", "anyOf": [{"exclusiveMaximum": -1e400}, {"minimum": 2}]},
              "Narrow": {"type": "integer", "format": "int32", "anyOf": [{"minimum": 3000000000}, {"maximum": 5}]},
              "None": {"type": "integer", "anyOf": [{"minimum": 1e30}]},
              "Zero": {"type": "integer", "oneOf": [{"multipleOf": 1e30}, {"minimum": 1}]},
              "Counts": {"type": "array", "items": {"type": "integer", "anyOf": [{"minimum": 1e30}, {"maximum": 5}]}},
              "Halves": {"type": "array", "items": {"type": "integer", "anyOf": [{"minimum": 1.5}, {"maximum": -2.5}]}},
              "Either": {"type": ["integer", "string"], "anyOf": [{"minimum": 1e30}, {"maxLength": 2}]},
              "H": {"type": "object", "properties": {"n": {"type": "integer", "anyOf": [{"minimum": 1e30}, {"maximum": 5}]}}}
            }}
            """##
        try check(contract, namespace: "Unmet", [
            ("Small", "3", .valid),
            ("Small", "7", .roundTrips(issues: [" anyOf"])),
            ("One", "1", .valid),
            ("One", "7", .valid),
            ("One", "4", .roundTrips(issues: [" oneOf"])),
            ("Real", "3", .valid),
            ("Real", "1", .roundTrips(issues: [" anyOf"])),
            ("Narrow", "5", .valid),
            ("Narrow", "6", .roundTrips(issues: [" anyOf"])),
            ("None", "1", .roundTrips(issues: [" anyOf"])),
            ("Zero", "0", .valid),
            ("Zero", "5", .valid),
            ("Zero", "-5", .roundTrips(issues: [" oneOf"])),
            ("Counts", "[3,-9]", .valid),
            ("Counts", "[3,7]", .roundTrips(issues: ["/1 anyOf"])),
            ("Halves", "[2,-3]", .valid),
            ("Halves", "[1,-2]", .roundTrips(issues: ["/0 anyOf", "/1 anyOf"])),
            ("Either", "7", .valid),
            ("Either", ##""abc""##, .valid),
            ("H", ##"{"n":3}"##, .valid),
            ("H", ##"{"n":7}"##, .roundTrips(issues: ["/n anyOf"])),
        ])
    }
}
