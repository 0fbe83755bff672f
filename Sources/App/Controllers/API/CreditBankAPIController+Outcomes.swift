import CreditBank
import Foundation
import Registry
import SQLKit
import Vapor

extension CreditBankAPIController {
    /// A learning outcome as submitted or pushed.
    struct OutcomeInput: Content {
        var learnerId: UUID?
        var kind: String
        var issuer: String?
        var title: String
        var code: String?
        var levelFramework: String?
        var level: Int?
        var credits: String?
        var hours: Int?
        var score: Int?
        var awardedOn: String
        var validUntil: String?
        var field: String?
        var evidenceSHA256: String?
        /// The evidence file itself; its SHA-256 is recorded with the outcome.
        var evidence: EvidenceUpload?
    }

    /// Checks an input; every problem named at once.
    static func outcome(_ input: OutcomeInput, learner: UUID, issuer fixed: String?, frameworks: FrameworkCatalogue, today: CivilDate) -> Result<LearningOutcome, ValidationFailure> {
        var errors: [FieldError] = []
        let kind = OutcomeKind(rawValue: input.kind)
        if kind == nil { errors.append(.notInList("kind", value: input.kind, list: "学习成果类型 outcome kind")) }
        let title = input.title.trimmingCharacters(in: .whitespaces)
        if title.isEmpty { errors.append(.required("title")) } else if title.count > 200 { errors.append(.tooLong("title", max: 200)) }
        let issuer = fixed ?? input.issuer?.trimmingCharacters(in: .whitespaces) ?? ""
        if issuer.isEmpty { errors.append(.required("issuer")) } else if issuer.count > 100 { errors.append(.tooLong("issuer", max: 100)) }
        if let code = input.code, code.count > 40 { errors.append(.tooLong("code", max: 40)) }
        var level: LevelRef?
        switch (input.levelFramework, input.level) {
        case (nil, nil): break
        case (let f?, let n?):
            if frameworks[f]?.level(n) == nil { errors.append(FieldError(field: "level", zh: "框架\(f)没有第\(n)级", en: "framework \(f) has no level \(n)")) } else { level = LevelRef(f, n) }
        default: errors.append(FieldError(field: "level", zh: "级别须同时给出框架和级别", en: "give both levelFramework and level"))
        }
        var credits: Credits?
        if let text = input.credits {
            credits = Credits(text: text)
            if credits == nil || (credits?.tenths ?? 0) > 2000 { errors.append(FieldError(field: "credits", zh: "学分应为0至200、最多一位小数", en: "must be 0 to 200 with at most one decimal")) }
        }
        if let hours = input.hours, !(0...100_000).contains(hours) { errors.append(.outOfRange("hours", min: 0, max: 100_000)) }
        if let score = input.score, !(0...1000).contains(score) { errors.append(.outOfRange("score", min: 0, max: 1000)) }
        let awarded = CivilDate(iso: input.awardedOn)
        if awarded == nil { errors.append(FieldError(field: "awardedOn", zh: "应为 YYYY-MM-DD", en: "must be YYYY-MM-DD")) }
        if let awarded, awarded > today { errors.append(FieldError(field: "awardedOn", zh: "不能晚于今天", en: "must not be in the future")) }
        var until: CivilDate?
        if let text = input.validUntil {
            until = CivilDate(iso: text)
            if until == nil { errors.append(FieldError(field: "validUntil", zh: "应为 YYYY-MM-DD", en: "must be YYYY-MM-DD")) }
            if let until, let awarded, until < awarded { errors.append(FieldError(field: "validUntil", zh: "不能早于取得日期", en: "must not be before awardedOn")) }
        }
        if let field = input.field, field.count > 20 { errors.append(.tooLong("field", max: 20)) }
        if let hash = input.evidenceSHA256, hash.count != 64 || !hash.allSatisfy(\.isHexDigit) {
            errors.append(FieldError(field: "evidenceSHA256", zh: "应为64位十六进制SHA-256", en: "must be a 64-character hex SHA-256"))
        }
        var hash = input.evidenceSHA256?.lowercased()
        if let upload = input.evidence {
            let checked = EvidencePolicy.check(single: upload)
            errors += checked.errors
            if let file = checked.file {
                if let hash, hash != file.sha256 {
                    errors.append(FieldError(field: "evidenceSHA256", zh: "与所附文件的SHA-256不符", en: "does not match the attached file"))
                }
                hash = file.sha256
            }
        }
        guard errors.isEmpty, let kind, let awarded else { return .failure(ValidationFailure(errors)) }
        return .success(LearningOutcome(learnerID: learner, kind: kind, issuer: issuer, title: title, code: input.code, level: level, credits: credits,
                                        hours: input.hours, score: input.score, awardedOn: awarded, validUntil: until, field: input.field,
                                        evidenceSHA256: hash))
    }

    /// The recognition engine with the city's rules and alignment.
    static func engine(_ req: Request) async throws -> RecognitionEngine {
        let store = CreditRuleStore(sql: try sql(req))
        return RecognitionEngine(rules: try await store.all(.recognition, as: RecognitionRule.self),
                                 alignment: try await store.alignment(default: req.services.frameworks.alignment))
    }

    /// The issuer recorded for a push: a school pushes as itself.
    static func fixedIssuer(_ req: Request, _ caller: CallerScope) async throws -> String? {
        guard let id = AccessPolicy.issuingInstitution(caller: caller) else { return nil }
        return try await sql(req).select().column("name").from("institutions").where("id", .equal, id).first()?.decode(column: "name", as: String.self)
    }

    struct Submitted: Content {
        var outcomeId: UUID
        var decision: RecognitionDecision
    }

    /// `POST /credit-bank/learners/{id}/outcomes`: the learner (own account), a school (its
    /// students) or the city submits. What the school or the city pushes is attested by its
    /// issuer and a rule decides at once where one applies; what a learner submits goes to a
    /// reviewer with its evidence; the same outcome again goes to a reviewer flagged as a
    /// duplicate. A learner outside the caller's scope answers 404, like a missing one.
    @Sendable static func submit(req: Request) async throws -> Response {
        try await recordSubmission(req: req).encodeResponse(status: .created, for: req)
    }

    /// The submission `submit` answers with, for the API and the account page alike.
    static func recordSubmission(req: Request) async throws -> Submitted {
        let caller = try req.requireCaller()
        let id = try await actableLearner(req, .submitOutcome)
        let attestation: Attestation = AccessPolicy.submitsAsHolder(caller: caller.scope) ? .holder : .issuer
        try req.checkDocumentedBody()
        let input = try req.content.decode(OutcomeInput.self)
        let today = CivilDate(date: Date())
        let outcome: LearningOutcome
        switch Self.outcome(input, learner: id, issuer: try await fixedIssuer(req, caller.scope), frameworks: req.services.frameworks, today: today) {
        case .success(let o): outcome = o
        case .failure(let failure): throw AppError.validation(failure.errors)
        }
        let engine = try await engine(req)
        let file = input.evidence.flatMap { EvidencePolicy.check([$0]).files.first }
        let actor = caller.auditName
        let base = req.auditEntry(action: "submit", entity: "credit_outcome", recordID: outcome.id.uuidString)
        // Decided under the ledger's lock, against the account as it stands (so two copies of
        // one outcome sent at once cannot both be credited, and a period cap holds), with the
        // audit row in the same transaction.
        let decision = try await CreditLedgerStore.transaction(on: req.db, audit: req.services.audit) { ledger -> (RecognitionDecision, AuditLog.Entry) in
            let decision = engine.decide(outcome, on: today, attestation: attestation, in: try await ledger.account(id))
            try await ledger.append([(id, .submitted(outcome)), (id, .decided(decision, reviewer: nil))], actor: actor)
            if let file { try await storeEvidence(file, outcome: outcome.id, on: ledger.sql) }
            var entry = base
            entry.detail = decision.verdict.rawValue
            return (decision, entry)
        }
        return Submitted(outcomeId: outcome.id, decision: decision)
    }

    struct ImportRequest: Content {
        var outcomes: [OutcomeInput]
    }

    struct ImportResult: Content {
        var imported: Int
        var recognised: Int
        var needsReview: Int
        var rejected: Int
    }

    /// `POST /credit-bank/outcomes/import`: an issuer (a school, the city) pushes outcomes in
    /// bulk. All or nothing: one bad row and nothing is stored, every error listed by row. A
    /// school pushes only into its students' accounts; a learner outside the caller's scope is
    /// reported exactly like a missing one. An outcome already standing in the account (or twice
    /// in the file) goes to a reviewer flagged as a duplicate.
    @Sendable static func importOutcomes(req: Request) async throws -> ImportResult {
        let caller = try req.requireCaller()
        guard AccessPolicy.canImportCreditOutcomes(caller: caller.scope) else { throw AppError.forbidden }
        try req.checkDocumentedBody()
        let body = try req.content.decode(ImportRequest.self)
        guard (1...10_000).contains(body.outcomes.count) else {
            throw AppError.validation([FieldError(field: "outcomes", zh: "应为1至10000条", en: "must hold 1 to 10,000 outcomes")])
        }
        let placements = try await learners(req).placements(Array(Set(body.outcomes.compactMap(\.learnerId))))
        let scope = caller.scope
        let known = Set(placements.filter { AccessPolicy.canActOnCreditLearner(.submitOutcome, at: $0.value, caller: scope) }.keys)
        let issuer = try await fixedIssuer(req, caller.scope)
        let today = CivilDate(date: Date())
        var rows: [RowError] = []
        var outcomes: [LearningOutcome] = []
        for (i, input) in body.outcomes.enumerated() {
            guard let learner = input.learnerId, known.contains(learner) else {
                rows.append(RowError(row: i + 1, column: "learnerId", error: FieldError(field: "learnerId", zh: "学分银行账户不存在", en: "no such credit-bank account")))
                continue
            }
            switch outcome(input, learner: learner, issuer: issuer, frameworks: req.services.frameworks, today: today) {
            case .success(let o): outcomes.append(o)
            case .failure(let failure): rows += failure.errors.map { RowError(row: i + 1, column: $0.field, error: $0) }
            }
        }
        if !rows.isEmpty {
            // Nothing is written, but the attempt is recorded, as a rejected registry import is.
            try await req.audit(req.auditEntry(action: "import", entity: "credit_outcome",
                                               detail: "\(rows.count) errors in \(body.outcomes.count) outcomes, nothing written", outcome: "rejected"))
            throw AppError.importRejected(rows)
        }
        let engine = try await engine(req)
        let files = body.outcomes.map { $0.evidence.flatMap { EvidencePolicy.check([$0]).files.first } }
        let stored = outcomes
        let actor = caller.auditName
        let entry = req.auditEntry(action: "import", entity: "credit_outcome", detail: "\(outcomes.count) outcomes")
        let decisions = try await CreditLedgerStore.transaction(on: req.db, audit: req.services.audit) { ledger -> ([RecognitionDecision], AuditLog.Entry) in
            // Each learner's account as it stands, with every earlier row of the file applied:
            // a copy later in the file is a duplicate, and a period cap counts the whole file.
            var accounts: [UUID: CreditAccount] = [:]
            var decisions: [RecognitionDecision] = []
            var events: [(learner: UUID, event: LedgerEvent)] = []
            for o in stored {
                var account: CreditAccount
                if let known = accounts[o.learnerID] { account = known } else { account = try await ledger.account(o.learnerID) }
                let d = engine.decide(o, on: today, attestation: .issuer, in: account)
                try account.apply(.submitted(o))
                try account.apply(.decided(d, reviewer: nil))
                accounts[o.learnerID] = account
                decisions.append(d)
                events += [(o.learnerID, .submitted(o)), (o.learnerID, .decided(d, reviewer: nil))]
            }
            try await ledger.append(events, actor: actor)
            for (o, file) in zip(stored, files) { if let file { try await storeEvidence(file, outcome: o.id, on: ledger.sql) } }
            return (decisions, entry)
        }
        return ImportResult(imported: stored.count, recognised: decisions.filter { $0.verdict == .recognised }.count,
                            needsReview: decisions.filter { $0.verdict == .needsReview }.count, rejected: decisions.filter { $0.verdict == .rejected }.count)
    }

    static func storeEvidence(_ file: EvidenceFile, outcome: UUID, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "credit_evidence").columns("id", "outcome_id", "file_name", "content_type", "sha256", "size", "content")
            .values(SQLBind(UUID()), SQLBind(outcome), SQLBind(file.fileName), SQLBind(file.contentType), SQLBind(file.sha256), SQLBind(file.content.count), SQLBind(file.content))
            .run()
    }

    /// `GET /credit-bank/outcomes/{id}/evidence`: the file, for whoever may see the learner.
    @Sendable static func evidence(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard AccessPolicy.mayUseCreditBank(.read, caller: caller.scope) else { throw AppError.forbidden }
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        let sql = try sql(req)
        guard let outcome = try await sql.select().column("learner_id").from("credit_outcomes").where("id", .equal, id).first() else { throw AppError.notFound }
        guard try await learners(req).canView(try outcome.decode(column: "learner_id", as: UUID.self), caller: caller.scope) else { throw AppError.notFound }
        guard let file = try await sql.select().columns("file_name", "content_type", "sha256", "content").from("credit_evidence").where("outcome_id", .equal, id).first() else {
            throw AppError.notFound
        }
        return EvidencePolicy.response(content: try file.decode(column: "content", as: Data.self), fileName: try file.decode(column: "file_name", as: String.self),
                                       contentType: try file.decode(column: "content_type", as: String.self), sha256: try file.decode(column: "sha256", as: String.self))
    }

    struct QueueItem: Content {
        var outcomeId: UUID
        var learnerId: UUID
        var learnerName: String
        var kind: String
        var title: String
        var issuer: String
        var status: String
        var submittedAt: Date
        /// Whether the learner attached an evidence file, which the reviewer opens from the queue.
        var hasEvidence: Bool
    }

    /// `GET /credit-bank/reviews`: outcomes no rule decided, and those waiting for evidence.
    @Sendable static func reviews(req: Request) async throws -> [QueueItem] {
        try await queue(req)
    }

    /// The queue, or only its item for `outcome` (empty when that outcome is not waiting).
    static func queue(_ req: Request, outcome: UUID? = nil) async throws -> [QueueItem] {
        let caller = try req.requireCaller()
        guard AccessPolicy.canReadCreditReviewQueue(caller: caller.scope) else { throw AppError.forbidden }
        let one: SQLQueryString = outcome.map { "AND o.id = \(bind: $0)" } ?? ""
        let rows = try await sql(req).raw("""
            SELECT o.id, o.learner_id, l.name, o.kind, o.title, o.issuer, o.status, o.submitted_at,
                   EXISTS (SELECT 1 FROM credit_evidence e WHERE e.outcome_id = o.id) AS has_evidence
            FROM credit_outcomes o JOIN credit_learners l ON l.id = o.learner_id
            WHERE o.status IN ('needs_review', 'evidence_requested') \(one) ORDER BY o.submitted_at, o.id
            """).all()
        return try rows.map {
            QueueItem(outcomeId: try $0.decode(column: "id", as: UUID.self), learnerId: try $0.decode(column: "learner_id", as: UUID.self),
                      learnerName: try $0.decode(column: "name", as: String.self), kind: try $0.decode(column: "kind", as: String.self),
                      title: try $0.decode(column: "title", as: String.self), issuer: try $0.decode(column: "issuer", as: String.self),
                      status: try $0.decode(column: "status", as: String.self), submittedAt: try $0.decode(column: "submitted_at", as: Date.self),
                      hasEvidence: try $0.decode(column: "has_evidence", as: Bool.self))
        }
    }

    struct GrantInput: Content {
        var unitCode: String
        var credits: String
        var hubLevel: Int
        var field: String?
    }

    struct DecisionInput: Content {
        var verdict: String
        var reasonZh: String
        var reasonEn: String?
        var units: [GrantInput]?
    }

    /// The answer to a second decision on one outcome (409).
    static func alreadyDecided(_ status: String?) -> AppError {
        let shown = status ?? "decided"
        return AppError.conflict(FieldError(field: "verdict", zh: "该成果已有认定结论（\(shown)），认定只作一次；如需更正，须由市教育局管理员撤销认定（POST …/reversal，须写明理由）",
                                            en: "the outcome has already been decided (\(shown)); a decision is made once — a change needs a reversal by the city administrator (POST …/reversal, with a reason)"))
    }

    /// `POST /credit-bank/outcomes/{id}/decision`: a reviewer accepts (with the units), rejects
    /// or asks for more evidence, always with a reason. Appended; nothing is edited. A decision
    /// is made once: an outcome already recognised, rejected or withdrawn answers 409, and the
    /// guard is a conditional update inside the ledger transaction, so of concurrent deciders
    /// exactly one wins. Recognising an outcome whose duplicate is already recognised is refused.
    @Sendable static func decide(req: Request) async throws -> RecognitionDecision {
        try await decide(req, recording: true)
    }

    /// The decision `decide` would record for this request — the same checks, and cut to the
    /// period cap as the ledger stands now — without recording it: the transaction is rolled
    /// back before it commits, so nothing (not even an audit row) remains. For the page that
    /// asks a reviewer to confirm a final decision.
    static func previewDecision(req: Request) async throws -> RecognitionDecision {
        do {
            return try await decide(req, recording: false)
        } catch let preview as DecisionPreview {
            return preview.decision
        }
    }

    /// Thrown inside the ledger transaction by a preview, to roll it back.
    private struct DecisionPreview: Error {
        var decision: RecognitionDecision
    }

    private static func decide(_ req: Request, recording: Bool) async throws -> RecognitionDecision {
        let caller = try req.requireCaller()
        guard AccessPolicy.mayUseCreditBank(.decideOutcome, caller: caller.scope) else { throw AppError.forbidden }
        guard let outcomeID = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        let sql = try sql(req)
        guard let row = try await sql.select().columns("learner_id", "status").from("credit_outcomes").where("id", .equal, outcomeID).first() else { throw AppError.notFound }
        let learner = try row.decode(column: "learner_id", as: UUID.self)
        guard try await learners(req).canAct(.decideOutcome, on: learner, caller: caller.scope) else { throw AppError.notFound }
        let status = try row.decode(column: "status", as: String.self)
        guard CreditLedgerStore.undecided.contains(status) else { throw alreadyDecided(status) }
        try req.checkDocumentedBody()
        let body = try req.content.decode(DecisionInput.self)
        let account = try await CreditLedgerStore(sql: sql).account(learner)
        guard let outcome = account.outcomes[outcomeID] else { throw AppError.notFound }
        var errors: [FieldError] = []
        let verdict = RecognitionDecision.Verdict(rawValue: body.verdict)
        if verdict == nil || verdict == .needsReview {
            errors.append(FieldError(field: "verdict", zh: "只能是 recognised、rejected 或 evidence_requested", en: "must be recognised, rejected or evidence_requested"))
        }
        let reason = body.reasonZh.trimmingCharacters(in: .whitespaces)
        if reason.isEmpty { errors.append(.required("reasonZh")) } else if reason.count > 500 { errors.append(.tooLong("reasonZh", max: 500)) }
        let alignment = try await CreditRuleStore(sql: sql).alignment(default: req.services.frameworks.alignment)
        let ceiling = outcome.level.flatMap { alignment.hubLevel(of: $0) }
        var units: [RecognisedUnit] = []
        if verdict == .recognised {
            let grants = body.units ?? []
            if grants.isEmpty { errors.append(FieldError(field: "units", zh: "认定通过须给出学分单元", en: "give the units recognised")) }
            for (i, g) in grants.prefix(20).enumerated() {
                let credits = Credits(text: g.credits)
                if credits == nil || (credits?.tenths ?? 0) == 0 || (credits?.tenths ?? 0) > 2000 {
                    errors.append(FieldError(field: "units[\(i)].credits", zh: "学分应为0.1至200", en: "must be 0.1 to 200"))
                }
                if !(1...7).contains(g.hubLevel) { errors.append(.outOfRange("units[\(i)].hubLevel", min: 1, max: 7)) }
                if let ceiling, g.hubLevel > ceiling {
                    errors.append(FieldError(field: "units[\(i)].hubLevel", zh: "不能高于成果本身的第\(ceiling)级", en: "must not exceed the outcome's own hub level \(ceiling)"))
                }
                if g.unitCode.isEmpty || g.unitCode.count > 40 { errors.append(FieldError(field: "units[\(i)].unitCode", zh: "应为1至40个字符", en: "must be 1 to 40 characters")) }
                if let credits, errors.isEmpty {
                    units.append(RecognisedUnit(outcomeID: outcomeID, index: i, unitCode: g.unitCode, credits: credits, hubLevel: g.hubLevel, field: g.field ?? outcome.field,
                                                source: outcome.kind, awardedOn: outcome.awardedOn, validUntil: outcome.validUntil))
                }
            }
        }
        guard errors.isEmpty, let verdict else { throw AppError.validation(errors) }
        let decision = RecognitionDecision(outcomeID: outcomeID, verdict: verdict, units: units, ruleID: nil, alsoApplicable: [],
                                           reasonZh: reason, reasonEn: body.reasonEn ?? reason)
        let actor = caller.auditName
        let engine = try await engine(req)
        let today = CivilDate(date: Date())
        let base = req.auditEntry(action: "review", entity: "credit_outcome", recordID: outcomeID.uuidString)
        do {
            return try await CreditLedgerStore.transaction(on: req.db, audit: req.services.audit) { ledger -> (RecognitionDecision, AuditLog.Entry) in
                let account = try await ledger.account(learner)
                if verdict == .recognised, let other = account.recognisedDuplicate(of: outcome) {
                    throw AppError.conflict(FieldError(field: "verdict", zh: "同一学习成果已认定（\(other.uuidString)），不重复计入学分",
                                                       en: "the same outcome is already recognised (\(other.uuidString)); it is not credited twice"))
                }
                // A recognition counts against the period cap of the rule that governs outcomes
                // like this one, and is cut to what the cap leaves (the reason says so).
                let final = engine.reviewed(decision, of: outcome, on: today, in: account)
                guard recording else { throw DecisionPreview(decision: final) }
                try await ledger.append([(learner, .decided(final, reviewer: actor))], actor: actor)
                var entry = base
                entry.detail = final.verdict.rawValue
                return (final, entry)
            }
        } catch is CreditLedgerStore.AlreadyDecided {
            throw alreadyDecided(nil)
        }
    }
}
