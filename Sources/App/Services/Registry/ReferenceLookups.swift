import Foundation
import Registry
import SQLKit

/// The codes a batch of records refers to.
struct ReferenceNeeds: Sendable {
    var institutionCodes: Set<String> = []
    var enterpriseCodes: Set<String> = []
    /// Programs by (institution code, catalogue code).
    var programs: Set<PairKey> = []
    /// Clusters by (institution code, cluster name).
    var clusters: Set<PairKey> = []
}

struct PairKey: Hashable, Sendable {
    var a: String
    var b: String
}

/// Where a referenced record sits.
struct ReferencedRecord: Sendable {
    var id: UUID
    var districtCode: String
    var extra: String?
}

/// Referenced records fetched in bulk before a batch is resolved.
struct ReferenceLookups: Sendable {
    var institutions: [String: ReferencedRecord] = [:]
    var enterprises: [String: ReferencedRecord] = [:]
    var programs: [PairKey: ReferencedRecord] = [:]
    var clusters: [PairKey: ReferencedRecord] = [:]

    static func fetch(_ needs: ReferenceNeeds, on sql: any SQLDatabase) async throws -> ReferenceLookups {
        var lookups = ReferenceLookups()
        var institutionCodes = needs.institutionCodes
        institutionCodes.formUnion(needs.programs.map(\.a))
        institutionCodes.formUnion(needs.clusters.map(\.a))
        for chunk in Array(institutionCodes).chunked(500) {
            for row in try await sql.select().columns("id", "code", "district_code").from("institutions")
                .where("code", .in, Array(chunk)).all() {
                let code = try row.decode(column: "code", as: String.self)
                lookups.institutions[code] = ReferencedRecord(id: try row.decode(column: "id", as: UUID.self), districtCode: try row.decode(column: "district_code", as: String.self))
            }
        }
        for chunk in Array(needs.enterpriseCodes).chunked(500) {
            for row in try await sql.select().columns("id", "credit_code", "district_code").from("enterprises")
                .where("credit_code", .in, Array(chunk)).all() {
                lookups.enterprises[try row.decode(column: "credit_code", as: String.self)] = ReferencedRecord(
                    id: try row.decode(column: "id", as: UUID.self), districtCode: try row.decode(column: "district_code", as: String.self))
            }
        }
        let programInstitutions = Set(needs.programs.map(\.a))
        for chunk in Array(programInstitutions).chunked(200) where !needs.programs.isEmpty {
            for row in try await sql.select().columns("id", "institution_code", "catalog_code", "district_code").from("programs")
                .where("institution_code", .in, Array(chunk)).all() {
                let key = PairKey(a: try row.decode(column: "institution_code", as: String.self), b: try row.decode(column: "catalog_code", as: String.self))
                guard needs.programs.contains(key) else { continue }
                lookups.programs[key] = ReferencedRecord(id: try row.decode(column: "id", as: UUID.self), districtCode: try row.decode(column: "district_code", as: String.self))
            }
        }
        let clusterInstitutions = Set(needs.clusters.map(\.a))
        for chunk in Array(clusterInstitutions).chunked(200) where !needs.clusters.isEmpty {
            for row in try await sql.select().columns("id", "institution_code", "name", "district_code").from("program_clusters")
                .where("institution_code", .in, Array(chunk)).all() {
                let key = PairKey(a: try row.decode(column: "institution_code", as: String.self), b: try row.decode(column: "name", as: String.self))
                lookups.clusters[key] = ReferencedRecord(id: try row.decode(column: "id", as: UUID.self), districtCode: try row.decode(column: "district_code", as: String.self))
            }
        }
        return lookups
    }

    /// Where a record of the institution with `code` sits, or the field error for an unknown code.
    func placement(inInstitution code: String, recordID: UUID) -> Result<RecordPlacement, ValidationFailure> {
        institution(code)
            .map { RecordPlacement(districtCode: $0.districtCode, institutionID: $0.id, recordID: recordID) }
            .mapError { ValidationFailure([$0]) }
    }

    /// The institution for `code`, or a field error naming `field`.
    func institution(_ code: String, field: String = "institutionCode") -> Result<ReferencedRecord, FieldError> {
        guard let found = institutions[code] else {
            return .failure(FieldError(field: field, zh: "机构代码“\(code)”不存在", en: "no institution has code '\(code)'"))
        }
        return .success(found)
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
