import Credentials
import Foundation
import LearningRecords
import SQLKit

/// Platform events into the learning record store, inside the transaction of the change they
/// record: a credit recognised and its statement commit together or not at all.
enum PlatformRecords {
    /// The client id of statements the platform writes about itself (no row in lrs_clients:
    /// no credentials exist for it).
    static let clientID = UUID(uuidString: "00000000-0000-8000-8000-0000000000a1") ?? UUID()
    static let settingName = "public_url"

    /// Remembers the public address the platform serves at (each start), so that code running
    /// inside a database transaction can name learners' accounts without the application.
    static func savePublicURL(_ url: String, on sql: any SQLDatabase, now: Date = Date()) async throws {
        try await sql.raw("""
            INSERT INTO platform_settings (name, value, created_at) VALUES (\(bind: settingName), \(bind: url), \(bind: now)) \
            ON CONFLICT (name) DO UPDATE SET value = excluded.value
            """).run()
    }

    static func publicURL(on sql: any SQLDatabase) async throws -> String? {
        try await sql.select().column("value").from("platform_settings").where("name", .equal, settingName).first()?.decode(column: "value", as: String.self)
    }

    /// The platform's authority on its own statements.
    static func authority(_ publicURL: String) -> JSONValue {
        ["objectType": "Agent", "name": "职教平台 Zhijiao", "account": ["homePage": .string(publicURL), "name": "platform"]]
    }

    /// The opaque ids of credit-bank learners as statements name them: the registry student's id
    /// when the learner is one (so the school sees it), else the credit-bank account's.
    static func learnerNames(creditLearners: [UUID], on sql: any SQLDatabase) async throws -> [UUID: String] {
        var names: [UUID: String] = [:]
        for learner in creditLearners { names[learner] = learner.uuidString.lowercased() }
        guard !creditLearners.isEmpty else { return names }
        for row in try await sql.raw("""
            SELECT c.id AS learner, s.id AS student FROM credit_learners c JOIN students s ON s.id_index = c.id_index WHERE c.id IN (\(binds: Array(Set(creditLearners))))
            """).all() {
            names[try row.decode(column: "learner", as: UUID.self)] = try row.decode(column: "student", as: UUID.self).uuidString.lowercased()
        }
        return names
    }

    /// Stores the statements of `events` (call inside the change's transaction). An event
    /// recorded before is not stored again.
    static func record(_ events: [PlatformEvent], on sql: any SQLDatabase) async throws {
        guard !events.isEmpty, let home = try await publicURL(on: sql) else { return }
        try await sql.advisoryLock(LearningRecordService.advisoryKey)
        let store = StatementStore(sql: sql)
        let statements = events.map { PlatformStatement.statement(for: $0, homePage: home) }
        let existing = try await store.existing(statements.compactMap(StatementPreparation.givenID))
        let now = Date()
        var rows: [StatementRow] = []
        for statement in statements {
            guard let id = StatementPreparation.givenID(statement), existing[id] == nil, !rows.contains(where: { $0.id == id }) else { continue }
            rows.append(StatementRow(id: id, stored: now, document: StatementPreparation.prepare(statement, id: id, stored: now, authority: authority(home), version: .v2_0),
                                     clientID: clientID, institutionID: nil, attachmentHashes: []))
        }
        let links = try await LearningRecordService.linkedLearners(rows.map { ($0.id, $0.document["actor"]) }, publicURL: home, sql: sql)
        for i in rows.indices { rows[i].link(links) }
        try await LearningRecordService.insertNew(rows, store: store)
    }
}
