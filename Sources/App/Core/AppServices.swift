import CreditBank
import Credentials
import Indicators
import Matching
import Registry
import Vapor

/// Long-lived services the app builds once in `configure` and every request shares.
package struct AppServices: Sendable {
    package let vault: PersonalDataVault
    package let catalog: ReferenceCatalog
    let audit: AuditLog
    let throttle: SignInThrottle
    /// At most 30 identity reveals per caller an hour.
    let revealLimiter = RevealLimiter()
    /// The current quarter's indicator facts, measured again only after an audited change.
    let indicatorFacts = IndicatorFactsCache()
    let librarySearchIndex = LibrarySearchIndexCache()
    let settings: SecuritySettings
    /// A bcrypt hash of a random secret, verified when a username is unknown so that both
    /// kinds of failed sign-in cost the same time.
    let decoyPasswordHash: String
    /// The internship quota rule: 2 % rounded up unless `ZHIJIAO_QUOTA_ROUNDING` says otherwise.
    package var internshipQuota = InternshipQuota()
    /// The policy's indicators and work lists (bundled data made from the seed).
    package let indicators: IndicatorCatalogue
    let workList: WorkList
    /// Qualifications frameworks and the default level alignment.
    let frameworks: FrameworkCatalogue
    /// Who signs credentials: the platform's did:web DID, from `ZHIJIAO_PUBLIC_URL`.
    package var issuer: IssuerIdentity
}

/// Session and cookie policy (ASVS 5.0 3.3, 7.x).
struct SecuritySettings: Sendable {
    /// `__Host-` prefixed and Secure unless `ZHIJIAO_INSECURE_COOKIES=1` (plain-HTTP set-ups that
    /// are not localhost; browsers accept Secure cookies on http://localhost and 127.0.0.1).
    var secureCookies = true
    var idleTimeout: TimeInterval = 30 * 60
    var absoluteLifetime: TimeInterval = 12 * 3600
    var apiTokenLifetime: TimeInterval = 30 * 24 * 3600

    var cookieName: String { secureCookies ? "__Host-zhijiao" : "zhijiao" }
}

extension Application {
    private struct ServicesKey: StorageKey { typealias Value = AppServices }

    package internal(set) var services: AppServices {
        get {
            guard let services = storage[ServicesKey.self] else { fatalError("configure(_:) has not run") }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var services: AppServices { application.services }
}
