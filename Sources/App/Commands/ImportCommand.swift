import Foundation
import Registry
import Vapor

/// `zhijiao import KIND FILE`: imports a CSV or XLSX file into the registry as the city
/// administrator, all or nothing, with progress on standard error.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kind", help: "institutions | program-clusters | programs | teachers | students | enterprises | training-bases | internship-posts")
        var kind: String
        @Argument(name: "file", help: "CSV (UTF-8, UTF-8 with BOM, GB18030) or XLSX")
        var file: String
        @Flag(name: "one-transaction", help: "write every row in one transaction, holding SQLite's write lock throughout (as before staging; for comparisons)")
        var oneTransaction: Bool
    }

    var help: String { "Import a CSV or XLSX file into the registry (all rows or none)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw ImportCommandError(description: "cannot read \(signature.file)")
        }
        let started = Date()
        do {
            let file = signature.file, kind = signature.kind
            let outcome = try await RegistryKinds.importFile(kind: kind, data: data, fileName: file, app: app, progress: ConsoleProgress.reporter,
                                                           staging: !signature.oneTransaction) {
                AuditLog.Entry(actor: "cli", action: "import", entity: kind, detail: "\($0.summary) from \(file)")
            }
            let took = String(format: "%.1f", Date().timeIntervalSince(started))
            if outcome.namedRegistered {
                context.console.print("\(outcome.countsZh) / \(outcome.countsEn) in \(took) s")
            } else {
                context.console.print("已导入 imported \(outcome.inserted) rows in \(took) s")
            }
        } catch let error as AppError {
            guard let (errors, total) = error.rowErrors else { throw error }
            // Row errors go to standard error, like the one-line failure after them.
            var report = ["文件未导入，共\(total)处错误，未写入任何数据 / file rejected with \(total) errors; nothing was written"]
            report += errors.prefix(200).map { "  第\($0.row)行 row \($0.row), 列 column \($0.column): \($0.error.reasonZh) / \($0.error.reasonEn)" }
            if total > 200 { report.append("  … \(total - 200) more") }
            FileHandle.standardError.write(Data((report.joined(separator: "\n") + "\n").utf8))
            try await app.services.audit.append(AuditLog.Entry(actor: "cli", action: "import", entity: signature.kind,
                                                               detail: "\(total) errors in \(signature.file), nothing written", outcome: "rejected"), on: app.db)
            throw ImportCommandError(description: "import rejected (\(total) errors)")
        }
    }
}

struct ImportCommandError: Error, CustomStringConvertible {
    var description: String
}

/// The registry resources by their path name, for commands and pages that take a kind.
package enum RegistryKinds {
    static var paths: [String] { RegistryResources.paths }

    package static func importFile(kind: String, data: Data, fileName: String, app: Application, caller: CallerScope = CallerScope(role: .cityAdmin), progress: ProgressReporter?,
                           staging: Bool = true, audit entry: @escaping @Sendable (ImportOutcome) -> AuditLog.Entry) async throws -> ImportOutcome {
        func run<R: RegistryResource>(_: R.Type) async throws -> ImportOutcome {
            var writer = RegistryWriter<R>(db: app.db, caller: caller, vault: app.services.vault, catalog: app.services.catalog)
            writer.progress = progress
            var importer = RegistryImporter(writer: writer, audit: (app.services.audit, entry))
            if !staging { importer.stagingThreshold = .max }
            return try await importer.importFile(data, fileName: fileName)
        }
        guard let resource = RegistryResources.named(kind) else {
            throw ImportCommandError(description: "unknown kind '\(kind)'; use one of \(paths.joined(separator: ", "))")
        }
        return try await run(resource)
    }
}
