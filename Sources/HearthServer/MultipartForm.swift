import Foundation

/// A `multipart/form-data` body (RFC 7578) split into its named fields, for
/// the audio upload: `curl -F file=@order.wav -F mute=true`.
struct MultipartForm {
    /// Field name to content; the first field of a name wins.
    let fields: [String: [UInt8]]

    /// Nil when `contentType` is not multipart/form-data with a boundary.
    init?(contentType: String, body: [UInt8]) {
        let parameters = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parameters.first?.lowercased() == "multipart/form-data",
              let boundaryParameter = parameters.first(where: { $0.lowercased().hasPrefix("boundary=") })
        else { return nil }
        var boundary = String(boundaryParameter.dropFirst("boundary=".count))
        if boundary.hasPrefix("\""), boundary.hasSuffix("\""), boundary.count >= 2 { boundary = String(boundary.dropFirst().dropLast()) }
        guard !boundary.isEmpty else { return nil }
        let delimiter = Array("--\(boundary)".utf8)
        var fields: [String: [UInt8]] = [:]
        var parts = Self.split(body, by: delimiter)
        // Before the first delimiter: the preamble; after the last: "--" and the epilogue.
        guard parts.count >= 2 else { return nil }
        parts.removeFirst()
        for part in parts {
            if part.starts(with: Array("--".utf8)) { break }
            guard let (name, content) = Self.field(part) else { continue }
            if fields[name] == nil { fields[name] = content }
        }
        self.fields = fields
    }

    /// A part is CRLF, headers, a blank line, the content, then the CRLF that
    /// belongs to the next delimiter.
    private static func field(_ part: ArraySlice<UInt8>) -> (String, [UInt8])? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let headerEnd = firstRange(of: separator, in: part) else { return nil }
        let headers = String(decoding: part[part.startIndex..<headerEnd.lowerBound], as: UTF8.self)
        var content = part[headerEnd.upperBound...]
        if content.suffix(2).elementsEqual([13, 10]) { content = content.dropLast(2) }
        for line in headers.split(whereSeparator: \.isNewline)
        where line.lowercased().hasPrefix("content-disposition:") {
            for attribute in line.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) })
            where attribute.lowercased().hasPrefix("name=") {
                let name = attribute.dropFirst("name=".count).trimmingCharacters(in: ["\""])
                return (name, Array(content))
            }
        }
        return nil
    }

    private static func split(_ body: [UInt8], by delimiter: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var rest = body[...]
        while let found = firstRange(of: delimiter, in: rest) {
            parts.append(rest[rest.startIndex..<found.lowerBound])
            rest = rest[found.upperBound...]
        }
        parts.append(rest)
        return parts
    }

    private static func firstRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == needle[0], haystack[index..<index + needle.count].elementsEqual(needle) {
                return index..<index + needle.count
            }
            index += 1
        }
        return nil
    }
}
