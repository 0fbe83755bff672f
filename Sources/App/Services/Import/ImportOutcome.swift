import Vapor

/// What an import did: records added, registered records it changed, and rows that named a
/// registered record without changing it (a re-imported export changes nothing).
package struct ImportOutcome: Content, Sendable, Equatable {
    package var inserted = 0
    package var updated = 0
    package var unchanged = 0

    /// Rows written: added or changed.
    package var written: Int { inserted + updated }

    /// For the audit log: "12 rows" for a plain import, the three counts for an update.
    package var summary: String {
        updated == 0 && unchanged == 0 ? "\(inserted) rows" : "\(inserted) added, \(updated) changed, \(unchanged) unchanged"
    }
}
