import Foundation

/// Writes a file atomically: the bytes go to a new temporary file in the destination's folder, which is
/// then renamed over the destination, so a reader (a compiler, an editor) sees the old file or the new
/// one and never part of one, and a failed write leaves the old file as it was.
///
/// The file is not forced to disk (`fsync`): generated files can always be generated again, and after a
/// power loss a file that came out empty or stale differs from what the next run generates, so that run
/// rewrites it. Foundation's atomic write syncs every file, which cost about 1 ms a file here. A replaced
/// file gets a new file's mode, not the old one's. A temporary file is left behind only if the process is
/// killed between creating and renaming it (`.charter-*.tmp`, hidden).
package enum AtomicWrite {
    /// Why a write failed: what was being done, and the system's reason.
    package struct Failure: Error {
        /// What failed and why, e.g. "creating a temporary file in /out/: Permission denied" (the caller
        /// says which file it was writing).
        package var message: String
    }

    /// Writes `bytes` to `path` atomically. The new file gets the mode a new file gets (0666 less the
    /// umask).
    package static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        var descriptor: Int32 = -1
        var temporary = ""
        var error: Int32 = 0
        for _ in 0..<16 {
            // A short name of its own (not the destination's name plus a suffix, which could exceed the
            // file system's name limit), hidden, and unique: O_EXCL, retried on a clash.
            temporary = "\(folder).charter-\(String(UInt64.random(in: .min ... .max), radix: 36)).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            error = errno
            if descriptor >= 0 || (error != EEXIST && error != EINTR) { break }
        }
        guard descriptor >= 0 else {
            throw Failure(message: "creating a temporary file in \(folder.isEmpty ? "." : folder): \(reason(error))")
        }
        var failure: String?
        do throws(Failure) {
            try writeAll(bytes, to: descriptor, named: temporary)
        } catch {
            failure = error.message
        }
        if close(descriptor) != 0 && failure == nil {
            error = errno
            failure = "writing \(temporary): \(reason(error))"
        }
        if failure == nil && rename(temporary, path) != 0 {
            error = errno
            failure = "renaming \(temporary) to \(path): \(reason(error))"
        }
        if let failure {
            unlink(temporary)
            throw Failure(message: failure)
        }
    }

    /// Writes every byte of `bytes` to the open file `descriptor`, whatever its kind (a file, a pipe, a terminal): a short
    /// write carries on with the rest, an interrupted one (`EINTR`) is retried, and one that writes nothing fails (`EIO`).
    /// `name` is the file's path, for the failure's message ("writing NAME: reason").
    package static func writeAll(_ bytes: [UInt8], to descriptor: Int32, named name: String) throws(Failure) {
        var error: Int32 = 0
        let failed = bytes.withUnsafeBytes { buffer -> Bool in
            var written = 0
            while written < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                error = count == 0 ? EIO : errno
                if count < 0 && error == EINTR { continue }
                if count <= 0 { return true }
                written += count
            }
            return false
        }
        if failed { throw Failure(message: "writing \(name): \(reason(error))") }
    }

    /// The system's text for an `errno` value.
    private static func reason(_ error: Int32) -> String { String(cString: strerror(error)) }
}
