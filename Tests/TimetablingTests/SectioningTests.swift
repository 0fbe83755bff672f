import Testing
@testable import Timetabling

@Suite struct StudentSectioningTests {
    /// Periods 0–3. Math has two sections (periods 0 and 1), Art one (period 0, 1 seat),
    /// Music one (period 1), Drama one (period 2, 1 seat), Law none.
    static let offerings = [
        SectionOffering(sectionID: "math-1", courseID: "math", capacity: 2, periods: [0]),
        SectionOffering(sectionID: "math-2", courseID: "math", capacity: 2, periods: [1]),
        SectionOffering(sectionID: "art-1", courseID: "art", capacity: 1, periods: [0]),
        SectionOffering(sectionID: "music-1", courseID: "music", capacity: 5, periods: [1]),
        SectionOffering(sectionID: "drama-1", courseID: "drama", capacity: 1, periods: [2]),
    ]

    @Test func placesRequiredCoursesAroundEachOther() {
        var sectioning = StudentSectioning(offerings: Self.offerings, periodCount: 4)
        // Art is only at 0, so the search must put math at 1.
        sectioning.sectionAll([StudentRequests(studentID: "s1", required: ["math", "art"])])
        #expect(Set(sectioning.sections(of: "s1")) == ["math-2", "art-1"])
        #expect(sectioning.allUnmet.isEmpty)
    }

    @Test func reportsAFullSection() {
        var sectioning = StudentSectioning(offerings: Self.offerings, periodCount: 4)
        sectioning.sectionAll([
            StudentRequests(studentID: "s1", required: [], electives: [.init(priority: 1, alternatives: ["drama"])]),
            StudentRequests(studentID: "s2", required: [], electives: [.init(priority: 1, alternatives: ["drama"])]),
        ])
        #expect(sectioning.sections(of: "s1") == ["drama-1"])
        #expect(sectioning.sections(of: "s2").isEmpty)
        #expect(sectioning.allUnmet == [UnmetRequest(studentID: "s2", courseID: "drama", required: false, reason: .full)])
        #expect(sectioning.enrolled.enumerated().allSatisfy { $0.element <= Self.offerings[$0.offset].capacity })
    }

    @Test func reportsAClashWithARequiredCourse() {
        var sectioning = StudentSectioning(offerings: Self.offerings, periodCount: 4)
        // Art (required) takes period 0; math-1 is full after two others; math-2 at 1 is free, so
        // music (only at 1) clashes with the required math.
        sectioning.sectionAll([
            StudentRequests(studentID: "a", required: ["math"]),
            StudentRequests(studentID: "b", required: ["math"]),
            StudentRequests(studentID: "s", required: ["art", "math"], electives: [.init(priority: 1, alternatives: ["music"])]),
        ])
        #expect(Set(sectioning.sections(of: "s")) == ["art-1", "math-2"])
        #expect(sectioning.allUnmet == [UnmetRequest(studentID: "s", courseID: "music", required: false, reason: .clashWithRequired)])
    }

    @Test func takesTheAlternativeWhenTheFirstChoiceIsFull() {
        var sectioning = StudentSectioning(offerings: Self.offerings, periodCount: 4)
        sectioning.sectionAll([
            StudentRequests(studentID: "s1", required: [], electives: [.init(priority: 1, alternatives: ["drama", "music"])]),
            StudentRequests(studentID: "s2", required: [], electives: [.init(priority: 1, alternatives: ["drama", "music"])]),
            StudentRequests(studentID: "s3", required: [], electives: [.init(priority: 1, alternatives: ["law"])]),
        ])
        #expect(sectioning.sections(of: "s1") == ["drama-1"])
        #expect(sectioning.sections(of: "s2") == ["music-1"])
        #expect(sectioning.allUnmet == [UnmetRequest(studentID: "s3", courseID: "law", required: false, reason: .noSection)])
    }

    @Test func firstPrioritiesOfEveryoneComeBeforeSecondOnes() {
        var sectioning = StudentSectioning(offerings: Self.offerings, periodCount: 4)
        // s1's second choice is drama, s2's first: s2 gets the one seat although s1 comes first.
        sectioning.sectionAll([
            StudentRequests(studentID: "s1", required: [], electives: [.init(priority: 1, alternatives: ["music"]), .init(priority: 2, alternatives: ["drama"])]),
            StudentRequests(studentID: "s2", required: [], electives: [.init(priority: 1, alternatives: ["drama"])]),
        ])
        #expect(sectioning.sections(of: "s2") == ["drama-1"])
        #expect(sectioning.sections(of: "s1") == ["music-1"])
    }

    @Test func resectioningOneStudentMovesNobodyElse() {
        var sectioning = StudentSectioning(offerings: Self.offerings, periodCount: 4)
        let others = (0..<3).map { StudentRequests(studentID: "o\($0)", required: ["math"], electives: [.init(priority: 1, alternatives: ["music"])]) }
        let me = StudentRequests(studentID: "me", required: ["math"], electives: [.init(priority: 1, alternatives: ["drama"])])
        sectioning.sectionAll(others + [me])
        let before = Dictionary(uniqueKeysWithValues: others.map { ($0.studentID, sectioning.sections(of: $0.studentID)) })
        let enrolledBefore = sectioning.enrolled
        // Drop drama, add art (period 0): math must move to period 1 for this student only.
        sectioning.resection(StudentRequests(studentID: "me", required: ["math", "art"]))
        for other in others { #expect(sectioning.sections(of: other.studentID) == before[other.studentID]) }
        #expect(Set(sectioning.sections(of: "me")) == ["art-1", "math-2"])
        #expect(sectioning.enrolled[4] == enrolledBefore[4] - 1)
        #expect(sectioning.enrolled.enumerated().allSatisfy { $0.element <= Self.offerings[$0.offset].capacity })
    }

    @Test func oddAndEvenWeekSectionsDoNotClash() {
        let offerings = [
            SectionOffering(sectionID: "lab-odd", courseID: "lab", capacity: 5, periods: [0], weeks: .odd),
            SectionOffering(sectionID: "cad-even", courseID: "cad", capacity: 5, periods: [0], weeks: .even),
            SectionOffering(sectionID: "pe", courseID: "pe", capacity: 5, periods: [0]),
        ]
        var sectioning = StudentSectioning(offerings: offerings, periodCount: 1)
        sectioning.sectionAll([StudentRequests(studentID: "s", required: ["lab", "cad", "pe"])])
        #expect(Set(sectioning.sections(of: "s")) == ["lab-odd", "cad-even"])
        #expect(sectioning.allUnmet.map(\.reason) == [.clashWithRequired])
    }
}
