import Foundation
import Vapor

/// A library resource as the API and the pages show it.
struct LibraryResource: Content, Sendable {
    var id: UUID
    var kind: String
    var title: String
    var description: String
    var tags: [String]
    var programCode: String?
    var programName: String?
    var occupationCode: String?
    var occupationName: String?
    var level: String?
    var language: String
    var licence: String
    var author: String
    var institutionId: UUID?
    var school: String?
    var enterpriseId: UUID?
    var enterprise: String?
    var contributor: String
    /// contributed, under_review, shared or returned
    var status: String
    var reviewReason: String?
    var reviewedBy: String?
    var reviewedAt: String?
    var linkUrl: String?
    var currentVersion: Int
    /// The current version's file (none for a link).
    var file: LibraryVersion?
    var createdAt: String
    var updatedAt: String
}

/// One version of a resource: a file in the content store.
struct LibraryVersion: Content, Sendable {
    var number: Int
    var sha256: String
    var size: Int64
    var contentType: String
    var fileName: String
    var note: String
    var uploadedBy: String
    var createdAt: String
}

struct LibraryResourceDetail: Content, Sendable {
    var resource: LibraryResource
    var versions: [LibraryVersion]
}

/// A file already uploaded to the content store (`POST /library/files`), named for a resource.
struct LibraryFileReference: Content, Sendable {
    var sha256: String
    var fileName: String
    /// The declared type: it must agree with what the file's bytes are.
    var contentType: String
}

/// What a contribution carries (API body; the page builds the same).
struct LibraryResourceInput: Content, Sendable {
    var kind: String
    var title: String
    var description: String?
    var tags: [String]?
    var programCode: String?
    var occupationCode: String?
    var level: String?
    var language: String
    var licence: String
    var author: String
    var file: LibraryFileReference?
    var linkUrl: String?
}

struct LibraryVersionInput: Content, Sendable {
    var file: LibraryFileReference
    var note: String?
}

struct LibraryDecision: Content, Sendable {
    /// share or return
    var decision: String
    var reason: String
}

/// What `POST /library/files` answers: the stored file, and whether it was new.
struct LibraryStoredFile: Content, Sendable {
    var sha256: String
    var size: Int64
    var sniffedType: String
    var stored: String
}

/// One value of a facet with the number of matching resources.
struct LibraryFacetValue: Content, Sendable, Equatable {
    var value: String
    var label: String
    var count: Int
}

struct LibraryFacets: Content, Sendable {
    var program: [LibraryFacetValue]
    var occupation: [LibraryFacetValue]
    var kind: [LibraryFacetValue]
    var school: [LibraryFacetValue]
    var licence: [LibraryFacetValue]
}

struct LibrarySearchResult: Content, Sendable {
    var items: [LibraryResource]
    var total: Int
    var page: Int
    var per: Int
    var facets: LibraryFacets
}

/// Limits of a resource's fields.
enum LibraryRules {
    static let maxTitle = 200
    static let maxDescription = 5_000
    static let maxTags = 20
    static let maxTag = 40
    static let maxAuthor = 200
    static let maxFileName = 200
    static let maxReason = 500
    static let maxNote = 500
    static let maxURL = 2_000
}
