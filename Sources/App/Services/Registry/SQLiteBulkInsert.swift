import Fluent
import Foundation
import SQLiteNIO

/// Multi-row INSERTs on SQLite with values bound as `SQLiteData` directly, in one transaction.
/// SQLite here allows 250,000 bound variables a statement, so each statement carries
/// thousands of rows; the generic SQLKit path spends most of its time encoding binds.
struct SQLiteBulkInsert {
    let table: String
    let columns: [String]
    var variablesPerStatement = 120_000

    func run(
        _ records: [StoredRecord], on db: any Database, now: Date,
        binds: @escaping @Sendable (StoredRecord, Double, inout [SQLiteData]) -> Void,
        progress: @escaping @Sendable (Int) -> Void
    ) async throws {
        let rowsPerStatement = max(1, variablesPerStatement / columns.count)
        let columnList = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let rowPlaceholder = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        @Sendable func statement(rows: Int) -> String {
            "INSERT INTO \"\(table)\" (\(columnList)) VALUES " + Array(repeating: rowPlaceholder, count: rows).joined(separator: ", ")
        }
        let fullStatement = statement(rows: rowsPerStatement)
        let timestamp = now.timeIntervalSince1970
        try await db.transaction { tx in
            guard let sqlite = tx as? any SQLiteDatabase else { return }
            // Random keys (UUIDs, blind indexes) land all over their B-trees; with SQLite's default
            // 2 MB page cache a large import spends its time re-reading index pages. This
            // connection keeps up to 256 MB of pages from here on.
            try await sqlite.query("PRAGMA cache_size = -262144", [], logger: tx.logger) { _ in }.get()
            var done = 0
            for chunk in records.chunked(rowsPerStatement) {
                var values: [SQLiteData] = []
                values.reserveCapacity(chunk.count * columns.count)
                for record in chunk { binds(record, timestamp, &values) }
                let sql = chunk.count == rowsPerStatement ? fullStatement : statement(rows: chunk.count)
                try await sqlite.query(sql, values, logger: tx.logger) { _ in }.get()
                done += chunk.count
                progress(done)
            }
        }
    }
}
