import Foundation
import Registry

enum LabourDemandResource: RegistryResource {
    typealias Record = LabourDemandRecord
    static let entity = RegistryEntity.labourDemand
    static let path = "labour-demands"
    static let table = "labour_demands"
    static let titleZh = "用工需求"
    static let titleEn = "Labour demand"
    static let naturalKeys = [NaturalKey(columns: ["enterprise_code", "title", "occupation_code", "period_start"], field: "title")]

    static func addReferences(of record: Record, to needs: inout ReferenceNeeds) {
        needs.enterpriseCodes.insert(record.enterpriseCode)
    }

    static func store(_ r: Record, id: UUID, lookups: ReferenceLookups, vault: PersonalDataVault) -> Result<StoredRecord, ValidationFailure> {
        guard let enterprise = lookups.enterprises[r.enterpriseCode] else {
            return .failure(.init([FieldError(field: "enterpriseCode", zh: "统一社会信用代码为“\(r.enterpriseCode)”的企业不存在", en: "no enterprise has credit code '\(r.enterpriseCode)'")]))
        }
        return .success(StoredRecord(
            id: id,
            placement: RecordPlacement(districtCode: r.districtCode, enterpriseID: enterprise.id, recordID: id),
            columns: [
                ("enterprise_code", .text(r.enterpriseCode)), ("title", .text(r.title)), ("occupation_code", .text(r.occupationCode)),
                ("occupation_name", .text(r.occupationName)), ("occupation_group", .text(r.occupationGroup)), ("demand_year", .int(r.year)),
                ("skills", .text(SkillList.join(r.skills))), ("education_level", .text(r.educationLevel.rawValue)), ("headcount", .int(r.headcount)),
                ("period_start", .text(r.periodStart)), ("period_end", .text(r.periodEnd)), ("salary_min", .int(r.salaryMin)),
                ("salary_max", .int(r.salaryMax)), ("industry_cluster", .text(r.industryCluster)),
            ]
        ))
    }
}
