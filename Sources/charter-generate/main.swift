import CharterCore
import Foundation

// The build-tool and `charter` command plugins' tool: `charter` with only the `generate` subcommand, built
// without CharterGovernance and CharterCompatibility, so a consumer's cold build compiles half as much before it can generate.
// The process exits as soon as the command returns, so the command need not free what it built.
let tool = CommandLineTool.generateOnly(console: .standardStreams, freesResults: false)
exit(tool.run(Array(CommandLine.arguments.dropFirst())).rawValue)
