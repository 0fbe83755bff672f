/// 学生分班: places students into sections of a timetabled term. Each student's required courses
/// are placed together by a small depth-first search (no clash, seats left, emptiest section first);
/// then electives in rounds by priority across all students, so that everyone's first choice is
/// tried before anyone's second; within a request the alternatives are tried in order. A student
/// can be re-sectioned alone (add/drop) without moving anyone else.
public struct StudentSectioning: Sendable {
    public let offerings: [SectionOffering]
    /// Seats taken per offering.
    public private(set) var enrolled: [Int]
    /// Offering indices per student.
    public private(set) var assignment: [String: [Int]]
    public private(set) var unmet: [String: [UnmetRequest]]
    private let sectionsOfCourse: [String: [Int]]
    private let sectionIndex: [String: Int]
    /// Per offering, its busy bits: word `i` of parity `b` at index `i * 2 + b`.
    private let busy: [[UInt64]]
    private let words: Int

    public init(offerings: [SectionOffering], periodCount: Int) {
        self.offerings = offerings
        words = max(1, (periodCount + 63) / 64)
        enrolled = Array(repeating: 0, count: offerings.count)
        assignment = [:]
        unmet = [:]
        var byCourse: [String: [Int]] = [:]
        for (i, offering) in offerings.enumerated() { byCourse[offering.courseID, default: []].append(i) }
        sectionsOfCourse = byCourse
        sectionIndex = Dictionary(offerings.enumerated().map { ($1.sectionID, $0) }, uniquingKeysWith: { a, _ in a })
        let words = max(1, (periodCount + 63) / 64)
        busy = offerings.map { offering in
            var bits = Array(repeating: UInt64(0), count: words * 2)
            for p in offering.periods where p >= 0 {
                for b in 0..<2 where offering.weeks.mask & (1 << b) != 0 { bits[(p / 64) * 2 + b] |= 1 << UInt64(p % 64) }
            }
            return bits
        }
    }

    /// Sections every student, required courses first, then electives by priority.
    public mutating func sectionAll(_ students: [StudentRequests]) {
        var schedules: [String: [UInt64]] = [:]
        for student in students {
            var schedule = Array(repeating: UInt64(0), count: words * 2)
            placeRequired(student, schedule: &schedule)
            schedules[student.studentID] = schedule
        }
        let priorities = Set(students.flatMap { $0.electives.map(\.priority) }).sorted()
        for priority in priorities {
            for student in students {
                guard var schedule = schedules[student.studentID] else { continue }
                for elective in student.electives where elective.priority == priority {
                    placeElective(elective, for: student, schedule: &schedule)
                }
                schedules[student.studentID] = schedule
            }
        }
    }

    /// Add/drop: frees this student's seats and sections them again against everyone else's
    /// current places. Nobody else moves.
    public mutating func resection(_ student: StudentRequests) {
        for i in assignment[student.studentID] ?? [] { enrolled[i] -= 1 }
        assignment[student.studentID] = []
        unmet[student.studentID] = []
        var schedule = Array(repeating: UInt64(0), count: words * 2)
        placeRequired(student, schedule: &schedule)
        for elective in student.electives.sorted(by: { $0.priority < $1.priority }) {
            placeElective(elective, for: student, schedule: &schedule)
        }
    }

    /// Section IDs of a student's places.
    public func sections(of studentID: String) -> [String] {
        (assignment[studentID] ?? []).map { offerings[$0].sectionID }
    }

    public var allUnmet: [UnmetRequest] { unmet.keys.sorted().flatMap { unmet[$0] ?? [] } }

    // MARK: placing

    private func fits(_ i: Int, _ schedule: [UInt64]) -> Bool {
        let bits = busy[i]
        for w in bits.indices where bits[w] & schedule[w] != 0 { return false }
        return true
    }

    private func hasSeat(_ i: Int) -> Bool { enrolled[i] < offerings[i].capacity }

    private mutating func take(_ i: Int, for studentID: String, schedule: inout [UInt64]) {
        enrolled[i] += 1
        assignment[studentID, default: []].append(i)
        for w in schedule.indices { schedule[w] |= busy[i][w] }
    }

    private mutating func placeRequired(_ student: StudentRequests, schedule: inout [UInt64]) {
        for id in student.classSections {
            guard let i = sectionIndex[id] else {
                unmet[student.studentID, default: []].append(UnmetRequest(studentID: student.studentID, courseID: id, required: true, reason: .noSection))
                continue
            }
            if hasSeat(i) && fits(i, schedule) {
                take(i, for: student.studentID, schedule: &schedule)
            } else {
                unmet[student.studentID, default: []].append(UnmetRequest(studentID: student.studentID, courseID: offerings[i].courseID, required: true,
                                                                          reason: hasSeat(i) ? .clashWithRequired : .full))
            }
        }
        // Fewest sections first; the search tries each course's sections emptiest first.
        let courses = student.required.sorted { (sectionsOfCourse[$0]?.count ?? 0, $0) < (sectionsOfCourse[$1]?.count ?? 0, $1) }
        var chosen = Array(repeating: -1, count: courses.count)
        var budget = 2_000
        var best: [Int] = chosen
        var bestPlaced = -1
        func search(_ k: Int, _ schedule: [UInt64], placed: Int) {
            if placed > bestPlaced { bestPlaced = placed; best = chosen }
            guard k < courses.count, budget > 0, bestPlaced < courses.count else { return }
            budget -= 1
            let candidates = (sectionsOfCourse[courses[k]] ?? []).filter { hasSeat($0) && fits($0, schedule) }
                .sorted { (enrolled[$0] * 1000 / max(1, offerings[$0].capacity), $0) < (enrolled[$1] * 1000 / max(1, offerings[$1].capacity), $1) }
            for i in candidates {
                chosen[k] = i
                var next = schedule
                for w in next.indices { next[w] |= busy[i][w] }
                search(k + 1, next, placed: placed + 1)
                chosen[k] = -1
                if bestPlaced == courses.count || budget <= 0 { return }
            }
            // Leave this course out and place the others.
            search(k + 1, schedule, placed: placed)
        }
        search(0, schedule, placed: 0)
        for k in courses.indices where best[k] >= 0 { take(best[k], for: student.studentID, schedule: &schedule) }
        for (k, course) in courses.enumerated() where best[k] < 0 {
            // Against all the required places: a free section that fits them only lost to the search budget.
            var reason = reasonUnplaced([course], schedule: schedule, requiredOnly: schedule)
            if reason == .clashWithElective { reason = .clashWithRequired }
            unmet[student.studentID, default: []].append(UnmetRequest(studentID: student.studentID, courseID: course, required: true, reason: reason))
        }
        requiredSchedules[student.studentID] = schedule
    }

    private mutating func placeElective(_ elective: StudentRequests.Elective, for student: StudentRequests, schedule: inout [UInt64]) {
        let taken = Set((assignment[student.studentID] ?? []).map { offerings[$0].courseID })
        for course in elective.alternatives where !taken.contains(course) {
            let candidates = (sectionsOfCourse[course] ?? []).filter { hasSeat($0) && fits($0, schedule) }
            if let i = candidates.min(by: { (enrolled[$0] * 1000 / max(1, offerings[$0].capacity), $0) < (enrolled[$1] * 1000 / max(1, offerings[$1].capacity), $1) }) {
                take(i, for: student.studentID, schedule: &schedule)
                return
            }
        }
        if elective.alternatives.contains(where: taken.contains) { return }
        let reason = reasonUnplaced(elective.alternatives, schedule: schedule,
                                    requiredOnly: requiredSchedules[student.studentID] ?? schedule)
        unmet[student.studentID, default: []].append(UnmetRequest(studentID: student.studentID, courseID: elective.alternatives.first ?? "",
                                                                  required: false, reason: reason))
    }

    /// The reason none of `courses` could be placed: no section at all; else every section full;
    /// else the free ones clash with required courses; else they clash with electives.
    private func reasonUnplaced(_ courses: [String], schedule: [UInt64], requiredOnly: [UInt64]) -> UnmetRequest.Reason {
        let sections = courses.flatMap { sectionsOfCourse[$0] ?? [] }
        if sections.isEmpty { return .noSection }
        let open = sections.filter(hasSeat)
        if open.isEmpty { return .full }
        return open.contains { fits($0, requiredOnly) } ? .clashWithElective : .clashWithRequired
    }

    private var requiredSchedules: [String: [UInt64]] = [:]
}
