import Foundation

/// Slows password guessing (ASVS 5.0 6.3.1, 11.4.2) in a way an attacker cannot turn against
/// the people whose accounts they guess at:
///
/// - **per client address** (the socket peer, or a trusted proxy's `X-Forwarded-For`): past
///   `perAddress` failures in the window that address is refused (429) — the guesser is
///   stopped, nobody else;
/// - **per account and address**: past `perAccountAndAddress` failures the pair is refused,
///   so one address cannot keep trying one account;
/// - **per account, from everywhere**: no lock. Past `accountDelayAfter` failures every
///   further attempt must wait a delay that doubles from one second up to `maxAccountDelay`
///   after the last failure — a distributed guesser gets a handful of tries a minute, and
///   the real user waits at most that long, never 15 minutes — and not at all from an address
///   they signed in from successfully before (for `knownFor`).
///
/// Memory is bounded: at most `capacity` keys; the stalest are dropped first.
actor SignInThrottle {
    let window: TimeInterval
    let perAddress: Int
    let perAccountAndAddress: Int
    let accountDelayAfter: Int
    let maxAccountDelay: TimeInterval
    let capacity: Int

    private struct Record {
        var count: Int
        var first: Date
        var last: Date
    }

    private var records: [String: Record] = [:]
    /// Account-and-address pairs that signed in successfully, and when.
    private var known: [String: Date] = [:]
    let knownFor: TimeInterval

    init(window: TimeInterval = 15 * 60, perAddress: Int = 20, perAccountAndAddress: Int = 10, accountDelayAfter: Int = 5,
         maxAccountDelay: TimeInterval = 30, knownFor: TimeInterval = 30 * 24 * 3600, capacity: Int = 100_000) {
        self.knownFor = knownFor
        self.window = window
        self.perAddress = perAddress
        self.perAccountAndAddress = perAccountAndAddress
        self.accountDelayAfter = accountDelayAfter
        self.maxAccountDelay = maxAccountDelay
        self.capacity = capacity
    }

    /// Seconds to wait, or nil when an attempt is allowed now.
    func retryAfter(username: String, address: String, now: Date = Date()) -> Int? {
        var waits: [TimeInterval] = []
        if let client = live(Self.addressKey(address), now: now), client.count >= perAddress {
            waits.append(client.first.addingTimeInterval(window).timeIntervalSince(now))
        }
        if let pair = live(Self.pairKey(username, address), now: now), pair.count >= perAccountAndAddress {
            waits.append(pair.first.addingTimeInterval(window).timeIntervalSince(now))
        }
        if let account = live(Self.accountKey(username), now: now), account.count >= accountDelayAfter, !isKnown(username, address, now: now) {
            waits.append(account.last.addingTimeInterval(accountDelay(failures: account.count)).timeIntervalSince(now))
        }
        guard let longest = waits.max(), longest > 0 else { return nil }
        return max(1, Int(longest.rounded(.up)))
    }

    /// The wait after the last failure once an account has `failures` of them: 1 s, 2 s, 4 s …
    func accountDelay(failures: Int) -> TimeInterval {
        let doublings = min(max(0, failures - accountDelayAfter), 16)
        return min(maxAccountDelay, Double(1 << doublings))
    }

    func recordFailure(username: String, address: String, now: Date = Date()) {
        for key in [Self.addressKey(address), Self.pairKey(username, address), Self.accountKey(username)] {
            if var record = live(key, now: now) {
                record.count += 1
                record.last = now
                records[key] = record
            } else {
                records[key] = Record(count: 1, first: now, last: now)
            }
        }
        if records.count > capacity { records = bounded(records, now: now, keptFor: window) { $0.last } }
    }

    /// A correct password clears the account's and this pair's failures (not the address's:
    /// one good password must not reset a guesser's budget for other accounts).
    func recordSuccess(username: String, address: String, now: Date = Date()) {
        records[Self.accountKey(username)] = nil
        records[Self.pairKey(username, address)] = nil
        known[Self.pairKey(username, address)] = now
        if known.count > capacity { known = bounded(known, now: now, keptFor: knownFor) { $0 } }
    }

    private func isKnown(_ username: String, _ address: String, now: Date) -> Bool {
        guard let at = known[Self.pairKey(username, address)] else { return false }
        return now.timeIntervalSince(at) < knownFor
    }

    /// How many keys are held (for tests of the bound).
    var size: Int { records.count + known.count }

    private func live(_ key: String, now: Date) -> Record? {
        guard let record = records[key] else { return nil }
        // A record ends a window after its last failure for the account delay, after its
        // first for the counted limits; keeping it until the later of the two is enough.
        if now.timeIntervalSince(record.last) >= window {
            records[key] = nil
            return nil
        }
        return record
    }

    /// `table` without its entries older than `age`, then — if a flood of distinct addresses
    /// or names still overfills it — without its stalest quarter.
    private func bounded<Value>(_ table: [String: Value], now: Date, keptFor age: TimeInterval, at: (Value) -> Date) -> [String: Value] {
        let fresh = table.filter { now.timeIntervalSince(at($0.value)) < age }
        guard fresh.count > capacity else { return fresh }
        let keep = fresh.sorted { at($0.value) > at($1.value) }.prefix(capacity * 3 / 4)
        return Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
    }

    static func addressKey(_ address: String) -> String { "a:" + address }
    static func accountKey(_ username: String) -> String { "u:" + username.lowercased() }
    static func pairKey(_ username: String, _ address: String) -> String { "p:" + username.lowercased() + "\u{1F}" + address }
}
