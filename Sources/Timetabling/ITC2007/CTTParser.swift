import Foundation

/// Reads the ITC 2007 track 3 `.ctt` format: a header (`Name:`, `Courses:`, `Rooms:`, `Days:`,
/// `Periods_per_day:`, `Curricula:`, `Constraints:`), then the sections `COURSES:` (id teacher
/// lectures min-working-days students), `ROOMS:` (id capacity), `CURRICULA:` (id n course…),
/// `UNAVAILABILITY_CONSTRAINTS:` (course day slot) and `END.`. Every count in the header is
/// checked against its section, and every course a curriculum or constraint names must exist.
public enum CTTParser {
    public static func parse(_ text: String) throws(CTTParseError) -> CurriculumInstance {
        var header: [String: (value: String, line: Int)] = [:]
        var section: String?
        var courses: [CurriculumInstance.Course] = [], rooms: [CurriculumInstance.Room] = []
        var curricula: [CurriculumInstance.Curriculum] = [], unavailable: [CurriculumInstance.Unavailability] = []
        var sectionLine: [String: Int] = [:]
        var ended = false
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            if ended { throw CTTParseError(line: lineNumber, message: "text after END.") }
            if line == "END." { ended = true; continue }
            if ["COURSES:", "ROOMS:", "CURRICULA:", "UNAVAILABILITY_CONSTRAINTS:"].contains(line) {
                section = String(line.dropLast())
                sectionLine[section ?? ""] = lineNumber
                continue
            }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let current = section else {
                guard let colon = line.firstIndex(of: ":") else {
                    throw CTTParseError(line: lineNumber, message: "expected 'Key: value' in the header, found '\(line)'")
                }
                let key = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
                header[key] = (String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces), lineNumber)
                continue
            }
            func int(_ field: String, _ what: String) throws(CTTParseError) -> Int {
                guard let value = Int(field), value >= 0 else {
                    throw CTTParseError(line: lineNumber, message: "\(what) must be a non-negative integer, found '\(field)'")
                }
                return value
            }
            switch current {
            case "COURSES":
                guard fields.count == 5 else { throw CTTParseError(line: lineNumber, message: "a course line has 5 fields (id teacher lectures min-working-days students), found \(fields.count)") }
                courses.append(.init(id: fields[0], teacher: fields[1], lectures: try int(fields[2], "lectures"),
                                     minWorkingDays: try int(fields[3], "min working days"), students: try int(fields[4], "students")))
            case "ROOMS":
                guard fields.count == 2 else { throw CTTParseError(line: lineNumber, message: "a room line has 2 fields (id capacity), found \(fields.count)") }
                rooms.append(.init(id: fields[0], capacity: try int(fields[1], "capacity")))
            case "CURRICULA":
                guard fields.count >= 2 else { throw CTTParseError(line: lineNumber, message: "a curriculum line is 'id n course…'") }
                let n = try int(fields[1], "course count")
                guard fields.count == n + 2 else { throw CTTParseError(line: lineNumber, message: "curriculum \(fields[0]) says \(n) courses but lists \(fields.count - 2)") }
                guard let unknown = fields.dropFirst(2).first(where: { id in !courses.contains { $0.id == id } }) else {
                    curricula.append(.init(id: fields[0], courses: Array(fields.dropFirst(2))))
                    continue
                }
                throw CTTParseError(line: lineNumber, message: "curriculum \(fields[0]) names unknown course \(unknown)")
            default:
                guard fields.count == 3 else { throw CTTParseError(line: lineNumber, message: "a constraint line has 3 fields (course day period), found \(fields.count)") }
                guard courses.contains(where: { $0.id == fields[0] }) else { throw CTTParseError(line: lineNumber, message: "constraint names unknown course \(fields[0])") }
                unavailable.append(.init(course: fields[0], day: try int(fields[1], "day"), slot: try int(fields[2], "period")))
            }
        }
        func headerInt(_ key: String) throws(CTTParseError) -> Int {
            guard let entry = header[key] else { throw CTTParseError(line: lineNumber, message: "the header has no '\(key):'") }
            guard let value = Int(entry.value), value >= 0 else { throw CTTParseError(line: entry.line, message: "\(key) must be a non-negative integer, found '\(entry.value)'") }
            return value
        }
        let days = try headerInt("Days"), perDay = try headerInt("Periods_per_day")
        guard days > 0, perDay > 0 else { throw CTTParseError(line: header["Days"]?.line ?? 1, message: "Days and Periods_per_day must be positive") }
        for (key, count, name) in [("Courses", courses.count, "COURSES"), ("Rooms", rooms.count, "ROOMS"),
                                   ("Curricula", curricula.count, "CURRICULA"), ("Constraints", unavailable.count, "UNAVAILABILITY_CONSTRAINTS")] {
            let expected = try headerInt(key)
            guard expected == count else {
                throw CTTParseError(line: sectionLine[name] ?? header[key]?.line ?? lineNumber, message: "the header says \(key): \(expected) but \(name) has \(count)")
            }
        }
        if let bad = unavailable.first(where: { $0.day >= days || $0.slot >= perDay }) {
            throw CTTParseError(line: sectionLine["UNAVAILABILITY_CONSTRAINTS"] ?? lineNumber, message: "constraint \(bad.course) \(bad.day) \(bad.slot) is outside the \(days)×\(perDay) grid")
        }
        return CurriculumInstance(name: header["Name"]?.value ?? "", grid: PeriodGrid(days: days, periodsPerDay: perDay),
                                  courses: courses, rooms: rooms, curricula: curricula, unavailabilities: unavailable)
    }
}
