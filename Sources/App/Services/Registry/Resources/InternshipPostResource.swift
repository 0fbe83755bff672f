import Foundation
import Registry

enum InternshipPostResource: RegistryResource {
    typealias Record = InternshipPostRecord
    static let entity = RegistryEntity.internshipPost
    static let path = "internship-posts"
    static let table = "internship_posts"
    static let titleZh = "实习岗位"
    static let titleEn = "Internship posts"
    static let naturalKeys = [NaturalKey(columns: ["enterprise_code", "title", "period_start"], field: "title")]

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
                ("enterprise_code", .text(r.enterpriseCode)), ("title", .text(r.title)), ("capacity", .int(r.capacity)),
                ("program_codes", .text(r.programCodes.isEmpty ? nil : r.programCodes.joined(separator: ";"))),
                ("period_start", .text(r.periodStart)), ("period_end", .text(r.periodEnd)),
            ]
        ))
    }
}
