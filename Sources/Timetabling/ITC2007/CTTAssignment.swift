/// One line of an ITC 2007 track 3 solution: `course room day period`.
public struct CTTAssignment: Hashable, Sendable {
    public var course: String
    public var room: String
    public var day: Int
    public var slot: Int

    public init(course: String, room: String, day: Int, slot: Int) {
        self.course = course
        self.room = room
        self.day = day
        self.slot = slot
    }

    /// The competition's solution format, one lecture per line.
    public static func format(_ assignments: [CTTAssignment]) -> String {
        assignments.map { "\($0.course) \($0.room) \($0.day) \($0.slot)\n" }.joined()
    }

    /// Reads a solution; a line that is not four fields with two integers is an error naming the line.
    public static func parse(_ text: String) throws(CTTParseError) -> [CTTAssignment] {
        var result: [CTTAssignment] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { continue }
            guard fields.count == 4, let day = Int(fields[2]), let slot = Int(fields[3]) else {
                throw CTTParseError(line: i + 1, message: "a solution line is 'course room day period'")
            }
            result.append(CTTAssignment(course: String(fields[0]), room: String(fields[1]), day: day, slot: slot))
        }
        return result
    }
}
