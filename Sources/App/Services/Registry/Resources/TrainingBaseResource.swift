import Foundation
import Registry

enum TrainingBaseResource: RegistryResource {
    typealias Record = TrainingBaseRecord
    static let entity = RegistryEntity.trainingBase
    static let path = "training-bases"
    static let table = "training_bases"
    static let titleZh = "实训基地"
    static let titleEn = "Training bases"
    static let naturalKeys = [NaturalKey(columns: ["owner_code", "name"], field: "name")]

    static func addReferences(of record: Record, to needs: inout ReferenceNeeds) {
        switch record.ownerKind {
        case .institution: needs.institutionCodes.insert(record.ownerCode)
        case .enterprise: needs.enterpriseCodes.insert(record.ownerCode)
        }
    }

    static func store(_ r: Record, id: UUID, lookups: ReferenceLookups, vault: PersonalDataVault) -> Result<StoredRecord, ValidationFailure> {
        var placement = RecordPlacement(districtCode: r.districtCode, recordID: id)
        switch r.ownerKind {
        case .institution:
            switch lookups.institution(r.ownerCode, field: "ownerCode") {
            case .failure(let e): return .failure(.init([e]))
            case .success(let i): placement.institutionID = i.id
            }
        case .enterprise:
            guard let e = lookups.enterprises[r.ownerCode] else {
                return .failure(.init([FieldError(field: "ownerCode", zh: "统一社会信用代码为“\(r.ownerCode)”的企业不存在", en: "no enterprise has credit code '\(r.ownerCode)'")]))
            }
            placement.enterpriseID = e.id
        }
        return .success(StoredRecord(
            id: id,
            placement: placement,
            columns: [
                ("name", .text(r.name)), ("kind", .text(r.kind.rawValue)), ("owner_kind", .text(r.ownerKind.rawValue)),
                ("owner_code", .text(r.ownerCode)), ("capacity", .int(r.capacity)),
            ]
        ))
    }
}
