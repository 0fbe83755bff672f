/// Excel's date serial numbers as canonical text: "2021-09-01", "2021-09-01T08:30:00" or
/// "08:30:00". Pure arithmetic on days, no calendar object and no time zone: a spreadsheet
/// date is a wall-clock reading.
public enum ExcelDate {
    /// What a cell's number format shows.
    public enum Kind: Sendable, Equatable {
        case date
        case time
        /// `[h]:mm:ss` and the like: a duration whose hours run past 24.
        case elapsed
        case dateTime
    }

    /// Serials at or past this are after 9999-12-31, which Excel cannot show.
    static let limit1900 = 2_958_466.0
    static let limit1904 = 2_957_004.0

    /// Canonical text of `serial` shown as `kind`, or nil when Excel would show no date
    /// (negative, past 9999, not finite, or a date before 1900-01-01 in the 1900 system).
    ///
    /// The 1900 system keeps Lotus 1-2-3's bug: serial 60 is 1900-02-29, a day that never was,
    /// so serials 1–59 count from 1899-12-31 and those from 61 on from 1899-12-30. Serial 60
    /// comes out as "1900-02-29", as Excel shows it; date readers will rightly refuse it.
    public static func text(serial: Double, kind: Kind, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < (date1904 ? limit1904 : limit1900) else { return nil }
        // Rounded to the nearest second, which may carry into the next day.
        let total = Int((serial * 86_400).rounded())
        let days = total / 86_400
        let seconds = total % 86_400
        let time = clock(seconds)
        switch kind {
        case .time: return time
        case .elapsed: return clock(total)
        case .date, .dateTime:
            let date: String
            if date1904 {
                date = civil(fromUnixDays: days - 24_107)
            } else if days == 0 {
                return nil // Excel's "1900-01-00"
            } else if days == 60 {
                date = "1900-02-29"
            } else {
                date = civil(fromUnixDays: days - (days < 60 ? 25_568 : 25_569))
            }
            return kind == .date ? date : date + "T" + time
        }
    }

    /// Canonical text of an ISO 8601 cell value (`t="d"`): "2021-09-01", "2021-09-01T08:30:00.5Z",
    /// "08:30:00". A zone suffix is dropped (wall clock, as above). `kind` is the cell's number
    /// format when it is a date format; without one, the value's own shape decides.
    public static func text(iso: String, kind: Kind?) -> String? {
        var text = Substring(iso.trimmedASCII())
        var days: Int?
        if text.count >= 10, text.dropFirst(4).first == "-" {
            let head = text.prefix(10)
            let parts = head.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  let y = number(parts[0]), let m = number(parts[1]), let d = number(parts[2]),
                  (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y)
            else { return nil }
            days = unixDays(year: y, month: m, day: d)
            text = text.dropFirst(10)
            if text.first == "T" || text.first == " " { text = text.dropFirst() } else if !text.isEmpty { return nil }
        }
        var seconds: Int?
        if !text.isEmpty {
            // Drop a zone: "Z", "+08:00", "-0500".
            if text.last == "Z" { text = text.dropLast() }
            if let sign = text.lastIndex(where: { $0 == "+" || $0 == "-" }) { text = text[..<sign] }
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 || parts.count == 3, parts[0].count == 2, parts[1].count == 2,
                  let h = number(parts[0]), let m = number(parts[1]), h < 24, m < 60
            else { return nil }
            var s = 0.0
            if parts.count == 3 {
                let whole = parts[2].prefix { $0 != "." }
                guard whole.count == 2, number(whole) != nil, let value = Double(parts[2]), value < 61 else { return nil }
                s = value
            }
            seconds = h * 3600 + m * 60 + Int(s.rounded())
        }
        guard days != nil || seconds != nil else { return nil }
        let total = (days ?? 0) * 86_400 + (seconds ?? 0)
        let day = Int((Double(total) / 86_400).rounded(.down))
        let clockText = clock(total - day * 86_400)
        let dateText = civil(fromUnixDays: day)
        switch kind ?? (days == nil ? .time : seconds == nil ? .date : .dateTime) {
        case .date: return days == nil ? nil : dateText
        case .time, .elapsed: return clockText
        case .dateTime: return days == nil ? clockText : dateText + "T" + clockText
        }
    }

    // MARK: - Days and civil dates (Howard Hinnant's algorithms, proleptic Gregorian)

    /// "YYYY-MM-DD" of a day counted from 1970-01-01.
    static func civil(fromUnixDays days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// Days from 1970-01-01 to a civil date.
    static func unixDays(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// "HH:MM:SS" of a second count; hours may pass 24 (elapsed formats).
    static func clock(_ seconds: Int) -> String {
        pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// A run of ASCII digits as a number (no sign, no spaces).
    static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Int(text)
    }
}

extension String {
    /// Leading and trailing ASCII white space removed (Foundation-free).
    fileprivate func trimmedASCII() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
