import Foundation
import Registry

enum ProgramClusterResource: RegistryResource {
    typealias Record = ProgramClusterRecord
    static let entity = RegistryEntity.programCluster
    static let path = "program-clusters"
    static let table = "program_clusters"
    static let titleZh = "专业群"
    static let titleEn = "Program clusters"
    static let naturalKeys = [NaturalKey(columns: ["institution_code", "name"], field: "name")]

    static func addReferences(of record: Record, to needs: inout ReferenceNeeds) {
        needs.institutionCodes.insert(record.institutionCode)
    }

    static func store(_ r: Record, id: UUID, lookups: ReferenceLookups, vault: PersonalDataVault) -> Result<StoredRecord, ValidationFailure> {
        lookups.placement(inInstitution: r.institutionCode, recordID: id).map { placement in
            StoredRecord(
                id: id, placement: placement,
                columns: [("institution_code", .text(r.institutionCode)), ("name", .text(r.name)), ("industry_cluster", .text(r.industryCluster))]
            )
        }
    }
}
