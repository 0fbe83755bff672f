import Foundation

/// Row errors of a rejected file with bounded memory: the first `keep` in row order are kept
/// in full, the rest only counted. A 30 MB file of bad rows finds about a million errors, each
/// with two sentences; holding them all took more memory than the file's whole table.
struct RowErrorCollector: Sendable {
    let keep: Int
    private var kept: [RowError] = []
    private(set) var total = 0

    init(keep: Int) { self.keep = keep }

    mutating func add(_ errors: [RowError]) {
        total += errors.count
        kept += errors
        // Trim in bulk: sort, keep the smallest `keep`; amortised over as many additions.
        if keep < Int.max / 2, kept.count > 2 * keep { trim() }
    }

    /// The kept errors, by row then column.
    var first: [RowError] {
        var copy = self
        copy.trim()
        return copy.kept
    }

    /// The error that rejects the file: every error, or the first `keep` and the count.
    var rejection: AppError {
        let first = first
        return total > first.count ? .importRejectedInPart(first: first, total: total) : .importRejected(first)
    }

    private mutating func trim() {
        kept.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        if kept.count > keep { kept.removeLast(kept.count - keep) }
    }
}
