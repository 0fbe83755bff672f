import Foundation

/// Record ids that sort in the order they were made (UUID version 7, RFC 9562 §5.7): 48 bits of
/// Unix milliseconds, then a counter within the millisecond (§6.2, method 1), then random bits.
/// New rows then go to the end of a table's primary-key index rather than to random pages of
/// it, which is most of what an import of many rows into a large table pays for; the ids keep
/// their 74 bits of randomness across milliseconds, and reveal no more than `created_at` does.
final class TimeOrderedID: @unchecked Sendable {
    static let shared = TimeOrderedID()

    private let lock = NSLock()
    private var lastMillisecond: UInt64 = 0
    private var counter: UInt16 = 0

    /// `count` ids, each greater than every id made before it by this generator.
    func next(count: Int, now: Date = Date()) -> [UUID] {
        var ids: [UUID] = []
        ids.reserveCapacity(count)
        lock.lock()
        defer { lock.unlock() }
        let millisecond = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        for _ in 0..<count {
            if millisecond > lastMillisecond {
                lastMillisecond = millisecond
                // Start low in the 12-bit counter so a busy millisecond has room to count.
                counter = UInt16.random(in: 0..<0x400)
            } else if counter < 0xFFF {
                counter += 1
            } else {
                // The millisecond's counter is spent: borrow the next millisecond (the clock catches up).
                lastMillisecond += 1
                counter = 0
            }
            ids.append(Self.make(millisecond: lastMillisecond, counter: counter))
        }
        return ids
    }

    static func make(millisecond: UInt64, counter: UInt16) -> UUID {
        let random = UInt64.random(in: 0...UInt64.max)
        var b = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { b[i] = UInt8(truncatingIfNeeded: millisecond >> (8 * (5 - i))) }
        b[6] = 0x70 | UInt8(truncatingIfNeeded: counter >> 8)     // version 7, counter's high 4 bits
        b[7] = UInt8(truncatingIfNeeded: counter)
        b[8] = 0x80 | UInt8(truncatingIfNeeded: random >> 56) & 0x3F // variant 10, then random
        for i in 9..<16 { b[i] = UInt8(truncatingIfNeeded: random >> (8 * (15 - i))) }
        return UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
    }
}
