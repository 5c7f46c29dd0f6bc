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
    /// intermediate `Data` to copy out of); anything else (a pipe, a device), or a file that grows while
    /// it is read, goes through Foundation. Nil for no file, a folder, or a file that cannot be read.
    public func contents(ofFile path: String) -> [UInt8]? {
        switch RegularFile.open(path) {
        case .notAFile:
            return foundationContents(ofFile: path)
        case .unreadable:
            return nil
        case .opened(let file):
            // One byte more than the size, so that reaching the end of the file shows as a short read.
            let capacity = file.size + 1
            var complete = false
            var failed = false
            let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                guard let read = file.read(into: UnsafeMutableRawBufferPointer(buffer)) else { failed = true; return }
                count = read
                complete = read < capacity
            }
            if failed { return nil }
            return complete ? bytes : foundationContents(ofFile: path)
        }
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
