import CharterCLI
import CharterCore
import Foundation

// The process exits as soon as the command returns, so the command need not free what it built.
let tool = CommandLineTool(console: .standardStreams, freesResults: false, commands: CharterCommands.all)
exit(tool.run(Array(CommandLine.arguments.dropFirst())).rawValue)
