import Foundation
import Registry

/// 认定与建设项目: what the supervision indicators count.
enum DesignationResource: RegistryResource {
    typealias Record = DesignationRecord
    static let entity = RegistryEntity.designation
    static let path = "designations"
    static let table = "designations"
    static let titleZh = "认定与建设项目"
    static let titleEn = "Designations"
    static let naturalKeys = [NaturalKey(columns: ["code"], field: "code")]
    static let immutableFields = ["code"]

    static func addReferences(of record: Record, to needs: inout ReferenceNeeds) {
        if let code = record.institutionCode { needs.institutionCodes.insert(code) }
        if let code = record.enterpriseCode { needs.enterpriseCodes.insert(code) }
    }

    static func store(_ r: Record, id: UUID, lookups: ReferenceLookups, vault: PersonalDataVault) -> Result<StoredRecord, ValidationFailure> {
        var errors: [FieldError] = []
        var placement = RecordPlacement(districtCode: r.districtCode ?? RecordPlacement.cityWide, recordID: id)
        if let code = r.enterpriseCode {
            if let enterprise = lookups.enterprises[code] {
                placement.enterpriseID = enterprise.id
                placement.districtCode = enterprise.districtCode
            } else {
                errors.append(FieldError(field: "enterpriseCode", zh: "统一社会信用代码为“\(code)”的企业不存在", en: "no enterprise has credit code '\(code)'"))
            }
        }
        if let code = r.institutionCode {
            switch lookups.institution(code) {
            case .failure(let e): errors.append(e)
            case .success(let institution):
                placement.institutionID = institution.id
                placement.districtCode = institution.districtCode
            }
        }
        guard errors.isEmpty else { return .failure(.init(errors)) }
        return .success(StoredRecord(
            id: id,
            placement: placement,
            columns: [
                ("code", .text(r.code)), ("kind", .text(r.kind.rawValue)), ("name", .text(r.name)),
                ("institution_code", .text(r.institutionCode)), ("enterprise_code", .text(r.enterpriseCode)),
                ("designated_on", .text(r.designatedOn.description)), ("document", .text(r.document)),
            ]
        ))
    }
}
