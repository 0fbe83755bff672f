import Foundation

/// `timestamp` (and `stored`) values. xAPI 1.0.x asks for ISO 8601 (RFC 3339 recommended, a
/// missing zone read as UTC); xAPI 2.0 asks for RFC 3339. Both refuse a negative zero offset
/// (`-00`, `-0000`, `-00:00`): ISO 8601 writes UTC as `Z` or `+00:00`, and RFC 3339 reserves
/// `-00:00` for "offset unknown", which cannot place the statement in time.
public enum XAPITimestamp {
    /// The instant `text` names, or nil when it is not a timestamp this version accepts.
    public static func parse(_ text: String, version: XAPIVersion) -> Date? {
        let b = Array(text.utf8)
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in i..<(i + n) {
                guard (0x30...0x39).contains(b[k]) else { return nil }
                v = v * 10 + Int(b[k] - 0x30)
            }
            i += n
            return v
        }
        func expect(_ byte: UInt8) -> Bool {
            guard i < b.count, b[i] == byte else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(0x2D), let month = digits(2), expect(0x2D), let day = digits(2) else { return nil }
        guard i < b.count, b[i] == 0x54 || b[i] == 0x74 else { return nil } // T or t
        i += 1
        guard let hour = digits(2), expect(0x3A), let minute = digits(2), expect(0x3A), let second = digits(2) else { return nil }
        var fraction = 0.0
        if i < b.count, b[i] == 0x2E || (version == .v1_0 && b[i] == 0x2C) {
            i += 1
            let start = i
            var scale = 0.1
            while i < b.count, (0x30...0x39).contains(b[i]) {
                fraction += Double(b[i] - 0x30) * scale
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        var offset = 0
        if i == b.count {
            // No zone: ISO 8601 local time, which xAPI 1.0 lets the LRS read as UTC; RFC 3339 requires one.
            guard version == .v1_0 else { return nil }
        } else if b[i] == 0x5A || b[i] == 0x7A { // Z or z
            i += 1
        } else if b[i] == 0x2B || b[i] == 0x2D {
            let negative = b[i] == 0x2D
            i += 1
            guard let oh = digits(2), oh < 24 else { return nil }
            var om = 0
            if i == b.count {
                guard version == .v1_0 else { return nil } // ±hh is ISO 8601, not RFC 3339
            } else if b[i] == 0x3A {
                i += 1
                guard let m = digits(2) else { return nil }
                om = m
            } else {
                guard version == .v1_0, let m = digits(2) else { return nil } // ±hhmm likewise
                om = m
            }
            guard om < 60 else { return nil }
            if negative, oh == 0, om == 0 { return nil }
            offset = (oh * 60 + om) * 60 * (negative ? -1 : 1)
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 61 else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds) + fraction)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm), so no Calendar is needed.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
