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
            // While SQLite writes one statement on its thread, the next one's values are built here.
            let width = columns.count
            @Sendable func values(_ chunk: ArraySlice<StoredRecord>) -> [SQLiteData] {
                var values: [SQLiteData] = []
                values.reserveCapacity(chunk.count * width)
                for record in chunk { binds(record, timestamp, &values) }
                return values
            }
            let chunks = records.chunked(rowsPerStatement)
            var done = 0
            var next = values(chunks[0])
            for (i, chunk) in chunks.enumerated() {
                let sql = chunk.count == rowsPerStatement ? fullStatement : statement(rows: chunk.count)
                let written = sqlite.query(sql, next, logger: tx.logger) { _ in }
                if i + 1 < chunks.count { next = values(chunks[i + 1]) }
                try await written.get()
                done += chunk.count
                progress(done)
            }
        }
    }
}
