import Foundation
import XCTest
@testable import CharterCore

/// Writing a file through a temporary file and a rename: what ends up on disk, and that a failure leaves
/// what was there and no temporary file.
final class AtomicWriteTests: XCTestCase {
    /// Rows: what is at the destination before → the bytes written → the outcome (nil: written; otherwise
    /// the start of the failure message) and what the folder holds afterwards.
    func testWrite() throws {
        let large = pseudoRandomBytes(300_000)
        enum Before { case nothing, file(String), folder }
        let rows: [(label: String, before: Before, bytes: [UInt8], failure: String?)] = [
            ("new file", .nothing, Array("struct A {}\n".utf8), nil),
            ("replaces a file", .file("old text, longer than the new\n"), Array("new\n".utf8), nil),
            ("empty file", .file("old\n"), [], nil),
            ("300 KB", .nothing, large, nil),
            ("a folder where the file should be: the rename fails", .folder, Array("x".utf8), "renaming "),
        ]
        for row in rows {
            let folder = try TemporaryFolder()
            let path = folder.url("A.swift").path
            switch row.before {
            case .nothing: break
            case .file(let text): try folder.write("A.swift", text)
            case .folder: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            }
            do {
                try AtomicWrite.write(row.bytes, to: path)
                XCTAssertNil(row.failure, row.label)
                XCTAssertEqual(FileManager.default.contents(atPath: path).map { [UInt8]($0) }, row.bytes, row.label)
            } catch {
                let failure = try XCTUnwrap(row.failure, "\(row.label): \(error.message)")
                XCTAssertTrue(error.message.hasPrefix(failure), "\(row.label): \(error.message)")
            }
            XCTAssertEqual(folder.contents(of: "."), ["A.swift"], "\(row.label): no temporary file left")
        }
    }

    /// ``AtomicWrite/writeAll(_:to:named:)``, which the atomic write and a report written into a pipe or device share.
    /// Rows: what the descriptor is → the bytes → the failure (nil: every byte arrives). A pipe takes at most its
    /// buffer (64 KiB on Linux) per write, so a megabyte is written in many short writes while a thread drains it.
    func testWriteAllWritesEveryByteOrSaysWhy() throws {
        enum Target { case pipe, readOnlyFile }
        let rows: [(label: String, target: Target, bytes: [UInt8], failure: String?)] = [
            ("nothing", .pipe, [], nil),
            ("a line", .pipe, Array("{}\n".utf8), nil),
            ("1 MB through a pipe: short writes", .pipe, pseudoRandomBytes(1_000_000), nil),
            ("a file opened for reading", .readOnlyFile, Array("x".utf8), "writing report.sarif: \(String(cString: strerror(EBADF)))"),
        ]
        for row in rows {
            switch row.target {
            case .pipe:
                var ends: [Int32] = [0, 0]
                XCTAssertEqual(pipe(&ends), 0)
                let reader = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true)
                let received = LockedBytes()
                let drained = Thread { received.set(Array(reader.readDataToEndOfFile())) }
                drained.start()
                XCTAssertNoThrow(try AtomicWrite.writeAll(row.bytes, to: ends[1], named: "report.sarif"), row.label)
                close(ends[1])
                while !drained.isFinished { usleep(1000) }
                XCTAssertEqual(received.get().count, row.bytes.count, row.label)
                XCTAssertEqual(received.get(), row.bytes, row.label)
            case .readOnlyFile:
                let folder = try TemporaryFolder()
                try folder.write("report.sarif", "old")
                let descriptor = open(folder.url("report.sarif").path, O_RDONLY)
                defer { close(descriptor) }
                XCTAssertThrowsError(try AtomicWrite.writeAll(row.bytes, to: descriptor, named: "report.sarif"), row.label) { error in
                    XCTAssertEqual((error as? AtomicWrite.Failure)?.message, row.failure, row.label)
                }
                XCTAssertEqual(folder.read("report.sarif"), "old", row.label)
            }
        }
    }

    /// A new file gets the same mode as any new file the process creates (0666 less the umask), not the
    /// 0600 of a typical temporary file.
    func testModeIsAnOrdinaryNewFilesMode() throws {
        let folder = try TemporaryFolder()
        try AtomicWrite.write(Array("a".utf8), to: folder.url("A.swift").path)
        XCTAssertTrue(FileManager.default.createFile(atPath: folder.url("B.swift").path, contents: Data("b".utf8)))
        let mode = { (name: String) in try FileManager.default.attributesOfItem(atPath: folder.url(name).path)[.posixPermissions] as? Int }
        XCTAssertEqual(try mode("A.swift"), try mode("B.swift"))
    }

    /// A missing folder is a failure that names it; nothing is created.
    func testMissingFolder() throws {
        let folder = try TemporaryFolder()
        let path = folder.url("missing/A.swift").path
        XCTAssertThrowsError(try AtomicWrite.write(Array("a".utf8), to: path)) { error in
            let message = (error as? AtomicWrite.Failure)?.message ?? ""
            XCTAssertTrue(message.hasPrefix("creating a temporary file in \(folder.url("missing").path)/:"), message)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.url("missing").path))
    }
}

/// Bytes one thread hands another.
private final class LockedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    func set(_ value: [UInt8]) { lock.withLock { bytes = value } }
    func get() -> [UInt8] { lock.withLock { bytes } }
}
