@testable import App
import Foundation
import Registry
import Testing

/// Each role's menu, as the policy derives it: only what the role can open.
@Suite("Navigation: a menu per role from the access policy")
struct NavigationTests {
    static let district = CallerScope(role: .districtAdmin, districtCode: "440305")
    static let school = CallerScope(role: .schoolAdmin, institutionID: UUID())
    static let teacher = CallerScope(role: .teacher, institutionID: UUID(), teacherID: UUID())
    static let enterprise = CallerScope(role: .enterprise, enterpriseID: UUID())
    static let learner = CallerScope(role: .learner, studentID: UUID())
    static let reviewer = CallerScope(role: .creditReviewer)
    static let unit = CallerScope(role: .responsibleUnit, unit: "市人力资源社会保障局")
    static let city = CallerScope(role: .cityAdmin)

    /// The areas each role's menu holds, written out so a policy change shows up here.
    static let expectedAreas: [Role: [MenuArea]] = [
        .cityAdmin: [.internshipQuotas, .internshipRounds, .internshipApplicants, .market, .supervision, .workList, .creditBank, .learningRecords, .revealGrants, .courses, .library],
        .districtAdmin: [.internshipQuotas, .internshipRounds, .internshipApplicants, .market, .supervision, .library],
        .schoolAdmin: [.internshipQuotas, .internshipRounds, .market, .supervision, .creditBank, .learningRecords, .revealGrants, .courses, .library],
        .teacher: [.internshipQuotas, .internshipRounds, .market, .learningRecords, .courses, .library],
        .enterprise: [.internshipQuotas, .internshipRounds, .internshipApplicants, .market, .library],
        .learner: [.internshipRounds, .internshipChoices, .market, .creditBank, .learningRecords, .courses, .library],
        .creditReviewer: [.creditBank, .library],
        .responsibleUnit: [.supervision, .workList, .library],
    ]

    static var scopes: [CallerScope] { [city, district, school, teacher, enterprise, learner, reviewer, unit] }

    @Test(arguments: scopes)
    func menuHoldsExactlyThePolicysAreas(scope: CallerScope) {
        let entries = Navigation.entries(for: scope)
        #expect(entries.first == .home, "every menu starts at the role's home")
        #expect(Navigation.areas(for: scope) == Self.expectedAreas[scope.role], "\(scope.role) areas")
        // Registry lists: exactly those the role reads some row of.
        let lists = Navigation.registryLists(for: scope)
        #expect(lists == RegistryEntity.allCases.filter { AccessPolicy.readFilter($0, for: scope) != .none })
        #expect(Set(entries).count == entries.count, "no entry twice")
    }

    @Test func theIssuesRefusalsAreGoneFromTheMenus() {
        // Issue 19: a learner was offered 督导监测 and 工作任务, a teacher and an enterprise
        // 学分银行, school and district administrators 工作任务 — each answered 403.
        for area in [MenuArea.supervision, .workList] { #expect(!Navigation.areas(for: Self.learner).contains(area)) }
        #expect(!Navigation.areas(for: Self.teacher).contains(.creditBank))
        #expect(!Navigation.areas(for: Self.enterprise).contains(.creditBank))
        #expect(!Navigation.areas(for: Self.school).contains(.workList))
        #expect(!Navigation.areas(for: Self.district).contains(.workList))
        // A reviewer has no registry list except students (for the learners it reviews).
        #expect(Navigation.registryLists(for: Self.reviewer).contains(.student))
        #expect(!Navigation.registryLists(for: Self.enterprise).contains(.student))
    }

    @Test func everyEntryHasALinkAndBothLabels() {
        for scope in Self.scopes {
            let links = NavigationLink.menu(for: scope)
            #expect(links.count == Navigation.entries(for: scope).count)
            for link in links {
                #expect(link.path.hasPrefix("/"))
                #expect(!link.zh.isEmpty && !link.en.isEmpty && link.zh != link.en, "\(link.path) labelled in both languages")
            }
            #expect(Set(links.map(\.path)).count == links.count, "\(scope.role): no two entries lead to the same page")
        }
    }
}
