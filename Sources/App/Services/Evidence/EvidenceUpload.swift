import Crypto
import Foundation
import Registry
import Vapor

/// An evidence file as the JSON API takes it: name, declared type, content in base64.
struct EvidenceUpload: Content {
    var fileName: String
    var contentType: String
    var contentBase64: String
}

/// A checked evidence file with its SHA-256.
struct EvidenceFile: Sendable {
    var fileName: String
    var contentType: String
    var content: Data

    var sha256: String { SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined() }
}

/// What evidence the platform accepts: the documents offices send (PDF, Word and Excel old and
/// new, WPS, slides), pictures and text, 10 MiB a file, five files at most, names without
/// paths. A file's type is what its extension names *and* its bytes prove (`EvidenceType`); the
/// type the browser declared is not trusted (a `.doc` often arrives as
/// `application/octet-stream`, and anything can be declared).
enum EvidencePolicy {
    static let maxFileBytes = 10 * 1024 * 1024
    static let maxFiles = 5

    /// Checks `uploads`; errors name `field[i].…`.
    static func check(_ uploads: [EvidenceUpload], field: String = "evidence") -> (files: [EvidenceFile], errors: [FieldError]) {
        var errors: [FieldError] = []
        var files: [EvidenceFile] = []
        if uploads.count > maxFiles { errors.append(FieldError(field: field, zh: "佐证材料最多\(maxFiles)个", en: "at most \(maxFiles) files")) }
        for (i, upload) in uploads.prefix(maxFiles).enumerated() {
            let checked = check(single: upload, field: "\(field)[\(i)]")
            errors += checked.errors
            if let file = checked.file { files.append(file) }
        }
        return (files, errors)
    }

    /// Checks one file's name, type and content, sent as an object under `f` (or as one element
    /// of a list, `f` = `evidence[i]`): errors name `f.fileName`, `f.contentType`, `f.contentBase64`.
    static func check(single file: EvidenceUpload, field f: String = "evidence") -> (file: EvidenceFile?, errors: [FieldError]) {
        var errors: [FieldError] = []
        let name = file.fileName.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 200 || name.contains("/") || name.contains("\\") || name.hasPrefix(".") {
            errors.append(FieldError(field: "\(f).fileName", zh: "文件名须为1至200个字符，不含路径", en: "must be 1 to 200 characters with no path"))
        }
        let expected = EvidenceType(fileName: name)
        if expected == nil {
            errors.append(FieldError(field: "\(f).contentType", zh: "只接受 \(EvidenceType.acceptedZh)", en: "must be \(EvidenceType.acceptedEn)"))
        }
        guard let data = Data(base64Encoded: file.contentBase64), !data.isEmpty else {
            errors.append(FieldError(field: "\(f).contentBase64", zh: "应为非空的 base64 内容", en: "must be non-empty base64"))
            return (nil, errors)
        }
        if data.count > maxFileBytes { errors.append(FieldError(field: "\(f).contentBase64", zh: "文件不能超过10 MiB", en: "must not exceed 10 MiB")) }
        guard let expected else { return (nil, errors) }
        let sniffed = LibraryContentSniffer.sniff(Array(data.prefix(LibraryContentSniffer.headLength)))
        guard sniffed.family == expected.family else {
            errors.append(FieldError(field: "\(f).contentType", zh: "文件内容不是扩展名所说的类型（.\(expected.fileExtension)）", en: "the file's content is not what its extension (.\(expected.fileExtension)) says"))
            return (nil, errors)
        }
        return (EvidenceFile(fileName: name, contentType: expected.contentType, content: data), errors)
    }

    /// A download of a stored file: attachment, server-chosen name, its hash in a header.
    static func response(content: Data, fileName: String, contentType: String, sha256: String) -> Response {
        let response = Response(status: .ok, body: .init(data: content))
        let type = contentType.split(separator: "/")
        response.headers.contentType = HTTPMediaType(type: String(type.first ?? "application"), subType: String(type.last ?? "octet-stream"))
        let ascii = fileName.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\"" } ? fileName : "evidence"
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "evidence"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: "X-Content-SHA256", value: sha256)
        return response
    }
}
