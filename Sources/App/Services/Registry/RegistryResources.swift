import Foundation
import Registry

/// Every registry resource, in navigation order. Routes, pages, the import command and the
/// OpenAPI document all read this one list, so a new resource is wired in by adding it here.
enum RegistryResources {
    static let all: [any RegistryResource.Type] = [
        InstitutionResource.self, ProgramClusterResource.self, ProgramResource.self, TeacherResource.self,
        StudentResource.self, EnterpriseResource.self, TrainingBaseResource.self, InternshipPostResource.self,
        LabourDemandResource.self, OccupationMappingResource.self, ProgramYearResource.self,
        CooperationAgreementResource.self, NegativeListEntryResource.self, DesignationResource.self, SpendingResource.self,
    ]

    static var paths: [String] { all.map { $0.path } }

    static func named(_ path: String) -> (any RegistryResource.Type)? {
        all.first { $0.path == path }
    }
}

extension RegistryResource {
    /// The OpenAPI schema name: the record type's name without `Record` (`InternshipPost`).
    static var schemaName: String {
        let name = String(describing: Record.self)
        return name.hasSuffix("Record") ? String(name.dropLast("Record".count)) : name
    }
}
