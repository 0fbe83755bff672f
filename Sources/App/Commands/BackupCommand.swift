import Foundation
import SQLiteNIO
import SQLKit
import Vapor

/// `zhijiao backup FILE`: a consistent online copy of the SQLite database while the server
/// runs (`VACUUM INTO` reads one snapshot, so writers are not stopped and the copy is never
/// half of two states). The data key is not in the copy: keep it apart (README "Deploying").
/// PostgreSQL is backed up with its own tools (`pg_dump`, or base backups with WAL archiving).
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "where to write the copy (must not exist yet)")
        var file: String
    }

    var help: String { "Copy the SQLite database consistently while the server runs" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard app.db is any SQLiteDatabase, let sql = app.db as? any SQLDatabase else {
            throw CommandFailure.Usage("backup copies SQLite databases; for PostgreSQL use pg_dump (README, Deploying)")
        }
        let target = URL(fileURLWithPath: signature.file).standardizedFileURL.path
        guard !FileManager.default.fileExists(atPath: target) else {
            throw CommandFailure.Usage("\(target) already exists; a backup never overwrites a file")
        }
        let started = Date()
        try await SQLiteBackup.copy(sql, to: target)
        let size = (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? Int) ?? 0
        try await app.services.audit.append(AuditLog.Entry(actor: "cli", action: "backup", entity: "database", detail: "\(size) bytes to \(target)"), on: app.db)
        context.console.print("已备份 backed up \(size) bytes to \(target) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s — the data key is not in it; keep the key apart")
    }
}

/// The copy itself, shared by the command and the tests.
enum SQLiteBackup {
    static func copy(_ sql: any SQLDatabase, to path: String) async throws {
        try await sql.raw("VACUUM INTO \(bind: path)").run()
    }
}
