import Foundation
import Registry
import SQLKit
import Vapor

/// `zhijiao lrs forward add|list|dead|retry|deactivate|run-once`: forwarding statements to
/// other learning record stores (转发) from the command line.
extension LearningRecordsCommand {
    struct ForwardCommand: AsyncCommandGroup {
        var help: String { "Forward statements to other LRSs: targets, dead letters, a pass by hand" }
        var commands: [String: any AnyAsyncCommand] {
            ["add": ForwardAddCommand(), "list": ForwardListCommand(), "dead": ForwardDeadCommand(), "retry": ForwardRetryCommand(),
             "deactivate": ForwardDeactivateCommand(), "run-once": ForwardRunOnceCommand()]
        }

        /// A service error as a usage error: what was wrong on the command line, one line.
        static func usage(_ error: any Error) -> any Error {
            guard let app = error as? AppError else { return error }
            switch app {
            case .validation(let errors): return CommandFailure.Usage(errors.map { "--\($0.field): \($0.reasonEn)" }.joined(separator: "; "))
            case .notFound: return CommandFailure.Usage("no such forwarding target")
            default: return error
            }
        }

        static func targetID(_ text: String?) throws -> UUID {
            guard let text else { throw CommandFailure.Usage("--target is required (an id from `zhijiao lrs forward list`)") }
            guard let id = UUID(uuidString: text) else { throw CommandFailure.Usage("--target must be a target id, not \(text)") }
            return id
        }
    }

    /// `zhijiao lrs forward add --name N --endpoint URL --auth KEY:SECRET [--institution CODE] [--xapi-version 2.0.0]`
    struct ForwardAddCommand: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "name", help: "what the remote is, e.g. \"国家学分银行 LRS\"") var name: String?
            @Option(name: "endpoint", help: "the remote's xAPI base URL, e.g. https://lrs.example.cn/xapi") var endpoint: String?
            @Option(name: "auth", help: "the remote's Basic credentials as KEY:SECRET (stored encrypted)") var auth: String?
            @Option(name: "institution", help: "forward only this school's statements (10-digit code); omit for all") var institution: String?
            @Option(name: "xapi-version", help: "the X-Experience-API-Version to send: 2.0.0 (default) or 1.0.3") var version: String?
        }

        var help: String { "Add a forwarding target; statements stored from now on are forwarded to it. Prints its id" }

        func run(using context: CommandContext, signature: Signature) async throws {
            guard let name = signature.name else { throw CommandFailure.Usage("--name is required") }
            guard let endpoint = signature.endpoint else { throw CommandFailure.Usage("--endpoint is required") }
            guard let auth = signature.auth else { throw CommandFailure.Usage("--auth KEY:SECRET is required") }
            let app = context.application
            var institutionID: UUID?
            if let code = signature.institution {
                guard let row = try await CreateCommand.sql(app).select().column("id").from("institutions").where("code", .equal, code).first() else {
                    throw CommandFailure.Usage("no institution with code \(code)")
                }
                institutionID = try row.decode(column: "id", as: UUID.self)
            }
            let new = LearningRecordForwarding.NewTarget(name: name, endpoint: endpoint, credentials: auth, institutionID: institutionID,
                                                         xapiVersion: signature.version ?? "2.0.0")
            do {
                let target = try await LearningRecordForwarding(app).addTarget(new, by: .cli)
                context.console.print(target.id.uuidString.lowercased())
            } catch {
                throw ForwardCommand.usage(error)
            }
        }
    }

    /// `zhijiao lrs forward list`
    struct ForwardListCommand: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String { "List forwarding targets: id, state, pending/sent/dead, oldest pending age, endpoint, name, last error" }

        func run(using context: CommandContext, signature: Signature) async throws {
            let now = Date()
            for status in try await LearningRecordForwarding(context.application).targets() {
                let target = status.target
                let age = status.oldestPendingStored.map { "\(Int(now.timeIntervalSince($0)))s" } ?? "-"
                let fields = [target.id.uuidString.lowercased(), target.active ? "active" : "inactive",
                              "pending=\(status.pending)", "sent=\(status.sent)", "dead=\(status.dead)", "oldest=\(age)",
                              target.institutionID?.uuidString.lowercased() ?? "all", target.xapiVersion, target.endpoint, target.name,
                              status.lastError ?? ""]
                context.console.print(fields.joined(separator: "\t"))
            }
        }
    }

    /// `zhijiao lrs forward dead --target ID [--after SEQ] [--limit N]`
    struct ForwardDeadCommand: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "target", help: "the target's id") var target: String?
            @Option(name: "after", help: "the cursor printed after the previous page") var after: String?
            @Option(name: "limit", help: "at most this many (1–500, default 50)") var limit: Int?
        }

        var help: String { "List a target's dead letters: sequence, statement id, attempts, last error" }

        func run(using context: CommandContext, signature: Signature) async throws {
            let target = try ForwardCommand.targetID(signature.target)
            var after: Int64?
            if let text = signature.after {
                guard let value = Int64(text) else { throw CommandFailure.Usage("--after must be a number printed by the previous page") }
                after = value
            }
            let service = LearningRecordForwarding(context.application)
            guard try await service.target(target) != nil else { throw CommandFailure.Usage("no forwarding target \(target.uuidString.lowercased())") }
            let page = try await service.deadLetters(target: target, after: after, limit: signature.limit ?? 50)
            for letter in page.letters {
                context.console.print("\(letter.sequence)\t\(letter.statementID.uuidString.lowercased())\t\(letter.attempts)\t\(letter.lastError ?? "")")
            }
            if let next = page.next { context.console.print("more: --after \(next)") }
        }
    }

    /// `zhijiao lrs forward retry --target ID [--statement ID]`
    struct ForwardRetryCommand: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "target", help: "the target's id") var target: String?
            @Option(name: "statement", help: "retry only this statement (its xAPI id); omit for all of the target's dead letters") var statement: String?
        }

        var help: String { "Put dead letters back in the queue, due at once with a fresh count of attempts" }

        func run(using context: CommandContext, signature: Signature) async throws {
            let target = try ForwardCommand.targetID(signature.target)
            var statementID: UUID?
            if let text = signature.statement {
                guard let id = UUID(uuidString: text) else { throw CommandFailure.Usage("--statement must be a statement id, not \(text)") }
                statementID = id
            }
            do {
                let count = try await LearningRecordForwarding(context.application).retryDeadLetters(target: target, statementID: statementID, by: .cli)
                context.console.print("\(count) queued again")
            } catch {
                throw ForwardCommand.usage(error)
            }
        }
    }

    /// `zhijiao lrs forward deactivate --target ID`
    struct ForwardDeactivateCommand: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "target", help: "the target's id") var target: String?
        }

        var help: String { "Stop forwarding to a target (what is queued stays, unsent)" }

        func run(using context: CommandContext, signature: Signature) async throws {
            let target = try ForwardCommand.targetID(signature.target)
            do {
                let changed = try await LearningRecordForwarding(context.application).deactivate(target, by: .cli)
                context.console.print(changed ? "deactivated" : "already inactive")
            } catch {
                throw ForwardCommand.usage(error)
            }
        }
    }

    /// `zhijiao lrs forward run-once`
    struct ForwardRunOnceCommand: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String { "Run one forwarding pass now (what the server does every few seconds) and print what it did" }

        func run(using context: CommandContext, signature: Signature) async throws {
            let report = try await ForwardingWorker(context.application).runOnce()
            context.console.print("sent \(report.sent), retrying \(report.retrying), dead \(report.dead)")
        }
    }
}
