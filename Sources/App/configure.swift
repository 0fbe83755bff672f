import Fluent
import Matching
import FluentPostgresDriver
import FluentSQLiteDriver
import CreditBank
import Indicators
import Registry
import SQLiteNIO
import Vapor

/// Wires storage, services, migrations, commands and routes, in that order.
///
/// - Parameters:
///   - storage: SQLite file or PostgreSQL; tests pass their own.
///   - dataKey: base64 master key for personal data; `ZHIJIAO_DATA_KEY` when nil.
public func configure(_ app: Application, storage: StorageConfiguration = .fromEnvironment(), dataKey: String? = Environment.get("ZHIJIAO_DATA_KEY")) async throws {
    switch storage {
    case .sqlite(let path):
        app.databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 1, connectionPoolTimeout: .seconds(30)), as: .sqlite)
    case .postgres(let url):
        var config = try SQLPostgresConfiguration(url: url)
        if !url.contains("sslmode") { config.coreConfiguration.tls = .disable }
        app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: 4), as: .psql)
    }

    // bcrypt cost 12 in production; tests use the minimum to stay quick (still real bcrypt).
    let cost = app.environment == .testing ? 4 : 12
    app.passwords.use(.bcrypt(cost: cost))

    var settings = SecuritySettings()
    settings.secureCookies = Environment.get("ZHIJIAO_INSECURE_COOKIES") != "1"
    let vault = try PersonalDataVault.load(environmentValue: dataKey, keyPath: storage.defaultKeyPath)
    let catalog = try ReferenceCatalog.load(cityCode: Environment.get("ZHIJIAO_CITY") ?? "4403")
    let decoy = try await app.password.async.hash(TokenDigest.newToken())
    app.services = AppServices(vault: vault, catalog: catalog, audit: AuditLog(), throttle: SignInThrottle(), settings: settings, decoyPasswordHash: decoy,
                                   indicators: try IndicatorCatalogue.bundled(), workList: try WorkList.bundled(),
                                   frameworks: try FrameworkCatalogue.bundled())
    if let rounding = Environment.get("ZHIJIAO_QUOTA_ROUNDING").flatMap(InternshipQuota.Rounding.init(rawValue:)) {
        app.services.internshipQuota.rounding = rounding
    }

    app.migrations.add(Migrations.all)
    try await app.autoMigrate()
    if storage.isSQLite { try await StorageSelfCheck.sqlite(app.db) }
    try await ReferenceSeeder.seedPolicyInstitutions(app)
    let arguments = CommandLine.arguments.dropFirst()
    let serving = arguments.isEmpty || arguments.first == "serve"
    if app.environment != .testing, serving, Environment.get("ZHIJIAO_DEMO") != "0" {
        try await DemoSeeder.seedIfEmpty(app)
    }

    // Clients (and the tests) read problem bodies like any JSON.
    ContentConfiguration.global.use(decoder: JSONDecoder(), for: .problemJSON)
    app.routes.defaultMaxBodySize = "10mb"
    app.middleware = .init()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(PageErrorMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: try Resources.publicDirectory(), defaultFile: nil))
    app.middleware.use(CallerAuthenticator())

    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(OpenAPICommand(), as: "openapi")
    app.asyncCommands.use(CreateUserCommand(), as: "create-user")
    app.asyncCommands.use(MatchInternshipsCommand(), as: "match-internships")
    app.asyncCommands.use(CredentialsCommand(), as: "credentials")

    try routes(app)
}
