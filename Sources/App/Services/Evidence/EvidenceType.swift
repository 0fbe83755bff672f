/// 佐证材料类型: an evidence file's type as its extension names it, with the family of bytes
/// (`LibraryContentSniffer`) a file of that type must start with. Old Office and WPS files are
/// OLE2 compound files; new Office files are ZIP containers.
struct EvidenceType: Equatable {
    var fileExtension: String
    var contentType: String
    var family: LibraryContentSniffer.Family

    private static let byExtension: [String: (String, LibraryContentSniffer.Family)] = [
        "pdf": ("application/pdf", .pdf),
        "doc": ("application/msword", .ole),
        "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", .zip),
        "xls": ("application/vnd.ms-excel", .ole),
        "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", .zip),
        "ppt": ("application/vnd.ms-powerpoint", .ole),
        "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", .zip),
        // WPS Office's own formats (文字, 表格, 演示) are OLE2 files like Office 97–2003's.
        "wps": ("application/vnd.ms-works", .ole),
        "et": ("application/vnd.ms-excel", .ole),
        "dps": ("application/vnd.ms-powerpoint", .ole),
        "png": ("image/png", .image),
        "jpg": ("image/jpeg", .image),
        "jpeg": ("image/jpeg", .image),
        "gif": ("image/gif", .image),
        "webp": ("image/webp", .image),
        "txt": ("text/plain", .text),
        "csv": ("text/csv", .text),
    ]

    static let acceptedZh = "PDF、Word（.doc/.docx）、WPS（.wps/.et/.dps）、Excel（.xls/.xlsx）、PowerPoint（.ppt/.pptx）、图片（.png/.jpg/.gif/.webp）或文本（.txt/.csv）"
    static let acceptedEn = "PDF, Word (.doc/.docx), WPS (.wps/.et/.dps), Excel (.xls/.xlsx), PowerPoint (.ppt/.pptx), a picture (.png/.jpg/.gif/.webp) or text (.txt/.csv)"

    /// The type a file name's extension names, or nil for one not accepted.
    init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        let ext = fileName[fileName.index(after: dot)...].lowercased()
        guard let (type, family) = Self.byExtension[ext] else { return nil }
        self.init(fileExtension: ext, contentType: type, family: family)
    }

    init(fileExtension: String, contentType: String, family: LibraryContentSniffer.Family) {
        self.fileExtension = fileExtension
        self.contentType = contentType
        self.family = family
    }
}
