import CreditBank
import Foundation
import SQLKit

/// Reads and writes the rule documents. Bodies are the pure types' JSON, so what the city
/// stores is exactly what the engine runs.
struct CreditRuleStore: Sendable {
    let sql: any SQLDatabase

    func all<T: Decodable>(_ kind: CreditRuleKind, as: T.Type) async throws -> [T] {
        try await sql.select().column("body").from("credit_rules").where("kind", .equal, kind.rawValue).orderBy("code").all().map {
            try JSONDecoder().decode(T.self, from: Data(try $0.decode(column: "body", as: String.self).utf8))
        }
    }

    func put<T: Encodable>(_ kind: CreditRuleKind, code: String, _ body: T) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(body), as: UTF8.self)
        let now = Date()
        if try await sql.select().column("id").from("credit_rules").where("kind", .equal, kind.rawValue).where("code", .equal, code).first() != nil {
            try await sql.update("credit_rules").set("body", to: text).set("updated_at", to: now)
                .where("kind", .equal, kind.rawValue).where("code", .equal, code).run()
        } else {
            try await sql.insert(into: "credit_rules").columns("id", "kind", "code", "body", "updated_at")
                .values(SQLBind(UUID()), SQLBind(kind.rawValue), SQLBind(code), SQLBind(text), SQLBind(now)).run()
        }
    }

    /// The city's alignment, or the bundled default.
    func alignment(default bundled: LevelAlignment) async throws -> LevelAlignment {
        try await all(.alignment, as: LevelAlignment.self).first ?? bundled
    }
}
