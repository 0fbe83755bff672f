import Credentials
import Foundation
import LearningRecords
import Registry
import SQLKit

/// A statement as the pages show it (学习记录行): when, who, what, on what, how it went, and
/// who reported it, in the reader's language.
struct StatementLine: Sendable {
    var id: String
    var stored: String
    var timestamp: String
    /// The registry student, when the statement names a platform learner.
    var studentID: UUID?
    var learner: String
    var verb: String
    var activity: String
    var result: String
    var reportedBy: String
}

/// What the statement browser and a learner's timeline read: the same service and access
/// policy as the xAPI resource, turned into lines a teacher can read.
struct LearningRecordBrowser: Sendable {
    let service: LearningRecordService
    let sql: any SQLDatabase

    /// One page of lines and the cursor token of the next.
    func page(_ query: StatementQuery, filter: StatementFilter, zh: Bool) async throws -> (lines: [StatementLine], more: String?) {
        let (statements, next) = try await service.page(query, filter: filter, maxPage: 50)
        let studentIDs = Set(statements.compactMap(\.learnerID))
        var students: [UUID: (no: String, name: String)] = [:]
        if !studentIDs.isEmpty {
            for row in try await sql.raw("SELECT id, student_no, name FROM students WHERE id IN (\(binds: Array(studentIDs)))").all() {
                students[try row.decode(column: "id", as: UUID.self)] = (try row.decode(column: "student_no", as: String.self), try row.decode(column: "name", as: String.self))
            }
        }
        let languages = zh ? ["zh-CN", "zh", "en-US", "en"] : ["en-US", "en", "zh-CN", "zh"]
        let lines = statements.map { s -> StatementLine in
            let d = s.document
            let learner: String
            if let id = s.learnerID, let student = students[id] { learner = "\(student.name)（\(student.no)）" } else { learner = Self.describe(actor: d["actor"]) }
            return StatementLine(id: s.id.uuidString.lowercased(), stored: Self.short(d["stored"]?.stringValue), timestamp: Self.short(d["timestamp"]?.stringValue),
                                 studentID: s.learnerID, learner: learner,
                                 verb: Self.text(d["verb"]?["display"], languages) ?? Self.tail(d["verb"]?["id"]?.stringValue),
                                 activity: Self.describe(object: d["object"], languages: languages),
                                 result: Self.describe(result: d["result"], zh: zh),
                                 reportedBy: d["authority"]?["name"]?.stringValue ?? Self.describe(actor: d["authority"]))
        }
        return (lines, next?.token)
    }

    /// `2026-12-02 14:03` from a stored timestamp (UTC, as stored).
    static func short(_ text: String?) -> String {
        guard let text else { return "" }
        return String(text.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    static func text(_ map: JSONValue?, _ languages: [String]) -> String? {
        guard case .object(let o)? = map, !o.isEmpty else { return nil }
        return LanguageMapChoice.pick(o, languages: languages).values.first?.stringValue
    }

    static func tail(_ iri: String?) -> String {
        guard let iri else { return "" }
        return iri.split(separator: "/").last.map(String.init) ?? iri
    }

    /// An actor by name, else by its identifier with any e-mail masked.
    static func describe(actor: JSONValue?) -> String {
        guard let actor else { return "" }
        if let name = actor["name"]?.stringValue { return name }
        if let mbox = actor["mbox"]?.stringValue { return maskMail(String(mbox.dropFirst("mailto:".count))) }
        if let account = actor["account"], let name = account["name"]?.stringValue { return IDMask.mask(name) }
        if actor["mbox_sha1sum"] != nil { return "sha1:…" }
        return actor["openid"]?.stringValue ?? "—"
    }

    static func maskMail(_ address: String) -> String {
        guard let at = address.firstIndex(of: "@") else { return IDMask.mask(address) }
        let local = address[..<at]
        return String(local.prefix(1)) + "***" + address[at...]
    }

    static func describe(object: JSONValue?, languages: [String]) -> String {
        guard let object else { return "" }
        switch object["objectType"]?.stringValue ?? "Activity" {
        case "Agent", "Group": return describe(actor: object)
        case "StatementRef": return "→ " + (object["id"]?.stringValue ?? "")
        case "SubStatement": return describe(object: object["object"], languages: languages)
        default: return text(object["definition"]?["name"], languages) ?? object["id"]?.stringValue ?? ""
        }
    }

    static func describe(result: JSONValue?, zh: Bool) -> String {
        guard let result else { return "" }
        var parts: [String] = []
        if let score = result["score"] {
            if let raw = score["raw"], let max = score["max"] { parts.append("\(Self.number(raw))/\(Self.number(max))") }
            else if let scaled = score["scaled"] { parts.append("\(Int((Self.double(scaled) * 100).rounded()))%") }
        }
        if case .bool(let success)? = result["success"] { parts.append(success ? (zh ? "通过" : "passed") : (zh ? "未通过" : "failed")) }
        if case .bool(true)? = result["completion"] { parts.append(zh ? "已完成" : "completed") }
        return parts.joined(separator: " · ")
    }

    static func double(_ v: JSONValue) -> Double {
        switch v {
        case .int(let i): Double(i)
        case .double(let d): d
        default: 0
        }
    }

    static func number(_ v: JSONValue) -> String {
        let d = double(v)
        return d == d.rounded() ? String(Int(d)) : String(d)
    }
}
