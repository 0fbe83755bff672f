import Fluent
import Matching
import FluentPostgresDriver
import FluentSQLiteDriver
import CreditBank
import Credentials
import Indicators
import Registry
import SQLiteNIO
import SQLKit
import Vapor

/// Wires storage, services, migrations, commands and routes, in that order.
///
/// - Parameters:
///   - storage: SQLite file or PostgreSQL; tests pass their own.
///   - dataKey: base64 master key for personal data; `ZHIJIAO_DATA_KEY` when nil.
///   - deployment: production or development settings; read from the environment when nil.
public func configure(_ app: Application, storage: StorageConfiguration = .fromEnvironment(), dataKey: String? = Environment.get("ZHIJIAO_DATA_KEY"),
                      deployment: Deployment? = nil) async throws {
    let deployment = try deployment ?? Deployment.from(app.environment)
    app.deployment = deployment
    switch storage {
    case .sqlite(let path):
        app.databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 1, connectionPoolTimeout: .seconds(30)), as: .sqlite)
        app.databasePool = DatabasePool(database: "sqlite", maximumConnections: app.eventLoopGroup.makeIterator().reduce(0) { n, _ in n + 1 })
    case .postgres(let url):
        var config = try SQLPostgresConfiguration(url: url)
        // Without a TLS setting in the URL: plain TCP for a development database on this
        // machine, TLS required (and verified) in production.
        if !PostgresURL.namesTLSMode(url) {
            config.coreConfiguration.tls = deployment.isProduction ? try .require(.init(configuration: .makeClientConfiguration())) : .disable
        }
        // Ledger writes queue behind one lock: a burst of them waits its turn rather than failing at the 10 s default.
        app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(30)), as: .psql)
        app.databasePool = DatabasePool(database: "postgresql", maximumConnections: 4 * app.eventLoopGroup.makeIterator().reduce(0) { n, _ in n + 1 })
    }

    // bcrypt cost 12 in production; tests use the minimum to stay quick (still real bcrypt).
    let cost = app.environment == .testing ? 4 : 12
    app.passwords.use(.bcrypt(cost: cost))

    var settings = SecuritySettings()
    settings.secureCookies = Environment.get("ZHIJIAO_INSECURE_COOKIES") != "1"
    let (vault, keySource) = try PersonalDataVault.load(environmentValue: dataKey, keyPath: storage.defaultKeyPath, mayGenerate: !deployment.isProduction)
    let catalog = try ReferenceCatalog.load(cityCode: Environment.get("ZHIJIAO_CITY") ?? "4403")
    let decoy = try await app.password.async.hash(TokenDigest.newToken())
    app.services = AppServices(vault: vault, catalog: catalog, audit: AuditLog(), throttle: SignInThrottle(), settings: settings, decoyPasswordHash: decoy,
                                   indicators: try IndicatorCatalogue.bundled(), workList: try WorkList.bundled(),
                                   frameworks: try FrameworkCatalogue.bundled(), issuer: IssuerIdentity(baseURL: deployment.publicURL))
    if let rounding = Environment.get("ZHIJIAO_QUOTA_ROUNDING").flatMap(InternshipQuota.Rounding.init(rawValue:)) {
        app.services.internshipQuota.rounding = rounding
    }

    app.statementGroupCommit = StatementGroupCommit()
    app.migrations.add(Migrations.all)
    try await app.autoMigrate()
    if storage.isSQLite {
        try await StorageSelfCheck.sqlite(app.db)
        // Staging tables of imports whose process died take space until removed; the next
        // start removes them rather than waiting for the next import.
        let dropped = try await ImportStaging.dropStale(on: app.db)
        if dropped > 0 { app.logger.notice("dropped \(dropped) staging table(s) of unfinished imports") }
    }
    guard let sql = app.db as? any SQLDatabase else { throw Deployment.Refusal(description: "the database driver does not speak SQL") }
    try await DataKeyCheck.verify(vault, source: keySource, on: sql)
    try await PlatformRecords.savePublicURL(deployment.publicURL, on: sql)
    try await ReferenceSeeder.seedPolicyInstitutions(app)
    let arguments = CommandLine.arguments.dropFirst()
    let serving = arguments.isEmpty || arguments.first == "serve"
    // Production never loads the demo city: its accounts share a published password.
    if app.environment != .testing, !deployment.isProduction, serving, Environment.get("ZHIJIAO_DEMO") != "0" {
        try await DemoSeeder.seedIfEmpty(app)
    }
    // Forwarding to other LRSs runs beside the server only; commands (`lrs forward run-once`)
    // and tests run passes by hand.
    if serving, app.environment != .testing { app.lifecycle.use(ForwardingLifecycle.fromEnvironment()) }

    // Clients (and the tests) read problem bodies like any JSON.
    ContentConfiguration.global.use(decoder: JSONDecoder(), for: .problemJSON)
    app.routes.defaultMaxBodySize = "10mb"
    app.middleware = .init()
    if deployment.metrics != .off { app.platformMetrics = PlatformMetrics() }
    app.middleware.use(RequestObservationMiddleware(metrics: app.platformMetrics, log: deployment.requestLog && app.environment != .testing))
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(PageErrorMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: try Resources.publicDirectory(), defaultFile: nil))
    app.middleware.use(CallerAuthenticator())

    for (name, command) in CommandCatalogue.appCommands { app.asyncCommands.use(command, as: name) }

    try routes(app)
}
