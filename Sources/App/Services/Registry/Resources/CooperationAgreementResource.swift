import Foundation
import Registry

enum CooperationAgreementResource: RegistryResource {
    typealias Record = CooperationAgreementRecord
    static let entity = RegistryEntity.cooperationAgreement
    static let path = "cooperation-agreements"
    static let table = "cooperation_agreements"
    static let titleZh = "校企合作协议"
    static let titleEn = "Cooperation agreements"
    static let naturalKeys = [NaturalKey(columns: ["institution_code", "enterprise_code", "title"], field: "title")]

    static func addReferences(of record: Record, to needs: inout ReferenceNeeds) {
        needs.institutionCodes.insert(record.institutionCode)
        needs.enterpriseCodes.insert(record.enterpriseCode)
    }

    static func store(_ r: Record, id: UUID, lookups: ReferenceLookups, vault: PersonalDataVault) -> Result<StoredRecord, ValidationFailure> {
        var errors: [FieldError] = []
        var institution: ReferencedRecord?
        switch lookups.institution(r.institutionCode) {
        case .failure(let e): errors.append(e)
        case .success(let i): institution = i
        }
        let enterprise = lookups.enterprises[r.enterpriseCode]
        if enterprise == nil {
            errors.append(FieldError(field: "enterpriseCode", zh: "统一社会信用代码为“\(r.enterpriseCode)”的企业不存在", en: "no enterprise has credit code '\(r.enterpriseCode)'"))
        }
        guard errors.isEmpty, let institution, let enterprise else { return .failure(.init(errors)) }
        return .success(StoredRecord(
            id: id,
            placement: RecordPlacement(districtCode: institution.districtCode, institutionID: institution.id, enterpriseID: enterprise.id, recordID: id),
            columns: [
                ("institution_code", .text(r.institutionCode)), ("enterprise_code", .text(r.enterpriseCode)), ("kind", .text(r.kind.rawValue)),
                ("title", .text(r.title)), ("start_date", .text(r.startDate.description)), ("end_date", .text(r.endDate.description)),
                ("terms", .text(r.terms)),
            ]
        ))
    }
}
