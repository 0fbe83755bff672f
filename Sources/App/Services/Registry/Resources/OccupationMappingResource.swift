import Foundation
import Registry

/// The city's program → occupation table. City-wide rows carry `RecordPlacement.cityWide` as
/// their district, so no district administrator can change them.
enum OccupationMappingResource: RegistryResource {
    typealias Record = OccupationMappingRecord
    static let entity = RegistryEntity.occupationMapping
    static let path = "program-occupations"
    static let table = "occupation_mappings"
    static let titleZh = "专业对应职业"
    static let titleEn = "Program occupations"
    static let naturalKeys = [NaturalKey(columns: ["catalog_code", "occupation_code"], field: "occupationCode")]

    static func addReferences(of record: Record, to needs: inout ReferenceNeeds) {}

    static func store(_ r: Record, id: UUID, lookups: ReferenceLookups, vault: PersonalDataVault) -> Result<StoredRecord, ValidationFailure> {
        .success(StoredRecord(
            id: id,
            placement: RecordPlacement(districtCode: RecordPlacement.cityWide, recordID: id),
            columns: [
                ("catalog_code", .text(r.catalogCode)), ("program_name", .text(r.programName)),
                ("occupation_code", .text(r.occupationCode)), ("occupation_name", .text(r.occupationName)),
            ]
        ))
    }
}

extension RecordPlacement {
    /// The district key of rows that belong to the whole city (reference tables it keeps).
    static let cityWide = "city"
}
