import CreditBank
import Foundation
import LearningRecords
import Registry
import SQLKit
import Vapor

/// 技能等级认定: sessions, candidates (Hong Kong and Macau students included) and results; a
/// pass issues the certificate into the candidate's credit-bank account through the ledger.
extension CreditBankAPIController {
    struct NewSession: Content {
        var bodyName: String
        var certificateCode: String
        var title: String
        var levelFramework: String
        var level: Int
        var heldOn: String
        var validityYears: Int?
        var theoryMark: Int?
        var practicalMark: Int?
    }

    struct CandidateLine: Content {
        var learnerId: UUID
        var name: String
        var region: String
        var theory: Int?
        var practical: Int?
        var passed: Bool?
        var outcomeId: UUID?
    }

    struct SessionBody: Content {
        var id: UUID
        var bodyName: String
        var certificateCode: String
        var title: String
        var levelFramework: String
        var level: Int
        var heldOn: String
        var validityYears: Int?
        var theoryMark: Int
        var practicalMark: Int
        var candidates: [CandidateLine]
    }

    static func requireAssessor(_ req: Request) throws -> Caller {
        let caller = try req.requireCaller()
        guard AccessPolicy.canRunAssessments(caller: caller.scope) else { throw AppError.forbidden }
        return caller
    }

    /// `POST /credit-bank/assessments`
    @Sendable static func createSession(req: Request) async throws -> Response {
        _ = try requireAssessor(req)
        try req.checkDocumentedBody()
        let body = try req.content.decode(NewSession.self)
        var errors: [FieldError] = []
        for (field, value, max) in [("bodyName", body.bodyName, 100), ("certificateCode", body.certificateCode, 40), ("title", body.title, 200)] {
            let v = value.trimmingCharacters(in: .whitespaces)
            if v.isEmpty { errors.append(.required(field)) } else if v.count > max { errors.append(.tooLong(field, max: max)) }
        }
        if req.services.frameworks[body.levelFramework]?.level(body.level) == nil {
            errors.append(FieldError(field: "level", zh: "框架\(body.levelFramework)没有第\(body.level)级", en: "framework \(body.levelFramework) has no level \(body.level)"))
        }
        let held = CivilDate(iso: body.heldOn)
        if held == nil { errors.append(FieldError(field: "heldOn", zh: "应为 YYYY-MM-DD", en: "must be YYYY-MM-DD")) }
        if let years = body.validityYears, !(1...20).contains(years) { errors.append(.outOfRange("validityYears", min: 1, max: 20)) }
        for (field, mark) in [("theoryMark", body.theoryMark), ("practicalMark", body.practicalMark)] {
            if let mark, !(0...100).contains(mark) { errors.append(.outOfRange(field, min: 0, max: 100)) }
        }
        guard errors.isEmpty, let held else { throw AppError.validation(errors) }
        let id = UUID()
        let pass = PassMark(theory: body.theoryMark ?? 60, practical: body.practicalMark ?? 60)
        let entry = req.auditEntry(action: "create", entity: "assessment_session", recordID: id.uuidString)
        try await req.audited { db in
            guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
            try await sql.insert(into: "assessment_sessions")
                .columns("id", "body_name", "certificate_code", "title", "level_framework", "level", "held_on", "validity_years", "theory_mark", "practical_mark", "created_at")
                .values(SQLBind(id), SQLBind(body.bodyName.trimmingCharacters(in: .whitespaces)), SQLBind(body.certificateCode), SQLBind(body.title),
                        SQLBind(body.levelFramework), SQLBind(body.level), SQLBind(held.description), SQLBind(body.validityYears), SQLBind(pass.theory), SQLBind(pass.practical), SQLBind(Date()))
                .run()
            return ((), entry)
        }
        return try await session(req, id).encodeResponse(status: .created, for: req)
    }

    static func loadSession(_ req: Request, _ id: UUID) async throws -> AssessmentSession {
        guard let row = try await sql(req).select().columns("id", "body_name", "certificate_code", "title", "level_framework", "level", "held_on", "validity_years", "theory_mark", "practical_mark")
            .from("assessment_sessions").where("id", .equal, id).first() else { throw AppError.notFound }
        return AssessmentSession(
            id: id, bodyName: try row.decode(column: "body_name", as: String.self), certificateCode: try row.decode(column: "certificate_code", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            level: LevelRef(try row.decode(column: "level_framework", as: String.self), try row.decode(column: "level", as: Int.self)),
            heldOn: CivilDate(iso: try row.decode(column: "held_on", as: String.self)) ?? CivilDate(date: Date()),
            validityYears: try row.decode(column: "validity_years", as: Int?.self),
            passMark: PassMark(theory: try row.decode(column: "theory_mark", as: Int.self), practical: try row.decode(column: "practical_mark", as: Int.self))
        )
    }

    static func session(_ req: Request, _ id: UUID) async throws -> SessionBody {
        let s = try await loadSession(req, id)
        let rows = try await sql(req).raw("""
            SELECT c.learner_id, l.name, l.region, c.theory, c.practical, c.passed, c.outcome_id
            FROM assessment_candidates c JOIN credit_learners l ON l.id = c.learner_id WHERE c.session_id = \(bind: id) ORDER BY l.name, c.learner_id
            """).all()
        return SessionBody(
            id: s.id, bodyName: s.bodyName, certificateCode: s.certificateCode, title: s.title, levelFramework: s.level.framework, level: s.level.level,
            heldOn: s.heldOn.description, validityYears: s.validityYears, theoryMark: s.passMark.theory, practicalMark: s.passMark.practical,
            candidates: try rows.map {
                CandidateLine(learnerId: try $0.decode(column: "learner_id", as: UUID.self), name: try $0.decode(column: "name", as: String.self),
                              region: try $0.decode(column: "region", as: String.self), theory: try $0.decode(column: "theory", as: Int?.self),
                              practical: try $0.decode(column: "practical", as: Int?.self), passed: try $0.decode(column: "passed", as: Bool?.self),
                              outcomeId: try $0.decode(column: "outcome_id", as: UUID?.self))
            }
        )
    }

    @Sendable static func showSession(req: Request) async throws -> SessionBody {
        _ = try requireAssessor(req)
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        return try await session(req, id)
    }

    struct CandidatesInput: Content {
        var learnerIds: [UUID]
    }

    /// `POST /credit-bank/assessments/{id}/candidates`: registers learners; all or nothing.
    @Sendable static func addCandidates(req: Request) async throws -> SessionBody {
        _ = try requireAssessor(req)
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        _ = try await loadSession(req, id)
        try req.checkDocumentedBody()
        let body = try req.content.decode(CandidatesInput.self)
        guard (1...5_000).contains(body.learnerIds.count) else { throw AppError.validation([.outOfRange("learnerIds", min: 1, max: 5_000)]) }
        let sql = try sql(req)
        let known = Set(try await sql.select().column("id").from("credit_learners").where("id", .in, body.learnerIds).all().map { try $0.decode(column: "id", as: UUID.self) })
        let already = Set(try await sql.select().column("learner_id").from("assessment_candidates").where("session_id", .equal, id).all().map { try $0.decode(column: "learner_id", as: UUID.self) })
        var rows: [RowError] = []
        var seen = Set<UUID>()
        for (i, learner) in body.learnerIds.enumerated() {
            if !known.contains(learner) { rows.append(RowError(row: i + 1, column: "learnerIds", error: FieldError(field: "learnerIds", zh: "学分银行账户不存在", en: "no such credit-bank account"))) }
            else if already.contains(learner) || !seen.insert(learner).inserted {
                rows.append(RowError(row: i + 1, column: "learnerIds", error: FieldError(field: "learnerIds", zh: "已报名", en: "already a candidate"), kind: .duplicate))
            }
        }
        if !rows.isEmpty { throw AppError.importRejected(rows) }
        let learners = body.learnerIds
        let entry = req.auditEntry(action: "register", entity: "assessment_session", recordID: id.uuidString, detail: "\(learners.count) candidates")
        try await req.audited { db in
            guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
            for learner in learners {
                try await sql.insert(into: "assessment_candidates").columns("id", "session_id", "learner_id").values(SQLBind(UUID()), SQLBind(id), SQLBind(learner)).run()
            }
            return ((), entry)
        }
        return try await session(req, id)
    }

    struct ResultLine: Content {
        var learnerId: UUID
        var theory: Int
        var practical: Int
    }

    struct ResultsInput: Content {
        var results: [ResultLine]
    }

    /// `PUT /credit-bank/assessments/{id}/results`: scores for registered candidates, once each,
    /// all or nothing. A pass issues the certificate into the learner's account (submitted and
    /// decided by the recognition rules, in the ledger).
    @Sendable static func recordResults(req: Request) async throws -> SessionBody {
        let caller = try requireAssessor(req)
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        let session = try await loadSession(req, id)
        try req.checkDocumentedBody()
        let body = try req.content.decode(ResultsInput.self)
        let sql = try sql(req)
        var pending: Set<UUID> = []
        for row in try await sql.select().columns("learner_id", "passed").from("assessment_candidates").where("session_id", .equal, id).all()
            where try row.decode(column: "passed", as: Bool?.self) == nil {
            pending.insert(try row.decode(column: "learner_id", as: UUID.self))
        }
        var rows: [RowError] = []
        var seen = Set<UUID>()
        for (i, r) in body.results.enumerated() {
            if !pending.contains(r.learnerId) || !seen.insert(r.learnerId).inserted {
                rows.append(RowError(row: i + 1, column: "learnerId", error: FieldError(field: "learnerId", zh: "不是该场次待评分的考生", en: "not a candidate of this session awaiting a result")))
            }
            for (field, score) in [("theory", r.theory), ("practical", r.practical)] where !(0...100).contains(score) {
                rows.append(RowError(row: i + 1, column: field, error: .outOfRange(field, min: 0, max: 100)))
            }
        }
        if body.results.isEmpty { rows.append(RowError(row: 1, column: "results", error: .required("results"))) }
        if !rows.isEmpty { throw AppError.importRejected(rows) }
        let engine = try await engine(req)
        let today = CivilDate(date: Date())
        var updates: [(learner: UUID, theory: Int, practical: Int, outcome: LearningOutcome?)] = []
        for r in body.results {
            if session.passMark.passes(theory: r.theory, practical: r.practical) {
                updates.append((r.learnerId, r.theory, r.practical, session.certificate(for: r.learnerId, score: min(r.theory, r.practical))))
            } else {
                updates.append((r.learnerId, r.theory, r.practical, nil))
            }
        }
        let scored = updates, actor = caller.auditName
        let entry = req.auditEntry(action: "results", entity: "assessment_session", recordID: id.uuidString,
                                   detail: "\(scored.count) results, \(scored.filter { $0.outcome != nil }.count) passed")
        try await CreditLedgerStore.transaction(on: req.db, audit: req.services.audit) { ledger -> ((), AuditLog.Entry) in
            let sql = ledger.sql
            // A pass on the platform is attested by its issuer; the same certificate already in
            // the account goes to a reviewer as a duplicate instead of being credited again.
            var events: [(learner: UUID, event: LedgerEvent)] = []
            for u in scored {
                try await sql.update("assessment_candidates").set("theory", to: u.theory).set("practical", to: u.practical)
                    .set("passed", to: u.outcome != nil).set("outcome_id", to: u.outcome?.id)
                    .where("session_id", .equal, id).where("learner_id", .equal, u.learner).run()
                if let certificate = u.outcome {
                    let account = try await ledger.account(u.learner)
                    events += [(u.learner, .submitted(certificate)), (u.learner, .decided(engine.decide(certificate, on: today, attestation: .issuer, in: account), reviewer: nil))]
                }
            }
            if !events.isEmpty { try await ledger.append(events, actor: actor) }
            // The pass itself, with both scores, joins each learner's record in this transaction.
            let passed = scored.filter { $0.outcome != nil }
            let names = try await PlatformRecords.learnerNames(creditLearners: passed.map(\.learner), on: sql)
            try await PlatformRecords.record(passed.map { u in
                PlatformEvent(kind: .assessmentPassed(sessionID: id, title: session.title, theory: u.theory, practical: u.practical),
                              learner: names[u.learner] ?? u.learner.uuidString.lowercased(), at: Date())
            }, on: sql)
            return ((), entry)
        }
        return try await self.session(req, id)
    }
}
