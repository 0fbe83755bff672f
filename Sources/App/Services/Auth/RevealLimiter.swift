import Foundation

/// Unmasking at human speed: each caller may see at most `perHour` full identity numbers in
/// any hour (a school administrator once unmasked all 250 of its students in 2.3 s). Past it
/// the reveal answers 429; a real need for more is a bulk export the city approves.
actor RevealLimiter {
    let perHour: Int
    let window: TimeInterval = 3600
    private var reveals: [UUID: [Date]] = [:]

    init(perHour: Int = 30) { self.perHour = perHour }

    /// Records a reveal for `caller` and returns nil, or the seconds to wait when over the limit.
    func admit(_ caller: UUID, now: Date = Date()) -> Int? {
        var recent = (reveals[caller] ?? []).filter { now.timeIntervalSince($0) < window }
        if recent.count >= perHour, let oldest = recent.first {
            reveals[caller] = recent
            return max(1, Int(oldest.addingTimeInterval(window).timeIntervalSince(now).rounded(.up)))
        }
        recent.append(now)
        reveals[caller] = recent
        if reveals.count > 10_000 { reveals = reveals.filter { $0.value.last.map { now.timeIntervalSince($0) < window } ?? false } }
        return nil
    }
}
