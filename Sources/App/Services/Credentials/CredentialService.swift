import CreditBank
import Credentials
import Foundation
import LearningRecords
import Registry
import SQLKit

/// Issues credentials from learners' accounts, changes their status, publishes the status
/// lists and verifies what anyone pastes — the one place the API, the pages and the commands
/// go through.
package struct CredentialService: Sendable {
    let sql: any SQLDatabase
    let vault: PersonalDataVault
    let issuer: IssuerIdentity

    /// The memberwise initialiser, spelled out for the package's benchmarks.
    package init(sql: any SQLDatabase, vault: PersonalDataVault, issuer: IssuerIdentity) {
        self.sql = sql
        self.vault = vault
        self.issuer = issuer
    }

    var keys: IssuerKeyStore { IssuerKeyStore(sql: sql, vault: vault, issuer: issuer) }
    var store: IssuedCredentialStore { IssuedCredentialStore(sql: sql) }
    var statusBaseURL: String { issuer.baseURL + "/credentials/status" }

    static func subjectID(_ learner: UUID) -> String { "urn:uuid:" + learner.uuidString.lowercased() }

    /// Issues one credential. `subject` names the outcome (its id) or the qualification (its
    /// code); a transcript needs none. Refused, with the reason, when the account does not
    /// support it: an outcome not recognised, a qualification not yet earned.
    func issue(learner: UUID, kind: IssuedCredential.Kind, subject: String?, actor: String, now: Date = Date()) async throws -> IssuedCredential {
        let account = try await CreditLedgerStore(sql: sql).account(learner)
        let id = UUID()
        let index = try await store.freeIndex()
        let status = CredentialStatusEntry(listBaseURL: statusBaseURL, index: index)
        let subjectID = Self.subjectID(learner)
        // The name the credit bank holds for the learner, as the credential will state it.
        let holderName = try await CreditLearners(sql: sql, vault: vault).learner(learner)?.name
        let document: JSONValue
        let titleZh: String, titleEn: String
        var validUntil: Date?
        var subjectRef = subject
        switch kind {
        case .outcome:
            let outcome = try recognisedOutcome(subject, in: account)
            let claim = CredentialContent.outcomeClaim(outcome, account: account, issuer: issuer)
            validUntil = outcome.validUntil.flatMap(CredentialContent.endOfDay)
            let earned = CredentialContent.credits(of: outcome.id, in: account)
            document = CredentialDocument.openBadge(id: id, issuer: issuer, subjectID: subjectID, achievement: claim, validFrom: now, validUntil: validUntil,
                                                    status: status, creditsEarned: earned.tenths > 0 ? Double(earned.tenths) / 10 : nil,
                                                    activityEndDate: CredentialContent.noon(outcome.awardedOn), holderName: holderName)
            (titleZh, titleEn, subjectRef) = (claim.nameZh, claim.nameEn, outcome.id.uuidString)
        case .qualification:
            let qualification = try await earnedQualification(subject, account: account, now: now)
            let claim = CredentialContent.qualificationClaim(qualification, issuer: issuer)
            document = CredentialDocument.openBadge(id: id, issuer: issuer, subjectID: subjectID, achievement: claim, validFrom: now, validUntil: nil,
                                                    status: status, creditsEarned: Double(account.totalCredits.tenths) / 10, holderName: holderName)
            (titleZh, titleEn) = (claim.nameZh, claim.nameEn)
        case .transcript:
            let recognised = Self.recognisedOutcomes(in: account)
            guard !recognised.isEmpty else {
                throw AppError.validation([FieldError(field: "kind", zh: "账户中还没有已认定的学习成果，无法生成成绩单", en: "the account has no recognised outcome to put on a transcript")])
            }
            let parts = recognised.map { outcome in
                CredentialDocument.openBadge(id: UUID(), issuer: issuer, subjectID: subjectID, achievement: CredentialContent.outcomeClaim(outcome, account: account, issuer: issuer),
                                             validFrom: now, validUntil: outcome.validUntil.flatMap(CredentialContent.endOfDay), status: nil,
                                             creditsEarned: Double(CredentialContent.credits(of: outcome.id, in: account).tenths) / 10,
                                             activityEndDate: CredentialContent.noon(outcome.awardedOn), holderName: holderName)
            }
            document = CredentialDocument.clr(id: id, issuer: issuer, subjectID: subjectID, nameZh: "学分银行成绩单（\(recognised.count) 项成果，\(account.totalCredits) 学分）",
                                              nameEn: "Credit bank transcript (\(recognised.count) outcomes, \(account.totalCredits) credits)",
                                              achievements: parts, validFrom: now, status: status)
            (titleZh, titleEn, subjectRef) = ("学分银行成绩单", "Credit bank transcript", nil)
        }
        let key: IssuerSigningKey
        do { key = try await keys.activeKey() } catch is IssuerKeyStore.KeyStoreError {
            throw AppError.conflict(FieldError(field: "issuerKey", zh: "平台尚未生成签发密钥（运行 zhijiao credentials keygen）", en: "the platform has no signing key yet (run zhijiao credentials keygen)"))
        }
        let jwt = try CompactJWS.sign(payload: CredentialDocument.jwtPayload(document), with: key)
        let issued = IssuedCredential(id: id, learnerId: learner, kind: kind, subjectRef: subjectRef, titleZh: titleZh, titleEn: titleEn, statusIndex: index,
                                      kid: key.publicKey.kid, jwt: jwt, issuedAt: now, validUntil: validUntil, status: .active, issuedBy: actor)
        try await store.insert(issued)
        let learnerName = try await PlatformRecords.learnerNames(creditLearners: [learner], on: sql)[learner] ?? learner.uuidString.lowercased()
        try await PlatformRecords.record([PlatformEvent(kind: .credentialIssued(credentialID: id, title: titleZh, kind: kind.rawValue), learner: learnerName, at: now)], on: sql)
        return issued
    }

    /// The recognised outcomes, oldest first: what a transcript holds and the default outcome.
    static func recognisedOutcomes(in account: CreditAccount) -> [LearningOutcome] {
        account.outcomes.values.filter { account.status[$0.id] == .recognised }.sorted { ($0.awardedOn, $0.id.uuidString) < ($1.awardedOn, $1.id.uuidString) }
    }

    private func recognisedOutcome(_ subject: String?, in account: CreditAccount) throws -> LearningOutcome {
        let recognised = Self.recognisedOutcomes(in: account)
        guard let subject else {
            guard let first = recognised.first else {
                throw AppError.validation([FieldError(field: "subject", zh: "账户中没有已认定的学习成果", en: "the account has no recognised outcome")])
            }
            return first
        }
        guard let id = UUID(uuidString: subject), let outcome = account.outcomes[id] else {
            throw AppError.validation([FieldError(field: "subject", zh: "该学习者没有此学习成果", en: "no such outcome in this learner's account")])
        }
        guard account.status[id] == .recognised else {
            throw AppError.validation([FieldError(field: "subject", zh: "该成果尚未认定（\(account.status[id]?.rawValue ?? "submitted")），不能签发凭证",
                                                  en: "the outcome is not recognised (\(account.status[id]?.rawValue ?? "submitted")); nothing to certify")])
        }
        return outcome
    }

    private func earnedQualification(_ subject: String?, account: CreditAccount, now: Date) async throws -> Qualification {
        let qualifications = try await CreditRuleStore(sql: sql).all(.qualification, as: Qualification.self)
        guard let subject, let qualification = qualifications.first(where: { $0.id == subject }) else {
            throw AppError.validation([FieldError(field: "subject", zh: "未找到该资历（应为资历代码）", en: "no such qualification (give its code)")])
        }
        let result = AwardEvaluator(qualifications: [qualification]).evaluate(account.units, on: CivilDate(date: now))
        if let missing = result.first?.missing, !missing.isEmpty {
            throw AppError.validation([FieldError(field: "subject", zh: "尚未达到资历要求：" + missing.map(\.textZh).joined(separator: "；"),
                                                  en: "the qualification is not yet earned: " + missing.map(\.textEn).joined(separator: "; "))])
        }
        return qualification
    }

    /// Revoke (final), suspend, or reinstate a suspended credential; each logged with its reason.
    func changeStatus(_ id: UUID, action: String, reason: String, actor: String) async throws -> IssuedCredential {
        guard let credential = try await store.find(id) else { throw AppError.notFound }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw AppError.validation([.required("reason")]) }
        guard reason.count <= 500 else { throw AppError.validation([.tooLong("reason", max: 500)]) }
        let target: IssuedCredential.Status
        switch (action, credential.status) {
        case ("revoke", .active), ("revoke", .suspended): target = .revoked
        case ("suspend", .active): target = .suspended
        case ("reinstate", .suspended): target = .active
        case ("revoke", _), ("suspend", _), ("reinstate", _):
            throw AppError.conflict(FieldError(field: "action", zh: "凭证当前为“\(credential.status.labelZh)”，不能\(action)",
                                               en: "the credential is \(credential.status.rawValue); cannot \(action)"))
        default:
            throw AppError.validation([FieldError(field: "action", zh: "应为 revoke、suspend 或 reinstate", en: "must be revoke, suspend or reinstate")])
        }
        try await store.setStatus(id, to: target, action: action, reason: reason, actor: actor)
        var changed = credential
        changed.status = target
        return changed
    }

    /// The signed status list for one purpose, fresh each time it is asked for.
    func statusList(_ purpose: CredentialStatusEntry.Purpose, now: Date = Date()) async throws -> String {
        let key: IssuerSigningKey
        do { key = try await keys.activeKey() } catch is IssuerKeyStore.KeyStoreError { throw AppError.notFound }
        return try StatusListCredential.signed(listURL: statusBaseURL + "/" + purpose.rawValue, purpose: purpose, bits: try await store.bits(purpose),
                                               issuer: issuer, key: key, now: now)
    }

    /// Verifies what someone handed in — a JWT, JSON, or a baked PNG/SVG; input in which no
    /// credential can be found gets a report naming why.
    func verify(input: Data, now: Date = Date()) async throws -> VerificationReport {
        let token: String
        do { token = try CredentialInput.token(from: input) } catch { return .unreadable(error) }
        return try await verify(token, now: now)
    }

    /// Verifies a token against this platform's published keys and its own status lists.
    package func verify(_ token: String, now: Date = Date()) async throws -> VerificationReport {
        let verifier = CredentialVerifier(issuers: [issuer.did: try await keys.publicKeys()], now: now)
        let revoked = try await store.indexes(.revocation), suspended = try await store.indexes(.suspension)
        let base = statusBaseURL
        return verifier.verify(token) { url, index throws(VerificationFailure) in
            switch url {
            case base + "/revocation": revoked.contains(index)
            case base + "/suspension": suspended.contains(index)
            default: throw .statusUnavailable(url)
            }
        }
    }
}
