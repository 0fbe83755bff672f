import Foundation
import Registry
import Vapor

/// A course (在线课程) as the API and pages show it.
struct CourseSummary: Content, Sendable {
    var id: UUID
    var title: String
    /// open (公开课) or class (班级课)
    var kind: String
    var institutionId: UUID?
    var classProgramCode: String?
    var classEnrolmentYear: Int?
    var owner: String
    var version: Int
    /// The cmi5 course's publisher id.
    var publisherId: String
    var auCount: Int
    var createdAt: String
    /// For a learner: enrolled, and whether the course is satisfied (completed per moveOn).
    var enrolled: Bool
    var satisfied: Bool
    var satisfiedAUs: Int
}

/// One assignable unit (可分配单元) of a course's current version, with the caller's progress.
struct CourseAUView: Content, Sendable {
    var position: Int
    var publisherId: String
    var title: String
    var moveOn: String
    var masteryScore: String?
    var launchMethod: String
    var completed: Bool
    var passed: Bool
    var waived: Bool
    var satisfied: Bool
}

struct CourseEnrolmentView: Content, Sendable {
    var registration: UUID
    var enrolledAt: String
    var satisfied: Bool
    var satisfiedAt: String?
}

struct CourseDetail: Content, Sendable {
    var course: CourseSummary
    var aus: [CourseAUView]
    var enrolment: CourseEnrolmentView?
    var canManage: Bool
    var canEnrol: Bool
}

struct CourseList: Content, Sendable {
    var items: [CourseSummary]
}

/// What a launch hands the learner's browser: the AU's launch URL with the cmi5 parameters.
struct CourseLaunch: Content, Sendable {
    var sessionId: UUID
    var launchUrl: String
    var launchMode: String
    var activityId: String
    var registration: UUID
    var expiresAt: String
}

/// A course as stored, with where the policy places it.
struct StoredCourse: Sendable {
    var id: UUID
    var title: String
    var audience: CourseAudience
    var institutionID: UUID?
    var ownerName: String
    var versionID: UUID?
    var createdAt: Int64

    var placement: CoursePlacement { CoursePlacement(audience: audience, institutionID: institutionID) }
}

/// Milliseconds since 1970, the storage's time, and ISO 8601 for people.
enum CourseTime {
    static func ms(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    static func date(_ ms: Int64) -> Date { Date(timeIntervalSince1970: Double(ms) / 1000) }
    static func text(_ ms: Int64) -> String { ISO8601DateFormatter().string(from: date(ms)) }
    static func xapi(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: date)
    }
}
