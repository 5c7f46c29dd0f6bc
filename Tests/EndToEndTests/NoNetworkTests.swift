import CharterTestSupport
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// No code path opens a connection: a remote `$ref` aimed at a listener this test starts on loopback is
/// an error, and the listener never sees a connection.
final class NoNetworkTests: XCTestCase {
    /// A TCP listener on 127.0.0.1 with a kernel-chosen port; counts pending connections without blocking.
    final class Listener {
        let descriptor: Int32
        let port: UInt16

        init() throws {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw CocoaError(.fileNoSuchFile) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = 0
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
            guard bound == 0, listen(fd, 16) == 0 else { throw CocoaError(.fileWriteUnknown) }
            _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            descriptor = fd
            port = UInt16(bigEndian: address.sin_port)
        }

        /// Connections that arrived (accepts each, so none is left pending).
        func acceptedConnections() -> Int {
            var count = 0
            while true {
                let client = accept(descriptor, nil, nil)
                if client < 0 { break }
                close(client)
                count += 1
            }
            return count
        }

        deinit { close(descriptor) }
    }

    func testRemoteReferencesNeverReachTheNetwork() throws {
        let listener = try Listener()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charter-nonet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = "http://127.0.0.1:\(listener.port)"
        let rows: [(label: String, contract: String, extra: [String])] = [
            ("absolute http $ref", #"{"$defs": {"A": {"$ref": "\#(base)/schema.json#/$defs/X"}}}"#, []),
            ("relative $ref resolved against an http $id", #"{"$id": "\#(base)/a.json", "$defs": {"A": {"$ref": "other.json"}}}"#, []),
            ("$schema pointing at the listener", #"{"$schema": "\#(base)/meta", "$defs": {"A": {"$ref": "\#(base)/x.json"}}}"#, []),
            ("ref map for another prefix", #"{"$defs": {"A": {"$ref": "\#(base)/schema.json"}}}"#, ["--ref-map", "https://elsewhere.example/=\(folder.path)"]),
        ]
        for row in rows {
            let file = folder.appendingPathComponent("contract.json")
            try row.contract.write(to: file, atomically: true, encoding: .utf8)
            let run = try ProcessRunner.run(
                Repository.charterExecutable.path, ["generate", file.path, "--output", folder.appendingPathComponent("out").path] + row.extra,
                timeout: 60)
            XCTAssertEqual(run.status, 1, "\(row.label): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("never downloads") || run.stderr.contains("cannot resolve"), "\(row.label): \(run.stderr)")
            XCTAssertEqual(listener.acceptedConnections(), 0, "\(row.label): charter connected to the network")
        }
        // The listener works: a real connection is counted (so zero above means none was made).
        let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = listener.port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(probe, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        XCTAssertEqual(connected, 0)
        usleep(50_000)
        XCTAssertEqual(listener.acceptedConnections(), 1)
        close(probe)
    }
}
