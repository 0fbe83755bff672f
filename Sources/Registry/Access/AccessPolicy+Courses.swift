import Foundation

/// Who an online course (在线课程) is for: any signed-in learner (公开课, an open course) or
/// one school's class (班级课, a class course) — a class being a program's intake year at the
/// school, narrowed by program code and enrolment year where the course names them.
public enum CourseAudience: Sendable, Hashable {
    case open
    case schoolClass(institutionID: UUID, programCode: String?, enrolmentYear: Int?)

    public var kind: String {
        switch self {
        case .open: "open"
        case .schoolClass: "class"
        }
    }
}

/// A course as the policy sees it: its audience and the school that owns it (nil for the city's).
public struct CoursePlacement: Sendable, Hashable {
    public var audience: CourseAudience
    public var institutionID: UUID?

    public init(audience: CourseAudience, institutionID: UUID?) {
        self.audience = audience
        self.institutionID = institutionID
    }
}

/// Where a learner's student record places them: school, program, intake year.
public struct LearnerCohort: Sendable, Hashable {
    public var institutionID: UUID
    public var programCode: String
    public var enrolmentYear: Int

    public init(institutionID: UUID, programCode: String, enrolmentYear: Int) {
        self.institutionID = institutionID
        self.programCode = programCode
        self.enrolmentYear = enrolmentYear
    }
}

extension AccessPolicy {
    /// Imports cmi5 packages as courses: teachers and school administrators for their school, the
    /// city for open courses of its own.
    public static func canImportCourses(caller: CallerScope) -> Bool {
        switch caller.role {
        case .cityAdmin: true
        case .schoolAdmin, .teacher: caller.institutionID != nil
        default: false
        }
    }

    /// Has a course list worth opening: those who may see some course (the city, a school's
    /// staff, learners); other roles see none (`canSeeCourse`).
    public static func mayBrowseCourses(caller: CallerScope) -> Bool {
        switch caller.role {
        case .cityAdmin, .schoolAdmin, .teacher, .learner: true
        default: false
        }
    }

    /// Whether a class course's audience may be set by this caller: only for the caller's own school.
    public static func mayAddress(_ audience: CourseAudience, caller: CallerScope) -> Bool {
        switch audience {
        case .open: canImportCourses(caller: caller)
        case let .schoolClass(institutionID, _, _):
            caller.role == .cityAdmin || (canImportCourses(caller: caller) && caller.institutionID == institutionID)
        }
    }

    /// Manages a course (new versions, its learners' progress): its school's staff, or the city.
    public static func canManageCourse(_ course: CoursePlacement, caller: CallerScope) -> Bool {
        switch caller.role {
        case .cityAdmin: true
        case .schoolAdmin, .teacher: caller.institutionID != nil && caller.institutionID == course.institutionID
        default: false
        }
    }

    /// Sees a course: those who manage it; any signed-in learner an open course; a learner of
    /// the class a class course is for; a school's staff the open courses of others too. Anything
    /// else does not exist for the caller (404).
    public static func canSeeCourse(_ course: CoursePlacement, caller: CallerScope, cohort: LearnerCohort?) -> Bool {
        if canManageCourse(course, caller: caller) { return true }
        switch caller.role {
        case .schoolAdmin, .teacher: return course.audience == .open
        case .learner: return canEnrol(course, caller: caller, cohort: cohort)
        default: return false
        }
    }

    /// Enrols in a course: a learner, in an open course or in the class course of their class.
    public static func canEnrol(_ course: CoursePlacement, caller: CallerScope, cohort: LearnerCohort?) -> Bool {
        guard caller.role == .learner, caller.studentID != nil else { return false }
        switch course.audience {
        case .open: return true
        case let .schoolClass(institutionID, programCode, enrolmentYear):
            guard let cohort, cohort.institutionID == institutionID else { return false }
            if let programCode, programCode != cohort.programCode { return false }
            if let enrolmentYear, enrolmentYear != cohort.enrolmentYear { return false }
            return true
        }
    }
}
