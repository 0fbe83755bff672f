import Foundation

/// What a `Range` header asks of a file of a known size (RFC 9110 §14): the whole file, one
/// byte range, or nothing that can be served. Only single `bytes=` ranges are served; a header
/// this server does not serve (several ranges, another unit) is ignored and the whole file
/// sent, as §14.2 allows.
enum LibraryByteRange: Equatable, Sendable {
    case whole
    /// Bytes `offset ..< offset + count`.
    case part(offset: Int64, count: Int64)
    case unsatisfiable

    static func read(_ header: String?, size: Int64) -> LibraryByteRange {
        guard let header = header?.trimmingCharacters(in: .whitespaces), header.lowercased().hasPrefix("bytes=") else { return .whole }
        let spec = header.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(",") else { return .whole }
        let sides = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard sides.count == 2 else { return .whole }
        let digits: (String) -> Bool = { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
        if sides[0].isEmpty {
            // bytes=-N: the last N bytes.
            guard digits(sides[1]), let suffix = Int64(sides[1]) else { return .whole }
            guard suffix > 0, size > 0 else { return .unsatisfiable }
            let count = min(suffix, size)
            return .part(offset: size - count, count: count)
        }
        guard digits(sides[0]), let first = Int64(sides[0]) else { return .whole }
        guard first < size else { return .unsatisfiable }
        if sides[1].isEmpty { return .part(offset: first, count: size - first) }
        guard digits(sides[1]), let last = Int64(sides[1]) else { return .whole }
        guard last >= first else { return .whole }
        return .part(offset: first, count: min(last, size - 1) - first + 1)
    }
}
