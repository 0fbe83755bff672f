/// Which occupation groups (小类) each catalogue program prepares for, both ways round.
public struct OccupationMap: Sendable {
    public private(set) var occupationsByProgram: [String: [String]] = [:]
    public private(set) var programsByOccupation: [String: [String]] = [:]

    public init(_ pairs: [(catalogCode: String, occupationGroup: String)]) {
        for (program, occupation) in pairs {
            if occupationsByProgram[program]?.contains(occupation) == true { continue }
            occupationsByProgram[program, default: []].append(occupation)
            programsByOccupation[occupation, default: []].append(program)
        }
        for key in occupationsByProgram.keys { occupationsByProgram[key]?.sort() }
        for key in programsByOccupation.keys { programsByOccupation[key]?.sort() }
    }

    public func occupations(of catalogCode: String) -> [String] { occupationsByProgram[catalogCode] ?? [] }
    public func programs(for occupationGroup: String) -> [String] { programsByOccupation[occupationGroup] ?? [] }
}
