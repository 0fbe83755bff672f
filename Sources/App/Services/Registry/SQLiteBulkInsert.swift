import Fluent
import Foundation
import SQLiteNIO

/// Multi-row INSERTs on SQLite with values bound as `SQLiteData` directly. SQLite here allows
/// 250,000 bound variables a statement, so each statement carries thousands of rows; the
/// generic SQLKit path spends most of its time encoding binds.
struct SQLiteBulkInsert {
    let table: String
    let columns: [String]
    var variablesPerStatement = 120_000

    typealias Binder = @Sendable (StoredRecord, Double, inout [SQLiteData]) -> Void

    var rowsPerStatement: Int { max(1, variablesPerStatement / columns.count) }

    func statement(rows: Int) -> String {
        let columnList = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let rowPlaceholder = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \"\(table)\" (\(columnList)) VALUES " + Array(repeating: rowPlaceholder, count: rows).joined(separator: ", ")
    }

    /// Every row in one transaction (joining the caller's when there is one).
    func run(
        _ records: [StoredRecord], on db: any Database, now: Date,
        binds: @escaping Binder,
        progress: @escaping @Sendable (Int) -> Void
    ) async throws {
        let rowsPerStatement = rowsPerStatement
        let fullStatement = statement(rows: rowsPerStatement)
        let timestamp = now.timeIntervalSince1970
        let width = columns.count
        let statement = { @Sendable (rows: Int) in rows == rowsPerStatement ? fullStatement : self.statement(rows: rows) }
        try await db.transaction { tx in
            guard let sqlite = tx as? any SQLiteDatabase else { return }
            // Random keys (UUIDs, blind indexes) land all over their B-trees; with SQLite's default
            // 2 MB page cache a large import spends its time re-reading index pages. This
            // connection keeps up to 256 MB of pages from here on.
            try await sqlite.query("PRAGMA cache_size = -262144", [], logger: tx.logger) { _ in }.get()
            // While SQLite writes one statement on its thread, the next one's values are built here.
            let chunks = records.chunked(rowsPerStatement)
            var done = 0
            var next = Self.values(chunks[0], width: width, timestamp: timestamp, binds: binds)
            for (i, chunk) in chunks.enumerated() {
                let written = sqlite.query(statement(chunk.count), next, logger: tx.logger) { _ in }
                if i + 1 < chunks.count { next = Self.values(chunks[i + 1], width: width, timestamp: timestamp, binds: binds) }
                try await written.get()
                done += chunk.count
                progress(done)
            }
        }
    }

    /// Rows in short transactions of at most one statement each (`rowsPerStatement`, a few
    /// thousand rows), every one through the process's write gate: between two of them other
    /// writers — in this process and in others — take their turn. Values are built before the
    /// gate is entered, so the lock is held only while SQLite writes. For a staging table that
    /// nothing reads: a failure part-way leaves rows there, never in a table anyone sees.
    func runInTurns(
        _ records: [StoredRecord], on db: any Database, now: Date,
        binds: @escaping Binder,
        progress: @escaping @Sendable (Int) -> Void
    ) async throws {
        let rowsPerStatement = rowsPerStatement
        let timestamp = now.timeIntervalSince1970
        var done = 0
        for chunk in records.chunked(rowsPerStatement) {
            let values = Self.values(chunk, width: columns.count, timestamp: timestamp, binds: binds)
            let text = statement(rows: chunk.count)
            try await WriteGate.shared.records(on: db) { tx in
                guard let sqlite = tx as? any SQLiteDatabase else { throw SQLiteBulkInsertError.notSQLite }
                try await sqlite.query(text, values, logger: tx.logger) { _ in }.get()
            }
            done += chunk.count
            progress(done)
        }
    }

    static func values(_ chunk: ArraySlice<StoredRecord>, width: Int, timestamp: Double, binds: Binder) -> [SQLiteData] {
        var values: [SQLiteData] = []
        values.reserveCapacity(chunk.count * width)
        for record in chunk { binds(record, timestamp, &values) }
        return values
    }
}

enum SQLiteBulkInsertError: Error { case notSQLite }
