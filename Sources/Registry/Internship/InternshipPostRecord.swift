/// 实习岗位: a post an enterprise offers to vocational students, with its places, the programs
/// it wants, where and when. Places count towards the enterprise's 2 % quota.
public struct InternshipPostRecord: RegistryRecord, Hashable {
    public var enterpriseCode: String
    public var title: String
    public var capacity: Int
    /// 2021 catalogue codes of the programs the post wants; empty = any program.
    public var programCodes: [String]
    public var districtCode: String
    /// First and last month of the internship, `YYYY-MM`.
    public var periodStart: String
    public var periodEnd: String

    public static let fields: [FieldSpec] = [
        FieldSpec("enterpriseCode", "统一社会信用代码", .text(maxLength: 18), "The enterprise's 统一社会信用代码"),
        FieldSpec("title", "岗位名称", .text(maxLength: 100), "Post title"),
        FieldSpec("capacity", "招收人数", .integer(min: 1, max: 10_000), "Places"),
        FieldSpec("programCodes", "对口专业代码", .text(maxLength: 400), required: false, "Program codes wanted, separated by ; (empty: any program)"),
        FieldSpec("districtCode", "所在区", .code(maxLength: 6), "District of the workplace"),
        FieldSpec("periodStart", "开始月份", .text(maxLength: 7), "First month, YYYY-MM"),
        FieldSpec("periodEnd", "结束月份", .text(maxLength: 7), "Last month, YYYY-MM"),
    ]

    public static func validate(_ v: FieldValues, catalog: ReferenceCatalog, today: CivilDate) -> Result<Self, ValidationFailure> {
        var r = FieldReader()
        var enterprise: String?
        if let text = r.required("enterpriseCode", v["enterpriseCode"], maxLength: 18) {
            do { enterprise = try UnifiedSocialCreditCode(text).value } catch { r.fail(error.fieldError("enterpriseCode")) }
        }
        let title = r.required("title", v["title"], maxLength: 100)
        let capacity = r.integer("capacity", v["capacity"], min: 1, max: 10_000)
        var programs: [String] = []
        if let text = r.optional("programCodes", v["programCodes"], maxLength: 400) {
            let separators: Set<Character> = [";", "；", ",", "，", "、", " "]
            for code in text.split(whereSeparator: { separators.contains($0) }).map(String.init) {
                if catalog.programs[code] == nil {
                    r.fail(.notInList("programCodes", value: code, list: "职业教育专业目录（2021）program catalogue"))
                } else if !programs.contains(code) {
                    programs.append(code)
                }
            }
        }
        let district = r.district("districtCode", v["districtCode"], catalog: catalog)
        let start = r.month("periodStart", v["periodStart"])
        let end = r.month("periodEnd", v["periodEnd"])
        if let start, let end, end < start {
            r.fail(FieldError(field: "periodEnd", zh: "结束月份不能早于开始月份", en: "must not be before periodStart"))
        }
        guard r.errors.isEmpty, let enterprise, let title, let capacity, let district, let start, let end else { return .failure(.init(r.errors)) }
        return .success(InternshipPostRecord(
            enterpriseCode: enterprise, title: title, capacity: capacity, programCodes: programs,
            districtCode: district, periodStart: start, periodEnd: end
        ))
    }
}

extension FieldReader {
    /// A month as `YYYY-MM` (also `YYYY/MM` or `YYYY.MM`), normalised to `YYYY-MM`; a date cell
    /// (`YYYY-MM-DD`, as Excel stores a month it shows as 2026-09) gives its month.
    public mutating func month(_ field: String, _ value: String?) -> String? {
        guard let text = required(field, value, maxLength: 19) else { return nil }
        var parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        if parts.count == 3, CivilDate(iso: String(text.prefix(10)).replacingOccurrences(of: "/", with: "-")) != nil { parts.removeLast() }
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), (2000...2100).contains(year), (1...12).contains(month) else {
            fail(FieldError(field: field, zh: "月份“\(text)”格式应为YYYY-MM", en: "'\(text)' must be a month as YYYY-MM"))
            return nil
        }
        return String(format: "%04d-%02d", year, month)
    }
}

import Foundation
