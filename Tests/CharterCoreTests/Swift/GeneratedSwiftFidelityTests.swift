import Foundation
import XCTest
@testable import CharterCore

/// "Nothing lost": for contracts whose constructs were once mistranslated, the generated code is compiled
/// and run, and each row's JSON must decode, re-encode to the same JSON and report exactly the expected
/// validation issues — or be refused by the decoder.
final class GeneratedSwiftFidelityTests: XCTestCase {
    /// What a row expects of its JSON.
    enum Outcome {
        /// Decodes, re-encodes to equal JSON, and validation reports these issues (`pointer keyword`, any order).
        case roundTrips(issues: [String])
        /// The decoder refuses it.
        case rejected
        /// Decodes, and validation reports these issues; the re-encoded JSON may differ from it (decoding normalised
        /// a date-time's offset, a UUID's case, a decimal string's zeros, or dropped undeclared members).
        case normalised(issues: [String])

        static let valid = Outcome.roundTrips(issues: [])
    }

    /// A row: a type of the contract's namespace, a JSON text, what must happen.
    typealias Row = (type: String, json: String, outcome: Outcome)

    /// Generates `contract`, compiles it with a program that runs every row, and checks each row's outcome. A row of
    /// an alias with constraints of its own is validated with the namespace's `validationIssues(of<Alias>:)`; a type
    /// with nothing to check (`JSONNull`, an alias of a scalar without constraints) only decodes and round-trips.
    func check(_ contract: String, namespace: String, _ rows: [Row], file: StaticString = #filePath, line: UInt = #line) throws {
        guard let files = ContractFixture(contract).generate().value("generate", file: file, line: line) else { return }
        var main = [
            "import Foundation",
            "let encoder = JSONEncoder()",
            "encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]",
            "func row<T: Codable>(_ type: T.Type, _ json: String, _ check: (T) -> [ValidationIssue]) {",
            "    do {",
            "        let value = try JSONDecoder().decode(T.self, from: Data(json.utf8))",
            "        let issues = check(value).map { $0.path + \" \" + $0.keyword }.sorted().joined(separator: \",\")",
            "        print(\"ok:\" + issues + \"|\" + String(decoding: try encoder.encode(value), as: UTF8.self))",
            "    } catch { print(\"error:\\(error)\".replacingOccurrences(of: \"\\n\", with: \" \")) }",
            "}",
            "func row<T: Codable & Validatable>(_ type: T.Type, _ json: String) { row(type, json) { $0.validationIssues } }",
            "func row<T: Codable>(_ type: T.Type, _ json: String) { row(type, json) { _ in [] } }",
        ]
        for row in rows {
            let entryPoint = "validationIssues(of\(row.type) value:"
            let checks = files.values.contains { $0.contains(entryPoint) } ? ", \(namespace).validationIssues(of\(row.type):)" : ""
            main.append("row(\(namespace).\(row.type).self, \(SwiftLiteral.string(row.json))\(checks))")
        }
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output, file: file, line: line)
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, rows.count, run.output, file: file, line: line)
        for (row, output) in zip(rows, lines) {
            let label = "\(row.type) \(row.json)"
            switch row.outcome {
            case .rejected:
                XCTAssertTrue(output.hasPrefix("error:"), "\(label) must be refused, got \(output)", file: file, line: line)
            case .roundTrips(let expectedIssues), .normalised(let expectedIssues):
                guard output.hasPrefix("ok:"), let bar = output.firstIndex(of: "|") else {
                    XCTFail("\(label): \(output)", file: file, line: line)
                    continue
                }
                let issues = output[output.index(output.startIndex, offsetBy: 3)..<bar].split(separator: ",").map(String.init)
                XCTAssertEqual(issues, expectedIssues.sorted(), "\(label): validation issues", file: file, line: line)
                guard case .roundTrips = row.outcome else { continue }
                let encoded = String(output[output.index(after: bar)...])
                XCTAssertEqual(try JSONReader.parse(encoded), try JSONReader.parse(row.json), "\(label) came back as \(encoded)", file: file, line: line)
            }
        }
    }

    /// Integer and floating-point bounds the value's type cannot hold as written: a bound no value can cross
    /// is dropped, a fractional integer bound is rounded inward, and a bound closer to 0 than any `Double`
    /// but 0 is checked against 0 — all compiled without a literal overflow or underflow (or a warning). In a type
    /// list, a number type whose bounds no value of its Swift type meets is dropped while another type stays valid, and
    /// an integer whose `multipleOf` no value but 0 meets is checked to be 0 (0 is a multiple of any divisor).
    func testNumericBoundsFitTheValueType() throws {
        let contract = ##"""
            {"title": "Lit", "$defs": {"L": {"type": "object", "properties": {
              "wide": {"type": "integer", "maximum": 1e20, "minimum": -1e30},
              "small": {"type": "integer", "format": "int32", "minimum": -3000000000, "maximum": 3000000000},
              "edge": {"type": "integer", "format": "int32", "exclusiveMaximum": 2147483648, "exclusiveMinimum": -2147483649},
              "min": {"type": "integer", "minimum": 1.5, "exclusiveMaximum": 7.5},
              "max": {"type": "integer", "maximum": 2.5, "exclusiveMinimum": -2.5},
              "half": {"type": "integer", "multipleOf": 2.5},
              "tenth": {"type": "integer", "format": "int32", "multipleOf": 0.1},
              "tiny": {"type": "number", "exclusiveMinimum": -1e-400, "maximum": 1e-400},
              "huge": {"type": "number", "maximum": 1e400, "minimum": -1e400},
              "counts": {"type": "array", "items": {"type": "integer", "format": "int32", "minimum": -3000000000, "maximum": 9.5}},
              "either": {"type": ["integer", "string"], "minimum": 1e30},
              "narrow": {"type": ["integer", "boolean"], "format": "int32", "maximum": -3000000000},
              "real": {"type": ["number", "string"], "exclusiveMaximum": -1e400},
              "void": {"type": ["integer", "null"], "minimum": 1e30},
              "wider": {"type": ["integer", "number", "string"], "minimum": 1e30},
              "eithers": {"type": "array", "items": {"type": ["string", "integer"], "maximum": -1e20}},
              "zeroes": {"type": ["integer", "string"], "multipleOf": 1e30},
              "zeroOrNull": {"type": ["integer", "null"], "format": "int32", "multipleOf": 3000000000, "maximum": 7}
            }}}}
            """##
        try check(contract, namespace: "Lit", [
            ("L", ##"{"wide":9223372036854775807,"small":-2147483648,"edge":2147483647}"##, .valid),
            ("L", ##"{"small":2147483647,"edge":-2147483648,"counts":[-2147483648,9]}"##, .valid),
            ("L", ##"{"min":2,"max":2,"half":-5,"tenth":7}"##, .valid),
            ("L", ##"{"min":1,"max":3,"half":2}"##, .roundTrips(issues: ["/half multipleOf", "/max maximum", "/min minimum"])),
            ("L", ##"{"min":8,"max":-3,"half":7}"##, .roundTrips(issues: ["/half multipleOf", "/max exclusiveMinimum", "/min exclusiveMaximum"])),
            ("L", ##"{"min":7,"max":-2,"half":0}"##, .valid),
            ("L", ##"{"counts":[10]}"##, .roundTrips(issues: ["/counts/0 maximum"])),
            ("L", ##"{"tiny":0,"huge":1e300}"##, .valid),
            ("L", ##"{"tiny":-1e-300}"##, .roundTrips(issues: ["/tiny minimum"])),
            ("L", ##"{"tiny":1e-300}"##, .roundTrips(issues: ["/tiny maximum"])),
            ("L", ##"{"small":2147483648}"##, .rejected),
            // A type of a list whose bounds no value of its Swift type meets is dropped; the others stay valid.
            ("L", ##"{"either":"x","narrow":true,"real":"y","void":null,"wider":"z","eithers":["a"]}"##, .valid),
            ("L", ##"{"wider":5}"##, .roundTrips(issues: ["/wider minimum"])),
            ("L", ##"{"either":5}"##, .rejected),
            ("L", ##"{"narrow":-5}"##, .rejected),
            ("L", ##"{"real":-1}"##, .rejected),
            ("L", ##"{"void":5}"##, .rejected),
            ("L", ##"{"eithers":["a",-5]}"##, .rejected),
            ("L", ##"{"zeroes":0,"zeroOrNull":0}"##, .valid),
            ("L", ##"{"zeroes":"x","zeroOrNull":null}"##, .valid),
            ("L", ##"{"zeroes":5,"zeroOrNull":-7}"##, .roundTrips(issues: ["/zeroOrNull minimum", "/zeroes maximum"])),
        ])
    }

    /// An undeclared member named like a declared property cannot both be encoded: the declared property is
    /// (it used to be overwritten, so the value decoded back differently or not at all), and validation
    /// reports the clash at the member's pointer.
    func testDeclaredPropertyWinsOverUndeclaredMemberOfTheSameName() throws {
        let contract = ##"""
            {"title": "Props", "$defs": {
              "Named": {"type": "object", "required": ["a"], "properties": {"a": {"type": "integer"}}, "additionalProperties": {"type": "string"}},
              "Open": {"type": "object", "properties": {"a": {"type": "integer"}}, "additionalProperties": true}
            }}
            """##
        try check(contract, namespace: "Props", [
            ("Named", ##"{"a":1,"b":"yy"}"##, .valid),
            ("Open", ##"{"a":1,"b":[true]}"##, .valid),
        ])
        guard let files = ContractFixture(contract).generate().value("generate") else { return }
        let main = [
            "import Foundation",
            "let encoder = JSONEncoder()",
            "encoder.outputFormatting = [.sortedKeys]",
            "let named = Props.Named(a: 1, additionalProperties: [\"a\": \"xx\", \"b\": \"yy\"])",
            "print(String(decoding: try! encoder.encode(named), as: UTF8.self))",
            "print(named.validationIssues.map { $0.path + \" \" + $0.keyword })",
            "print(try! JSONDecoder().decode(Props.Named.self, from: encoder.encode(named)) == Props.Named(a: 1, additionalProperties: [\"b\": \"yy\"]))",
            "let open = Props.Open(a: nil, additionalProperties: [\"a\": \"text\"])",
            "print(String(decoding: try! encoder.encode(open), as: UTF8.self))",
            "print(open.validationIssues.map { $0.path + \" \" + $0.keyword })",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            ##"{"a":1,"b":"yy"}"##, ##"["/a additionalProperties"]"##, "true",
            "{}", ##"["/a additionalProperties"]"##,
        ])
    }

    /// `uri` and decimal strings come back exactly as received; what the documented grammar does not allow
    /// (a relative reference, an unencoded space, an exponent) is refused instead of rewritten.
    func testFormatsReEncodeExactlyAsReceived() throws {
        let contract = ##"""
            {"title": "Formats", "$defs": {"F": {"type": "object", "properties": {
              "uri": {"type": "string", "format": "uri"},
              "uris": {"type": "array", "items": {"type": "string", "format": "uri"}},
              "maybe": {"type": ["string", "null"], "format": "uri"},
              "amount": {"type": "string", "format": "decimal"}
            }}}}
            """##
        try check(contract, namespace: "Formats", [
            ("F", ##"{"uri":"https://example.com/%7Efoo?q=1#frag","uris":["urn:isbn:0451450523","mailto:a@b.example"],"maybe":null}"##, .valid),
            ("F", ##"{"uri":"https://example.com/a%20b","maybe":"HTTP://EXAMPLE.COM/"}"##, .valid),
            ("F", ##"{"amount":"-12345678901234567890.123456789"}"##, .valid),
            ("F", ##"{"amount":"0.25"}"##, .valid),
            ("F", ##"{"uri":"https://example.com/a b"}"##, .rejected),
            ("F", ##"{"uri":"relative/path"}"##, .rejected),
            ("F", ##"{"uris":["https://example.com/ü"]}"##, .rejected),
            ("F", ##"{"maybe":"/x"}"##, .rejected),
            ("F", ##"{"amount":"1e5"}"##, .rejected),
            ("F", ##"{"amount":"+1"}"##, .rejected),
        ])
    }

    /// Every constraint of every part of a composition applies: a `$ref` and its siblings, `allOf` members, and a
    /// property two members declare each keep the tightest bound, all patterns, and a common multiple.
    func testCompositionAppliesEveryPartsConstraints() throws {
        let contract = ##"""
            {"title": "Merge", "$defs": {
              "Short": {"type": "string", "maxLength": 4, "pattern": "^[a-z]+$"},
              "Base": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string", "maxLength": 5}}},
              "Overlap": {"allOf": [{"$ref": "#/$defs/Base"}, {"type": "object", "properties": {"id": {"type": "string", "minLength": 2}}}]},
              "H": {"type": "object", "properties": {
                "looser": {"$ref": "#/$defs/Short", "maxLength": 10},
                "tighter": {"$ref": "#/$defs/Short", "maxLength": 2},
                "n": {"allOf": [{"type": "integer", "minimum": 0, "maximum": 100}, {"minimum": 5, "maximum": 200}]},
                "both": {"$ref": "#/$defs/Short", "pattern": "^x"},
                "multiple": {"allOf": [{"type": "integer", "multipleOf": 4}, {"multipleOf": 6}]},
                "tenths": {"allOf": [{"type": "number", "format": "decimal", "multipleOf": 0.2}, {"multipleOf": 0.3}]},
                "items": {"allOf": [{"type": "array", "minItems": 1, "maxItems": 3}, {"minItems": 2}]}
              }}
            }}
            """##
        try check(contract, namespace: "Merge", [
            ("H", ##"{"looser":"abcd","tighter":"ab","n":5,"both":"xy","multiple":12,"tenths":1.2,"items":[1,2]}"##, .valid),
            ("H", ##"{"looser":"abcdefg"}"##, .roundTrips(issues: ["/looser maxLength"])),
            ("H", ##"{"tighter":"abc"}"##, .roundTrips(issues: ["/tighter maxLength"])),
            ("H", ##"{"n":3}"##, .roundTrips(issues: ["/n minimum"])),
            ("H", ##"{"n":101}"##, .roundTrips(issues: ["/n maximum"])),
            ("H", ##"{"both":"x1"}"##, .roundTrips(issues: ["/both pattern"])),
            ("H", ##"{"both":"ab"}"##, .roundTrips(issues: ["/both pattern"])),
            ("H", ##"{"multiple":8}"##, .roundTrips(issues: ["/multiple multipleOf"])),
            ("H", ##"{"tenths":0.4}"##, .roundTrips(issues: ["/tenths multipleOf"])),
            ("H", ##"{"tenths":0.6}"##, .valid),
            ("H", ##"{"items":[1]}"##, .roundTrips(issues: ["/items minItems"])),
            ("Overlap", ##"{"id":"abcdefgh"}"##, .roundTrips(issues: ["/id maxLength"])),
            ("Overlap", ##"{"id":"a"}"##, .roundTrips(issues: ["/id minLength"])),
            ("Overlap", ##"{"id":"abc"}"##, .valid),
        ])
    }

    /// Undeclared properties under `patternProperties` keep every value: typed when every schema that may apply
    /// gives the same type, free-form JSON otherwise; under `additionalProperties: false` a name no pattern
    /// matches is a validation issue (it used to be an empty struct that dropped every key).
    func testPatternPropertiesKeepEveryUndeclaredProperty() throws {
        let contract = ##"""
            {"title": "Props", "$defs": {
              "Open": {"type": "object", "properties": {"a": {"type": "integer"}}, "patternProperties": {"^x-": {"type": "string"}}},
              "Closed": {"type": "object", "patternProperties": {"^[0-9]+$": {"type": "integer"}}, "additionalProperties": false},
              "Mixed": {"type": "object", "properties": {"id": {"type": "string"}}, "patternProperties": {"^n": {"type": "integer"}}, "additionalProperties": {"type": "string"}},
              "Same": {"type": "object", "properties": {"id": {"type": "string"}}, "patternProperties": {"^n": {"type": "integer"}, "^m": {"type": "integer"}}, "additionalProperties": false}
            }}
            """##
        try check(contract, namespace: "Props", [
            ("Open", ##"{"a":1,"x-foo":"s","other":3}"##, .valid),
            ("Open", ##"{"x-foo":"s","other":{"deep":[null]}}"##, .valid),
            ("Closed", ##"{"1":1,"22":2}"##, .valid),
            ("Closed", ##"{}"##, .valid),
            ("Closed", ##"{"1":1,"x":2}"##, .roundTrips(issues: ["/x additionalProperties"])),
            ("Closed", ##"{"1":"s"}"##, .rejected),
            ("Mixed", ##"{"n1":1,"other":"s"}"##, .valid),
            ("Same", ##"{"id":"a","n1":1,"m2":2}"##, .valid),
            ("Same", ##"{"id":"a","z":1}"##, .roundTrips(issues: ["/z additionalProperties"])),
            ("Same", ##"{"n1":"s"}"##, .rejected),
        ])
    }

    /// A `prefixItems` tuple keeps every element: typed when the prefix and `items` agree on one type, free-form
    /// JSON otherwise (it used to become `[items]`, refusing the valid `["a",1,2]`); `items: false` bounds the length.
    func testPrefixItemsKeepEveryElement() throws {
        let contract = ##"""
            {"title": "Tuples", "$defs": {"H": {"type": "object", "properties": {
              "mixed": {"type": "array", "prefixItems": [{"type": "string"}], "items": {"type": "integer"}},
              "open": {"type": "array", "prefixItems": [{"type": "string"}]},
              "closed": {"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}], "items": false},
              "same": {"type": "array", "prefixItems": [{"type": "integer"}], "items": {"type": "integer", "minimum": 0}},
              "pair": {"type": "array", "prefixItems": [{"type": "string"}, {"type": "string"}], "items": false}
            }}}}
            """##
        try check(contract, namespace: "Tuples", [
            ("H", ##"{"mixed":["a",1,2],"open":["a",{"b":null},3],"closed":["a",1],"same":[-1,2]}"##, .valid),
            ("H", ##"{"pair":["a","b"]}"##, .valid),
            ("H", ##"{"closed":["a",1,2]}"##, .roundTrips(issues: ["/closed maxItems"])),
            ("H", ##"{"pair":["a","b","c"]}"##, .roundTrips(issues: ["/pair maxItems"])),
            ("H", ##"{"pair":["a",1]}"##, .rejected),
            ("H", ##"{"same":[1,"x"]}"##, .rejected),
        ])
    }

    /// The values under `patternProperties` and a `prefixItems` tuple's elements meet their own schema's constraints
    /// (they used to be type-checked only): each pattern's for the names it matches — declared properties too —,
    /// `additionalProperties`' for names no pattern matches, each prefix schema's at its position and `items`' after
    /// the prefix; free-form values (`JSONValue`) by the kind of value they hold, nullable elements when not null.
    func testPatternAndPrefixValuesAreValidated() throws {
        let contract = ##"""
            {"title": "Held", "$defs": {
              "Tuple": {"type": "object", "properties": {
                "mixed": {"type": "array", "prefixItems": [{"type": "string", "maxLength": 2}, {"type": "integer", "minimum": 0}], "items": {"type": "number", "maximum": 1.5}},
                "same": {"type": "array", "prefixItems": [{"type": "integer", "minimum": 0}, {"type": "integer"}], "items": {"type": "integer", "maximum": 9}},
                "closed": {"type": "array", "prefixItems": [{"type": "string", "pattern": "^[a-z]+$"}, {"type": "array", "minItems": 1}], "items": false},
                "nullable": {"type": "array", "items": {"type": ["string", "null"], "minLength": 2}}
              }},
              "Props": {"type": "object", "properties": {"n0": {"type": "integer"}},
                "patternProperties": {"^n": {"type": "integer", "maximum": 5}, "^s": {"type": "string", "minLength": 2}, "^x": {}},
                "additionalProperties": {"type": "string", "maxLength": 1}},
              "Maps": {"type": "object", "properties": {"typed": {"type": "object",
                "patternProperties": {"^a": {"type": "integer", "minimum": 0}, "^b": {"type": "integer"}}, "additionalProperties": {"type": "integer", "maximum": 9}}}},
              "Closed": {"type": "object", "patternProperties": {"^[0-9]+$": {"type": "integer", "multipleOf": 2}}, "additionalProperties": false}
            }}
            """##
        try check(contract, namespace: "Held", [
            ("Tuple", ##"{"mixed":["ab",0,1.5,-3],"same":[0,10,9],"closed":["ab",[1]],"nullable":["ab",null]}"##, .valid),
            ("Tuple", ##"{"mixed":["abc",-1,2],"same":[-1,10,10],"closed":["AB",[]],"nullable":["a",null]}"##, .roundTrips(issues: [
                "/closed/0 pattern", "/closed/1 minItems", "/mixed/0 maxLength", "/mixed/1 minimum", "/mixed/2 maximum",
                "/nullable/0 minLength", "/same/0 minimum", "/same/2 maximum",
            ])),
            // A value of another kind than its schema's `type` is a `type` issue; the schema's other keywords do not apply to it.
            ("Tuple", ##"{"mixed":[1,"x",{"a":1}],"closed":[[],"abc"]}"##, .roundTrips(issues: [
                "/closed/0 type", "/closed/1 type", "/mixed/0 type", "/mixed/1 type", "/mixed/2 type",
            ])),
            ("Props", ##"{"n0":5,"n1":5,"s1":"ab","x1":"long","o":"a"}"##, .valid),
            ("Props", ##"{"n0":6,"n1":6,"s1":"a","x1":[1],"o":"ab"}"##, .roundTrips(issues: ["/n0 maximum", "/n1 maximum", "/o maxLength", "/s1 minLength"])),
            ("Maps", ##"{"typed":{"a1":0,"b1":10,"c":9}}"##, .valid),
            ("Maps", ##"{"typed":{"a1":-1,"b1":-5,"c":10}}"##, .roundTrips(issues: ["/typed/a1 minimum", "/typed/c maximum"])),
            ("Closed", ##"{"2":4}"##, .valid),
            ("Closed", ##"{"3":3,"x":1}"##, .roundTrips(issues: ["/3 multipleOf", "/x additionalProperties"])),
        ])
    }

    /// With an explicit discriminator over variants that declare the tag as a plain string (OpenAPI style), the
    /// case decides the tag on encode, not the payload: `.x(A(t: nil))` used to encode without a tag (and not
    /// decode), `.x(A(t: "y"))` as a `y`.
    func testDiscriminatorCaseDecidesTheTag() throws {
        let contract = ##"""
            {"title": "Dm", "$defs": {
              "A": {"type": "object", "properties": {"t": {"type": "string"}, "a": {"type": "integer"}}},
              "B": {"type": "object", "required": ["t"], "properties": {"t": {"type": "string"}, "b": {"type": "integer"}}},
              "U": {"oneOf": [{"$ref": "#/$defs/A"}, {"$ref": "#/$defs/B"}],
                    "discriminator": {"propertyName": "t", "mapping": {"x": "#/$defs/A", "y": "#/$defs/B", "y2": "#/$defs/B"}}},
              "C": {"type": "object", "required": ["t"], "properties": {"t": {"type": "string", "enum": ["c", "c2"]}}},
              "V": {"oneOf": [{"$ref": "#/$defs/C"}, {"$ref": "#/$defs/A"}],
                    "discriminator": {"propertyName": "t", "mapping": {"c": "#/$defs/C", "c2": "#/$defs/C", "x": "#/$defs/A"}}}
            }}
            """##
        try check(contract, namespace: "Dm", [
            ("U", ##"{"t":"x","a":1}"##, .valid),
            ("U", ##"{"t":"y","b":2}"##, .valid),
            ("U", ##"{"t":"y2","b":2}"##, .valid),
            ("U", ##"{"t":"new","c":[1]}"##, .valid),
            // The tag held in a string enumeration is kept when it is one of the case's mapping values.
            ("V", ##"{"t":"c2"}"##, .valid),
            ("V", ##"{"t":"c"}"##, .valid),
        ])
        guard let files = ContractFixture(contract).generate().value("generate") else { return }
        let main = [
            "import Foundation",
            "let encoder = JSONEncoder()",
            "encoder.outputFormatting = [.sortedKeys]",
            "for value in [Dm.U.x(Dm.A(t: nil, a: 1)), .x(Dm.A(t: \"y\", a: 1)), .y(Dm.B(t: \"zz\")), .y(Dm.B(t: \"y2\"))] {",
            "    let data = try! encoder.encode(value)",
            "    let back = try! JSONDecoder().decode(Dm.U.self, from: data)",
            "    let same: Bool",
            "    switch (value, back) {",
            "    case (.x, .x), (.y, .y): same = true",
            "    default: same = false",
            "    }",
            "    print(String(decoding: data, as: UTF8.self), same)",
            "}",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            ##"{"a":1,"t":"x"} true"##, ##"{"a":1,"t":"x"} true"##, ##"{"t":"y"} true"##, ##"{"t":"y2"} true"##,
        ])
    }

    /// A union that allows `null` (a type list with `"null"`, a `null` alternative, or an alternative that allows it
    /// but cannot hold it, such as a nullable object type) holds it itself, so `null` decodes and comes back wherever
    /// the type is used — at the top level and as a union alternative too, not only where an optional property or
    /// element could stand for it.
    func testNullableUnionHoldsNullWhereverItIsUsed() throws {
        let contract = ##"""
            {"title": "Unions", "$defs": {
              "MultiType": {"type": ["string", "integer", "null"]},
              "Cat": {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "cat"}}},
              "Dog": {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "dog"}}},
              "MaybePet": {"oneOf": [{"$ref": "#/$defs/Cat"}, {"$ref": "#/$defs/Dog"}, {"type": "null"}]},
              "Wrapper": {"oneOf": [{"$ref": "#/$defs/MultiType"}, {"type": "array", "items": {"type": "boolean"}}]},
              "Note": {"type": ["object", "null"], "properties": {"text": {"type": "string"}}},
              "NoteOrText": {"oneOf": [{"$ref": "#/$defs/Note"}, {"type": "string"}]},
              "Holder": {"type": "object", "required": ["req"], "properties": {
                "req": {"$ref": "#/$defs/MultiType"},
                "list": {"type": "array", "items": {"$ref": "#/$defs/MultiType"}},
                "pet": {"$ref": "#/$defs/MaybePet"}
              }}
            }}
            """##
        try check(contract, namespace: "Unions", [
            ("MultiType", ##"null"##, .valid),
            ("MultiType", ##"7"##, .valid),
            ("MaybePet", ##"null"##, .valid),
            ("MaybePet", ##"{"kind":"dog"}"##, .valid),
            ("Wrapper", ##"null"##, .valid),
            ("Wrapper", ##"[true]"##, .valid),
            ("NoteOrText", ##"null"##, .valid),
            ("NoteOrText", ##"{"text":"a"}"##, .valid),
            ("NoteOrText", ##""a""##, .valid),
            ("Holder", ##"{"req":null,"list":["a",1,null],"pet":null}"##, .valid),
            ("Holder", ##"{"req":"x","pet":{"kind":"cat"}}"##, .valid),
            ("Holder", ##"{}"##, .rejected),
            ("MultiType", ##"true"##, .rejected),
        ])
    }

    /// A union checks the constraints of the alternative it holds — inline, through a `$ref`, and those written
    /// beside the alternatives — and a property that wraps one alternative with `null` those of the alternative (both
    /// used to go unchecked: the union's `collectIssues` had no case for them). Decimal strings check their bounds.
    func testUnionAlternativesConstraintsAreValidated() throws {
        let contract = ##"""
            {"title": "Alt", "$defs": {
              "Sku": {"type": "string", "pattern": "^[A-Z]+$"},
              "U": {"anyOf": [{"type": "string", "format": "decimal", "maximum": 10}, {"type": "integer", "minimum": 0}]},
              "Ref": {"oneOf": [{"$ref": "#/$defs/Sku"}, {"type": "array", "items": {"type": "integer"}, "minItems": 1, "maxItems": 2}]},
              "Beside": {"oneOf": [{"type": "string"}, {"type": "integer"}], "maxLength": 3, "maximum": 9},
              "Typed": {"type": ["string", "integer", "null"], "minLength": 2, "minimum": 1.5},
              "H": {"type": "object", "properties": {
                "u": {"$ref": "#/$defs/U"},
                "sku": {"anyOf": [{"$ref": "#/$defs/Sku"}, {"type": "null"}]},
                "s": {"anyOf": [{"type": "string", "maxLength": 3}, {"type": "null"}]},
                "amount": {"type": "string", "format": "decimal", "minimum": 0},
                "list": {"type": "array", "items": {"$ref": "#/$defs/U"}}
              }}
            }}
            """##
        try check(contract, namespace: "Alt", [
            ("U", ##""10""##, .valid),
            ("U", ##""10.5""##, .roundTrips(issues: [" maximum"])),
            ("U", ##"0"##, .valid),
            ("U", ##"-1"##, .roundTrips(issues: [" minimum"])),
            ("Ref", ##""AB""##, .valid),
            ("Ref", ##""ab""##, .roundTrips(issues: [" pattern"])),
            ("Ref", ##"[1]"##, .valid),
            ("Ref", ##"[]"##, .roundTrips(issues: [" minItems"])),
            ("Ref", ##"[1,2,3]"##, .roundTrips(issues: [" maxItems"])),
            ("Beside", ##""abc""##, .valid),
            ("Beside", ##""abcd""##, .roundTrips(issues: [" maxLength"])),
            ("Beside", ##"10"##, .roundTrips(issues: [" maximum"])),
            ("Typed", ##""ab""##, .valid),
            ("Typed", ##""a""##, .roundTrips(issues: [" minLength"])),
            ("Typed", ##"1"##, .roundTrips(issues: [" minimum"])),
            ("Typed", ##"2"##, .valid),
            ("Typed", ##"null"##, .valid),
            ("H", ##"{"u":"9.5","sku":"AB","s":"abc","amount":"0","list":[1,"2"]}"##, .valid),
            ("H", ##"{"sku":null,"s":null}"##, .valid),
            ("H", ##"{"u":"11","sku":"ab","s":"abcd","amount":"-0.01","list":[1,-1]}"##,
             .roundTrips(issues: ["/amount minimum", "/list/1 minimum", "/s maxLength", "/sku pattern", "/u maximum"])),
        ])
    }

    /// Without a discriminator a value is decoded as the first alternative whose Swift type reads it; when several
    /// alternatives share that type, it is valid if any of them accepts it (a phone number held as `.email` is no
    /// `pattern` issue), and the held case's issues are reported only when none does.
    func testSameTypedAlternativesAcceptWhatAnyOfThemAccepts() throws {
        let contract = ##"""
            {"title": "Same", "$defs": {
              "Email": {"type": "string", "pattern": "^[^@]+@[^@]+$"},
              "Phone": {"type": "string", "pattern": "^\\+[0-9]+$"},
              "Contact": {"oneOf": [{"$ref": "#/$defs/Email"}, {"$ref": "#/$defs/Phone"}]},
              "Range": {"anyOf": [{"type": "integer", "maximum": 10}, {"type": "integer", "minimum": 100}]},
              "Open": {"anyOf": [{"type": "integer", "maximum": 10}, {"type": "integer"}]}
            }}
            """##
        try check(contract, namespace: "Same", [
            ("Contact", ##""a@b""##, .valid),
            ("Contact", ##""+123""##, .valid),
            ("Contact", ##""neither""##, .roundTrips(issues: [" pattern"])),
            ("RangeModel", ##"5"##, .valid),
            ("RangeModel", ##"150"##, .valid),
            ("RangeModel", ##"50"##, .roundTrips(issues: [" maximum"])),
            ("Open", ##"50"##, .valid),
        ])
    }

    /// Properties written beside `oneOf` — at the same level, or in an `allOf` member next to the one holding the
    /// alternatives — belong to every alternative: inline alternatives are generated with them (they used to be
    /// dropped, with the data).
    func testPropertiesBesideAlternativesAreKept() throws {
        let contract = ##"""
            {"title": "Shared", "$defs": {
              "Shape": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}, "id": {"type": "string", "maxLength": 3}},
                "oneOf": [
                  {"properties": {"kind": {"const": "circle"}, "r": {"type": "number"}}, "required": ["r"]},
                  {"properties": {"kind": {"const": "square"}, "side": {"type": "number"}}, "required": ["side"]}]},
              "Base": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}, "name": {"type": "string"}}},
              "Either": {"allOf": [{"$ref": "#/$defs/Base"}, {"oneOf": [
                {"required": ["a"], "properties": {"a": {"type": "string"}}},
                {"required": ["b"], "properties": {"b": {"type": "integer"}}}]}]}
            }}
            """##
        try check(contract, namespace: "Shared", [
            ("Shape", ##"{"kind":"circle","r":1.5,"id":"x"}"##, .valid),
            ("Shape", ##"{"kind":"square","side":2}"##, .valid),
            ("Shape", ##"{"kind":"square","side":2,"id":"long"}"##, .roundTrips(issues: ["/id maxLength"])),
            ("Either", ##"{"id":"x1","name":"n","a":"s"}"##, .valid),
            ("Either", ##"{"id":"x1","b":2}"##, .valid),
            ("Either", ##"{"a":"s"}"##, .rejected),
        ])
    }

    /// The values of undeclared properties (and of maps) are checked against the `additionalProperties` schema's
    /// constraints (`minLength: 2` used to pass `"y"`), in key order.
    func testAdditionalPropertiesValuesAreValidated() throws {
        let contract = ##"""
            {"title": "Props", "$defs": {
              "Counts": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
              "Named": {"type": "object", "required": ["a"], "properties": {
                "a": {"type": "integer"},
                "counts": {"$ref": "#/$defs/Counts"},
                "codes": {"type": "object", "additionalProperties": {"type": "string", "pattern": "^[A-Z]+$"}}
              }, "additionalProperties": {"type": "string", "minLength": 2}}
            }}
            """##
        try check(contract, namespace: "Props", [
            ("Named", ##"{"a":1,"b":"yy","counts":{"x":0},"codes":{"k":"AB"}}"##, .valid),
            ("Named", ##"{"a":1,"c":"y","b":"z"}"##, .roundTrips(issues: ["/b minLength", "/c minLength"])),
            ("Named", ##"{"a":1,"counts":{"x":-1,"y":2},"codes":{"k":"ab"}}"##, .roundTrips(issues: ["/codes/k pattern", "/counts/x minimum"])),
        ])
    }

    /// A `uri` default is written into the initialiser only when the generated decoder would accept it back (the
    /// generator and `AbsoluteURL` share one `URISyntax`).
    func testURIDefaultsAreAbsolute() throws {
        let contract = ##"""
            {"title": "Links", "$defs": {"L": {"type": "object", "properties": {
              "type": {"type": "string", "format": "uri", "default": "about:blank"},
              "relative": {"type": "string", "format": "uri", "default": "relative/path"},
              "spaced": {"type": "string", "format": "uri", "default": "https://example.com/a b"},
              "fragments": {"type": "string", "format": "uri", "default": "urn:x#a#b"},
              "percent": {"type": "string", "format": "uri", "default": "https://example.com/%zz"}
            }}}}
            """##
        let files = try XCTUnwrap(ContractFixture(contract).generate().value("generate"))
        let source = try XCTUnwrap(files["Links.swift"], "\(files.keys)")
        XCTAssertTrue(source.contains(#"type: URL? = URL(string: "about:blank")!"#), source)
        XCTAssertTrue(source.contains("relative: URL? = nil"), source)
        XCTAssertTrue(source.contains("spaced: URL? = nil"), source)
        XCTAssertTrue(source.contains("fragments: URL? = nil"), source)
        XCTAssertTrue(source.contains("percent: URL? = nil"), source)
    }

    /// A decimal number as a union alternative travels as a JSON number (`Decimal`'s own `Codable` is a struct of
    /// its fields: it never decoded, and encoded as `{"exponent":…}`), and a decimal that may be a string or a
    /// number keeps its form: a union's decimal string decodes from JSON strings only (`1.5` used to come back as
    /// `"1.5"`), in the contract's order — so `"19.99"` is the decimal even with a plain string alternative after it
    /// (it was the plain string when decimal strings were tried last).
    func testDecimalAlternativesKeepTheirForm() throws {
        let contract = ##"""
            {"title": "Ty", "$defs": {
              "Amount": {"type": "number", "format": "decimal"},
              "U": {"oneOf": [{"type": "number", "format": "decimal"}, {"type": "boolean"}]},
              "V": {"oneOf": [{"$ref": "#/$defs/Amount"}, {"type": "string"}]},
              "W": {"anyOf": [{"type": "string", "format": "decimal"}, {"type": "string"}, {"type": "number"}]},
              "H": {"type": "object", "properties": {
                "g": {"type": ["string", "number"], "format": "decimal"},
                "s": {"type": ["string", "integer"], "format": "decimal"},
                "u": {"$ref": "#/$defs/U"},
                "v": {"$ref": "#/$defs/V"}
              }}
            }}
            """##
        try check(contract, namespace: "Ty", [
            ("H", ##"{"g":1.5,"s":7,"u":12345678901234567890.123456789,"v":0.1}"##, .valid),
            ("H", ##"{"g":"1.5","s":"7.25","u":true,"v":"x"}"##, .valid),
            ("U", ##"-0.5"##, .valid),
            ("H", ##"{"g":true}"##, .rejected),
            ("H", ##"{"u":"1.5"}"##, .rejected),
            ("W", ##""19.99""##, .valid),
            ("W", ##""abc""##, .valid),
            ("W", ##"19.99"##, .valid),
        ])
        // Which case `"19.99"` becomes does not show in its JSON: the attempts are in the contract's order, the
        // decimal string's from strings only.
        let files = try XCTUnwrap(ContractFixture(contract).generate().value("generate"))
        let whole = try XCTUnwrap(files["Ty.swift"], "\(files.keys)")
        let source = whole[try XCTUnwrap(whole.range(of: "enum W"), whole).lowerBound...]
        let decimal = try XCTUnwrap(source.range(of: "try DecimalString(stringFrom: decoder).value"), String(source))
        let string = try XCTUnwrap(source.range(of: "self = .string(try String(from: decoder))"), String(source))
        XCTAssertLessThan(decimal.lowerBound, string.lowerBound, String(source))
    }

    /// A decimal string's `pattern` is checked on the value it decodes to: the value passes when some text of it
    /// matches (`"10.00"` is 10, and `"10"` does not have two places), so a matching wire text never fails and a sign
    /// or a fifth decimal the pattern forbids is an issue. It had not been checked at all. The value is written in a
    /// text the pattern accepts: `"10.00"` comes back as it was sent, `"7"` as `"7.00"`.
    func testDecimalStringPatternIsChecked() throws {
        let contract = ##"""
            {"title": "Ty", "$defs": {
              "Money": {"type": "string", "format": "decimal", "pattern": "^(0|[1-9][0-9]*)(\\.[0-9]{1,4})?$"},
              "Price": {"type": "object", "properties": {
                "amount": {"$ref": "#/$defs/Money"},
                "cents": {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{2}$"}
              }}
            }}
            """##
        try check(contract, namespace: "Ty", [
            ("Price", ##"{"amount":"19.99","cents":"10.00"}"##, .valid),
            ("Price", ##"{"amount":"-5.123456"}"##, .roundTrips(issues: ["/amount pattern"])),
            ("Price", ##"{"amount":"1.12345","cents":"19.999"}"##, .roundTrips(issues: ["/amount pattern", "/cents pattern"])),
            ("Price", ##"{"amount":"-1","cents":"1.25"}"##, .roundTrips(issues: ["/amount pattern"])),
            ("Price", ##"{"amount":"0","cents":"7"}"##, .normalised(issues: [])),  // 7 can be written, and is written, "7.00"
        ])
    }

    /// An optional free-form property keeps `null` apart from absent (`{"any": null}` used to come back as `{}`).
    func testFreeFormPropertyKeepsNull() throws {
        let contract = ##"""
            {"title": "Free", "$defs": {"Anything": {}, "H": {"type": "object", "required": ["req"], "properties": {
              "any": {}, "nothing": {"type": "null"}, "alias": {"$ref": "#/$defs/Anything"}, "req": {}
            }}}}
            """##
        try check(contract, namespace: "Free", [
            ("H", ##"{"any":null,"nothing":null,"alias":null,"req":null}"##, .valid),
            ("H", ##"{"req":1}"##, .valid),
            ("H", ##"{"any":[null],"alias":{"a":null},"req":{"a":null}}"##, .valid),
        ])
    }

    /// A name `required` lists that no `properties` entry declares is a required property: free-form under the
    /// open model (it used to be dropped on decode and never checked for presence), typed by the schemas that
    /// govern the name beside an `additionalProperties` schema or `patternProperties` — with their constraints —
    /// where it used to sit in the map of undeclared properties with its presence never checked.
    func testRequiredNameWithoutSchemaIsKept() throws {
        let contract = ##"""
            {"title": "Req", "$defs": {
              "R": {"type": "object", "required": ["ghost", "a"], "properties": {"a": {"type": "string"}}},
              "Typed": {"type": "object", "required": ["ghost"], "properties": {"a": {"type": "string"}}, "additionalProperties": {"type": "integer", "minimum": 0}},
              "Pattern": {"type": "object", "required": ["n1", "other"], "properties": {"a": {"type": "string"}},
                "patternProperties": {"^n": {"type": "integer", "maximum": 5}}, "additionalProperties": {"type": "string", "maxLength": 2}},
              "Closed": {"type": "object", "required": ["x-id"], "patternProperties": {"^x-": {"type": "string", "minLength": 2}}, "additionalProperties": false},
              "MapOnly": {"type": "object", "required": ["k"], "additionalProperties": {"type": ["string", "null"]}},
              "Open": {"type": "object", "required": ["any"], "additionalProperties": true}
            }}
            """##
        try check(contract, namespace: "Req", [
            ("R", ##"{"a":"x","ghost":[1,{"b":null}]}"##, .valid),
            ("R", ##"{"a":"x","ghost":null}"##, .valid),
            ("R", ##"{"a":"x"}"##, .rejected),
            ("Typed", ##"{"ghost":1,"b":2}"##, .valid),
            ("Typed", ##"{"ghost":-1,"b":-2}"##, .roundTrips(issues: ["/b minimum", "/ghost minimum"])),
            ("Typed", ##"{"b":2}"##, .rejected),
            ("Typed", ##"{"ghost":"x"}"##, .rejected),
            ("Pattern", ##"{"n1":5,"other":"ab","n2":4}"##, .valid),
            ("Pattern", ##"{"n1":5,"other":"ab","n2":"s"}"##, .roundTrips(issues: ["/n2 type"])),
            ("Pattern", ##"{"n1":6,"other":"abc"}"##, .roundTrips(issues: ["/n1 maximum", "/other maxLength"])),
            ("Pattern", ##"{"n1":"s","other":"ab"}"##, .rejected),
            ("Pattern", ##"{"n1":1}"##, .rejected),
            ("Closed", ##"{"x-id":"ab","x-more":"cd"}"##, .valid),
            ("Closed", ##"{"x-id":"a"}"##, .roundTrips(issues: ["/x-id minLength"])),
            ("Closed", ##"{"x-more":"cd"}"##, .rejected),
            ("MapOnly", ##"{"k":null,"l":"v"}"##, .valid),
            ("MapOnly", ##"{"l":"v"}"##, .rejected),
            ("Open", ##"{"any":{"deep":[null]},"more":1}"##, .valid),
            ("Open", ##"{"more":1}"##, .rejected),
        ])
        // The property is part of the memberwise initialiser, and the map never holds it.
        guard let files = ContractFixture(contract).generate().value("generate") else { return }
        let main = [
            "import Foundation",
            "let encoder = JSONEncoder()",
            "encoder.outputFormatting = [.sortedKeys]",
            "let typed = Req.Typed(a: nil, ghost: 3, additionalProperties: [\"ghost\": 4, \"b\": 5])",
            "print(String(decoding: try! encoder.encode(typed), as: UTF8.self))",
            "print(typed.validationIssues.map { $0.path + \" \" + $0.keyword })",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [##"{"b":5,"ghost":3}"##, ##"["/ghost additionalProperties"]"##])
    }
}
