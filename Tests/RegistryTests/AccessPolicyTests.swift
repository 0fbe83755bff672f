import Foundation
import Testing
@testable import Registry

@Suite("Access policy")
struct AccessPolicyTests {
    let schoolA = UUID()
    let schoolB = UUID()
    let enterpriseA = UUID()

    @Test func readFiltersPerRole() {
        let student = UUID()
        #expect(AccessPolicy.readFilter(.student, for: CallerScope(role: .cityAdmin)) == .all)
        #expect(AccessPolicy.readFilter(.student, for: CallerScope(role: .districtAdmin, districtCode: "440305")) == .district("440305"))
        #expect(AccessPolicy.readFilter(.student, for: CallerScope(role: .schoolAdmin, institutionID: schoolA)) == .institution(schoolA))
        #expect(AccessPolicy.readFilter(.student, for: CallerScope(role: .learner, studentID: student)) == .record(student))
        #expect(AccessPolicy.readFilter(.student, for: CallerScope(role: .enterprise, enterpriseID: enterpriseA)) == RowFilter.none)
        #expect(AccessPolicy.readFilter(.teacher, for: CallerScope(role: .creditReviewer)) == RowFilter.none)
        for role in Role.allCases {
            #expect(AccessPolicy.readFilter(.institution, for: CallerScope(role: role)) == .all)
        }
    }

    @Test func writesStayInsideTheScope() {
        let inA = RecordPlacement(districtCode: "440305", institutionID: schoolA)
        let inB = RecordPlacement(districtCode: "440306", institutionID: schoolB)
        let district = CallerScope(role: .districtAdmin, districtCode: "440305")
        let school = CallerScope(role: .schoolAdmin, institutionID: schoolA)
        #expect(AccessPolicy.canWrite(.student, at: inA, caller: district))
        #expect(!AccessPolicy.canWrite(.student, at: inB, caller: district))
        #expect(AccessPolicy.canWrite(.student, at: inA, caller: school))
        #expect(!AccessPolicy.canWrite(.student, at: inB, caller: school))
        #expect(!AccessPolicy.canWrite(.institution, at: inA, caller: school))
        for role in [Role.teacher, .learner, .creditReviewer] {
            #expect(!AccessPolicy.canWrite(.student, at: inA, caller: CallerScope(role: role, institutionID: schoolA)))
        }
        let enterprise = CallerScope(role: .enterprise, enterpriseID: enterpriseA)
        #expect(AccessPolicy.canWrite(.enterprise, at: RecordPlacement(districtCode: "440305", enterpriseID: enterpriseA), caller: enterprise))
        #expect(!AccessPolicy.canWrite(.enterprise, at: RecordPlacement(districtCode: "440305", enterpriseID: UUID()), caller: enterprise))
    }

    @Test func onlySomeRolesMayRevealIdentity() {
        let student = UUID()
        let place = RecordPlacement(districtCode: "440305", institutionID: schoolA, recordID: student)
        #expect(AccessPolicy.canRevealIdentity(of: .student, at: place, caller: CallerScope(role: .schoolAdmin, institutionID: schoolA)))
        #expect(!AccessPolicy.canRevealIdentity(of: .student, at: place, caller: CallerScope(role: .schoolAdmin, institutionID: schoolB)))
        #expect(!AccessPolicy.canRevealIdentity(of: .student, at: place, caller: CallerScope(role: .teacher, institutionID: schoolA)))
        #expect(!AccessPolicy.canRevealIdentity(of: .student, at: place, caller: CallerScope(role: .districtAdmin, districtCode: "440305")))
        #expect(AccessPolicy.canRevealIdentity(of: .student, at: place, caller: CallerScope(role: .learner, studentID: student)))
    }

    @Test func scopesNeedTheirBinding() {
        #expect(throws: CallerScope.Problem.missing("districtCode")) { try CallerScope(role: .districtAdmin).validated() }
        #expect(throws: CallerScope.Problem.missing("studentID")) { try CallerScope(role: .learner).validated() }
        #expect(throws: Never.self) { try CallerScope(role: .cityAdmin).validated() }
    }
}
