// The floor for Benchmarks/run: read and parse the same input files with Foundation's JSONSerialization,
// doing nothing else. Built with `swiftc -O`. Usage: json-floor PATH... (files, or folders searched for *.json)
import Foundation

var files: [URL] = []
for argument in CommandLine.arguments.dropFirst() {
    let url = URL(fileURLWithPath: argument)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
        FileHandle.standardError.write(Data("json-floor: no such file or folder: \(argument)\n".utf8))
        exit(2)
    }
    if isDirectory.boolValue {
        let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
        while let next = walker?.nextObject() as? URL {
            if next.pathExtension == "json" { files.append(next) }
        }
    } else {
        files.append(url)
    }
}
var objects = 0
for file in files {
    let data = try Data(contentsOf: file)
    let value = try JSONSerialization.jsonObject(with: data)
    if value is [String: Any] { objects += 1 }
}
if objects != files.count {
    FileHandle.standardError.write(Data("json-floor: \(files.count - objects) files are not JSON objects\n".utf8))
    exit(1)
}
