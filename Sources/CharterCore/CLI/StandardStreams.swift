import Foundation

extension Console {
    /// Standard output and standard error, one unbuffered write per line so the two interleave correctly.
    public static var standardStreams: Console {
        Console(out: writeLine(.standardOutput), err: writeLine(.standardError))
    }

    private static func writeLine(_ handle: FileHandle) -> @Sendable (String) -> Void {
        { line in handle.write(Data((line + "\n").utf8)) }
    }
}
