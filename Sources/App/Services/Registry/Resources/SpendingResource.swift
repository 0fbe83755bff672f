import Foundation
import Registry

/// 经费投入: spending on vocational education, counted against the ¥10 bn plan.
enum SpendingResource: RegistryResource {
    typealias Record = SpendingRecord
    static let entity = RegistryEntity.spending
    static let path = "spendings"
    static let table = "spendings"
    static let titleZh = "经费投入"
    static let titleEn = "Spending"
    static let naturalKeys = [NaturalKey(columns: ["code"], field: "code")]
    static let immutableFields = ["code"]

    static func addReferences(of record: Record, to needs: inout ReferenceNeeds) {
        if let code = record.institutionCode { needs.institutionCodes.insert(code) }
    }

    static func store(_ r: Record, id: UUID, lookups: ReferenceLookups, vault: PersonalDataVault) -> Result<StoredRecord, ValidationFailure> {
        var placement = RecordPlacement(districtCode: r.districtCode ?? RecordPlacement.cityWide, recordID: id)
        if let code = r.institutionCode {
            switch lookups.institution(code) {
            case .failure(let e): return .failure(.init([e]))
            case .success(let institution):
                placement.institutionID = institution.id
                placement.districtCode = institution.districtCode
            }
        }
        return .success(StoredRecord(
            id: id,
            placement: placement,
            columns: [
                ("code", .text(r.code)), ("spent_on", .text(r.spentOn.description)), ("amount_fen", .int(r.amountFen)),
                ("source", .text(r.source.rawValue)), ("purpose", .text(r.purpose)), ("institution_code", .text(r.institutionCode)),
            ]
        ))
    }
}
