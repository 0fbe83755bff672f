import Foundation
import Testing
@testable import Registry

/// The named capabilities of the access policy beyond the registry: internships, the work list,
/// supervision, the credit bank's city-wide acts, the audit log and the menu.
@Suite("Access policy: capabilities and menu")
struct AccessCapabilityTests {
    let schoolA = UUID(), schoolB = UUID(), studentA = UUID(), studentB = UUID()

    var scopes: [Role: CallerScope] {
        [
            .cityAdmin: CallerScope(role: .cityAdmin),
            .districtAdmin: CallerScope(role: .districtAdmin, districtCode: "440305"),
            .schoolAdmin: CallerScope(role: .schoolAdmin, institutionID: schoolA),
            .teacher: CallerScope(role: .teacher, institutionID: schoolA, teacherID: UUID()),
            .enterprise: CallerScope(role: .enterprise, enterpriseID: UUID()),
            .learner: CallerScope(role: .learner, studentID: studentA),
            .creditReviewer: CallerScope(role: .creditReviewer),
            .responsibleUnit: CallerScope(role: .responsibleUnit, unit: "市人力资源社会保障局"),
        ]
    }

    func scope(_ role: Role) -> CallerScope { scopes[role] ?? CallerScope(role: role) }

    /// The reviewer reads every student record (to match credit-bank accounts) but never their
    /// internship choices; a school reads its own students' choices, not another school's.
    @Test func internshipChoicesAreTheStudentsAndTheirSchools() {
        let own = RecordPlacement(districtCode: "440305", institutionID: schoolA, recordID: studentA)
        let other = RecordPlacement(districtCode: "440306", institutionID: schoolB, recordID: studentB)
        #expect(!AccessPolicy.mayReadInternshipPreferences(caller: scope(.creditReviewer)))
        #expect(!AccessPolicy.canReadInternshipPreferences(of: own, caller: scope(.creditReviewer)))
        #expect(!AccessPolicy.mayReadInternshipPreferences(caller: scope(.enterprise)))
        for role in [Role.cityAdmin, .districtAdmin, .schoolAdmin, .teacher, .learner] {
            #expect(AccessPolicy.canReadInternshipPreferences(of: own, caller: scope(role)), "\(role)")
        }
        for role in [Role.districtAdmin, .schoolAdmin, .teacher, .learner] {
            #expect(!AccessPolicy.canReadInternshipPreferences(of: other, caller: scope(role)), "\(role)")
        }
        #expect(AccessPolicy.canSetInternshipPreferences(of: own, caller: scope(.learner)))
        #expect(AccessPolicy.canSetInternshipPreferences(of: own, caller: scope(.schoolAdmin)))
        #expect(!AccessPolicy.canSetInternshipPreferences(of: own, caller: scope(.teacher)))
        #expect(!AccessPolicy.canSetInternshipPreferences(of: own, caller: scope(.districtAdmin)))
        #expect(!AccessPolicy.canSetInternshipPreferences(of: other, caller: scope(.schoolAdmin)))
    }

    @Test func onlyTheCityRunsAndPublishesRounds() {
        for role in Role.allCases {
            #expect(AccessPolicy.canRunInternshipRound(caller: scope(role)) == (role == .cityAdmin))
            #expect(AccessPolicy.canPublishInternshipRound(caller: scope(role)) == (role == .cityAdmin))
        }
        #expect(AccessPolicy.internshipPlacementFilter(caller: scope(.learner)) == .record(studentA))
        #expect(AccessPolicy.internshipPlacementFilter(caller: scope(.creditReviewer)) == nil)
    }

    @Test func aUnitReportsOnItsOwnTasksAndTheCityReviews() {
        let unit = scope(.responsibleUnit)
        #expect(AccessPolicy.canReportOnWorkTask(responsibleUnits: ["市人力资源社会保障局", "市教育局"], caller: unit))
        #expect(!AccessPolicy.canReadWorkTask(responsibleUnits: ["市教育局"], caller: unit))
        #expect(AccessPolicy.canReadWorkTask(responsibleUnits: ["市教育局"], caller: scope(.cityAdmin)))
        #expect(!AccessPolicy.canReviewWorkReport(caller: unit))
        #expect(AccessPolicy.canReviewWorkReport(caller: scope(.cityAdmin)))
        for role in [Role.learner, .teacher, .schoolAdmin, .enterprise] {
            #expect(!AccessPolicy.mayUseWorkList(caller: scope(role)))
        }
    }

    @Test func supervisionFollowsTheAdministrativeTree() {
        let own = SupervisionPlacement.school(id: schoolA, districtCode: "440305")
        let other = SupervisionPlacement.school(id: schoolB, districtCode: "440306")
        #expect(AccessPolicy.canReadSupervision(at: own, caller: scope(.districtAdmin)))
        #expect(!AccessPolicy.canReadSupervision(at: other, caller: scope(.districtAdmin)))
        #expect(!AccessPolicy.canReadSupervision(at: .district(code: "440306"), caller: scope(.districtAdmin)))
        #expect(AccessPolicy.canReadSupervision(at: .city, caller: scope(.responsibleUnit)))
        #expect(!AccessPolicy.canDrillDownSupervision(at: .city, caller: scope(.districtAdmin)))
        #expect(AccessPolicy.canDrillDownSupervision(at: own, caller: scope(.schoolAdmin)))
        #expect(!AccessPolicy.canDrillDownSupervision(at: other, caller: scope(.schoolAdmin)))
        #expect(!AccessPolicy.mayReadSupervision(caller: scope(.learner)))
        #expect(AccessPolicy.supervisionHome(caller: scope(.schoolAdmin)) == .school(schoolA))
    }

    @Test func cityWideActsAreTheCitys() {
        for role in Role.allCases {
            let s = scope(role)
            #expect(AccessPolicy.canReadAuditLog(caller: s) == (role == .cityAdmin))
            #expect(AccessPolicy.canEditCreditRules(caller: s) == (role == .cityAdmin))
            #expect(AccessPolicy.canChangeCredentialStatus(caller: s) == [.cityAdmin, .creditReviewer].contains(role))
            #expect(AccessPolicy.submitsAsHolder(caller: s) == (role == .learner))
        }
        #expect(AccessPolicy.issuingInstitution(caller: scope(.schoolAdmin)) == schoolA)
        #expect(AccessPolicy.issuingInstitution(caller: scope(.teacher)) == nil)
        #expect(AccessPolicy.marketInstitutionFilter(caller: scope(.learner)) == RowFilter.none)
    }

    /// A menu offers only what the role may open: a learner sees neither supervision nor the
    /// work list; every role sees at least one area.
    @Test func theMenuShowsWhatTheRoleMayOpen() {
        let learner = AccessPolicy.menu(for: scope(.learner))
        #expect(!learner.contains(.supervision) && !learner.contains(.workList))
        #expect(learner.contains(.creditBank) && learner.contains(.internshipRounds))
        #expect(AccessPolicy.menu(for: scope(.cityAdmin)) == MenuArea.allCases.filter { $0 != .internshipChoices })
        #expect(AccessPolicy.menu(for: scope(.responsibleUnit)) == [.supervision, .workList, .library])
        // Courses are for those who may see one; the library's shared resources are everyone's.
        #expect(AccessPolicy.menu(for: scope(.enterprise)).contains(.library) && !AccessPolicy.menu(for: scope(.enterprise)).contains(.courses))
        #expect(AccessPolicy.menu(for: scope(.learner)).contains(.courses))
        #expect(!AccessPolicy.menu(for: scope(.teacher)).contains(.creditBank))
        for role in Role.allCases {
            let menu = AccessPolicy.menu(for: scope(role))
            #expect(menu.contains(.supervision) == AccessPolicy.mayReadSupervision(caller: scope(role)))
            #expect(menu.contains(.workList) == AccessPolicy.mayUseWorkList(caller: scope(role)))
            #expect(!(menu.isEmpty && AccessPolicy.registryMenu(for: scope(role)).isEmpty), "\(role) has an empty menu")
        }
        #expect(!AccessPolicy.registryMenu(for: scope(.learner)).contains(.teacher))
    }
}
