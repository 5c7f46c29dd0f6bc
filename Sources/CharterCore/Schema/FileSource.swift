import Foundation

/// Where the loader reads files from: the disk, or memory in tests.
public protocol FileSource: Sendable {
    /// The bytes of the file at an absolute path, or nil when there is no such file.
    func contents(ofFile path: String) -> [UInt8]?
    /// The size in bytes of the file at an absolute path, or nil when there is no such file.
    func size(ofFile path: String) -> Int?
    /// The absolute path with symlinks resolved and `.`/`..` removed.
    func canonicalPath(_ path: String) -> String
}

/// Reads from the file system.
public struct DiskFileSource: FileSource {
    /// Creates the source.
    public init() {}

    /// Reads the whole file. A regular file is read straight into the array (sized by `fstat`, no
    /// intermediate `Data` to copy out of); anything else, or a file that grows while it is read, goes
    /// through Foundation.
    public func contents(ofFile path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        guard info.st_mode & S_IFMT == S_IFREG else { return foundationContents(ofFile: path) }
        // One byte more than the size, so that reaching the end of the file shows as a short read.
        let capacity = Int(info.st_size) + 1
        var reachedEnd = false
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            while count < capacity {
                let read = Foundation.read(descriptor, buffer.baseAddress! + count, capacity - count)
                if read < 0 && errno == EINTR { continue }
                if read <= 0 { reachedEnd = read == 0; return }
                count += read
            }
        }
        return reachedEnd ? bytes : foundationContents(ofFile: path)
    }

    private func foundationContents(ofFile path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// The file's size, or nil for a missing path or a directory. One `stat` call: Foundation's
    /// `attributesOfItem` also looks up the owner's user and group names (reading `/etc/passwd` and
    /// `/etc/group` and trying the name-service sockets) for every input file.
    public func size(ofFile path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { return nil }
        return Int(info.st_size)
    }

    /// Resolves symlinks and dot segments.
    public func canonicalPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// An in-memory file system keyed by absolute path (for tests and editors).
public struct MemoryFileSource: FileSource {
    /// The files, by absolute path.
    public var files: [String: String]

    /// Creates the source.
    public init(_ files: [String: String]) { self.files = files }

    /// The UTF-8 bytes of the file.
    public func contents(ofFile path: String) -> [UInt8]? { files[path].map { Array($0.utf8) } }

    /// The UTF-8 size of the file.
    public func size(ofFile path: String) -> Int? { files[path]?.utf8.count }

    /// Removes dot segments (there are no symlinks in memory).
    public func canonicalPath(_ path: String) -> String { URIReference.removeDotSegments(path) }
}
