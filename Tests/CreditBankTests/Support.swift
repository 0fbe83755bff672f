import Foundation
import Registry
@testable import CreditBank

func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

let learnerA = UUID(uuidString: "00000000-0000-0000-0000-00000000000A")!

func outcome(_ kind: OutcomeKind, code: String? = nil, level: LevelRef? = nil, hours: Int? = nil, score: Int? = nil,
             awarded: String = "2025-06-30", validUntil: String? = nil, learner: UUID = learnerA) -> LearningOutcome {
    LearningOutcome(learnerID: learner, kind: kind, issuer: "测试发证机构", title: code ?? kind.rawValue, code: code, level: level, hours: hours, score: score,
                    awardedOn: day(awarded), validUntil: validUntil.map(day), field: "51")
}
