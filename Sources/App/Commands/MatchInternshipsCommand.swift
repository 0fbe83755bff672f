import Foundation
import Matching
import Vapor

/// `zhijiao match-internships --name NAME [--seed N] [--optimal student|enterprise] [--publish]`:
/// runs an allocation round from the command line, with progress, as the city administrator.
struct MatchInternshipsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "name", help: "the round's name") var name: String?
        @Option(name: "seed", help: "seed for tie-breaks; the same seed gives the same round") var seed: Int?
        @Option(name: "optimal", help: "student (default) or enterprise") var optimal: String?
        @Flag(name: "publish", help: "publish the round at once (final)") var publish: Bool
    }

    var help: String { "Run an internship allocation round (stable matching under the 2 % quota)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let optimal = OptimalSide(rawValue: signature.optimal ?? "student") else { throw ImportCommandError(description: "--optimal must be student or enterprise") }
        var allocation = InternshipAllocation(db: app.db)
        allocation.progress = { FileHandle.standardError.write(Data(("  " + $0 + "\n").utf8)) }
        let started = Date()
        allocation.audit = { AuditLog.Entry(actor: "cli", action: "run_internship_round", entity: "internship_rounds", recordID: $0.id.uuidString, detail: "\($0.placed)/\($0.students) placed") }
        let summary = try await allocation.run(name: signature.name ?? "CLI round", seed: UInt64(signature.seed ?? 2020), optimal: optimal, actor: "cli")
        if signature.publish {
            _ = try await InternshipPublication.publish(round: summary.id, by: "cli", on: app.db,
                                                        audit: AuditLog.Entry(actor: "cli", action: "publish_internship_round", entity: "internship_rounds", recordID: summary.id.uuidString, detail: summary.name))
        }
        context.console.print("round \(summary.id): \(summary.placed) of \(summary.students) students placed in \(summary.places) places (\(String(format: "%.1f", Date().timeIntervalSince(started))) s)\(signature.publish ? ", published" : ", draft")")
    }
}

import SQLKit
