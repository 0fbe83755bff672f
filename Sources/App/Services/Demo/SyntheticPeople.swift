import Registry

/// Plausible Chinese names and identity numbers that pass every check the registry makes.
struct SyntheticPeople {
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").map(String.init)
    static let givenMale = Array("伟强磊军洋勇杰涛明超辉刚健斌波鹏宇浩然俊峰凯晨睿哲轩博文瑞航宁志豪东旭").map(String.init)
    static let givenFemale = Array("芳娜敏静丽艳娟霞燕玲婷雪慧琳颖倩洁晶欣怡佳雨萱梦琪悦婉蕾薇月彤").map(String.init)

    var rng: SeededGenerator
    private var usedIDs: Set<String> = []
    let regionCodes: [String]

    init(seed: UInt64, regionCodes: [String]) {
        rng = SeededGenerator(seed: seed)
        self.regionCodes = regionCodes
    }

    mutating func name(_ sex: Sex) -> String {
        let given = sex == .male ? Self.givenMale : Self.givenFemale
        let first = rng.pick(Self.surnames)
        return rng.chance(0.7) ? first + rng.pick(given) + rng.pick(given) : first + rng.pick(given)
    }

    /// A unique, valid 18-character mainland ID for someone born in `years`.
    mutating func residentID(sex: Sex, bornIn years: ClosedRange<Int>) -> String {
        while true {
            let region = rng.pick(regionCodes)
            let year = Int.random(in: years, using: &rng)
            let month = Int.random(in: 1...12, using: &rng)
            let day = Int.random(in: 1...28, using: &rng)
            var seq = Int.random(in: 0...499, using: &rng) * 2
            if sex == .male { seq += 1 }
            let body = region + String(format: "%04d%02d%02d%03d", year, month, day, seq)
            let digits = body.compactMap { $0.wholeNumberValue }
            let id = body + String(ResidentIDNumber.checkCharacter(for: digits))
            if usedIDs.insert(id).inserted { return id }
        }
    }

    /// A unique, valid Hong Kong identity card number.
    mutating func hongKongID() -> String {
        while true {
            let letter = String(UnicodeScalar(UInt8(65 + Int.random(in: 0..<26, using: &rng))))
            let body = letter + String(format: "%06d", Int.random(in: 0...999_999, using: &rng))
            let id = body + "(" + String(HongKongIdentityCard.checkCharacter(for: body)) + ")"
            if usedIDs.insert(id).inserted { return id }
        }
    }

    mutating func macauID() -> String {
        while true {
            let id = rng.pick(["1", "5", "7"]) + String(format: "%07d", Int.random(in: 0...9_999_999, using: &rng))
            if usedIDs.insert(id).inserted { return id }
        }
    }

    /// A unique, valid 统一社会信用代码 of a company registered in `division`.
    mutating func creditCode(division: String) -> String {
        let alphabet = UnifiedSocialCreditCode.alphabet
        while true {
            // Organisation codes use digits and the letters GB 11714 allows.
            var values = [9, 1] + division.compactMap { $0.wholeNumberValue }
            values += (0..<8).map { _ in Int.random(in: 0..<31, using: &rng) }
            guard let orgCheck = UnifiedSocialCreditCode.organisationCheckCharacter(for: Array(values[8..<16])),
                  let orgValue = alphabet.firstIndex(of: orgCheck) else { continue }
            values.append(orgValue)
            let code = String(values.map { alphabet[$0] }) + String(UnifiedSocialCreditCode.checkCharacter(for: values))
            if usedIDs.insert(code).inserted { return code }
        }
    }
}
