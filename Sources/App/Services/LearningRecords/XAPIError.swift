import LearningRecords
import Vapor

/// A refusal of the learning record store: the status the xAPI specification prescribes and a
/// message naming the property or parameter and the rule, in English and Chinese (LRS
/// clients are programs, whose logs developers read; the Chinese is for the city's own staff).
struct XAPIError: Error, Sendable, Equatable {
    var status: HTTPResponseStatus
    var en: String
    var zh: String

    static func bad(_ en: String, zh: String = "请求不符合 xAPI 规范") -> XAPIError { XAPIError(status: .badRequest, en: en, zh: zh) }
    static func violation(_ v: StatementViolation, in context: String? = nil) -> XAPIError {
        let path = [context, v.path.isEmpty ? nil : v.path].compactMap { $0 }.joined(separator: ".")
        return XAPIError(status: .badRequest, en: path.isEmpty ? v.rule : "\(path): \(v.rule)", zh: path.isEmpty ? "语句不符合 xAPI 规范" : "语句字段 \(path) 不符合 xAPI 规范")
    }
    static let unauthorised = XAPIError(status: .unauthorized, en: "HTTP Basic credentials of an LRS client are required", zh: "需要学习记录客户端的 HTTP Basic 凭据")
    static let forbidden = XAPIError(status: .forbidden, en: "this client's scope does not allow the request", zh: "该客户端的权限范围不允许此请求")
    static let notFound = XAPIError(status: .notFound, en: "no such resource", zh: "未找到")
    static func conflict(_ en: String) -> XAPIError { XAPIError(status: .conflict, en: en, zh: "与已存储的内容冲突") }
    static let preconditionFailed = XAPIError(status: .preconditionFailed, en: "the document's ETag does not match the request's condition", zh: "文档已被修改（ETag 不符）")
}
