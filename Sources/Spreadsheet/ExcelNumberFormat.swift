/// Which number formats show a date, a time or both: the test that turns a cell's serial
/// number into a date.
///
/// Follows openpyxl's `is_date_format` / `is_datetime` (first section only; text in quotes,
/// escaped and padding characters and bracketed colours or locales ignored, except the
/// elapsed `[h]`, `[mm]`, `[ss]`), with two additions: the Chinese 年 月 日 时 分 秒 and
/// 上午/下午 count as date and time tokens, and AM/PM is not read as a month.
enum ExcelNumberFormat {
    /// Built-in formats that have no code in styles.xml. 14–22 and 45–47 are every locale's;
    /// 27–36 and 50–58 are the East Asian ones Excel and WPS write for Chinese workbooks
    /// (openpyxl's table lacks them and reads such cells as plain numbers). Their meaning is
    /// the zh-CN one from ECMA-376 §18.8.30: 32–35, 55 and 56 are times, the rest dates.
    static func builtinKind(_ id: Int) -> ExcelDate.Kind? {
        switch id {
        case 14...17: .date
        case 18...21: .time
        case 22: .dateTime
        case 45, 47: .time
        case 46: .elapsed
        case 27...31, 36, 50...54, 57, 58: .date
        case 32...35, 55, 56: .time
        default: nil
        }
    }

    /// The kind of a format code, or nil when it shows no date or time.
    static func kind(ofCode code: String) -> ExcelDate.Kind? {
        let s = Array(code.unicodeScalars)
        var hasDate = false, hasTime = false, hasM = false, elapsed = false
        var i = 0
        scan: while i < s.count {
            let c = s[i]
            switch c {
            case "\"":
                i += 1
                while i < s.count, s[i] != "\"" { i += 1 }
            case "\\", "_", "*":
                i += 1 // the next character is literal, padding or fill
            case "[":
                var j = i + 1
                while j < s.count, s[j] != "]" { j += 1 }
                let inside = String(String.UnicodeScalarView(s[(i + 1)..<Swift.min(j, s.count)])).lowercased()
                if let first = inside.first, "hms".contains(first), inside.allSatisfy({ $0 == first }) {
                    hasTime = true
                    elapsed = true
                }
                i = j
            case ";":
                break scan
            case "y", "Y", "d", "D", "年", "月", "日":
                hasDate = true
            case "h", "H", "s", "S", "时", "時", "分", "秒":
                hasTime = true
            case "m", "M":
                hasM = true
            case "A", "a":
                for marker in ["am/pm", "a/p"] where Self.matches(marker, s, at: i) {
                    hasTime = true
                    i += marker.unicodeScalars.count - 1
                    break
                }
            case "上", "下":
                if i + 1 < s.count, s[i + 1] == "午" { hasTime = true }
            default:
                break
            }
            i += 1
        }
        // An "m" alone is a month ("mmm"); beside h or s it is a minute and changes nothing.
        if hasM && !hasTime { hasDate = true }
        switch (hasDate, hasTime) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return elapsed ? .elapsed : .time
        case (false, false): return nil
        }
    }

    static func matches(_ marker: String, _ s: [Unicode.Scalar], at i: Int) -> Bool {
        let m = Array(marker.unicodeScalars)
        guard i + m.count <= s.count else { return false }
        for k in 0..<m.count where String(s[i + k]).lowercased() != String(m[k]) { return false }
        return true
    }
}
