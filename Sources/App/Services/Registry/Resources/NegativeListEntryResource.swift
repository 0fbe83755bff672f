import Foundation
import Registry

/// 校企合作负面清单: kept by the city.
enum NegativeListEntryResource: RegistryResource {
    typealias Record = NegativeListEntryRecord
    static let entity = RegistryEntity.negativeListEntry
    static let path = "negative-list"
    static let table = "negative_list_entries"
    static let titleZh = "校企合作负面清单"
    static let titleEn = "Cooperation negative list"
    static let naturalKeys = [NaturalKey(columns: ["code"], field: "code")]
    static let immutableFields = ["code"]

    static func addReferences(of record: Record, to needs: inout ReferenceNeeds) {}

    static func store(_ r: Record, id: UUID, lookups: ReferenceLookups, vault: PersonalDataVault) -> Result<StoredRecord, ValidationFailure> {
        .success(StoredRecord(
            id: id,
            placement: RecordPlacement(districtCode: RecordPlacement.cityWide, recordID: id),
            columns: [
                ("code", .text(r.code)), ("terms", .text(r.terms.joined(separator: ";"))), ("applies_to", .text(r.appliesTo?.rawValue)),
                ("description", .text(r.description)), ("basis", .text(r.basis)),
            ]
        ))
    }
}
