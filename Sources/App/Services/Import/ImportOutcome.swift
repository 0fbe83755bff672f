import Vapor

/// What an import did: records added, registered records it changed, and rows that named a
/// registered record without changing it (a re-imported export changes nothing).
package struct ImportOutcome: Content, Sendable, Equatable {
    package var inserted = 0
    package var updated = 0
    package var unchanged = 0

    /// Rows written: added or changed.
    package var written: Int { inserted + updated }

    /// Whether the file named registered records (an update), not only new ones.
    package var namedRegistered: Bool { updated > 0 || unchanged > 0 }

    /// The three counts, as the page, the command line and the audit log give them.
    package var countsZh: String { "新增 \(inserted) 条，更新 \(updated) 条，未变 \(unchanged) 条" }
    package var countsEn: String { "\(inserted) added, \(updated) changed, \(unchanged) unchanged" }

    /// For the audit log: "12 rows" for a plain import, the three counts for an update.
    package var summary: String { namedRegistered ? countsEn : "\(inserted) rows" }
}
