import Registry
import Vapor

/// Errors the API reports as `application/problem+json` (RFC 9457), each naming the field
/// at fault where there is one, with reasons in Chinese and English.
enum AppError: Error {
    case validation([FieldError])
    /// A file rejected as a whole: every row error found, nothing written.
    case importRejected([RowError])
    /// A file rejected with more row errors than were kept: the first ones (row order) and
    /// how many there were in all.
    case importRejectedInPart(first: [RowError], total: Int)
    case notFound
    case forbidden
    case unauthenticated
    case conflict(FieldError)
    case tooManyAttempts(retryAfter: Int)
    case badRequest(zh: String, en: String)
    /// A body larger than the route accepts (413), refused before it is read.
    case tooLarge(maxBytes: Int)

    /// At most this many row errors travel back; the count says how many there were.
    static let reportedRowErrors = 1_000

    var status: HTTPResponseStatus {
        switch self {
        case .validation, .importRejected, .importRejectedInPart: .unprocessableEntity
        case .notFound: .notFound
        case .forbidden: .forbidden
        case .unauthenticated: .unauthorized
        case .conflict: .conflict
        case .tooManyAttempts: .tooManyRequests
        case .badRequest: .badRequest
        case .tooLarge: .payloadTooLarge
        }
    }

    var problem: Problem {
        switch self {
        case .validation(let errors):
            Problem(status: 422, title: "输入有误 / Invalid input", detail: errors.map(\.message).joined(separator: "; "), errors: errors.map(ProblemFieldError.init))
        case .importRejected(let rows): Self.rejection(rows, total: rows.count)
        case .importRejectedInPart(let rows, let total): Self.rejection(rows, total: total)
        case .notFound: Problem(status: 404, title: "未找到 / Not found", detail: nil, errors: nil)
        case .forbidden: Problem(status: 403, title: "无权操作 / Forbidden", detail: "超出您的权限范围 / outside your scope", errors: nil)
        case .unauthenticated: Problem(status: 401, title: "请先登录 / Sign-in required", detail: nil, errors: nil)
        case .conflict(let error): Problem(status: 409, title: "与已有数据冲突 / Conflict", detail: error.message, errors: [ProblemFieldError(error)])
        case .tooManyAttempts(let seconds):
            Problem(status: 429, title: "尝试次数过多 / Too many attempts", detail: "请\(seconds)秒后再试 / try again in \(seconds) s", errors: nil)
        case .badRequest(let zh, let en): Problem(status: 400, title: "请求有误 / Bad request", detail: "\(zh) / \(en)", errors: nil)
        case .tooLarge(let maxBytes):
            Problem(status: 413, title: "文件过大 / Too large",
                    detail: "此处最多接受\(Self.megabytes(maxBytes)) MiB / this accepts at most \(Self.megabytes(maxBytes)) MiB", errors: nil)
        }
    }
}

extension AppError {
    /// A rejected file's row errors as kept, and their total, whichever form it came in.
    var rowErrors: (first: [RowError], total: Int)? {
        switch self {
        case .importRejected(let rows): (rows, rows.count)
        case .importRejectedInPart(let first, let total): (first, total)
        default: nil
        }
    }

    static func rejection(_ rows: [RowError], total: Int) -> Problem {
        Problem(status: 422, title: "文件未导入：存在错误行 / File not imported: it has bad rows",
                detail: total > reportedRowErrors
                    ? "\(total) 处错误（列出前\(reportedRowErrors)处），未写入任何数据 / \(total) errors (the first \(reportedRowErrors) listed), nothing written"
                    : "\(total) 处错误，未写入任何数据 / \(total) errors, nothing written",
                errors: rows.prefix(reportedRowErrors).map(ProblemFieldError.init))
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes % (1024 * 1024) == 0 ? String(bytes / (1024 * 1024)) : String(format: "%.1f", Double(bytes) / 1_048_576)
    }
}

/// An error in one cell of an imported file.
struct RowError: Sendable, Equatable, Codable {
    enum Kind: String, Sendable, Codable {
        case invalid, outOfScope, duplicate
    }

    /// Spreadsheet row, 1 = header.
    var row: Int
    /// The column header as it appears in the file (or the field name when the column is missing).
    var column: String
    var error: FieldError
    var kind: Kind = .invalid
}

/// The RFC 9457 body.
struct Problem: Content {
    var type = "about:blank"
    var status: Int
    var title: String
    var detail: String?
    var errors: [ProblemFieldError]?
}

/// One field error in a problem body.
struct ProblemFieldError: Content {
    var field: String
    var row: Int?
    var column: String?
    var reasonZh: String
    var reasonEn: String

    init(_ error: FieldError) {
        field = error.field
        reasonZh = error.reasonZh
        reasonEn = error.reasonEn
    }

    init(_ rowError: RowError) {
        self.init(rowError.error)
        row = rowError.row
        column = rowError.column
    }
}
