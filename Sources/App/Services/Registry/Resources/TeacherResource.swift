import Foundation
import Registry

enum TeacherResource: RegistryResource {
    typealias Record = TeacherRecord
    static let entity = RegistryEntity.teacher
    static let path = "teachers"
    static let table = "teachers"
    static let titleZh = "教师"
    static let titleEn = "Teachers"
    static let naturalKeys = [NaturalKey(columns: ["institution_code", "staff_no"], field: "staffNo")]

    static func addReferences(of record: Record, to needs: inout ReferenceNeeds) {
        needs.institutionCodes.insert(record.institutionCode)
    }

    static func store(_ r: Record, id: UUID, lookups: ReferenceLookups, vault: PersonalDataVault) throws -> Result<StoredRecord, ValidationFailure> {
        let identity = try vault.sealIdentity(r.document)
        return lookups.placement(inInstitution: r.institutionCode, recordID: id).map { placement in
            StoredRecord(
                id: id, placement: placement,
                columns: [
                    ("institution_code", .text(r.institutionCode)), ("staff_no", .text(r.staffNo)), ("name", .text(r.name)),
                    ("sex", .text(r.sex.rawValue)), ("teaches_professional_courses", .bool(r.teachesProfessionalCourses)),
                    ("dual_qualified", .bool(r.dualQualified)), ("enterprise_part_time", .bool(r.enterprisePartTime)),
                    ("title_level", .text(r.titleLevel.rawValue)),
                ],
                identity: identity
            )
        }
    }
}
