import XCTest
@testable import CharterCore

/// `SemanticVersion` against semver.org 2.0.0.
final class SemanticVersionTests: XCTestCase {
    /// Rows: text → (major, minor, patch, prerelease), as parsed.
    func testValidVersions() {
        let rows: [(text: String, major: Int, minor: Int, patch: Int, prerelease: String?)] = [
            ("0.0.0", 0, 0, 0, nil),
            ("1.2.3", 1, 2, 3, nil),
            ("10.20.30", 10, 20, 30, nil),
            ("1.0.0-alpha", 1, 0, 0, "alpha"),
            ("1.0.0-alpha.1", 1, 0, 0, "alpha.1"),
            ("1.0.0-0.3.7", 1, 0, 0, "0.3.7"),
            ("1.0.0-x.7.z.92", 1, 0, 0, "x.7.z.92"),
            ("1.0.0-x-y-z.--", 1, 0, 0, "x-y-z.--"),
            ("1.0.0+20130313144700", 1, 0, 0, nil),
            ("1.0.0-beta+exp.sha.5114f85", 1, 0, 0, "beta"),
            ("1.0.0+21AF26D3----117B344092BD", 1, 0, 0, nil),
            ("2.0.0-rc.1+build.123", 2, 0, 0, "rc.1"),
            ("1.2.3----RC-SNAPSHOT.12.9.1--.12+788", 1, 2, 3, "---RC-SNAPSHOT.12.9.1--.12"),
        ]
        for row in rows {
            guard let version = SemanticVersion(row.text) else {
                XCTFail("\(row.text) rejected")
                continue
            }
            XCTAssertEqual(version, SemanticVersion(major: row.major, minor: row.minor, patch: row.patch, prerelease: row.prerelease), row.text)
        }
    }

    /// Rows: text that is not a semantic version (semver.org's invalid examples among them).
    func testInvalidVersions() {
        let rows: [String] = [
            "", "1", "1.2", "1.2.3.4", "1.2.3.DEV", "1.2-SNAPSHOT", "v1.2.3", " 1.2.3", "1.2.3 ", "a.b.c", "1..3",
            "01.1.1", "1.01.1", "1.1.01", "00.0.0",
            "-1.2.3", "1.-2.3", "+1.2.3", "1.2.3-", "-invalid", "+invalid", "+justmeta",
            "１.２.３", "99999999999999999999.0.0",
        ]
        for text in rows {
            XCTAssertNil(SemanticVersion(text), "\(text.debugDescription) accepted as \(SemanticVersion(text).map(String.init(describing:)) ?? "")")
        }
    }

    /// Rows: versions whose pre-release or build identifiers break semver.org section 9 and 10: identifiers are
    /// non-empty, hold only [0-9A-Za-z-], and numeric pre-release identifiers have no leading zeros.
    func testInvalidPrereleaseAndBuildIdentifiers() {
        let rows: [String] = [
            "1.2.3-0123", "1.2.3-0123.0123", "1.0.0-alpha..1", "1.0.0-alpha..", "1.0.0-alpha_beta", "1.0.0-alpha.",
            "1.1.2+.123", "1.2.3+", "9.8.7+meta+meta", "9.8.7-whatever+meta+meta", "1.0.0-α",
        ]
        for text in rows {
            XCTAssertNil(SemanticVersion(text), "\(text.debugDescription) accepted as \(SemanticVersion(text).map(String.init(describing:)) ?? "")")
        }
    }

    /// semver.org section 11: each version has lower precedence than the next.
    func testPrecedence() {
        let ascending = [
            "0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
            "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "2.1.0", "2.1.1", "10.0.0",
        ]
        let versions = ascending.compactMap(SemanticVersion.init)
        XCTAssertEqual(versions.count, ascending.count)
        for (lower, higher) in zip(versions, versions.dropFirst()) {
            XCTAssertLessThan(lower, higher)
            XCTAssertFalse(higher < lower, "\(higher) < \(lower)")
        }
        XCTAssertEqual(versions.shuffled().sorted(), versions)
    }

    /// Rows: pairs where semver's identifier-by-identifier comparison differs from comparing the text.
    func testPrereleaseIdentifiersCompareOneByOne() {
        let rows: [(lower: String, higher: String, rule: String)] = [
            ("1.0.0-alpha.beta", "1.0.0-alpha-beta", "fewer identifiers first when all before are equal (alpha < alpha-beta)"),
            ("1.0.0-alpha.9", "1.0.0-alpha.1a", "numeric identifiers have lower precedence than alphanumeric ones"),
            ("1.0.0-2", "1.0.0-10", "numeric identifiers compare numerically"),
            ("1.0.0-Beta", "1.0.0-alpha", "alphanumeric identifiers compare in ASCII order"),
        ]
        for row in rows {
            guard let lower = SemanticVersion(row.lower), let higher = SemanticVersion(row.higher) else {
                XCTFail("\(row.lower) or \(row.higher) rejected")
                continue
            }
            XCTAssertTrue(lower < higher, "\(row.lower) < \(row.higher): \(row.rule)")
            XCTAssertFalse(higher < lower, "\(row.higher) < \(row.lower): \(row.rule)")
        }
    }

    /// Build metadata takes no part in precedence or equality.
    func testBuildMetadataIsIgnored() throws {
        let a = try XCTUnwrap(SemanticVersion("1.0.0+a"))
        let b = try XCTUnwrap(SemanticVersion("1.0.0+b"))
        XCTAssertEqual(a, b)
        XCTAssertFalse(a < b)
        XCTAssertFalse(b < a)
        XCTAssertEqual(a.description, "1.0.0")
        XCTAssertEqual(SemanticVersion("1.0.0-rc.1+build")?.description, "1.0.0-rc.1")
    }
}
