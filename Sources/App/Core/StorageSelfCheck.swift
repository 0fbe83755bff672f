import Fluent
import SQLKit

/// Refuses to start on an SQLite that could lose or corrupt records (security checklist F2):
/// version past the WAL-reset bug (3.51.3), WAL journal, synchronous=FULL, foreign keys on.
enum StorageSelfCheck {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func sqlite(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        _ = try await sql.raw("PRAGMA journal_mode=WAL").all()
        let version = try await sql.raw("SELECT sqlite_version() AS v").first()?.decode(column: "v", as: String.self) ?? "0"
        let parts = version.split(separator: ".").compactMap { Int($0) }
        guard parts.lexicographicallyPrecedes([3, 51, 3]) == false else {
            throw Failure(description: "SQLite \(version) has the WAL-reset corruption bug; 3.51.3 or later is required")
        }
        let journal = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
        let synchronous = try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
        let foreignKeys = try await sql.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self)
        guard journal?.lowercased() == "wal" else { throw Failure(description: "SQLite journal_mode is \(journal ?? "?"), not wal") }
        guard synchronous == 2 else { throw Failure(description: "SQLite synchronous is \(synchronous ?? -1), not FULL (2)") }
        guard foreignKeys == 1 else { throw Failure(description: "SQLite foreign keys are off") }
    }
}
