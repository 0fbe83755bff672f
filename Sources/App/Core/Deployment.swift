import Foundation
import Vapor

/// How this process is deployed. `swift run zhijiao serve` is development: SQLite, the demo
/// city, a generated data key. `--env production` (or `ZHIJIAO_ENV=production`) is for a real
/// city: no demo data and no known password ever, a public address and a data key handed in,
/// PostgreSQL over TLS unless the URL says otherwise.
public struct Deployment: Sendable {
    public var isProduction: Bool
    /// The address users reach the platform at; names the issuer DID of every credential.
    public var publicURL: String
    /// `/metrics` in Prometheus text format: off unless `ZHIJIAO_METRICS` is `1` (open to
    /// loopback callers only) or a bearer token a scraper must send.
    public var metrics: MetricsAccess
    /// Reverse proxies whose `X-Forwarded-For` is believed (`ZHIJIAO_TRUSTED_PROXIES`, comma
    /// separated addresses); from anyone else the header is ignored.
    public var trustedProxies: Set<String>
    /// One structured line per request (`ZHIJIAO_REQUEST_LOG=0` turns it off).
    public var requestLog: Bool

    public enum MetricsAccess: Sendable, Equatable {
        case off
        case loopbackOnly
        case bearer(String)
    }

    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    static let developmentURL = "http://localhost:8080"

    /// Reads the settings for `environment`; in production refuses what would be unsafe.
    public static func from(_ environment: Environment, variables: [String: String] = ProcessInfo.processInfo.environment) throws -> Deployment {
        let production = environment == .production
        let url = variables["ZHIJIAO_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if production && url == nil {
            throw Refusal(description: "production needs ZHIJIAO_PUBLIC_URL (the https:// address users reach the platform at; it names the issuer of every credential) / 生产环境必须设置 ZHIJIAO_PUBLIC_URL")
        }
        let metrics: MetricsAccess
        switch variables["ZHIJIAO_METRICS"] ?? "" {
        case "", "0": metrics = .off
        case "1": metrics = .loopbackOnly
        case let token where token.count >= 16: metrics = .bearer(token)
        default:
            throw Refusal(description: "ZHIJIAO_METRICS must be 0, 1 (loopback only) or a bearer token of at least 16 characters")
        }
        let proxies = Set((variables["ZHIJIAO_TRUSTED_PROXIES"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        return Deployment(isProduction: production, publicURL: url ?? developmentURL, metrics: metrics, trustedProxies: proxies,
                          requestLog: variables["ZHIJIAO_REQUEST_LOG"] != "0")
    }

    /// The Vapor environment for a command line: `--env`/`-e`, else `ZHIJIAO_ENV`, else
    /// `VAPOR_ENV`, else development. Also maps `zhijiao match internships …` onto the command
    /// registered as `match-internships`.
    public static func environment(arguments: [String], variables: [String: String] = ProcessInfo.processInfo.environment) throws -> Environment {
        var arguments = arguments
        if arguments.count >= 3, arguments[1] == "match", arguments[2] == "internships" {
            arguments = [arguments[0], "match-internships"] + arguments.dropFirst(3)
        }
        let named = arguments.contains { $0 == "--env" || $0 == "-e" || $0.hasPrefix("--env=") }
        if !named, let name = variables["ZHIJIAO_ENV"], !name.isEmpty {
            arguments += ["--env", name]
        }
        return try Environment.detect(arguments: arguments)
    }
}

extension Application {
    private struct DeploymentKey: StorageKey { typealias Value = Deployment }

    /// Set by `configure`.
    public var deployment: Deployment {
        get { storage[DeploymentKey.self] ?? Deployment(isProduction: false, publicURL: Deployment.developmentURL, metrics: .off, trustedProxies: [], requestLog: false) }
        set { storage[DeploymentKey.self] = newValue }
    }
}
