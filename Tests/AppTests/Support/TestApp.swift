@testable import App
import Fluent
import Foundation
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

/// A base64 data key for tests (32 zero-to-31 bytes); never used outside tests.
let testDataKey = Data((0..<32).map { UInt8($0) }).base64EncodedString()

/// Runs `body` against a configured app on a fresh database, then tears both down.
func withZhijiaoApp(deployment: Deployment? = nil, _ body: (Application) async throws -> Void) async throws {
    let database = try await TestDatabase.make()
    let app = try await Application.make(.testing)
    do {
        try await configure(app, storage: database.storage, dataKey: testDataKey, deployment: deployment)
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        await database.drop()
        throw error
    }
    try await app.asyncShutdown()
    await database.drop()
}

/// Runs `body` with the standard fixture loaded: two districts, a school and an enterprise in
/// each, people in each school, and one signed-in token per role.
func withFixture(_ body: (Application, Fixture) async throws -> Void) async throws {
    try await withZhijiaoApp { app in
        let fixture = try await Fixture.load(app)
        try await body(app, fixture)
    }
}

extension Application {
    var sql: any SQLDatabase { db as! any SQLDatabase }

    func count(_ table: String) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()?.decode(column: "n", as: Int.self) ?? -1
    }
}

extension HTTPHeaders {
    static func bearer(_ token: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        return headers
    }
}

/// Decodes a JSON response body as a dictionary.
func json(_ response: TestingHTTPResponse) throws -> [String: JSONValue] {
    try JSONDecoder().decode([String: JSONValue].self, from: Data(buffer: response.body))
}

func bodyString(_ response: TestingHTTPResponse) -> String {
    String(buffer: response.body)
}
