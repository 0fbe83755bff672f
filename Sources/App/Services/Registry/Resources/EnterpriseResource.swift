import Foundation
import Registry

enum EnterpriseResource: RegistryResource {
    typealias Record = EnterpriseRecord
    static let entity = RegistryEntity.enterprise
    static let path = "enterprises"
    static let table = "enterprises"
    static let titleZh = "企业"
    static let titleEn = "Enterprises"
    static let naturalKeys = [NaturalKey(columns: ["credit_code"], field: "creditCode")]
    static let immutableFields = ["creditCode"]

    static func addReferences(of record: Record, to needs: inout ReferenceNeeds) {}

    static func store(_ r: Record, id: UUID, lookups: ReferenceLookups, vault: PersonalDataVault) -> Result<StoredRecord, ValidationFailure> {
        .success(StoredRecord(
            id: id,
            placement: RecordPlacement(districtCode: r.districtCode, enterpriseID: id, recordID: id),
            columns: [
                ("credit_code", .text(r.creditCode)), ("name", .text(r.name)), ("employees", .int(r.employees)),
                ("above_scale", .bool(r.aboveScale)), ("industry_code", .text(r.industryCode)),
                ("integration_status", .text(r.integrationStatus.rawValue)),
            ]
        ))
    }
}
