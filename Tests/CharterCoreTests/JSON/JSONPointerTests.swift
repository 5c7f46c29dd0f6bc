import XCTest
@testable import CharterCore

final class JSONPointerTests: XCTestCase {
    func testParsing() throws {
        let rows: [(String, [String])] = [
            ("", []), ("/", [""]), ("//", ["", ""]), ("/a", ["a"]), ("/a/0", ["a", "0"]),
            ("/a~1b", ["a/b"]), ("/m~0n", ["m~n"]), ("/~01", ["~1"]), ("/~10", ["/0"]), ("/ ", [" "]),
            ("/$defs/Money", ["$defs", "Money"]), ("/é/😀", ["é", "😀"]), ("/%24defs", ["%24defs"]),
            ("/a/", ["a", ""]),
        ]
        for (text, tokens) in rows {
            let parsed = try JSONPointer(parsing: text)
            XCTAssertEqual(parsed.tokens, tokens, text)
            XCTAssertEqual(parsed.description, text, "round trip of \(text)")
        }
    }

    func testParsingErrors() {
        let rows: [(String, String)] = [
            ("a", "must be empty or start with \"/\""),
            ("#/a", "must be empty or start with \"/\""),
            ("/~", "\"~\" must be followed by \"0\" or \"1\""),
            ("/~2", "\"~\" must be followed by \"0\" or \"1\""),
            ("/a~", "\"~\" must be followed by \"0\" or \"1\""),
            ("/~a/b", "\"~\" must be followed by \"0\" or \"1\""),
        ]
        for (text, message) in rows {
            do {
                let parsed = try JSONPointer(parsing: text)
                XCTFail("\(text) parsed as \(parsed.tokens)")
            } catch {
                XCTAssertTrue(error.message.contains(message), "\(text): \(error)")
                XCTAssertEqual(error.text, text)
            }
        }
    }

    func testFragments() throws {
        let rows: [(String, [String])] = [
            ("#", []), ("", []), ("#/%24defs/A", ["$defs", "A"]), ("/%24defs/A", ["$defs", "A"]),
            ("#/$defs/A", ["$defs", "A"]), ("#/a%20b", ["a b"]), ("#/%C3%A9", ["é"]), ("#/c%25d", ["c%d"]),
            ("#/a~1b", ["a/b"]), ("#/a%2Fb", ["a", "b"]), ("#/a%7e1b", ["a/b"]),
        ]
        for (text, tokens) in rows {
            XCTAssertEqual(try JSONPointer(fragment: text).tokens, tokens, text)
        }
        for bad in ["#/%2", "#/%", "#/%zz", "#/%FF", "#a", "#/%7E2"] {
            XCTAssertThrowsError(try JSONPointer(fragment: bad), bad)
        }
    }

    func testURIFragmentForm() throws {
        let rows: [(JSONPointer, String)] = [
            (.root, "#"),
            (JSONPointer(tokens: ["$defs", "Money"]), "#/$defs/Money"),
            (JSONPointer(tokens: ["a b", "é", "c%d", "x\"y", "a/b"]), "#/a%20b/%C3%A9/c%25d/x%22y/a~1b"),
            (JSONPointer(tokens: ["q?&=", "{x}"]), "#/q?&=/%7Bx%7D"),
        ]
        for (pointer, fragment) in rows {
            XCTAssertEqual(pointer.uriFragment, fragment)
            XCTAssertEqual(try JSONPointer(fragment: fragment), pointer, "round trip of \(fragment)")
        }
    }

    func testBuilding() {
        let p = JSONPointer.root.appending("properties").appending("a/b").appending(index: 3)
        XCTAssertEqual(p.description, "/properties/a~1b/3")
        XCTAssertEqual(p.tokens, ["properties", "a/b", "3"])
        XCTAssertEqual(p.parent?.description, "/properties/a~1b")
        XCTAssertEqual(JSONPointer.root.appending("properties", "a/b").appending(index: 3), p)
        XCTAssertEqual(p.appending("x", "y").tokens, ["properties", "a/b", "3", "x", "y"])
        XCTAssertNil(JSONPointer.root.parent)
        XCTAssertTrue(JSONPointer.root.isRoot)
        XCTAssertEqual(JSONPointer.root.description, "")
        XCTAssertTrue(pointer("/properties").isPrefix(of: p))
        XCTAssertTrue(p.isPrefix(of: p))
        XCTAssertFalse(p.isPrefix(of: pointer("/properties")))
        XCTAssertFalse(pointer("/prop").isPrefix(of: p))
    }

    func testOrdering() {
        let sorted = ["/b", "", "/a/1", "/a", "/a/0", "/a/0/x"].map(pointer).sorted()
        XCTAssertEqual(sorted.map(\.description), ["", "/a", "/a/0", "/a/0/x", "/a/1", "/b"])
    }

    /// RFC 6901 §5 and §6 examples.
    func testResolution() throws {
        let document = """
        {
           "foo": ["bar", "baz"],
           "": 0,
           "a/b": 1,
           "c%d": 2,
           "e^f": 3,
           "g|h": 4,
           "i\\\\j": 5,
           "k\\"l": 6,
           " ": 7,
           "m~n": 8
        }
        """
        let root = try XCTUnwrap(parseOrFail(document))
        XCTAssertEqual(root.node(at: .root), root)
        XCTAssertEqual(root.node(at: pointer("/foo"))?.array?.compactMap(\.string), ["bar", "baz"])
        let rows: [(String, String)] = [
            ("/foo/0", "\"bar\""), ("/", "0"), ("/a~1b", "1"), ("/c%d", "2"), ("/e^f", "3"), ("/g|h", "4"),
            ("/i\\j", "5"), ("/k\"l", "6"), ("/ ", "7"), ("/m~0n", "8"),
        ]
        for (text, expected) in rows {
            XCTAssertEqual(root.node(at: pointer(text)).map { JSONWriter.write($0) }, expected, text)
        }
        let fragments: [(String, String)] = [
            ("#/foo/0", "\"bar\""), ("#/", "0"), ("#/a~1b", "1"), ("#/c%25d", "2"), ("#/e%5Ef", "3"),
            ("#/g%7Ch", "4"), ("#/i%5Cj", "5"), ("#/k%22l", "6"), ("#/%20", "7"), ("#/m~0n", "8"),
        ]
        for (text, expected) in fragments {
            let resolved = root.node(at: try JSONPointer(fragment: text))
            XCTAssertEqual(resolved.map { JSONWriter.write($0) }, expected, text)
        }
        for missing in ["/foo/2", "/foo/-", "/foo/01", "/foo/-1", "/foo/+1", "/bar", "/foo/0/x", "/foo/", "/ /x"] {
            XCTAssertNil(root.node(at: pointer(missing)), missing)
        }
    }

    /// Rows: a pointer → the deepest value on its path that exists (as written) and whether it is the one named.
    func testDeepest() throws {
        let root = try XCTUnwrap(parseOrFail(#"{"a": {"b": [10, {"c": true}]}, "d": 1}"#))
        let rows: [(pointer: String, deepest: String, complete: Bool)] = [
            ("", #"{"a":{"b":[10,{"c":true}]},"d":1}"#, true),
            ("/a/b/1/c", "true", true),
            ("/a/b/0", "10", true),
            ("/a/x/y", #"{"b":[10,{"c":true}]}"#, false),
            ("/a/b/2", #"[10,{"c":true}]"#, false),
            ("/a/b/01", #"[10,{"c":true}]"#, false),
            ("/d/e", "1", false),
        ]
        for row in rows {
            let found = root.deepest(along: pointer(row.pointer))
            XCTAssertEqual(JSONWriter.write(found.node), row.deepest, row.pointer)
            XCTAssertEqual(found.complete, row.complete, row.pointer)
        }
    }
}
