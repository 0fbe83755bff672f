import Fluent
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SQLKit
import SQLiteNIO

/// Rows of a large SQLite import on their way to their table, so that the import never holds
/// the database's single write lock for long while staying all or nothing.
///
/// The rows go into a staging table of their own (no constraints or indexes) in short
/// transactions of a few thousand rows, each through the process's write gate, so other
/// writers of this process and of others take turns between them; nothing reads a staging
/// table. Then one short transaction publishes them — `INSERT INTO target SELECT … FROM
/// staging`, which is SQLite copying rows, no Swift binding — with the import's audit row
/// appended last in the same transaction. The staging table is dropped afterwards.
///
/// A crash (or an error) before the publish commits leaves rows in a staging table only;
/// one whose process is gone, or older than a day, is dropped by the next import.
/// Names are `zj_import_staging_<pid>_<unix seconds>_<random>`.
struct ImportStaging: Sendable {
    static let prefix = "zj_import_staging_"
    /// Past this age a staging table is stale even if its process id is in use again.
    static let maximumAge: TimeInterval = 24 * 3600

    let name: String
    let target: String
    let columns: [String]

    /// Creates an empty staging table for `columns` of `target`, first dropping stale ones.
    static func create(target: String, columns: [String], on db: any Database, now: Date = Date()) async throws -> ImportStaging {
        try await dropStale(on: db, now: now)
        let random = String(UInt32.random(in: .min ... .max), radix: 16)
        let staging = ImportStaging(name: "\(prefix)\(getpid())_\(Int(now.timeIntervalSince1970))_\(random)", target: target, columns: columns)
        // Columns without declared types: values keep the storage class they were bound with,
        // and the target's own affinities apply when they are published.
        try await WriteGate.shared.transaction(on: db) { sql in
            try await sql.raw("CREATE TABLE \(ident: staging.name) (\(idents: columns, joinedBy: ", "))").run()
        }
        return staging
    }

    /// Copies every staged row into the target table, inside the caller's transaction
    /// (the one that appends the import's audit row).
    func publish(in tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { throw SQLiteBulkInsertError.notSQLite }
        // The same larger page cache as the one-transaction path: the target's random keys.
        try await sql.raw("PRAGMA cache_size = -262144").run()
        try await sql.raw("INSERT INTO \(ident: target) (\(idents: columns, joinedBy: ", ")) SELECT \(idents: columns, joinedBy: ", ") FROM \(ident: name)").run()
    }

    /// Drops the staging table (after a publish, or after a failure before it).
    func drop(on db: any Database) async throws {
        try await WriteGate.shared.transaction(on: db) { sql in
            try await sql.raw("DROP TABLE IF EXISTS \(ident: name)").run()
        }
    }

    /// The staging tables present, with the process and time their names record.
    static func present(on db: any Database) async throws -> [(name: String, pid: Int32, created: Date)] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let rows = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE \(literal: prefix + "%")").all()
        return try rows.compactMap { row in
            let name = try row.decode(column: "name", as: String.self)
            guard name.hasPrefix(prefix) else { return nil }
            let parts = name.dropFirst(prefix.count).split(separator: "_")
            guard parts.count == 3, let pid = Int32(parts[0]), let seconds = Int(parts[1]) else { return (name, 0, .distantPast) }
            return (name, pid, Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
    }

    /// Drops staging tables left by imports that did not finish: their process is gone (a
    /// crash, a kill), or they are older than `maximumAge`. Another live process's table, or
    /// this process's own, is left alone: it may be an import under way.
    @discardableResult
    static func dropStale(on db: any Database, now: Date = Date(), isAlive: @Sendable (Int32) -> Bool = processIsAlive) async throws -> Int {
        var dropped = 0
        for table in try await present(on: db) {
            let stale = table.pid <= 0 || !isAlive(table.pid) || now.timeIntervalSince(table.created) > maximumAge
            guard stale else { continue }
            let name = table.name
            try await WriteGate.shared.transaction(on: db) { sql in
                try await sql.raw("DROP TABLE IF EXISTS \(ident: name)").run()
            }
            dropped += 1
        }
        return dropped
    }

    /// Whether a process with this id exists on this machine (SQLite's file is always local).
    @Sendable static func processIsAlive(_ pid: Int32) -> Bool {
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
