import CreditBank
import Foundation
import Registry
import SQLKit

/// Credit-bank learner accounts: one per identity document, personal data sealed like the
/// registry's, and the rule for who may see which learner.
struct CreditLearners: Sendable {
    let sql: any SQLDatabase
    let vault: PersonalDataVault

    struct Learner: Codable, Sendable {
        var id: UUID
        var name: String
        var documentKind: String
        /// Masked everywhere.
        var idNumber: String
        var birthDate: String?
        var region: String
    }

    static func region(of kind: IdentityDocumentKind) -> String {
        switch kind {
        case .residentID: "mainland"
        case .hongKongID: "hong_kong"
        case .macauID: "macau"
        case .homeReturnPermit, .passport: "other"
        }
    }

    func learner(_ id: UUID) async throws -> Learner? {
        try await sql.select().columns("id", "name", "document_kind", "id_masked", "birth_date", "region").from("credit_learners")
            .where("id", .equal, id).first().map(Self.decode)
    }

    static func decode(_ row: any SQLRow) throws -> Learner {
        Learner(id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                documentKind: try row.decode(column: "document_kind", as: String.self), idNumber: try row.decode(column: "id_masked", as: String.self),
                birthDate: try row.decode(column: "birth_date", as: String?.self), region: try row.decode(column: "region", as: String.self))
    }

    /// The learner with this document, if any.
    func find(_ document: IdentityDocument) async throws -> Learner? {
        try await sql.select().columns("id", "name", "document_kind", "id_masked", "birth_date", "region").from("credit_learners")
            .where("id_index", .equal, vault.blindIndex(document.canonical)).first().map(Self.decode)
    }

    /// Other accounts with the same name and birth date: perhaps the same person under another
    /// document (a Hong Kong learner with an HKID and a travel permit).
    func possibleDuplicates(name: String, birthDate: String?, excluding id: UUID?) async throws -> [Learner] {
        guard let birthDate else { return [] }
        return try await sql.select().columns("id", "name", "document_kind", "id_masked", "birth_date", "region").from("credit_learners")
            .where("name", .equal, name).where("birth_date", .equal, birthDate).all().map(Self.decode).filter { $0.id != id }
    }

    func create(name: String, document: IdentityDocument, birthDate: String?) async throws -> Learner {
        let sealed = try vault.sealIdentity(document)
        let id = UUID()
        let birth = document.birthDate?.description ?? birthDate
        try await sql.insert(into: "credit_learners").columns("id", "name", "document_kind", "id_cipher", "id_index", "id_masked", "birth_date", "region", "created_at")
            .values(SQLBind(id), SQLBind(name), SQLBind(sealed.kind), SQLBind(sealed.cipher), SQLBind(sealed.index), SQLBind(sealed.masked),
                    SQLBind(birth), SQLBind(Self.region(of: document.kind)), SQLBind(Date())).run()
        return Learner(id: id, name: name, documentKind: sealed.kind, idNumber: sealed.masked, birthDate: birth, region: Self.region(of: document.kind))
    }

    /// Where learner `id` sits for the access policy — the registry's students with the same
    /// identity document, and their schools — or nil when there is no such learner.
    func placement(_ id: UUID) async throws -> CreditLearnerPlacement? {
        try await placements([id])[id]
    }

    /// The placements of the learners among `ids` that exist (others are absent).
    func placements(_ ids: [UUID]) async throws -> [UUID: CreditLearnerPlacement] {
        var result: [UUID: CreditLearnerPlacement] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let rows = try await sql.raw("""
                SELECT c.id AS id, s.id AS student_id, s.institution_id AS institution_id
                FROM credit_learners c LEFT JOIN students s ON s.id_index = c.id_index WHERE c.id IN (\(binds: chunk))
                """).all()
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                var placement = result[id] ?? CreditLearnerPlacement()
                if let student = try row.decode(column: "student_id", as: UUID?.self) { placement.studentIDs.insert(student) }
                if let school = try row.decode(column: "institution_id", as: UUID?.self) { placement.institutionIDs.insert(school) }
                result[id] = placement
            }
        }
        return result
    }

    /// Whether `caller` may do `action` on learner `id`: false for a missing learner as for one
    /// outside the caller's scope (see `AccessPolicy.canActOnCreditLearner`).
    func canAct(_ action: CreditBankAction, on id: UUID, caller: CallerScope) async throws -> Bool {
        guard AccessPolicy.mayUseCreditBank(action, caller: caller), let placement = try await placement(id) else { return false }
        return AccessPolicy.canActOnCreditLearner(action, at: placement, caller: caller)
    }

    /// Whether `caller` may see learner `id`: the city and reviewers all; a learner their own
    /// account; a school the accounts of its students (matched by identity document).
    func canView(_ id: UUID, caller: CallerScope) async throws -> Bool {
        try await canAct(.read, on: id, caller: caller)
    }

    /// A signed-in learner's own account id.
    func own(_ caller: CallerScope) async throws -> UUID? {
        guard let student = AccessPolicy.ownStudentRecord(caller: caller) else { return nil }
        return try await sql.raw("SELECT c.id AS id FROM credit_learners c JOIN students s ON s.id_index = c.id_index WHERE s.id = \(bind: student)")
            .first()?.decode(column: "id", as: UUID.self)
    }
}
