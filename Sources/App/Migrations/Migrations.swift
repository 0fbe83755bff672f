import Fluent

/// Every migration in order. Append only: a shipped migration is never edited.
enum Migrations {
    static var all: [any Migration] {
        [
            // 001 - accounts, audit log and the registry
            CreateUser(), CreateUserSession(), CreateAPIToken(), CreateAuditEvent(),
            CreateInstitution(), CreateProgramCluster(), CreateProgram(), CreateTeacher(), CreateStudent(),
            CreateEnterprise(), CreateTrainingBase(),
            // 002 - internship allocation
            CreateInternshipPost(), CreateInternshipPreference(), CreateInternshipRound(), CreateInternshipPlacement(),
            CreateInternshipPostRanking(),
            // 003 - industry–education matching: demand, supply, cooperation
            CreateLabourDemand(), CreateOccupationMapping(), CreateProgramYear(), CreateCooperationAgreement(),
            CreateNegativeListEntry(), AddProgramSkillsTaught(),
            // 004 - supervision: designations, spending, indicator snapshots, work-list reports
            CreateDesignation(), CreateSpending(), CreateIndicatorSnapshot(), CreateWorkReport(), AddUserUnit(),
            // 005 - credit bank: learners, the ledger, rules
            CreateCreditLearner(), CreateCreditLedger(), CreateCreditRule(), CreateAssessmentSession(), CreateCreditEvidence(),
            // 006 - verifiable credentials: issuer keys, issued credentials, their status log
            CreateIssuerKey(), CreateIssuedCredential(), CreateCredentialStatusChange(),
            // 007 - safe operation: the data key's check value
            CreatePlatformSetting(),
            // 008 - learning records (xAPI): clients, statements and their indexes, documents
            CreateLearningRecordStore(),
            // 009 - learning records: forwarding to other LRSs (targets, the outbox queue)
            CreateLearningRecordForwarding(),
            // 010 - the audit chain hashes length-prefixed fields (hash version 2)
            AddAuditHashVersion(),
            // 012 - reveal grants: bulk identity reveals approved by the city
            CreateRevealGrants(),
            // 013 - the resource library: resources, versions, search index
            CreateLibrary(),
            // 014 - online courses from cmi5 packages: versions, AUs, enrolments, AU sessions, progress
            CreateCourses(),
            // 015 - registry lists read in index order within each scope
            AddRegistryListOrderIndexes(),
            // 016 - the audit chain by entity (the newest change to one kind of record)
            AddAuditEntityIndex(),
        ]
    }
}
