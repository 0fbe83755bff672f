import CreditBank
import Foundation
import Registry
import Spreadsheet
import SQLKit
import Vapor

/// `/credit-bank…` pages: a learner's account, the reviewers' queue and their decisions.
enum CreditBankPageController {
    /// A learner lands on their own account; reviewers and the city on the queue; a school on
    /// the outcome import (`AccessPolicy.creditBankHome`).
    @Sendable static func home(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        switch AccessPolicy.creditBankHome(caller: caller.scope) {
        case .ownAccount:
            guard let own = try await CreditBankAPIController.learners(req).own(caller.scope) else { throw AppError.notFound }
            return req.redirect(to: "/credit-bank/learners/\(own.uuidString)")
        case .reviewQueue: return req.redirect(to: "/credit-bank/reviews")
        case .outcomeImport: return req.redirect(to: "/credit-bank/import")
        case nil: throw AppError.forbidden
        }
    }

    @Sendable static func account(req: Request) async throws -> Response {
        let l = Language(req)
        let message: String? = if req.query[String.self, at: "reversed"] != nil {
            l.t("认定已撤销，成果已回到审核队列。", "The decision was reversed; the outcome is back in the reviewers' queue.")
        } else {
            switch req.query[String.self, at: "submitted"] {
            case "recognised": l.t("已提交，并已按规则认定。", "Submitted, and recognised by rule.")
            case "rejected": l.t("已提交；按规则不予认定，原因见下表。", "Submitted; a rule did not recognise it — the reason is in the table below.")
            case .some: l.t("已提交，等待审核人员认定。", "Submitted: it waits for a reviewer.")
            case nil: nil
            }
        }
        return try await accountPage(req, message: message)
    }

    /// The account page; after a refused submission, with what was typed and the reasons.
    static func accountPage(_ req: Request, message: String? = nil, typed: CreditAccountPage.OutcomeTyped = .init(), errors: [FieldError] = []) async throws -> Response {
        let caller = try req.requireCaller()
        let account = try await CreditBankAPIController.account(req: req)
        let awards = try await CreditBankAPIController.awards(req: req)
        let programs = try await CreditRuleStore(sql: try CreditBankAPIController.sql(req)).all(.programLimit, as: ProgramTransferLimit.self)
        var transfer: CreditBankAPIController.TransferBody?
        if let target = req.query[String.self, at: "target"], let limit = programs.first(where: { "\($0.institutionCode):\($0.programCode)" == target }) {
            transfer = try await CreditBankAPIController.transferBody(req, learner: account.learner.id, institution: limit.institutionCode, program: limit.programCode)
        }
        let l = Language(req)
        let layout = PageLayout(title: l.t("学分银行账户", "Credit-bank account"), language: l, caller: caller)
        let canSubmit = try await CreditBankAPIController.learners(req).canAct(.submitOutcome, on: account.learner.id, caller: caller.scope)
        let credentials = try await CredentialPageController.panel(req, account: account, awards: awards)
        var page = CreditAccountPage(layout: layout, account: account, awards: awards, programs: programs, transfer: transfer, canSubmit: canSubmit,
                                     credentials: credentials)
        page.canReverse = AccessPolicy.mayReverseCreditDecisions(caller: caller.scope)
        page.message = message
        page.typed = typed
        page.errors = errors
        return .html(page.render(), status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable static func reviews(req: Request) async throws -> Response {
        let l = Language(req)
        let message: String? = switch req.query[String.self, at: "decided"] {
        case "recognised": l.t("已认定，决定已写入台账，该成果已移出队列。", "Recognised: the decision is in the ledger and the outcome has left the queue.")
        case "rejected": l.t("已决定不予认定，决定已写入台账，该成果已移出队列。", "Rejected: the decision is in the ledger and the outcome has left the queue.")
        case "evidence_requested": l.t("已请学习者补充材料；该成果留在队列中，标为“待补充材料”。", "Evidence requested: the outcome stays in the queue, marked “evidence requested”.")
        default: nil
        }
        let learner = req.query[UUID.self, at: "learner"]
        return try await reviewPage(req, message: message, learner: learner)
    }

    /// The queue; `refusal` keeps one row's typed values (with its errors, or none when the
    /// reviewer came back from the confirmation to edit).
    static func reviewPage(_ req: Request, refusal: ReviewQueuePage.Refusal? = nil, message: String? = nil, learner: UUID? = nil) async throws -> Response {
        let caller = try req.requireCaller()
        let queue = try await CreditBankAPIController.reviews(req: req)
        let l = Language(req)
        let layout = PageLayout(title: l.t("学习成果认定审核", "Recognition reviews"), language: l, caller: caller)
        let page = ReviewQueuePage(layout: layout, queue: queue, refusal: refusal, message: message, decidedLearner: learner)
        return .html(page.render(), status: refusal?.errors.isEmpty == false ? .unprocessableEntity : .ok)
    }

    struct DecisionForm: Content {
        var verdict: String
        var reasonZh: String?
        var unitCode: String?
        var credits: String?
        var hubLevel: String?
        /// Empty from the queue; `confirm` from the confirmation page; `edit` to go back to the
        /// queue with what was typed.
        var step: String?
    }

    /// A reviewer's decision through the API's checks. A final one (recognise, reject) is first
    /// shown for confirmation as it would be recorded; asking for evidence, which leaves the
    /// outcome in the queue, is recorded at once. Refused, the queue again with what was typed
    /// kept in that row and the reasons by its fields; recorded, the queue with a banner.
    @Sendable static func decide(req: Request) async throws -> Response {
        let form = try req.content.decode(DecisionForm.self)
        let typed = ReviewQueuePage.Typed(verdict: form.verdict, reasonZh: form.reasonZh ?? "", unitCode: form.unitCode ?? "", credits: form.credits ?? "", hubLevel: form.hubLevel ?? "")
        guard let outcome = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        if form.step == "edit" {
            // Back from the confirmation: the queue with the row as typed, and the same checks
            // of who may see it as the queue itself.
            return try await reviewPage(req, refusal: .init(outcomeId: outcome, typed: typed, errors: []))
        }
        var units: [CreditBankAPIController.GrantInput]?
        if form.verdict == "recognised", !typed.unitCode.trimmingCharacters(in: .whitespaces).isEmpty {
            // A level that is not a number goes to the API as 0, which it refuses by that field.
            let level = Int(typed.hubLevel.trimmingCharacters(in: .whitespaces)) ?? 0
            units = [.init(unitCode: typed.unitCode.trimmingCharacters(in: .whitespaces), credits: typed.credits, hubLevel: level, field: nil)]
        }
        try req.content.encode(CreditBankAPIController.DecisionInput(verdict: form.verdict, reasonZh: typed.reasonZh, reasonEn: nil, units: units), as: .json)
        let final = ["recognised", "rejected"].contains(form.verdict)
        if final, form.step != "confirm" {
            switch try await FormRefusal.attempt({ try await CreditBankAPIController.previewDecision(req: req) }) {
            case .done(let decision):
                return try await confirmationPage(req, outcome: outcome, typed: typed, decision: decision)
            case .refused(let errors):
                return try await reviewPage(req, refusal: .init(outcomeId: outcome, typed: typed, errors: errors))
            }
        }
        switch try await FormRefusal.attempt({ try await CreditBankAPIController.decide(req: req) }) {
        case .done(let decision):
            let learner = try await CreditLedgerStore(sql: try req.sql).learner(of: outcome)
            return req.redirect(to: "/credit-bank/reviews?decided=\(decision.verdict.rawValue)" + (learner.map { "&learner=\($0.uuidString)" } ?? ""))
        case .refused(let errors):
            return try await reviewPage(req, refusal: .init(outcomeId: outcome, typed: typed, errors: errors))
        }
    }

    /// 确认认定决定: the outcome (from the caller's own queue, so scope is the queue's) and the
    /// decision as it would be recorded.
    static func confirmationPage(_ req: Request, outcome: UUID, typed: ReviewQueuePage.Typed, decision: RecognitionDecision) async throws -> Response {
        let caller = try req.requireCaller()
        guard let item = try await CreditBankAPIController.queue(req, outcome: outcome).first else { throw AppError.notFound }
        let l = Language(req)
        let layout = PageLayout(title: l.t("确认认定决定", "Confirm the decision"), language: l, caller: caller)
        return .html(DecisionConfirmationPage(layout: layout, item: item, typed: typed, decision: decision).render())
    }

    // MARK: - Reversal (撤销认定)

    /// `GET /credit-bank/outcomes/{id}/reversal`: the outcome, its decision in force and the
    /// reversal form (city administrator; 403 for other roles, 404 outside scope or missing).
    @Sendable static func reversalForm(req: Request) async throws -> Response {
        try await reversalPage(req, target: try await CreditBankAPIController.reversalTarget(req))
    }

    static func reversalPage(_ req: Request, target: CreditBankAPIController.ReversalTarget, errors: [FieldError] = [], reason: String = "", reasonEn: String = "") async throws -> Response {
        let caller = try req.requireCaller()
        let name = try await CreditBankAPIController.learners(req).learner(target.learner)?.name ?? ""
        let l = Language(req)
        let layout = PageLayout(title: l.t("撤销认定", "Reverse a decision"), language: l, caller: caller)
        let page = DecisionReversalPage(layout: layout, learnerName: name, target: target, errors: errors, reason: reason, reasonEn: reasonEn)
        return .html(page.render(), status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    struct ReversalForm: Content {
        var reason: String?
        var reasonEn: String?
        var decisionSequence: String?
    }

    /// The reversal form: the API's checks; on a refusal the page again, with the errors under
    /// their fields in both languages and what was typed kept.
    @Sendable static func reverse(req: Request) async throws -> Response {
        let form = try req.content.decode(ReversalForm.self)
        let sequence = form.decisionSequence.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        try req.content.encode(CreditBankAPIController.ReversalInput(reason: form.reason, reasonEn: form.reasonEn, decisionSequence: sequence), as: .json)
        switch try await FormRefusal.attempt({ try await CreditBankAPIController.reverse(req: req) }) {
        case .done(let done):
            return req.redirect(to: "/credit-bank/learners/\(done.learnerId.uuidString)?reversed=\(done.outcomeId.uuidString)")
        case .refused(let errors):
            return try await reversalPage(req, target: try await CreditBankAPIController.reversalTarget(req), errors: errors, reason: form.reason ?? "", reasonEn: form.reasonEn ?? "")
        }
    }

    struct OutcomeForm: Content {
        var kind: String
        var title: String
        var issuer: String?
        var code: String?
        var hours: String?
        var score: String?
        var awardedOn: String
        var validUntil: String?
        var evidence: File?
    }

    /// The account page's submission form: the same checks and rules as the API. Refused, the
    /// account page again with what was typed and each reason by its field (the file must be
    /// chosen again: a browser never refills a file input); accepted, the account with a banner.
    @Sendable static func submit(req: Request) async throws -> Response {
        let form = try req.content.decode(OutcomeForm.self)
        func blank(_ s: String?) -> String? { s.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
        let typed = CreditAccountPage.OutcomeTyped(kind: form.kind, title: form.title, issuer: form.issuer ?? "", code: form.code ?? "", hours: form.hours ?? "",
                                                   score: form.score ?? "", awardedOn: form.awardedOn, validUntil: form.validUntil ?? "")
        // Whole numbers typed as something else are refused here by their field, not dropped.
        var numberErrors: [FieldError] = []
        func wholeNumber(_ field: String, _ value: String?) -> Int? {
            guard let text = blank(value)?.trimmingCharacters(in: .whitespaces) else { return nil }
            guard let number = Int(text) else {
                numberErrors.append(FieldError(field: field, zh: "应为整数", en: "must be a whole number"))
                return nil
            }
            return number
        }
        let hours = wholeNumber("hours", form.hours), score = wholeNumber("score", form.score)
        var evidence: EvidenceUpload?
        if let file = form.evidence, file.data.readableBytes > 0 {
            evidence = EvidenceUpload(fileName: file.filename, contentType: file.contentType.map { "\($0.type)/\($0.subType)" } ?? "application/octet-stream",
                                      contentBase64: Data(buffer: file.data).base64EncodedString())
        }
        let input = CreditBankAPIController.OutcomeInput(
            learnerId: nil, kind: form.kind, issuer: blank(form.issuer), title: form.title, code: blank(form.code), levelFramework: nil, level: nil, credits: nil,
            hours: hours, score: score, awardedOn: form.awardedOn, validUntil: blank(form.validUntil), field: nil, evidenceSHA256: nil, evidence: evidence)
        try req.content.encode(input, as: .json)
        guard numberErrors.isEmpty else { return try await accountPage(req, typed: typed, errors: numberErrors) }
        switch try await FormRefusal.attempt({ try await CreditBankAPIController.recordSubmission(req: req) }) {
        case .done(let submitted):
            return req.redirect(to: "/credit-bank/learners/\(req.parameters.get("id") ?? "")?submitted=\(submitted.decision.verdict.rawValue)")
        case .refused(let errors):
            return try await accountPage(req, typed: typed, errors: errors)
        }
    }

    @Sendable static func importForm(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard AccessPolicy.canImportCreditOutcomes(caller: caller.scope) else { throw AppError.forbidden }
        let l = Language(req)
        return .html(OutcomeImportPage(layout: PageLayout(title: l.t("学习成果批量推送", "Push outcomes in bulk"), language: l, caller: caller), result: nil, errors: []).render())
    }

    struct ImportForm: Content {
        var file: File
    }

    /// Reads the uploaded sheet into outcomes and imports them through the API's checks.
    @Sendable static func importFile(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        let l = Language(req)
        let layout = PageLayout(title: l.t("学习成果批量推送", "Push outcomes in bulk"), language: l, caller: caller)
        let upload = try req.content.decode(ImportForm.self)
        let table: Table
        do { table = try TableReader.read(Data(buffer: upload.file.data), limits: UploadLimits.spreadsheet) } catch {
            return .html(OutcomeImportPage(layout: layout, result: nil, errors: [(1, "file", l.t("无法读取文件（需要 CSV 或 XLSX）", "cannot read the file (CSV or XLSX needed)"))]).render())
        }
        // Header cells to field names (Chinese or English).
        let fields: [String?] = table.header.map { h in
            let t = h.trimmingCharacters(in: .whitespaces)
            return OutcomeImportPage.columns.first { $0.zh == t || $0.field.caseInsensitiveCompare(t) == .orderedSame }?.field
        }
        var outcomes: [CreditBankAPIController.OutcomeInput] = []
        for row in table.rows {
            var v: [String: String] = [:]
            for (i, cell) in row.enumerated() where i < fields.count {
                if let f = fields[i], !cell.trimmingCharacters(in: .whitespaces).isEmpty { v[f] = cell.trimmingCharacters(in: .whitespaces) }
            }
            outcomes.append(.init(learnerId: v["learnerId"].flatMap(UUID.init(uuidString:)), kind: v["kind"] ?? "", issuer: v["issuer"], title: v["title"] ?? "",
                                  code: v["code"], levelFramework: v["levelFramework"], level: v["level"].flatMap(Int.init), credits: v["credits"],
                                  hours: v["hours"].flatMap(Int.init), score: v["score"].flatMap(Int.init), awardedOn: v["awardedOn"] ?? "",
                                  validUntil: v["validUntil"], field: v["field"], evidenceSHA256: nil, evidence: nil))
        }
        try req.content.encode(CreditBankAPIController.ImportRequest(outcomes: outcomes), as: .json)
        do {
            let result = try await CreditBankAPIController.importOutcomes(req: req)
            return .html(OutcomeImportPage(layout: layout, result: result, errors: []).render())
        } catch AppError.importRejected(let rows) {
            return .html(OutcomeImportPage(layout: layout, result: nil, errors: rows.map { (Table.spreadsheetRow(ofDataIndex: $0.row - 1), $0.column, $0.error.message) }).render())
        } catch AppError.validation(let errors) {
            return .html(OutcomeImportPage(layout: layout, result: nil, errors: errors.map { (1, $0.field, $0.message) }).render())
        }
    }

    @Sendable static func rules(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        let sql = try CreditBankAPIController.sql(req)
        let documents = try await sql.select().columns("kind", "code", "body").from("credit_rules").where("kind", .notEqual, CreditRuleKind.alignment.rawValue)
            .orderBy("kind").orderBy("code").all().map { (try $0.decode(column: "kind", as: String.self), try $0.decode(column: "code", as: String.self), try $0.decode(column: "body", as: String.self)) }
        let alignment = try await CreditRuleStore(sql: sql).alignment(default: req.services.frameworks.alignment)
        let l = Language(req)
        let layout = PageLayout(title: l.t("学分银行规则", "Credit-bank rules"), language: l, caller: caller)
        return .html(CreditRulesPage(layout: layout, documents: documents, alignment: alignment, canEdit: AccessPolicy.canEditCreditRules(caller: caller.scope),
                                     message: req.query[String.self, at: "saved"].map { l.t("已保存 \($0)", "Saved \($0)") }).render())
    }

    struct RuleForm: Content {
        var kind: String
        var code: String
        var body: String
    }

    @Sendable static func saveRule(req: Request) async throws -> Response {
        let form = try req.content.decode(RuleForm.self)
        try await CreditBankAPIController.putRule(req, kindText: form.kind, code: form.code, body: Data(form.body.utf8))
        return req.redirect(to: "/credit-bank/rules?saved=\(form.code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
    }
}
