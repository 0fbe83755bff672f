import CreditBank
import Foundation
import SQLKit
import Vapor

/// `/credit-bank…` pages: a learner's account, the reviewers' queue and their decisions.
enum CreditBankPageController {
    /// A learner lands on their own account; reviewers and the city on the queue.
    @Sendable static func home(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        if caller.scope.role == .learner {
            guard let own = try await CreditBankAPIController.learners(req).own(caller.scope) else { throw AppError.notFound }
            return req.redirect(to: "/credit-bank/learners/\(own.uuidString)")
        }
        return req.redirect(to: "/credit-bank/reviews")
    }

    @Sendable static func account(req: Request) async throws -> Response {
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
        return .html(CreditAccountPage(layout: layout, account: account, awards: awards, programs: programs, transfer: transfer).render())
    }

    @Sendable static func reviews(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        let queue = try await CreditBankAPIController.reviews(req: req)
        let l = Language(req)
        let layout = PageLayout(title: l.t("学习成果认定审核", "Recognition reviews"), language: l, caller: caller)
        return .html(ReviewQueuePage(layout: layout, queue: queue).render())
    }

    struct DecisionForm: Content {
        var verdict: String
        var reasonZh: String
        var unitCode: String?
        var credits: String?
        var hubLevel: Int?
    }

    @Sendable static func decide(req: Request) async throws -> Response {
        let form = try req.content.decode(DecisionForm.self)
        var units: [CreditBankAPIController.GrantInput]?
        if form.verdict == "recognised", let code = form.unitCode, !code.isEmpty {
            units = [.init(unitCode: code, credits: form.credits ?? "", hubLevel: form.hubLevel ?? 0, field: nil)]
        }
        try req.content.encode(CreditBankAPIController.DecisionInput(verdict: form.verdict, reasonZh: form.reasonZh, reasonEn: nil, units: units), as: .json)
        _ = try await CreditBankAPIController.decide(req: req)
        return req.redirect(to: "/credit-bank/reviews")
    }
}
