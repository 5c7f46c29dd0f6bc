import Foundation
import XCTest
@testable import CharterCore

/// The loader's view of the disk: sizes, contents and canonical paths of real files.
final class DiskFileSourceTests: XCTestCase {
    /// Rows: what is at a path → the size the loader sees (nil: "no such file").
    func testSizes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charter-disk-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/a.json", empty = folder + "/empty.json", link = folder + "/link.json", sub = folder + "/sub"
        try Data(#"{"type": "string"}"#.utf8).write(to: URL(fileURLWithPath: file))
        try Data().write(to: URL(fileURLWithPath: empty))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        let rows: [(label: String, path: String, size: Int?)] = [
            ("regular file", file, 18),
            ("empty file", empty, 0),
            ("symlink to a file: the target's size", link, 18),
            ("directory", sub, nil),
            ("missing", folder + "/missing.json", nil),
            ("below a file", file + "/x", nil),
        ]
        let source = DiskFileSource()
        for row in rows {
            XCTAssertEqual(source.size(ofFile: row.path), row.size, row.label)
        }
        XCTAssertEqual(source.contents(ofFile: file).map { String(decoding: $0, as: UTF8.self) }, #"{"type": "string"}"#)
        XCTAssertEqual(source.canonicalPath(link), source.canonicalPath(file))
    }

    /// Rows: what is at a path → the bytes the loader reads (nil: nothing to read). Regular files are read
    /// straight into the array; anything else goes through Foundation.
    func testContents() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charter-disk-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let small = Array(#"{"type": "string"}"#.utf8)
        // Larger than one read typically returns, with every byte value, so a short read or an off-by-one shows.
        let large = pseudoRandomBytes(3_000_000)
        let file = folder + "/a.json", big = folder + "/big.json", empty = folder + "/empty.json"
        let link = folder + "/link.json", sub = folder + "/sub"
        try Data(small).write(to: URL(fileURLWithPath: file))
        try Data(large).write(to: URL(fileURLWithPath: big))
        try Data().write(to: URL(fileURLWithPath: empty))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        let rows: [(label: String, path: String, bytes: [UInt8]?)] = [
            ("regular file", file, small),
            ("3 MB file", big, large),
            ("empty file", empty, []),
            ("symlink to a file: the target's bytes", link, small),
            ("character device (not a regular file: Foundation, which reads nothing)", "/dev/null", nil),
            ("directory", sub, nil),
            ("missing", folder + "/missing.json", nil),
            ("below a file", file + "/x", nil),
        ]
        let source = DiskFileSource()
        for row in rows {
            let read = source.contents(ofFile: row.path)
            XCTAssertEqual(read?.count, row.bytes?.count, row.label)
            XCTAssertTrue(read == row.bytes, row.label)
        }
    }
}
