import Foundation
import Registry

enum ProgramYearResource: RegistryResource {
    typealias Record = ProgramYearRecord
    static let entity = RegistryEntity.programYear
    static let path = "program-years"
    static let table = "program_years"
    static let titleZh = "专业招生与毕业"
    static let titleEn = "Program enrolment and graduates"
    static let naturalKeys = [NaturalKey(columns: ["institution_code", "catalog_code", "year"], field: "year")]

    static func addReferences(of record: Record, to needs: inout ReferenceNeeds) {
        needs.institutionCodes.insert(record.institutionCode)
        needs.programs.insert(PairKey(a: record.institutionCode, b: record.catalogCode))
    }

    static func store(_ r: Record, id: UUID, lookups: ReferenceLookups, vault: PersonalDataVault) -> Result<StoredRecord, ValidationFailure> {
        let institution: ReferencedRecord
        switch lookups.institution(r.institutionCode) {
        case .failure(let e): return .failure(.init([e]))
        case .success(let i): institution = i
        }
        guard let program = lookups.programs[PairKey(a: r.institutionCode, b: r.catalogCode)] else {
            return .failure(.init([FieldError(field: "catalogCode", zh: "该校未开设专业“\(r.catalogCode)”", en: "the institution runs no program '\(r.catalogCode)'")]))
        }
        return .success(StoredRecord(
            id: id,
            placement: RecordPlacement(districtCode: institution.districtCode, institutionID: institution.id, recordID: id),
            columns: [
                ("institution_code", .text(r.institutionCode)), ("catalog_code", .text(r.catalogCode)), ("program_id", .uuid(program.id)),
                ("year", .int(r.year)), ("enrolled", .int(r.enrolled)), ("graduated", .int(r.graduated)),
            ]
        ))
    }
}
