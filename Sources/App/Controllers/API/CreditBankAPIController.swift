import CreditBank
import Foundation
import Registry
import SQLKit
import Vapor

extension RecognitionDecision: Content {}
extension LevelAlignment: Content {}
extension QualificationsFramework: Content {}

/// `/api/v1/credit-bank/…`: learner accounts, outcomes and their recognition, the reviewers'
/// queue, accounts rebuilt from the ledger, transfer questions, award rules and the rules as data.
enum CreditBankAPIController {
    static func sql(_ req: Request) throws -> any SQLDatabase {
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        return sql
    }

    static func learners(_ req: Request) throws -> CreditLearners { CreditLearners(sql: try sql(req), vault: req.services.vault) }

    // MARK: - Learners

    struct NewLearner: Content {
        var name: String
        var documentKind: String
        var idNumber: String
        /// For documents that carry no birth date (Hong Kong, Macau, permits), to find duplicates.
        var birthDate: String?
    }

    struct CreatedLearner: Content {
        var learner: CreditLearners.Learner
        /// Accounts with the same name and birth date under another document: check before use.
        var possibleDuplicates: [CreditLearners.Learner]
    }

    /// `POST /credit-bank/learners`: one account per identity document; a second is refused.
    @Sendable static func createLearner(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard AccessPolicy.canCreateCreditLearner(caller: caller.scope) else { throw AppError.forbidden }
        try req.checkDocumentedBody()
        let body = try req.content.decode(NewLearner.self)
        var errors: [FieldError] = []
        let name = body.name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors.append(.required("name")) } else if name.count > 50 { errors.append(.tooLong("name", max: 50)) }
        var document: IdentityDocument?
        if let kind = IdentityDocumentKind(label: body.documentKind) {
            switch IdentityDocument.validate(kind: kind, number: body.idNumber, field: "idNumber") {
            case .success(let d): document = d
            case .failure(let e): errors.append(e)
            }
        } else {
            errors.append(.notInList("documentKind", value: body.documentKind, list: IdentityDocumentKind.listName))
        }
        if let birth = body.birthDate, CivilDate(iso: birth) == nil { errors.append(FieldError(field: "birthDate", zh: "应为 YYYY-MM-DD", en: "must be YYYY-MM-DD")) }
        guard errors.isEmpty, let document else { throw AppError.validation(errors) }
        let store = try learners(req)
        // A conflict or a hint names only accounts the caller may read: an account outside its
        // scope is "for the city to review", never another school's learner.
        if let existing = try await store.find(document) {
            throw AppError.conflict(try await store.canView(existing.id, caller: caller.scope)
                ? FieldError(field: "idNumber", zh: "该证件已开设学分银行账户", en: "an account already exists for this document")
                : FieldError(field: "idNumber", zh: "该证件不能在此开户，需市教育局核查", en: "an account cannot be opened here for this document; it needs the city education bureau's review"))
        }
        let vault = req.services.vault, birthDate = body.birthDate
        let base = req.auditEntry(action: "create", entity: "credit_learner")
        let learner = try await req.audited { db -> (CreditLearners.Learner, AuditLog.Entry) in
            guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
            let learner = try await CreditLearners(sql: sql, vault: vault).create(name: name, document: document, birthDate: birthDate)
            var entry = base
            entry.recordID = learner.id.uuidString
            return (learner, entry)
        }
        let candidates = try await store.possibleDuplicates(name: name, birthDate: learner.birthDate, excluding: learner.id)
        let placements = try await store.placements(candidates.map(\.id))
        let duplicates = candidates.filter { candidate in
            placements[candidate.id].map { AccessPolicy.canActOnCreditLearner(.read, at: $0, caller: caller.scope) } ?? false
        }
        return try await CreatedLearner(learner: learner, possibleDuplicates: duplicates).encodeResponse(status: .created, for: req)
    }

    /// The learner id in the path, after the access check for `action`: a role that may never
    /// do it is refused (403) before any lookup; a learner outside the caller's scope answers
    /// 404, exactly like a missing one — for reads and writes alike.
    static func actableLearner(_ req: Request, _ action: CreditBankAction) async throws -> UUID {
        let caller = try req.requireCaller()
        guard AccessPolicy.mayUseCreditBank(action, caller: caller.scope) else { throw AppError.forbidden }
        guard let id = req.parameters.get("id", as: UUID.self), try await learners(req).canAct(action, on: id, caller: caller.scope) else {
            throw AppError.notFound
        }
        return id
    }

    /// The learner id in the path, after the read check.
    static func viewableLearner(_ req: Request) async throws -> UUID { try await actableLearner(req, .read) }

    struct Amount: Content {
        var key: String
        var credits: String
    }

    struct OutcomeLine: Content {
        var id: UUID
        var kind: String
        var title: String
        var issuer: String
        var awardedOn: String
        var status: String
        var reasonZh: String?
        var reasonEn: String?
        var ruleId: String?
        var evidenceSHA256: String?
    }

    struct UnitLine: Content {
        var id: String
        var outcomeId: UUID
        var unitCode: String
        var credits: String
        var hubLevel: Int
        var field: String?
        var source: String
        var awardedOn: String
        var used: Bool
    }

    struct AccountBody: Content {
        var learner: CreditLearners.Learner
        var totalCredits: String
        var byLevel: [Amount]
        var byField: [Amount]
        var bySource: [Amount]
        var units: [UnitLine]
        var outcomes: [OutcomeLine]
    }

    static func accountBody(_ learner: CreditLearners.Learner, _ account: CreditAccount) -> AccountBody {
        AccountBody(
            learner: learner, totalCredits: account.totalCredits.description,
            byLevel: account.byLevel.sorted { $0.key < $1.key }.map { Amount(key: String($0.key), credits: $0.value.description) },
            byField: account.byField.sorted { $0.key < $1.key }.map { Amount(key: $0.key, credits: $0.value.description) },
            bySource: account.bySource.sorted { $0.key.rawValue < $1.key.rawValue }.map { Amount(key: $0.key.rawValue, credits: $0.value.description) },
            units: account.units.map { UnitLine(id: $0.id, outcomeId: $0.outcomeID, unitCode: $0.unitCode, credits: $0.credits.description, hubLevel: $0.hubLevel,
                                                field: $0.field, source: $0.source.rawValue, awardedOn: $0.awardedOn.description, used: account.used.contains($0.id)) },
            outcomes: account.outcomes.values.sorted { ($0.awardedOn, $0.id.uuidString) < ($1.awardedOn, $1.id.uuidString) }.map { o in
                let d = account.decisions[o.id]
                return OutcomeLine(id: o.id, kind: o.kind.rawValue, title: o.title, issuer: o.issuer, awardedOn: o.awardedOn.description,
                                   status: (account.status[o.id] ?? .submitted).rawValue, reasonZh: d?.reasonZh, reasonEn: d?.reasonEn, ruleId: d?.ruleID,
                                   evidenceSHA256: o.evidenceSHA256)
            }
        )
    }

    /// `GET /credit-bank/learners/{id}`: the account, rebuilt from the ledger.
    @Sendable static func account(req: Request) async throws -> AccountBody {
        let id = try await viewableLearner(req)
        guard let learner = try await learners(req).learner(id) else { throw AppError.notFound }
        return accountBody(learner, try await CreditLedgerStore(sql: try sql(req)).account(id))
    }

    // MARK: - Frameworks

    struct FrameworksBody: Content {
        var frameworks: [QualificationsFramework]
        var alignment: LevelAlignment
        var hub: String
    }

    @Sendable static func frameworks(req: Request) async throws -> FrameworksBody {
        _ = try req.requireCaller()
        let alignment = try await CreditRuleStore(sql: try sql(req)).alignment(default: req.services.frameworks.alignment)
        return FrameworksBody(frameworks: req.services.frameworks.frameworks, alignment: alignment, hub: LevelAlignment.hub)
    }

    /// `PUT /credit-bank/alignment`: the city's table, refused if a conversion could rise.
    @Sendable static func replaceAlignment(req: Request) async throws -> LevelAlignment {
        let caller = try req.requireCaller()
        guard AccessPolicy.canEditCreditRules(caller: caller.scope) else { throw AppError.forbidden }
        try req.checkDocumentedBody()
        let table = try req.content.decode(LevelAlignment.self)
        let checked: LevelAlignment
        do { checked = try table.validated(against: req.services.frameworks.frameworks) } catch {
            let (zh, en): (String, String) = switch error {
            case .notMonotone(let f, let lower, let higher): ("\(f)第\(higher)级不能对应到低于第\(lower)级的级别（转换不得升级）", "\(f) level \(higher) is aligned below level \(lower): a conversion could rise")
            case .duplicate(let ref): ("\(ref)重复对照", "\(ref) is aligned twice")
            case .unknownLevel(let ref): ("\(ref)不是已知级别", "\(ref) is not a known level")
            }
            throw AppError.validation([FieldError(field: "pairs", zh: zh, en: en)])
        }
        let entry = req.auditEntry(action: "update", entity: "credit_alignment", recordID: "current")
        return try await req.audited { db in
            guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
            try await CreditRuleStore(sql: sql).put(.alignment, code: "current", checked)
            return (checked, entry)
        }
    }
}
