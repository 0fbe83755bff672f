import Foundation
import Registry

enum ProgramResource: RegistryResource {
    typealias Record = ProgramRecord
    static let entity = RegistryEntity.program
    static let path = "programs"
    static let table = "programs"
    static let titleZh = "专业"
    static let titleEn = "Programs"
    static let naturalKeys = [NaturalKey(columns: ["institution_code", "catalog_code"], field: "catalogCode")]

    static func addReferences(of record: Record, to needs: inout ReferenceNeeds) {
        needs.institutionCodes.insert(record.institutionCode)
        if let cluster = record.clusterName { needs.clusters.insert(PairKey(a: record.institutionCode, b: cluster)) }
    }

    static func store(_ r: Record, id: UUID, lookups: ReferenceLookups, vault: PersonalDataVault) -> Result<StoredRecord, ValidationFailure> {
        var errors: [FieldError] = []
        var institution: ReferencedRecord?
        switch lookups.institution(r.institutionCode) {
        case .failure(let e): errors.append(e)
        case .success(let i): institution = i
        }
        var clusterID: UUID?
        if let name = r.clusterName {
            clusterID = lookups.clusters[PairKey(a: r.institutionCode, b: name)]?.id
            if clusterID == nil {
                errors.append(FieldError(field: "clusterName", zh: "该校没有名为“\(name)”的专业群", en: "the institution has no program cluster named '\(name)'"))
            }
        }
        guard errors.isEmpty, let institution else { return .failure(.init(errors)) }
        return .success(StoredRecord(
            id: id,
            placement: RecordPlacement(districtCode: institution.districtCode, institutionID: institution.id, recordID: id),
            columns: [
                ("institution_code", .text(r.institutionCode)), ("catalog_code", .text(r.catalogCode)), ("name", .text(r.name)),
                ("level", .text(r.level.rawValue)), ("cluster_name", .text(r.clusterName)), ("cluster_id", .uuid(clusterID)),
                ("start_year", .int(r.startYear)), ("skills_taught", .text(SkillList.join(r.skillsTaught))),
            ]
        ))
    }
}
