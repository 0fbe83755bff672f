/// 选课需求: what one student must and wants to take. Required courses (from the program and the
/// class) come first; each elective request lists alternatives, preferred first, and carries a
/// priority (1 = most wanted).
public struct StudentRequests: Hashable, Sendable, Codable {
    public struct Elective: Hashable, Sendable, Codable {
        public var priority: Int
        /// Course IDs, the preferred one first; any one of them satisfies the request.
        public var alternatives: [String]

        public init(priority: Int, alternatives: [String]) {
            self.priority = priority
            self.alternatives = alternatives
        }
    }

    public var studentID: String
    /// 行政班课: sections the student attends with their class (no choice); placed first.
    public var classSections: [String]
    /// 必修课: required courses whose section the student may choose.
    public var required: [String]
    /// 选修课
    public var electives: [Elective]

    public init(studentID: String, classSections: [String] = [], required: [String], electives: [Elective] = []) {
        self.studentID = studentID
        self.classSections = classSections
        self.required = required
        self.electives = electives
    }

    public var requestCount: Int { classSections.count + required.count + electives.count }
}
