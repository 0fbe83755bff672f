import Foundation
import Registry

enum InstitutionResource: RegistryResource {
    typealias Record = InstitutionRecord
    static let entity = RegistryEntity.institution
    static let path = "institutions"
    static let table = "institutions"
    static let titleZh = "院校"
    static let titleEn = "Institutions"
    static let naturalKeys = [NaturalKey(columns: ["code"], field: "code")]
    static let immutableFields = ["code"]
    /// Tables whose rows take their district from their institution.
    static let childTables = ["program_clusters", "programs", "teachers", "students"]

    static func addReferences(of record: Record, to needs: inout ReferenceNeeds) {}

    static func store(_ r: Record, id: UUID, lookups: ReferenceLookups, vault: PersonalDataVault) -> Result<StoredRecord, ValidationFailure> {
        .success(StoredRecord(
            id: id,
            // An institution is its own institution scope, so a school admin's filter admits it.
            placement: RecordPlacement(districtCode: r.districtCode, institutionID: id, recordID: id),
            columns: [
                ("code", .text(r.code)), ("name", .text(r.name)), ("name_en", .text(r.nameEn)), ("kind", .text(r.kind.rawValue)),
                ("ownership", .text(r.ownership.rawValue)), ("moe_code", .text(r.moeCode)),
            ]
        ))
    }
}
