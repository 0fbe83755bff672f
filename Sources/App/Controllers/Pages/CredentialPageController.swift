import Credentials
import Foundation
import Registry
import Vapor

/// Pages for credentials: issuing and changing status from the account page, printing, and
/// the public verification page (paste, upload, or open from a certificate's QR code).
enum CredentialPageController {
    struct IssueForm: Content {
        var what: String
    }

    /// `POST /credit-bank/learners/{id}/credentials`: `what` is `outcome:ID`, `qualification:CODE` or `transcript:`.
    @Sendable static func issue(req: Request) async throws -> Response {
        let learner = try await CreditBankAPIController.viewableLearner(req)
        let form = try req.content.decode(IssueForm.self)
        let parts = form.what.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let kind = parts.first.flatMap(IssuedCredential.Kind.init(rawValue:)) else { throw AppError.badRequest(zh: "未知的凭证类型", en: "unknown credential kind") }
        let subject = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
        _ = try await CredentialAPIController.issueAudited(req, learner: learner, kind: kind, subject: subject)
        return req.redirect(to: "/credit-bank/learners/\(learner.uuidString)#credentials-panel")
    }

    /// `POST /credentials/{id}/status` (city, reviewers).
    @Sendable static func changeStatus(req: Request) async throws -> Response {
        let changed = try await CredentialAPIController.changeStatusAudited(req)
        return req.redirect(to: "/credit-bank/learners/\(changed.learnerId.uuidString)#credentials-panel")
    }

    /// The account page's panel: issued credentials and what else could be issued.
    static func panel(_ req: Request, account: CreditBankAPIController.AccountBody, awards: [CreditBankAPIController.AwardLine]) async throws -> CredentialPanel {
        let caller = try req.requireCaller()
        let l = Language(req)
        let credentials = try await CredentialAPIController.service(req).store.list(learner: account.learner.id)
        let canIssue = try await CreditBankAPIController.learners(req).canAct(.issueOutcomeCredential, on: account.learner.id, caller: caller.scope)
        var issuable: [(value: String, label: String)] = account.outcomes.filter { $0.status == "recognised" }.map {
            ("outcome:\($0.id.uuidString)", l.t("学习成果：", "Outcome: ") + $0.title)
        }
        // A qualification is issued by the issuing authority only, never on a learner's request.
        if AccessPolicy.mayUseCreditBank(.issueQualificationCredential, caller: caller.scope) {
            issuable += awards.filter(\.eligible).map { ("qualification:\($0.qualification)", l.t("资历：", "Qualification: ") + l.t($0.nameZh, $0.nameEn)) }
        }
        if account.outcomes.contains(where: { $0.status == "recognised" }) { issuable.append(("transcript:", l.t("成绩单（全部已认定成果）", "Transcript (all recognised outcomes)"))) }
        return CredentialPanel(language: l, learnerID: account.learner.id.uuidString, csrf: caller.session?.csrfToken ?? "", credentials: credentials,
                               issuable: issuable, canIssue: canIssue, canChangeStatus: AccessPolicy.canChangeCredentialStatus(caller: caller.scope))
    }

    static func layout(_ req: Request) -> PageLayout {
        let l = Language(req)
        return PageLayout(title: l.t("凭证核验", "Verify a credential"), language: l, caller: req.auth.get(Caller.self))
    }

    /// `GET /verify` (public).
    @Sendable static func verifyForm(req: Request) async throws -> Response {
        .html(VerifyPage(layout: layout(req), report: nil).render())
    }

    struct VerifyForm: Content {
        var credential: String?
        var file: File?
    }

    /// `POST /verify` (public): pasted text or an uploaded file.
    @Sendable static func verifySubmit(req: Request) async throws -> Response {
        let form = try req.content.decode(VerifyForm.self)
        var data = Data()
        if let file = form.file, file.data.readableBytes > 0 { data = Data(buffer: file.data) } else if let text = form.credential { data = Data(text.utf8) }
        let report = try await CredentialAPIController.service(req).verify(input: data)
        return .html(VerifyPage(layout: layout(req), report: report).render())
    }

    /// `GET /verify/{id}` (public): what a certificate's QR code opens — the stored credential, verified now.
    @Sendable static func verifyStored(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let credential = try await CredentialAPIController.service(req).store.find(id) else { throw AppError.notFound }
        let report = try await CredentialAPIController.service(req).verify(credential.jwt)
        return .html(VerifyPage(layout: layout(req), report: report).render())
    }
}
