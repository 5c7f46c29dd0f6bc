import CharterCore
import Foundation

/// Writes one line to a file handle, unbuffered, so output interleaves correctly.
@Sendable func writeLine(_ handle: FileHandle) -> @Sendable (String) -> Void {
    { line in handle.write(Data((line + "\n").utf8)) }
}

// The process exits as soon as the command returns, so the command need not free what it built.
let tool = CommandLineTool(console: Console(out: writeLine(.standardOutput), err: writeLine(.standardError)), freesResults: false)
exit(tool.run(Array(CommandLine.arguments.dropFirst())).rawValue)
