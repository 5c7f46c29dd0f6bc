import XCTest
@testable import CharterCore

final class URIReferenceTests: XCTestCase {
    /// RFC 3986 section 5.4: every normal and abnormal example, against the RFC's base URI.
    func testRFC3986Examples() {
        let base = URIReference("http://a/b/c/d;p?q")
        let rows: [(reference: String, resolved: String)] = [
            // 5.4.1 Normal examples
            ("g:h", "g:h"),
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            ("g?y#s", "http://a/b/c/g?y#s"),
            (";x", "http://a/b/c/;x"),
            ("g;x", "http://a/b/c/g;x"),
            ("g;x?y#s", "http://a/b/c/g;x?y#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../", "http://a/"),
            ("../../g", "http://a/g"),
            // 5.4.2 Abnormal examples
            ("../../../g", "http://a/g"),
            ("../../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            (".g", "http://a/b/c/.g"),
            ("g..", "http://a/b/c/g.."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("./g/.", "http://a/b/c/g/"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
            ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
            ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"),
            ("g?y/../x", "http://a/b/c/g?y/../x"),
            ("g#s/./x", "http://a/b/c/g#s/./x"),
            ("g#s/../x", "http://a/b/c/g#s/../x"),
            ("http:g", "http:g"),
        ]
        for row in rows {
            XCTAssertEqual(URIReference(row.reference).resolved(against: base).description, row.resolved, "\"\(row.reference)\" against \(base)")
        }
    }

    /// Rows: the references contracts write, against the bases documents have.
    func testSchemaReferences() {
        let rows: [(base: String, reference: String, resolved: String)] = [
            ("file:///c/contracts/a.json", "#/$defs/A", "file:///c/contracts/a.json#/$defs/A"),
            ("file:///c/contracts/a.json", "#", "file:///c/contracts/a.json#"),
            ("file:///c/contracts/a.json", "other.json#/$defs/Y", "file:///c/contracts/other.json#/$defs/Y"),
            ("file:///c/contracts/a.json", "./sub/../other.json", "file:///c/contracts/other.json"),
            ("file:///c/contracts/a.json", "../shared/money.json#Money", "file:///c/shared/money.json#Money"),
            ("file:///c/contracts/a.json", "../../../../etc/passwd", "file:///etc/passwd"),
            ("file:///c/contracts/a.json", "/etc/passwd", "file:///etc/passwd"),
            ("file:///c/contracts/a.json", "file:///etc/passwd", "file:///etc/passwd"),
            ("file:///c/contracts/a.json", "https://schemas.example.com/money.json#/$defs/Money", "https://schemas.example.com/money.json#/$defs/Money"),
            ("file:///c/my%20contracts/a.json", "b.json", "file:///c/my%20contracts/b.json"),
            ("https://example.com/schemas/inventory", "money#/$defs/M", "https://example.com/schemas/money#/$defs/M"),
            ("https://example.com/schemas/inventory", "/root.json", "https://example.com/root.json"),
            ("https://example.com/schemas/inventory", "../x", "https://example.com/x"),
            ("https://example.com", "a.json", "https://example.com/a.json"),
            ("urn:example:inventory", "#/$defs/A", "urn:example:inventory#/$defs/A"),
            ("urn:example:inventory", "urn:example:orders#sku", "urn:example:orders#sku"),
        ]
        for row in rows {
            XCTAssertEqual(URIReference(row.reference).resolved(against: URIReference(row.base)).description, row.resolved,
                           "\"\(row.reference)\" against \(row.base)")
        }
    }

    /// Rows: text → its components (RFC 3986 appendix B).
    func testComponents() {
        let rows: [(text: String, scheme: String?, authority: String?, path: String, query: String?, fragment: String?)] = [
            ("https://user@host:8080/p/a?q=1#f", "https", "user@host:8080", "/p/a", "q=1", "f"),
            ("file:///c/a.json", "file", "", "/c/a.json", nil, nil),
            ("HTTPS://Example.com/", "https", "Example.com", "/", nil, nil),
            ("urn:example:inventory", "urn", nil, "example:inventory", nil, nil),
            ("#/$defs/A", nil, nil, "", nil, "/$defs/A"),
            ("#", nil, nil, "", nil, ""),
            ("other.json#/$defs/Y", nil, nil, "other.json", nil, "/$defs/Y"),
            ("a/b:c", nil, nil, "a/b:c", nil, nil),
            ("1abc:x", nil, nil, "1abc:x", nil, nil),
            ("//host", nil, "host", "", nil, nil),
            ("?only", nil, nil, "", "only", nil),
            ("g?y#s?t", nil, nil, "g", "y", "s?t"),
            ("tag+v2.x-y:z", "tag+v2.x-y", nil, "z", nil, nil),
            ("é:x", nil, nil, "é:x", nil, nil),  // a scheme is ASCII (section 3.1)
            ("a_b:x", nil, nil, "a_b:x", nil, nil),
            (":x", nil, nil, ":x", nil, nil),
            ("Ünits/a.json#/$defs/Größe", nil, nil, "Ünits/a.json", nil, "/$defs/Größe"),
            ("https://hôst/é?q=ü#f", "https", "hôst", "/é", "q=ü", "f"),
            ("データ:v1.json", nil, nil, "データ:v1.json", nil, nil),
            // The delimiters are ASCII bytes: a combining mark after one does not hide it (it did when the text was
            // split by Character, which glued the two into one grapheme).
            ("x#\u{301}", nil, nil, "x", nil, "\u{301}"),
            ("a?\u{301}b", nil, nil, "a", "\u{301}b", nil),
            ("a:\u{301}b", "a", nil, "\u{301}b", nil, nil),
            ("//\u{301}host/p", nil, "\u{301}host", "/p", nil, nil),
        ]
        for row in rows {
            let uri = URIReference(row.text)
            XCTAssertEqual(uri.scheme, row.scheme, "scheme of \(row.text)")
            XCTAssertEqual(uri.authority, row.authority, "authority of \(row.text)")
            XCTAssertEqual(uri.path, row.path, "path of \(row.text)")
            XCTAssertEqual(uri.query, row.query, "query of \(row.text)")
            XCTAssertEqual(uri.fragment, row.fragment, "fragment of \(row.text)")
            XCTAssertEqual(uri.isAbsolute, row.scheme != nil, "isAbsolute of \(row.text)")
        }
    }

    /// Text survives parsing and printing (schemes are lowercased, nothing else changes).
    func testDescriptionRoundTrips() {
        for text in ["https://a/b?c#d", "file:///c/a.json#/$defs/A", "urn:x:y", "#", "", "a/b/../c", "//host/p", "?q", "http:g"] {
            XCTAssertEqual(URIReference(text).description, text)
        }
        XCTAssertEqual(URIReference("HTTP://A/b").description, "http://A/b")
    }

    func testWithoutFragment() {
        XCTAssertEqual(URIReference("https://a/b?c#d").withoutFragment.description, "https://a/b?c")
        XCTAssertEqual(URIReference("#").withoutFragment.description, "")
    }

    /// Rows: a path → the path with `.` and `..` segments removed (RFC 3986 section 5.2.4).
    func testRemoveDotSegments() {
        let rows: [(path: String, expected: String)] = [
            ("/a/b/c/./../../g", "/a/g"),
            ("mid/content=5/../6", "mid/6"),
            ("/c/contracts/../../etc/passwd", "/etc/passwd"),
            ("/..", "/"),
            ("/a/..", "/"),
            ("/a/.", "/a/"),
            ("/a//../b", "/a/b"),
            ("/no/dots", "/no/dots"),
            ("/file.v1.json", "/file.v1.json"),
            ("/a/.../b", "/a/.../b"),  // three dots are a name
            ("/a/.b/c..", "/a/.b/c.."),
            ("./a", "a"),
            ("../a", "a"),
            (".", ""),
            ("..", ""),
            ("a/..", ""),
            ("", ""),
        ]
        for row in rows {
            XCTAssertEqual(URIReference.removeDotSegments(row.path), row.expected, row.path)
        }
    }
}
