import Foundation

/// Slows password guessing (ASVS 5.0 6.3.1, 11.4.2) without a hard lock-out an attacker could
/// use against a real user: failures are counted per account and per client address over a
/// sliding window, and past the limit sign-in answers 429 until the window moves on.
actor SignInThrottle {
    let window: TimeInterval
    let perAccount: Int
    let perAddress: Int
    private var failures: [String: [Date]] = [:]

    init(window: TimeInterval = 15 * 60, perAccount: Int = 10, perAddress: Int = 20) {
        self.window = window
        self.perAccount = perAccount
        self.perAddress = perAddress
    }

    /// Seconds to wait, or nil when an attempt is allowed now.
    func retryAfter(username: String, address: String, now: Date = Date()) -> Int? {
        let account = recent("u:" + username.lowercased(), now: now)
        let client = recent("a:" + address, now: now)
        if account.count >= perAccount || client.count >= perAddress {
            let oldest = (account.count >= perAccount ? account : client).min() ?? now
            return max(1, Int((oldest.addingTimeInterval(window).timeIntervalSince(now)).rounded(.up)))
        }
        return nil
    }

    func recordFailure(username: String, address: String, now: Date = Date()) {
        failures["u:" + username.lowercased(), default: []].append(now)
        failures["a:" + address, default: []].append(now)
    }

    func recordSuccess(username: String) {
        failures["u:" + username.lowercased()] = nil
    }

    private func recent(_ key: String, now: Date) -> [Date] {
        let kept = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[key] = kept.isEmpty ? nil : kept
        return kept
    }
}
