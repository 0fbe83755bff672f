import Foundation
import SQLKit

/// The library's search index as of its last change: loaded again when a change to a library
/// resource is audited (every change through the server is, in the change's transaction) or
/// when older than a minute (`ChangeKeyedCache`). Changes elsewhere in the platform do not
/// reload it: the key is the newest audit sequence number of library resources alone.
struct LibrarySearchIndexCache: Sendable {
    private let cache = ChangeKeyedCache<Int, LibrarySearchIndex>()

    func index(_ sql: any SQLDatabase) async throws -> LibrarySearchIndex {
        let head = try await AuditLog.head(on: sql, entity: LibraryStore.auditEntity)
        return try await cache.value(for: head) { try await LibrarySearchIndex.load(sql) }
    }
}
