import Foundation
import Registry
import SQLKit
import Vapor

/// `zhijiao lrs client create|revoke|list`: the learning record store's client credentials
/// from the command line, for the city's operators and for scripts that wire up an LMS.
struct LearningRecordsCommand: AsyncCommandGroup {
    var help: String { "The learning record store (xAPI): client credentials" }
    var commands: [String: any AnyAsyncCommand] { ["client": ClientCommand(), "forward": ForwardCommand()] }

    struct ClientCommand: AsyncCommandGroup {
        var help: String { "Create, revoke and list LRS clients (HTTP Basic credentials)" }
        var commands: [String: any AnyAsyncCommand] { ["create": CreateCommand(), "revoke": RevokeCommand(), "list": ListCommand()] }
    }

    /// `zhijiao lrs client create --name NAME [--institution CODE] --scope write|read-own|read-school|all`
    struct CreateCommand: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "name", help: "what the client is, e.g. \"深圳职业技术大学 Moodle\"") var name: String?
            @Option(name: "institution", help: "the school's 10-digit code; omit for a city-wide client") var institution: String?
            @Option(name: "scope", help: "write, read-own, read-school (a school's client) or all (city-wide only)") var scope: String?
        }

        var help: String { "Create an LRS client and print its credentials as KEY:SECRET (shown once)" }

        func run(using context: CommandContext, signature: Signature) async throws {
            guard let name = signature.name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { throw CommandFailure.Usage("--name is required") }
            guard let scopeText = signature.scope else { throw CommandFailure.Usage("--scope is required (write, read-own, read-school, all)") }
            guard let scope = LearningRecordClientScope(rawValue: scopeText) else { throw CommandFailure.Usage("--scope must be write, read-own, read-school or all, not \(scopeText)") }
            let sql = try Self.sql(context.application)
            var institutionID: UUID?
            if let code = signature.institution {
                guard let row = try await sql.select().column("id").from("institutions").where("code", .equal, code).first() else {
                    throw CommandFailure.Usage("no institution with code \(code)")
                }
                institutionID = try row.decode(column: "id", as: UUID.self)
            }
            guard AccessPolicy.mayGrant(scope, toInstitution: institutionID) else {
                throw CommandFailure.Usage(institutionID == nil ? "read-school needs --institution" : "scope all is for city-wide clients only (omit --institution)")
            }
            let detail = "\(scope.rawValue) \(signature.institution ?? "city")", institution = institutionID
            let (client, secret) = try await context.application.services.audit.recording(on: context.application.db) { tx in
                guard let sql = tx as? any SQLDatabase else { throw CommandFailure.Usage("the database does not speak SQL") }
                let created = try await LearningRecordClientStore(sql: sql).create(name: name, institutionID: institution, scope: scope, createdBy: "cli")
                return (created, AuditLog.Entry(actor: "cli", action: "create_lrs_client", entity: "lrs_clients", recordID: created.0.apiKey, detail: detail))
            }
            FileHandle.standardOutput.write(Data("\(client.apiKey):\(secret)\n".utf8))
        }

        static func sql(_ app: Application) throws -> any SQLDatabase {
            guard let sql = app.db as? any SQLDatabase else { throw CommandFailure.Usage("the database does not speak SQL") }
            return sql
        }
    }

    /// `zhijiao lrs client revoke KEY`
    struct RevokeCommand: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "key", help: "the client's key (the part before the colon)") var key: String
        }

        var help: String { "Revoke an LRS client: its credentials stop working at once" }

        func run(using context: CommandContext, signature: Signature) async throws {
            let key = signature.key
            try await context.application.services.audit.recording(on: context.application.db) { tx in
                guard let sql = tx as? any SQLDatabase else { throw CommandFailure.Usage("the database does not speak SQL") }
                guard try await LearningRecordClientStore(sql: sql).revoke(key: key) else { throw CommandFailure.Usage("no active client with key \(key)") }
                return ((), AuditLog.Entry(actor: "cli", action: "revoke_lrs_client", entity: "lrs_clients", recordID: key, detail: ""))
            }
            context.console.print("revoked \(signature.key)")
        }
    }

    /// `zhijiao lrs client list`
    struct ListCommand: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String { "List LRS clients (keys, scopes, schools; never secrets)" }

        func run(using context: CommandContext, signature: Signature) async throws {
            for client in try await LearningRecordClientStore(sql: try CreateCommand.sql(context.application)).list(institutionID: nil) {
                let state = client.revokedAt == nil ? "active" : "revoked"
                context.console.print("\(client.apiKey)\t\(client.scope.rawValue)\t\(client.institutionID?.uuidString.lowercased() ?? "city")\t\(state)\t\(client.name)")
            }
        }
    }
}
