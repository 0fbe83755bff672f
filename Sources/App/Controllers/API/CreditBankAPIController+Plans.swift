import CreditBank
import Foundation
import Registry
import SQLKit
import Vapor

extension CreditBankAPIController {
    // MARK: - Transfer (转换)

    struct TransferItem: Content {
        var unitId: String
        var outcomeId: UUID
        var ruleId: String
        var exemptsCourse: String?
        var credits: String
    }

    struct TransferRefusal: Content {
        var unitId: String
        var ruleId: String?
        var reasonZh: String
        var reasonEn: String
    }

    struct TransferBody: Content {
        var institution: String
        var program: String
        var cap: String
        var total: String
        var items: [TransferItem]
        var refusals: [TransferRefusal]
    }

    /// `GET /credit-bank/learners/{id}/transfer?institution=&program=`: what would transfer.
    @Sendable static func transfer(req: Request) async throws -> TransferBody {
        let id = try await viewableLearner(req)
        var errors: [FieldError] = []
        let institution = req.query[String.self, at: "institution"] ?? ""
        let program = req.query[String.self, at: "program"] ?? ""
        if institution.isEmpty { errors.append(.required("institution")) }
        if program.isEmpty { errors.append(.required("program")) }
        if !errors.isEmpty { throw AppError.validation(errors) }
        return try await transferBody(req, learner: id, institution: institution, program: program)
    }

    /// The transfer plan of `learner` into `program` at `institution`, as the API gives it.
    static func transferBody(_ req: Request, learner id: UUID, institution: String, program: String) async throws -> TransferBody {
        let store = CreditRuleStore(sql: try sql(req))
        guard let limit = try await store.all(.programLimit, as: ProgramTransferLimit.self)
            .first(where: { $0.institutionCode == institution && $0.programCode == program }) else {
            throw AppError.validation([FieldError(field: "program", zh: "该校该专业尚未设定学分转换规则", en: "no transfer rules for this program at this institution")])
        }
        let account = try await CreditLedgerStore(sql: try sql(req)).account(id)
        let plan = TransferPlan.plan(account, rules: try await store.all(.conversion, as: ConversionRule.self), limit: limit, on: CivilDate(date: Date()))
        return TransferBody(institution: institution, program: program, cap: plan.cap.description, total: plan.total.description,
                            items: plan.items.map { TransferItem(unitId: $0.unitID, outcomeId: $0.outcomeID, ruleId: $0.ruleID, exemptsCourse: $0.exemptsCourse, credits: $0.credits.description) },
                            refusals: plan.refusals.map { TransferRefusal(unitId: $0.unitID, ruleId: $0.ruleID, reasonZh: $0.reasonZh, reasonEn: $0.reasonEn) })
    }

    // MARK: - Awards

    struct Missing: Content {
        var textZh: String
        var textEn: String
    }

    struct AwardLine: Content {
        var qualification: String
        var nameZh: String
        var nameEn: String
        var eligible: Bool
        var missing: [Missing]
    }

    /// `GET /credit-bank/learners/{id}/awards`: each qualification, eligible or what is missing.
    @Sendable static func awards(req: Request) async throws -> [AwardLine] {
        let id = try await viewableLearner(req)
        let qualifications = try await CreditRuleStore(sql: try sql(req)).all(.qualification, as: Qualification.self)
        let account = try await CreditLedgerStore(sql: try sql(req)).account(id)
        return AwardEvaluator(qualifications: qualifications).evaluate(account.units, on: CivilDate(date: Date())).map {
            AwardLine(qualification: $0.qualification.id, nameZh: $0.qualification.nameZh, nameEn: $0.qualification.nameEn, eligible: $0.missing.isEmpty,
                      missing: $0.missing.map { Missing(textZh: $0.textZh, textEn: $0.textEn) })
        }
    }

    struct BulkAwards: Content {
        struct Line: Content {
            var qualification: String
            var eligible: Int
        }
        var learners: Int
        var qualifications: [Line]
    }

    /// `POST /credit-bank/awards/evaluate`: every learner against every qualification (city).
    @Sendable static func evaluateAll(req: Request) async throws -> BulkAwards {
        let caller = try req.requireCaller()
        guard AccessPolicy.canAuditCreditBank(caller: caller.scope) else { throw AppError.forbidden }
        let qualifications = try await CreditRuleStore(sql: try sql(req)).all(.qualification, as: Qualification.self)
        let accounts = try LedgerReplay.accounts(from: try await CreditLedgerStore(sql: try sql(req)).entries())
        let evaluator = AwardEvaluator(qualifications: qualifications)
        let today = CivilDate(date: Date())
        var counts = [Int](repeating: 0, count: qualifications.count)
        for account in accounts.values {
            for (i, ok) in evaluator.eligibility(evaluator.compactOnce(account.units), on: today).enumerated() where ok { counts[i] += 1 }
        }
        try await req.audit(req.auditEntry(action: "evaluate_awards", entity: "credit_learner", detail: "\(accounts.count) learners"))
        return BulkAwards(learners: accounts.count, qualifications: zip(qualifications, counts).map { BulkAwards.Line(qualification: $0.id, eligible: $1) })
    }

    // MARK: - Ledger

    struct VerifyBody: Content {
        var entries: Int
        var learners: Int
        var outcomes: Int
        /// Outcomes whose stored status differs from the replayed one (should be none).
        var mismatches: [String]
    }

    /// `GET /credit-bank/ledger/verify`: replays the whole ledger and compares every outcome's
    /// status with the stored projection.
    @Sendable static func verify(req: Request) async throws -> VerifyBody {
        let caller = try req.requireCaller()
        guard AccessPolicy.canAuditCreditBank(caller: caller.scope) else { throw AppError.forbidden }
        let sql = try sql(req)
        let entries = try await CreditLedgerStore(sql: sql).entries()
        let accounts = try LedgerReplay.accounts(from: entries)
        var replayed: [UUID: String] = [:]
        for account in accounts.values { for (id, status) in account.status { replayed[id] = status.rawValue } }
        var mismatches: [String] = []
        var stored = 0
        for row in try await sql.select().columns("id", "status").from("credit_outcomes").all() {
            stored += 1
            let id = try row.decode(column: "id", as: UUID.self), status = try row.decode(column: "status", as: String.self)
            if replayed[id] != status { mismatches.append("\(id.uuidString): stored \(status), replayed \(replayed[id] ?? "none")") }
        }
        if stored != replayed.count { mismatches.append("stored \(stored) outcomes, replayed \(replayed.count)") }
        return VerifyBody(entries: entries.count, learners: accounts.count, outcomes: replayed.count, mismatches: mismatches)
    }

    // MARK: - Rules as data

    static func ruleKind(_ req: Request) throws -> CreditRuleKind {
        guard let kind = CreditRuleKind(rawValue: req.parameters.get("kind") ?? ""), kind != .alignment else {
            throw AppError.validation([FieldError(field: "kind", zh: "只能是 recognition、qualification、conversion 或 program_limit", en: "must be recognition, qualification, conversion or program_limit")])
        }
        return kind
    }

    /// `GET /credit-bank/rules/{kind}`: the rule documents of a kind, as stored.
    @Sendable static func rules(req: Request) async throws -> Response {
        _ = try req.requireCaller()
        let kind = try ruleKind(req)
        let bodies = try await sql(req).select().column("body").from("credit_rules").where("kind", .equal, kind.rawValue).orderBy("code").all()
            .map { try $0.decode(column: "body", as: String.self) }
        let response = Response(status: .ok, body: .init(string: "[" + bodies.joined(separator: ",") + "]"))
        response.headers.contentType = .json
        return response
    }

    /// `PUT /credit-bank/rules/{kind}/{code}`: the city replaces one rule document. The body is
    /// checked by decoding it as the engine's own type.
    @Sendable static func putRule(req: Request) async throws -> Response {
        guard req.headers.contentType == .json else { throw Abort(.unsupportedMediaType) }
        let body = req.body.data.map { Data(buffer: $0) } ?? Data()
        try await putRule(req, kindText: req.parameters.get("kind") ?? "", code: req.parameters.get("code") ?? "", body: body)
        return Response(status: .noContent)
    }

    /// Stores one rule document after the checks (city only).
    static func putRule(_ req: Request, kindText: String, code: String, body: Data) async throws {
        let caller = try req.requireCaller()
        guard AccessPolicy.canEditCreditRules(caller: caller.scope) else { throw AppError.forbidden }
        guard let kind = CreditRuleKind(rawValue: kindText), kind != .alignment else {
            throw AppError.validation([FieldError(field: "kind", zh: "只能是 recognition、qualification、conversion 或 program_limit", en: "must be recognition, qualification, conversion or program_limit")])
        }
        guard (1...60).contains(code.count) else { throw AppError.validation([FieldError(field: "code", zh: "应为1至60个字符", en: "must be 1 to 60 characters")]) }
        func mismatch() -> AppError { AppError.validation([FieldError(field: "id", zh: "正文中的编号须与路径一致", en: "must equal the code in the path")]) }
        func decode<T: Decodable>(_: T.Type) throws -> T {
            do { return try JSONDecoder().decode(T.self, from: body) } catch {
                throw AppError.validation([FieldError(field: "body", zh: "规则格式不正确", en: "not a valid \(kind.rawValue) rule: \(error)")])
            }
        }
        /// Stores the checked document with its audit row, in one transaction.
        func store<T: Encodable & Sendable>(_ document: T) async throws {
            let entry = req.auditEntry(action: "update", entity: "credit_rule", recordID: "\(kind.rawValue)/\(code)")
            try await req.audited { db in
                guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
                try await CreditRuleStore(sql: sql).put(kind, code: code, document)
                return ((), entry)
            }
        }
        switch kind {
        case .recognition:
            let rule = try decode(RecognitionRule.self)
            guard rule.id == code else { throw mismatch() }
            if let cap = rule.periodCap, !(Credits(tenths: 1)...Credits(1000)).contains(cap.credits) {
                throw AppError.validation([FieldError(field: "periodCap.credits", zh: "周期上限应为0.1至1000学分", en: "must be 0.1 to 1,000 credits")])
            }
            try await store(rule)
        case .qualification:
            let q = try decode(Qualification.self)
            guard q.id == code else { throw mismatch() }
            try await store(q)
        case .conversion:
            let rule = try decode(ConversionRule.self)
            guard rule.id == code else { throw mismatch() }
            try await store(rule)
        case .programLimit:
            let limit = try decode(ProgramTransferLimit.self)
            guard "\(limit.institutionCode)/\(limit.programCode)" == code.replacingOccurrences(of: ":", with: "/") else {
                throw AppError.validation([FieldError(field: "programCode", zh: "路径编号应为“机构代码:专业代码”", en: "the code in the path must be institution:program")])
            }
            try await store(limit)
        case .alignment: throw AppError.notFound
        }
    }
}
