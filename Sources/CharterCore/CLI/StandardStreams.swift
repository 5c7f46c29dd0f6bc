import Foundation

extension Console {
    /// Standard output and standard error, one unbuffered write per line (or per document of bytes) so the two
    /// interleave correctly.
    public static var standardStreams: Console {
        Console(out: writeLine(.standardOutput), err: writeLine(.standardError), outBytes: writeBytes(.standardOutput))
    }

    private static func writeLine(_ handle: FileHandle) -> @Sendable (String) -> Void {
        { line in handle.write(Data((line + "\n").utf8)) }
    }

    private static func writeBytes(_ handle: FileHandle) -> @Sendable ([UInt8]) -> Void {
        { bytes in handle.write(Data(bytes)) }
    }
}
