import Registry
import Vapor

/// `format=json|csv|xlsx` for endpoints that answer in JSON or as a download.
enum DownloadFormat {
    static func read(_ req: Request) throws -> String {
        let format = req.query[String.self, at: "format"] ?? "json"
        guard ["json", "csv", "xlsx"].contains(format) else {
            throw AppError.validation([FieldError(field: "format", zh: "只能是 json、csv 或 xlsx", en: "must be json, csv or xlsx")])
        }
        return format
    }
}
