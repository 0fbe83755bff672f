import Vapor

/// `zhijiao audit verify`: recomputes the audit log's hash chain and names the first row that
/// breaks it; exits 1 when one does.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify")
        var action: String
    }

    var help: String { "Check the audit log's hash chain (zhijiao audit verify)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else { throw CommandFailure.Usage("usage: zhijiao audit verify") }
        let result = try await AuditLog.verify(on: context.application.db)
        if let broken = result.firstBroken {
            throw AuditChainBroken(description: "audit chain broken at row \(broken) after \(result.checked) good rows: \(result.reason ?? "") / 审计链在第\(broken)行断裂")
        }
        context.console.print("审计链完整 audit chain intact: \(result.checked) rows, last hash \(result.lastHash)")
    }
}

struct AuditChainBroken: Error, CustomStringConvertible {
    var description: String
}
