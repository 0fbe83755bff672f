import Foundation

/// Internship allocation (实习分配): rounds, placements and students' ranked choices (实习志愿).
extension AccessPolicy {
    /// Whether `caller` may run an allocation round (运行分配轮次): the city alone, because a
    /// round draws on every school's students and every enterprise's posts.
    public static func canRunInternshipRound(caller: CallerScope) -> Bool {
        caller.role == .cityAdmin
    }

    /// Whether `caller` may publish a draft round (发布分配结果): final and audited, the city's act.
    public static func canPublishInternshipRound(caller: CallerScope) -> Bool {
        caller.role == .cityAdmin
    }

    /// Whether `caller` sees draft rounds (草稿轮次): the city that runs them and the districts
    /// that check them; everyone else sees a round only once it is published.
    public static func seesDraftInternshipRounds(caller: CallerScope) -> Bool {
        caller.role == .cityAdmin || caller.role == .districtAdmin
    }

    /// The placements of a round that `caller` may see (分配结果): each role its own slice, by
    /// the placement's district, school, enterprise or student. Nil: the role sees none at all
    /// (a reviewer, a responsible unit), which is refused before any round is looked up.
    public static func internshipPlacementFilter(caller: CallerScope) -> RowFilter? {
        switch caller.role {
        case .cityAdmin: .all
        case .districtAdmin: caller.districtCode.map(RowFilter.district) ?? RowFilter.none
        case .schoolAdmin, .teacher: caller.institutionID.map(RowFilter.institution) ?? RowFilter.none
        case .enterprise: caller.enterpriseID.map(RowFilter.enterprise) ?? RowFilter.none
        case .learner: caller.studentID.map(RowFilter.record) ?? RowFilter.none
        case .creditReviewer, .responsibleUnit: nil
        }
    }

    /// Whether `caller`'s role may read some student's internship choices at all. Choices say
    /// where a minor wants to work: only the student, their school and the education
    /// authorities above it read them — not a credit-bank reviewer, not an enterprise.
    public static func mayReadInternshipPreferences(caller: CallerScope) -> Bool {
        [.cityAdmin, .districtAdmin, .schoolAdmin, .teacher, .learner].contains(caller.role)
    }

    /// Whether `caller` may read the choices of the student at `student` (实习志愿查看).
    public static func canReadInternshipPreferences(of student: RecordPlacement, caller: CallerScope) -> Bool {
        switch caller.role {
        case .cityAdmin: true
        case .districtAdmin: caller.districtCode != nil && student.districtCode == caller.districtCode
        case .schoolAdmin, .teacher: caller.institutionID != nil && student.institutionID == caller.institutionID
        case .learner: caller.studentID != nil && student.recordID == caller.studentID
        default: false
        }
    }

    /// Whether `caller`'s role may set some student's choices at all: the learner, their
    /// school (for schools that collect choices on paper) and the city.
    public static func maySetInternshipPreferences(caller: CallerScope) -> Bool {
        [.cityAdmin, .schoolAdmin, .learner].contains(caller.role)
    }

    /// Whether `caller` may replace the choices of the student at `student` (实习志愿填报).
    public static func canSetInternshipPreferences(of student: RecordPlacement, caller: CallerScope) -> Bool {
        guard maySetInternshipPreferences(caller: caller) else { return false }
        return canReadInternshipPreferences(of: student, caller: caller)
    }

    /// Whether `caller` may rank the applicants of the post at `post` (企业对申请者排序): the
    /// enterprise that offers it, and the city and district that may edit the post for it —
    /// exactly those who may change the post itself.
    public static func canRankInternshipApplicants(of post: RecordPlacement, caller: CallerScope) -> Bool {
        canWrite(.internshipPost, at: post, caller: caller)
    }

    /// Whether `caller` has choices of their own to enter (实习志愿填报): a learner with a student record.
    public static func mayChooseOwnInternships(caller: CallerScope) -> Bool {
        caller.role == .learner && caller.studentID != nil && maySetInternshipPreferences(caller: caller)
    }

    /// Whether `caller`'s role may rank the applicants of some post at all: those who may change
    /// posts (the city, a district, an enterprise for its own).
    public static func mayRankSomeInternshipApplicants(caller: CallerScope) -> Bool {
        switch caller.role {
        case .cityAdmin: true
        case .districtAdmin: caller.districtCode != nil
        case .enterprise: caller.enterpriseID != nil
        default: false
        }
    }
}
