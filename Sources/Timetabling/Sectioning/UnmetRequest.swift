/// 未满足的选课: a request no section could take, and why.
public struct UnmetRequest: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Reason: String, Hashable, Sendable, Codable {
        /// 已满: every section of the course(s) is full.
        case full
        /// 与必修课冲突: sections with seats exist but all clash with the student's required courses.
        case clashWithRequired
        /// 与已选课冲突: sections with seats exist but all clash with electives already placed.
        case clashWithElective
        /// 未开课: the course has no section.
        case noSection
    }

    public var studentID: String
    /// The course requested (the preferred alternative for an elective).
    public var courseID: String
    public var required: Bool
    public var reason: Reason

    public init(studentID: String, courseID: String, required: Bool, reason: Reason) {
        self.studentID = studentID
        self.courseID = courseID
        self.required = required
        self.reason = reason
    }

    public var description: String {
        let why = switch reason {
        case .full: "已满 every section full"
        case .clashWithRequired: "与必修课冲突 clashes with a required course"
        case .clashWithElective: "与已选课冲突 clashes with courses already chosen"
        case .noSection: "未开课 no section"
        }
        return "\(studentID) \(courseID)\(required ? " (必修 required)" : ""): \(why)"
    }
}
