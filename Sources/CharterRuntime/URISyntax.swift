import Foundation

/// RFC 3986 absolute URIs as generated code accepts them (`format: uri`). One file compiled into two modules:
/// CharterRuntime (`AbsoluteURL` decodes with it) and, through a symbolic link, CharterCore (a `uri` default is
/// written into an initialiser only when the decoder would accept it back) — CharterCore does not depend on
/// CharterRuntime, and the two must agree to the byte.
enum URISyntax {
    /// The URL for `string` when it is an absolute URI that `URL` keeps exactly as written; nil otherwise.
    static func parse(_ string: String) -> URL? {
        guard isAbsoluteURI(string), let url = URL(string: string), url.absoluteString == string else { return nil }
        return url
    }

    /// Whether `string` matches RFC 3986 `absolute-URI [ "#" fragment ]` at the character level: a scheme, a colon,
    /// then only unreserved, reserved and percent-encoded characters, with at most one `#`.
    static func isAbsoluteURI(_ string: String) -> Bool {
        let bytes = Array(string.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, isAlpha(bytes[0]),
              bytes[1..<colon].allSatisfy({ isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
        else { return false }
        var index = colon + 1
        var fragments = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            if byte == UInt8(ascii: "#") { fragments += 1 }
            guard fragments <= 1, isAlpha(byte) || isDigit(byte) || allowed.contains(byte) else { return false }
            index += 1
        }
        return true
    }

    /// Unreserved and reserved punctuation (RFC 3986 2.2, 2.3), `#` for the fragment.
    private static let allowed: Set<UInt8> = Set("-._~:/?#[]@!$&'()*+,;=".utf8)
    private static func isAlpha(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func isHex(_ byte: UInt8) -> Bool { isDigit(byte) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f")) }
}
