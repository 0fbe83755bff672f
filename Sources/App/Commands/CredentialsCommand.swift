import Fluent
import Credentials
import Foundation
import SQLKit
import Vapor

/// `zhijiao credentials keygen|issue|status|verify`: the issuer's keys and credentials from
/// the command line, so a credential can be made and checked from outside without a browser.
struct CredentialsCommand: AsyncCommandGroup {
    var help: String { "Issuer keys and verifiable credentials (Open Badges 3.0 / CLR 2.0, VC-JWT)" }
    var commands: [String: any AnyAsyncCommand] {
        ["keygen": KeygenCommand(), "issue": IssueCommand(), "status": StatusCommand(), "verify": VerifyCommand()]
    }

    struct CommandError: Error, CustomStringConvertible {
        var description: String
    }

    static func service(_ app: Application, on db: (any Database)? = nil) throws -> CredentialService {
        guard let sql = (db ?? app.db) as? any SQLDatabase else { throw CommandError(description: "the database does not speak SQL") }
        return CredentialService(sql: sql, vault: app.services.vault, issuer: app.services.issuer)
    }

    /// `zhijiao credentials keygen [--if-missing]`: a new signing key; the previous one is retired.
    struct KeygenCommand: AsyncCommand {
        struct Signature: CommandSignature {
            @Flag(name: "if-missing", help: "only when there is no active key yet") var ifMissing: Bool
        }

        var help: String { "Generate a new Ed25519 issuer key and retire the active one (rotation)" }

        func run(using context: CommandContext, signature: Signature) async throws {
            let service = try CredentialsCommand.service(context.application)
            if signature.ifMissing, try await service.keys.publicKeys().contains(where: { $0.retiredAt == nil }) {
                context.console.print("an active key exists for \(service.issuer.did); nothing done")
                return
            }
            let app = context.application
            let (key, retired) = try await app.services.audit.recording(on: app.db) { tx in
                let rotated = try await service.keys.rotate(in: tx)
                return (rotated, AuditLog.Entry(actor: "cli", action: "generate_issuer_key", entity: "issuer_keys", recordID: rotated.new.kid,
                                                detail: rotated.retired.isEmpty ? "first key" : "retired \(rotated.retired.joined(separator: ", "))"))
            }
            context.console.print("issuer \(service.issuer.did)")
            context.console.print("new key \(key.kid)")
            for kid in retired { context.console.print("retired \(kid) (still published; signs nothing new)") }
        }
    }

    /// `zhijiao credentials issue --learner ID [--kind outcome|qualification|transcript] [--subject X]`.
    struct IssueCommand: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "learner", help: "credit-bank learner: account UUID, the learner's username (learner-demo) or exact name") var learner: String?
            @Option(name: "kind", help: "outcome (default), qualification or transcript") var kind: String?
            @Option(name: "subject", help: "outcome UUID or qualification code; the first recognised outcome when omitted") var subject: String?
        }

        var help: String { "Issue a credential to a learner and print its VC-JWT" }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            let service = try CredentialsCommand.service(app)
            guard let given = signature.learner else { throw CommandError(description: "--learner is required") }
            guard let kind = IssuedCredential.Kind(rawValue: signature.kind ?? "outcome") else { throw CommandError(description: "--kind must be outcome, qualification or transcript") }
            let learner = try await Self.resolve(given, sql: service.sql)
            let subject = signature.subject
            let issued = try await app.services.audit.recording(on: app.db) { tx in
                let issued = try await CredentialsCommand.service(app, on: tx).issue(learner: learner, kind: kind, subject: subject, actor: "cli")
                return (issued, AuditLog.Entry(actor: "cli", action: "issue_credential", entity: "issued_credentials", recordID: issued.id.uuidString,
                                               detail: "\(kind.rawValue): \(issued.titleZh)"))
            }
            FileHandle.standardError.write(Data("credential \(issued.id.uuidString.lowercased()) · \(issued.titleZh) · verify at \(service.issuer.baseURL)/verify/\(issued.id.uuidString.lowercased())\n".utf8))
            FileHandle.standardOutput.write(Data((issued.jwt + "\n").utf8))
        }

        /// A UUID, a username (the learner's own account), or a learner's exact name.
        static func resolve(_ given: String, sql: any SQLDatabase) async throws -> UUID {
            if let id = UUID(uuidString: given), try await sql.select().column("id").from("credit_learners").where("id", .equal, id).first() != nil { return id }
            if let row = try await sql.raw("""
                SELECT c.id AS id FROM credit_learners c JOIN students s ON s.id_index = c.id_index JOIN users u ON u.student_id = s.id WHERE u.username = \(bind: given)
                """).first() { return try row.decode(column: "id", as: UUID.self) }
            let named = try await sql.select().column("id").from("credit_learners").where("name", .equal, given).all()
            if named.count == 1 { return try named[0].decode(column: "id", as: UUID.self) }
            throw CommandError(description: named.isEmpty ? "no credit-bank learner \(given)" : "\(named.count) learners are named \(given); give the account UUID")
        }
    }

    /// `zhijiao credentials status --credential ID --action revoke|suspend|reinstate --reason TEXT`.
    struct StatusCommand: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "credential", help: "the credential's UUID") var credential: String?
            @Option(name: "action", help: "revoke, suspend or reinstate") var action: String?
            @Option(name: "reason", help: "why (logged)") var reason: String?
        }

        var help: String { "Revoke, suspend or reinstate a credential (flips its status-list bit)" }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            guard let id = signature.credential.flatMap(UUID.init(uuidString:)) else { throw CommandError(description: "--credential UUID is required") }
            guard let action = signature.action else { throw CommandError(description: "--action revoke|suspend|reinstate is required") }
            let reason = signature.reason ?? ""
            let changed = try await app.services.audit.recording(on: app.db) { tx in
                let changed = try await CredentialsCommand.service(app, on: tx).changeStatus(id, action: action, reason: reason, actor: "cli")
                return (changed, AuditLog.Entry(actor: "cli", action: action + "_credential", entity: "issued_credentials", recordID: id.uuidString, detail: reason))
            }
            context.console.print("credential \(id.uuidString.lowercased()) is now \(changed.status.rawValue)")
        }
    }

    /// `zhijiao credentials verify FILE|-`: the same checks as the public page.
    struct VerifyCommand: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "file", help: "a JWT, JSON, PNG or SVG file; - for standard input") var file: String
        }

        var help: String { "Verify a credential against this platform's keys and status lists" }

        func run(using context: CommandContext, signature: Signature) async throws {
            let data = signature.file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: signature.file)
            guard let data else { throw CommandError(description: "cannot read \(signature.file)") }
            let report = try await CredentialsCommand.service(context.application).verify(input: data)
            for check in report.checks { context.console.print("\(check.outcome.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(check.name.rawValue): \(check.en)") }
            context.console.print(report.verified ? "VALID" : "NOT VALID (\(report.failure?.code ?? ""))")
            if !report.verified { throw CommandError(description: report.failure?.en ?? "not valid") }
        }
    }
}
