import Foundation

/// Writes a report or baseline file where a command line names it: atomically over a regular file (or a new one),
/// through a symbolic link to its target (the link stays a link), and straight into anything else already there — a
/// terminal, a pipe, `/dev/stdout`, `/dev/null` — which cannot be replaced by renaming a file over it.
package enum ReportFile {
    /// Writes `bytes` to `path` (absolute).
    package static func write(_ bytes: [UInt8], to path: String) throws(AtomicWrite.Failure) {
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                break
            case S_IFDIR:
                throw AtomicWrite.Failure(message: "\(path) is a folder")
            default:
                try writeInPlace(bytes, to: path)
                return
            }
        }
        try AtomicWrite.write(bytes, to: target(of: path))
    }

    /// The file a path names once its symbolic links are followed (the link's target, which may not exist yet).
    package static func target(of path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
                let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current)
            else { return current }
            current = destination.hasPrefix("/")
                ? destination
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(destination).standardizedFileURL.path
        }
        return current
    }

    /// Opens what is at `path` for writing and writes `bytes` into it, without truncating or replacing it.
    private static func writeInPlace(_ bytes: [UInt8], to path: String) throws(AtomicWrite.Failure) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw AtomicWrite.Failure(message: "opening \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        try AtomicWrite.writeAll(bytes, to: descriptor, named: path)
    }
}
