import Foundation
import Registry

enum StudentResource: RegistryResource {
    typealias Record = StudentRecord
    static let entity = RegistryEntity.student
    static let path = "students"
    static let table = "students"
    static let titleZh = "学生"
    static let titleEn = "Students"
    static let naturalKeys = [NaturalKey(columns: ["institution_code", "student_no"], field: "studentNo")]

    static func addReferences(of record: Record, to needs: inout ReferenceNeeds) {
        needs.institutionCodes.insert(record.institutionCode)
        needs.programs.insert(PairKey(a: record.institutionCode, b: record.programCode))
    }

    static func store(_ r: Record, id: UUID, lookups: ReferenceLookups, vault: PersonalDataVault) throws -> Result<StoredRecord, ValidationFailure> {
        let placement: RecordPlacement
        switch lookups.placement(inInstitution: r.institutionCode, recordID: id) {
        case .failure(let failure): return .failure(failure)
        case .success(let p): placement = p
        }
        guard let program = lookups.programs[PairKey(a: r.institutionCode, b: r.programCode)] else {
            return .failure(.init([FieldError(field: "programCode", zh: "该校未开设专业\(r.programCode)", en: "the institution does not run program \(r.programCode)")]))
        }
        return .success(StoredRecord(
            id: id,
            placement: placement,
            columns: [
                ("institution_code", .text(r.institutionCode)), ("student_no", .text(r.studentNo)), ("name", .text(r.name)),
                ("sex", .text(r.sex.rawValue)), ("program_code", .text(r.programCode)), ("program_id", .uuid(program.id)),
                ("level", .text(r.level.rawValue)), ("enrolment_year", .int(r.enrolmentYear)), ("origin", .text(r.origin.rawValue)),
            ],
            identity: try vault.sealIdentity(r.document)
        ))
    }
}
