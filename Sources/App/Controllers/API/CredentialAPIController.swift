import Fluent
import Credentials
import Foundation
import Registry
import SQLKit
import Vapor

/// `/api/v1/…credentials…`: issuing credentials to learners, their status, downloads in every
/// form, and public verification.
enum CredentialAPIController {
    static func service(_ req: Request) throws -> CredentialService {
        CredentialService(sql: try CreditBankAPIController.sql(req), vault: req.services.vault, issuer: req.services.issuer)
    }

    /// The service on `db`, the transaction a change and its audit row share.
    static func service(_ req: Request, on db: any Database) throws -> CredentialService {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
        return CredentialService(sql: sql, vault: req.services.vault, issuer: req.services.issuer)
    }

    struct CredentialLine: Content {
        var id: UUID
        var learnerId: UUID
        var kind: String
        var subjectRef: String?
        var titleZh: String
        var titleEn: String
        var status: String
        var issuedAt: Date
        var validUntil: Date?
        var kid: String
        var verifyUrl: String

        init(_ c: IssuedCredential, issuer: IssuerIdentity) {
            id = c.id
            learnerId = c.learnerId
            kind = c.kind.rawValue
            subjectRef = c.subjectRef
            titleZh = c.titleZh
            titleEn = c.titleEn
            status = c.status.rawValue
            issuedAt = c.issuedAt
            validUntil = c.validUntil
            kid = c.kid
            verifyUrl = issuer.baseURL + "/verify/" + c.id.uuidString.lowercased()
        }
    }

    struct IssuedBody: Content {
        var credential: CredentialLine
        var jwt: String
    }

    struct CredentialDetail: Content {
        var credential: CredentialLine
        var jwt: String
        var document: JSONValue
        var changes: [IssuedCredentialStore.StatusChange]
    }

    struct IssueRequest: Content {
        var kind: String
        var subject: String?
    }

    /// The access-policy action that issuing `kind` is.
    static func action(_ kind: IssuedCredential.Kind) -> CreditBankAction {
        kind == .qualification ? .issueQualificationCredential : .issueOutcomeCredential
    }

    /// Who may issue which credential: an outcome credential or a transcript the learner
    /// themself, the city and reviewers; a qualification only the issuing authority (the city,
    /// reviewers) — never on the learner's own request (403). A learner outside the caller's
    /// scope answers 404.
    static func mayIssue(_ req: Request, learner: UUID, kind: IssuedCredential.Kind) async throws {
        let caller = try req.requireCaller()
        guard AccessPolicy.mayUseCreditBank(action(kind), caller: caller.scope) else { throw AppError.forbidden }
        guard try await CreditBankAPIController.learners(req).canAct(action(kind), on: learner, caller: caller.scope) else { throw AppError.notFound }
    }

    /// `POST /credit-bank/learners/{id}/credentials`: issue a signed credential.
    @Sendable static func issue(req: Request) async throws -> Response {
        let learner = try await CreditBankAPIController.viewableLearner(req)
        try req.checkDocumentedBody()
        let body = try req.content.decode(IssueRequest.self)
        guard let kind = IssuedCredential.Kind(rawValue: body.kind) else {
            throw AppError.validation([FieldError(field: "kind", zh: "应为 outcome、qualification 或 transcript", en: "must be outcome, qualification or transcript")])
        }
        if let subject = body.subject, subject.count > 100 { throw AppError.validation([.tooLong("subject", max: 100)]) }
        let issued = try await issueAudited(req, learner: learner, kind: kind, subject: body.subject)
        return try await IssuedBody(credential: CredentialLine(issued, issuer: req.services.issuer), jwt: issued.jwt).encodeResponse(status: .created, for: req)
    }

    /// Issues for the caller, after the issuing check, and audits it: the API and the account
    /// page both come here.
    static func issueAudited(_ req: Request, learner: UUID, kind: IssuedCredential.Kind, subject: String?) async throws -> IssuedCredential {
        let caller = try req.requireCaller()
        try await mayIssue(req, learner: learner, kind: kind)
        return try await req.audited { tx in
            let issued = try await service(req, on: tx).issue(learner: learner, kind: kind, subject: subject, actor: caller.auditName)
            return (issued, req.auditEntry(action: "issue_credential", entity: "issued_credentials", recordID: issued.id.uuidString, detail: "\(kind.rawValue): \(issued.titleZh)"))
        }
    }

    /// `GET /credit-bank/learners/{id}/credentials`: what has been issued to a learner.
    @Sendable static func list(req: Request) async throws -> [CredentialLine] {
        let learner = try await CreditBankAPIController.viewableLearner(req)
        return try await service(req).store.list(learner: learner).map { CredentialLine($0, issuer: req.services.issuer) }
    }

    /// The credential in the path, after the access check.
    static func viewable(_ req: Request) async throws -> IssuedCredential {
        let caller = try req.requireCaller()
        guard AccessPolicy.mayUseCreditBank(.read, caller: caller.scope) else { throw AppError.forbidden }
        guard let id = req.parameters.get("id", as: UUID.self), let credential = try await service(req).store.find(id) else { throw AppError.notFound }
        guard try await CreditBankAPIController.learners(req).canView(credential.learnerId, caller: caller.scope) else { throw AppError.notFound }
        return credential
    }

    /// `GET /credentials/{id}`: the credential, its VC-JWT and decoded document, its status log.
    @Sendable static func show(req: Request) async throws -> CredentialDetail {
        let credential = try await viewable(req)
        let document = (try? CompactJWS.parse(credential.jwt).payload) ?? .null
        return CredentialDetail(credential: CredentialLine(credential, issuer: req.services.issuer), jwt: credential.jwt, document: document,
                                changes: try await service(req).store.changes(credential.id))
    }

    /// The forms a learner can take a credential away in.
    enum DownloadForm: String, CaseIterable {
        case jwt, json, png, svg, html
    }

    /// `GET /credentials/{id}/download?format=jwt|json|png|svg|html`.
    @Sendable static func download(req: Request) async throws -> Response {
        let credential = try await viewable(req)
        let raw = (try? req.query.get(String.self, at: "format")) ?? "jwt"
        guard let form = DownloadForm(rawValue: raw) else {
            throw AppError.validation([.notInList("format", value: raw, list: DownloadForm.allCases.map(\.rawValue).joined(separator: "/"))])
        }
        let base = "zhijiao-credential-" + credential.id.uuidString.lowercased().prefix(8)
        let (data, type, ext): (Data, String, String)
        switch form {
        case .jwt: (data, type, ext) = (Data(credential.jwt.utf8), "application/vc+jwt", "jwt")
        case .json: (data, type, ext) = (CredentialInput.envelope(credential.jwt).serialized(pretty: true), "application/json", "json")
        case .png: (data, type, ext) = (try PNGBaking.bake(credential.jwt, into: try PNGBaking.badgeImage()), "image/png", "png")
        case .svg: (data, type, ext) = (Data(SVGBaking.badge(titleZh: credential.titleZh, titleEn: credential.titleEn, token: credential.jwt).utf8), "image/svg+xml", "svg")
        case .html:
            let learner = try await CreditBankAPIController.learners(req).learner(credential.learnerId)
            let report = try await service(req).verify(credential.jwt)
            let html = CredentialPrintPage(credential: credential, learnerName: learner?.name ?? "", report: report, issuer: req.services.issuer).render()
            (data, type, ext) = (Data(html.utf8), "text/html; charset=utf-8", "html")
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: type)
        if form != .html { headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(base).\(ext)\"") }
        try await req.audit(req.auditEntry(action: "download_credential", entity: "issued_credentials", recordID: credential.id.uuidString, detail: form.rawValue))
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    struct StatusRequest: Content {
        var action: String
        var reason: String
    }

    /// `POST /credentials/{id}/status`: revoke, suspend or reinstate, with a reason (city, reviewers).
    @Sendable static func changeStatus(req: Request) async throws -> CredentialLine {
        CredentialLine(try await changeStatusAudited(req), issuer: req.services.issuer)
    }

    /// The credential in the path revoked, suspended or reinstated by the city or a reviewer,
    /// and audited; the API (JSON) and the account page (form) both come here.
    static func changeStatusAudited(_ req: Request) async throws -> IssuedCredential {
        let caller = try req.requireCaller()
        guard AccessPolicy.canChangeCredentialStatus(caller: caller.scope) else { throw AppError.forbidden }
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        try req.checkDocumentedBody()
        let body = try req.content.decode(StatusRequest.self)
        return try await req.audited { tx in
            let changed = try await service(req, on: tx).changeStatus(id, action: body.action, reason: body.reason, actor: caller.auditName)
            return (changed, req.auditEntry(action: body.action + "_credential", entity: "issued_credentials", recordID: id.uuidString, detail: body.reason))
        }
    }

    struct CheckLine: Content {
        var name: String
        var outcome: String
        var zh: String
        var en: String
    }

    struct FailureLine: Content {
        var code: String
        var zh: String
        var en: String
    }

    struct VerifyResult: Content {
        var verified: Bool
        var checks: [CheckLine]
        var failure: FailureLine?
        var kid: String?
        /// The holder's name as the credential states it, when it verified.
        var holderName: String?
        var credential: JSONValue?

        init(_ report: VerificationReport) {
            verified = report.verified
            checks = report.checks.map { CheckLine(name: $0.name.rawValue, outcome: $0.outcome.rawValue, zh: $0.zh, en: $0.en) }
            failure = report.failure.map { FailureLine(code: $0.code, zh: $0.zh, en: $0.en) }
            kid = report.kid
            holderName = report.holderName
            credential = report.credential
        }
    }

    struct VerifyRequest: Content {
        /// As the document says: longer is no credential this platform issues.
        static let maximumLength = 1_000_000
        var credential: String
    }

    /// `POST /credentials/verify` (public): a JWT, JSON, or a baked PNG/SVG — as JSON
    /// `{"credential": "…"}` or as the raw file.
    @Sendable static func verify(req: Request) async throws -> VerifyResult {
        let data: Data
        if req.headers.contentType == .json {
            try req.checkDocumentedBody()
            let credential = try req.content.decode(VerifyRequest.self).credential
            guard credential.count <= VerifyRequest.maximumLength else {
                throw AppError.validation([.tooLong("credential", max: VerifyRequest.maximumLength)])
            }
            data = Data(credential.utf8)
        } else {
            guard let buffer = req.body.data, buffer.readableBytes > 0 else {
                throw AppError.validation([.required("credential")])
            }
            data = Data(buffer: buffer)
        }
        return VerifyResult(try await service(req).verify(input: data))
    }
}
