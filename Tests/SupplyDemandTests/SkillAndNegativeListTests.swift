import Testing
@testable import SupplyDemand

@Suite struct SkillGapTests {
    @Test func mostDemandedLeastTaughtFirst() {
        // python: demanded 30 + 10 = 40, taught to 25 → gap 15.
        // plc: demanded 20, taught 0 → gap 20.
        // 焊接: demanded 5, taught 50 → gap −45.
        let demand = [SkillDemandFact(skills: ["python", "plc"], headcount: 20), SkillDemandFact(skills: ["python"], headcount: 10),
                      SkillDemandFact(skills: ["python", "python"], headcount: 10), SkillDemandFact(skills: ["焊接"], headcount: 5)]
        let supply = [SkillSupplyFact(skills: ["python", "office"], graduated: 25), SkillSupplyFact(skills: ["焊接"], graduated: 50)]
        let ranked = SkillGap.rank(demand: demand, supply: supply)
        #expect(ranked.map(\.skill) == ["plc", "python", "焊接"])
        #expect(ranked.map(\.gap) == [20, 15, -45])
        #expect(ranked[1].demanded == 40)
        #expect(ranked[1].taught == 25)
    }

    @Test func noDemandNoSkills() {
        #expect(SkillGap.rank(demand: [], supply: [SkillSupplyFact(skills: ["python"], graduated: 3)]).isEmpty)
    }
}

@Suite struct NegativeListTests {
    let rules = [
        NegativeListRule(code: "NL-01", terms: ["收取学生费用", "实习押金"], description: "不得向学生收取实习押金或费用", basis: "职业学校学生实习管理规定 第十六条"),
        NegativeListRule(code: "NL-02", terms: ["加班"], appliesTo: "order_class", description: "订单班学生不得安排加班"),
    ]

    @Test func findsTermsIgnoringSpacesWidthAndCase() {
        let agreement = AgreementText(kind: "training_base", title: "共建实训基地协议",
                                      terms: "第五条 乙方可向学员收 取 学 生 费 用，用于设备维护。")
        let found = NegativeListCheck.violations(of: agreement, rules: rules)
        #expect(found.count == 1)
        #expect(found.first?.ruleCode == "NL-01")
        #expect(found.first?.field == "terms")
        #expect(found.first?.excerpt.contains("收 取 学 生 费 用") == true)
    }

    @Test func aRuleForOneKindIgnoresOthers() {
        let overtime = AgreementText(kind: "apprenticeship", title: "学徒协议", terms: "旺季可安排加班")
        #expect(NegativeListCheck.violations(of: overtime, rules: rules).isEmpty)
        let order = AgreementText(kind: "order_class", title: "订单班协议", terms: "旺季可安排加班")
        #expect(NegativeListCheck.violations(of: order, rules: rules).map(\.ruleCode) == ["NL-02"])
    }

    @Test func cleanAgreementsPassAndFullWidthLettersMatch() {
        #expect(NegativeListCheck.violations(of: AgreementText(kind: "order_class", title: "订单班", terms: nil), rules: rules).isEmpty)
        let latin = [NegativeListRule(code: "NL-03", terms: ["deposit"], description: "no deposits")]
        #expect(NegativeListCheck.violations(of: AgreementText(kind: "x", title: "Ｄｅｐｏｓｉｔ required", terms: nil), rules: latin).count == 1)
    }
}

@Suite struct MappingSuggestionTests {
    let groups = [(code: "4-04-05", name: "软件和信息技术服务人员"), (code: "6-25-04", name: "电子设备装配调试人员"), (code: "4-10-01", name: "餐饮服务人员")]

    @Test func sharedNamePiecesSuggestTheGroup() {
        #expect(MappingSuggestion.suggest(programName: "软件技术", occupations: groups) == ["4-04-05"])
        // 电子 and 信息 each match one group once: a tie, broken by code.
        #expect(MappingSuggestion.suggest(programName: "电子信息工程技术", occupations: groups) == ["4-04-05", "6-25-04"])
    }

    @Test func commonPiecesAloneSuggestNothing() {
        // 技术 and 人员 are ignored: 园艺技术 shares nothing else.
        #expect(MappingSuggestion.suggest(programName: "园艺技术", occupations: groups).isEmpty)
    }
}
