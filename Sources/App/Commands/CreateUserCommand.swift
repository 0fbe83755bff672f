import Fluent
import Foundation
import Registry
import Vapor

/// `zhijiao create-user NAME --role ROLE [--district CODE] [--institution CODE] …`: creates an
/// account; the password is read from ZHIJIAO_NEW_PASSWORD so it never lands in shell history.
struct CreateUserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "username") var username: String
        @Option(name: "role", help: Role.allCases.map(\.rawValue).joined(separator: " | ")) var role: String?
        @Option(name: "district", help: "district code, for district_admin") var district: String?
        @Option(name: "institution", help: "institution code, for school_admin and teacher") var institution: String?
        @Option(name: "unit", help: "responsible unit as the work list names it, for responsible_unit") var unit: String?
        @Option(name: "enterprise", help: "统一社会信用代码, for enterprise") var enterprise: String?
    }

    var help: String { "Create an account (password from ZHIJIAO_NEW_PASSWORD)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let role = signature.role.flatMap(Role.init(rawValue:)) else { throw ImportCommandError(description: "--role is required") }
        guard let password = Environment.get("ZHIJIAO_NEW_PASSWORD"), password.count >= 8 else {
            throw ImportCommandError(description: "set ZHIJIAO_NEW_PASSWORD to a password of at least 8 characters")
        }
        var institutionID: UUID?
        if let code = signature.institution {
            institutionID = try await InstitutionLookup.id(code: code, table: "institutions", column: "code", on: app.db)
        }
        var enterpriseID: UUID?
        if let code = signature.enterprise {
            enterpriseID = try await InstitutionLookup.id(code: code, table: "enterprises", column: "credit_code", on: app.db)
        }
        let scope = try CallerScope(role: role, districtCode: signature.district, institutionID: institutionID, enterpriseID: enterpriseID, unit: signature.unit).validated()
        let user = User(username: signature.username, displayName: signature.username, passwordHash: try await app.password.async.hash(password), scope: scope)
        let detail = "\(signature.username) as \(role.rawValue)"
        try await app.services.audit.recording(on: app.db) { tx in
            try await user.create(on: tx)
            return ((), AuditLog.Entry(actor: "cli", action: "create_user", entity: "user", recordID: user.id?.uuidString, detail: detail))
        }
        context.console.print("created \(signature.username) (\(role.rawValue))")
    }
}

enum InstitutionLookup {
    static func id(code: String, table: String, column: String, on db: any Database) async throws -> UUID {
        guard let sql = db as? any SQLDatabase,
              let id = try await sql.select().column("id").from(table).where(SQLIdentifier(column), .equal, code).first()?.decode(column: "id", as: UUID.self)
        else { throw ImportCommandError(description: "no record in \(table) with \(column) \(code)") }
        return id
    }
}

import SQLKit
