import Foundation

/// ISO 8601 durations as xAPI uses them ("PT1H2M3.5S", "P1DT2H", "P2W").
public enum ISODuration {
    /// `seconds` as "PT…H…M…S" (hundredths kept), the form the LMS writes in abandoned statements.
    public static func format(seconds: Double) -> String {
        let centis = Int((max(0, seconds) * 100).rounded())
        let hours = centis / 360_000, minutes = centis / 6000 % 60, rest = centis % 6000
        var text = "PT"
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        let whole = rest / 100, fraction = rest % 100
        if fraction == 0 {
            text += "\(whole)S"
        } else {
            text += "\(whole)." + (fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")) + "S"
        }
        return text
    }

    /// The duration in seconds (years as 365 days, months as 30), or nil when `text` is not one.
    public static func seconds(_ text: String) -> Double? {
        var rest = Substring(text)
        guard rest.first == "P" else { return nil }
        rest = rest.dropFirst()
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        var inTime = false
        var any = false
        var number = ""
        var lastDate = -1
        var lastTime = -1
        let dateUnits: [Character: (Int, Double)] = ["Y": (0, 31_536_000), "M": (1, 2_592_000), "W": (2, 604_800), "D": (3, 86_400)]
        let timeUnits: [Character: (Int, Double)] = ["H": (0, 3600), "M": (1, 60), "S": (2, 1)]
        for c in rest {
            if c == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            if c.isASCIIDigit || c == "." || c == "," {
                number.append(c == "," ? "." : c)
                continue
            }
            guard let (order, factor) = (inTime ? timeUnits : dateUnits)[c], !number.isEmpty,
                  number.first != ".", let value = Double(number)
            else { return nil }
            if inTime {
                guard order > lastTime else { return nil }
                lastTime = order
            } else {
                guard order > lastDate else { return nil }
                lastDate = order
            }
            // Only the smallest unit given may have a fraction; checked loosely: a fraction ends it.
            total += value * factor
            number = ""
            any = true
        }
        guard any, number.isEmpty, !(inTime && lastTime < 0) else { return nil }
        return total
    }
}
