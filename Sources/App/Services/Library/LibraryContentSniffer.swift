import Foundation

/// The content type of a file read from its first bytes (magic numbers), not taken on trust from
/// the name or the declared type (内容嗅探). A file whose bytes say one thing and whose declared
/// type another is refused, so a script named `.mp4` is never served as a video.
enum LibraryContentSniffer {
    /// How many leading bytes the sniffer needs.
    static let headLength = 512

    /// The family of a sniffed file: what a declared type is compared with.
    enum Family: String, Sendable {
        /// `ole`: an OLE2 compound file — Word 97–2003, Excel 97–2003, WPS documents.
        case video, audio, image, pdf, zip, ole, text, unknown
    }

    struct Sniffed: Equatable, Sendable {
        var family: Family
        /// The type the bytes prove (`application/zip` for any ZIP container).
        var contentType: String
    }

    static func sniff(_ head: [UInt8]) -> Sniffed {
        func starts(_ bytes: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + bytes.count && Array(head[offset..<offset + bytes.count]) == bytes
        }
        let ascii: (String) -> [UInt8] = { Array($0.utf8) }
        if starts(ascii("ftyp"), at: 4) {
            let brand = head.count >= 12 ? String(decoding: head[8..<12], as: UTF8.self) : ""
            if brand.hasPrefix("M4A") { return Sniffed(family: .audio, contentType: "audio/mp4") }
            if brand.hasPrefix("qt") { return Sniffed(family: .video, contentType: "video/quicktime") }
            return Sniffed(family: .video, contentType: "video/mp4")
        }
        if starts([0x1A, 0x45, 0xDF, 0xA3]) { return Sniffed(family: .video, contentType: "video/webm") }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return Sniffed(family: .image, contentType: "image/png") }
        if starts([0xFF, 0xD8, 0xFF]) { return Sniffed(family: .image, contentType: "image/jpeg") }
        if starts(ascii("GIF87a")) || starts(ascii("GIF89a")) { return Sniffed(family: .image, contentType: "image/gif") }
        if starts(ascii("RIFF")) && starts(ascii("WEBP"), at: 8) { return Sniffed(family: .image, contentType: "image/webp") }
        if starts(ascii("%PDF-")) { return Sniffed(family: .pdf, contentType: "application/pdf") }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return Sniffed(family: .zip, contentType: "application/zip") }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return Sniffed(family: .ole, contentType: "application/x-ole-storage") }
        if starts(ascii("ID3")) || starts([0xFF, 0xFB]) || starts([0xFF, 0xF3]) { return Sniffed(family: .audio, contentType: "audio/mpeg") }
        if starts(ascii("OggS")) { return Sniffed(family: .audio, contentType: "audio/ogg") }
        if isText(head) { return Sniffed(family: .text, contentType: "text/plain") }
        return Sniffed(family: .unknown, contentType: "application/octet-stream")
    }

    /// UTF-8 without control bytes other than tab, newline and carriage return (a cut-off
    /// multi-byte character at the end of the head is allowed).
    static func isText(_ head: [UInt8]) -> Bool {
        guard !head.isEmpty else { return false }
        if head.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0x7F }) { return false }
        for cut in 0...min(3, head.count - 1) where String(validating: head.dropLast(cut), as: UTF8.self) != nil { return true }
        return false
    }

    /// The family each declared type must sniff as; nil for a type the library does not take.
    static func family(ofDeclared type: String) -> Family? {
        let type = type.lowercased().split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        switch type {
        case "video/mp4", "video/webm", "video/quicktime": return .video
        case "audio/mpeg", "audio/mp4", "audio/ogg": return .audio
        case "image/png", "image/jpeg", "image/gif", "image/webp": return .image
        case "application/pdf": return .pdf
        // Office documents, slides, cmi5 packages and zipped question banks are ZIP containers.
        case "application/zip", "application/x-zip-compressed",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "application/vnd.openxmlformats-officedocument.presentationml.presentation",
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": return .zip
        // Word, Excel and PowerPoint 97–2003 and WPS Office's own formats: OLE2 compound files,
        // still the common office document.
        case "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "application/vnd.ms-works",
             "application/wps-office.wps", "application/wps-office.et", "application/wps-office.dps", "application/kswps": return .ole
        case "text/plain", "text/csv", "text/markdown", "application/json", "application/xml", "text/xml": return .text
        default: return nil
        }
    }

    /// The type a stored file is served with: the declared one when the bytes agree with it
    /// (it is more precise: a DOCX rather than any ZIP), otherwise what the bytes prove.
    static func servedType(declared: String, sniffed: Sniffed) -> String {
        let clean = declared.lowercased().split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard family(ofDeclared: clean) == sniffed.family else { return sniffed.contentType }
        return sniffed.family == .text ? clean + "; charset=utf-8" : clean
    }
}
