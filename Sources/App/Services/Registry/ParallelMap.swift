import Foundation

/// Maps a large array in contiguous chunks on all cores, keeping order. Validation and
/// encryption of an import are pure per row, so they scale with the cores the machine has.
package enum ParallelMap {
    package static func map<T: Sendable, U: Sendable>(_ items: [T], minimumChunk: Int = 4_096, _ transform: @escaping @Sendable (Int, T) throws -> U) async throws -> [U] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        guard items.count >= minimumChunk * 2, cores > 1 else {
            return try items.enumerated().map { try transform($0.offset, $0.element) }
        }
        let chunkSize = (items.count + cores - 1) / cores
        return try await withThrowingTaskGroup(of: (Int, [U]).self) { group in
            for start in stride(from: 0, to: items.count, by: chunkSize) {
                let end = min(start + chunkSize, items.count)
                group.addTask {
                    var out: [U] = []
                    out.reserveCapacity(end - start)
                    for i in start..<end { out.append(try transform(i, items[i])) }
                    return (start, out)
                }
            }
            var parts: [(Int, [U])] = []
            for try await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}
