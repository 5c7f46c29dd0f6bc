import Foundation

/// A regular file open for reading with POSIX calls: sized by `fstat`, read straight into the caller's
/// memory (no `Data` in between). The loader reads inputs through it; the writer compares outputs with it
/// and reads an existing file's header through it. Closed when released.
final class RegularFile {
    /// What opening a path found.
    enum Opening {
        /// A regular file, open.
        case opened(RegularFile)
        /// Nothing there, or something that is not a regular file (a folder, a device, a pipe).
        case notAFile
        /// A regular file that cannot be opened or examined (permissions, I/O error).
        case unreadable
    }

    /// The size `fstat` reported when the file was opened.
    let size: Int
    private let descriptor: Int32

    private init(descriptor: Int32, size: Int) {
        self.descriptor = descriptor
        self.size = size
    }

    deinit { close(descriptor) }

    /// Opens `path`, following symlinks. The open itself does not block, so a FIFO without a writer is
    /// reported as `.notAFile` rather than hanging here (a caller that then reads it some other way may
    /// still wait for a writer).
    static func open(_ path: String) -> Opening {
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        var info = stat()
        guard descriptor >= 0 else {
            return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? .unreadable : .notAFile
        }
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            return .unreadable
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return .notAFile
        }
        return .opened(RegularFile(descriptor: descriptor, size: Int(info.st_size)))
    }

    /// Reads into `buffer` until it is full or the file ends, retrying interrupted reads. Returns how many
    /// bytes were read (fewer than the buffer holds only at the end of the file), or nil on a read error.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        var count = 0
        while count < buffer.count {
            let read = Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            if read < 0 && errno == EINTR { continue }
            if read < 0 { return nil }
            if read == 0 { break }
            count += read
        }
        return count
    }
}
