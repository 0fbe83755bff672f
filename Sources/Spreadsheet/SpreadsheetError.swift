/// Why a file could not be read as a table at all (before any row is checked).
///
/// Every case has a Chinese and an English message for the person who uploaded the file; the
/// limits a message names are those of the `SpreadsheetLimits` the file was read with.
public enum SpreadsheetError: Error, Equatable, Sendable {
    case empty
    case undecodable
    case unterminatedQuote(row: Int)
    /// Kept for writers and callers of old; the reader uses the specific cases below.
    case notAWorkbook(String)

    // The file as a whole.
    /// Larger than `maxFileBytes` before anything is read.
    case fileTooLarge(limit: Int)
    /// Not a ZIP archive, or one whose directory is damaged or cut short.
    case notAZip
    /// An OLE compound file: an encrypted workbook or a legacy .xls.
    case encryptedOrLegacyWorkbook
    case tooManyEntries(limit: Int)

    // One part (entry) of the archive.
    case missingPart(String)
    /// Does not inflate: encrypted entry, unknown compression, cut-short stream, size or CRC mismatch.
    case damagedPart(String)
    case partTooLarge(part: String, limit: Int)
    case inflatedTooLarge(limit: Int)
    case compressionRatio(part: String, limit: Int)
    case xmlNotUTF8(part: String)
    case dtdNotAllowed(part: String)
    case malformedXML(part: String)

    // The sheet's contents.
    case tooManyRows(limit: Int)
    case tooManyColumns(limit: Int)
    case tooManyCells(limit: Int)
    case tooManyStrings(limit: Int)
    case cellTooLong(limit: Int)
    case badCellReference(String)
    case badSharedStringIndex(String, count: Int)
    case badStyleIndex(String, count: Int)

    public var messageZh: String {
        switch self {
        case .empty: "文件为空或没有表头行"
        case .undecodable: "文件编码无法识别（支持UTF-8、带BOM的UTF-8和GB18030）"
        case .unterminatedQuote(let row): "第\(row)行的引号没有闭合"
        case .notAWorkbook(let why): "不是有效的XLSX工作簿：\(why)"
        case .fileTooLarge(let limit): "文件超过大小上限（\(Self.size(limit))）"
        case .notAZip: "不是有效的XLSX工作簿：ZIP结构缺失、损坏或被截断"
        case .encryptedOrLegacyWorkbook: "不支持加密的工作簿或旧版.xls文件，请另存为未加密的.xlsx或CSV"
        case .tooManyEntries(let limit): "XLSX压缩包内的文件超过\(limit)个"
        case .missingPart(let part): "工作簿缺少必需的部件\(part)"
        case .damagedPart(let part): "工作簿部件\(part)已损坏，无法解压"
        case .partTooLarge(let part, let limit): "工作簿部件\(part)解压后超过大小上限（\(Self.size(limit))）"
        case .inflatedTooLarge(let limit): "工作簿解压后的总大小超过上限（\(Self.size(limit))）"
        case .compressionRatio(let part, let limit): "工作簿部件\(part)的压缩比超过\(limit):1，疑似压缩炸弹，拒绝读取"
        case .xmlNotUTF8(let part): "工作簿部件\(part)不是UTF-8编码的XML"
        case .dtdNotAllowed(let part): "工作簿部件\(part)含有DTD或实体声明（<!DOCTYPE、<!ENTITY），出于安全原因拒绝读取"
        case .malformedXML(let part): "工作簿部件\(part)不是格式正确的XML"
        case .tooManyRows(let limit): "工作表超过行数上限（\(limit)行）"
        case .tooManyColumns(let limit): "工作表超过列数上限（\(limit)列，即\(CellReference.columnName(limit - 1))列）"
        case .tooManyCells(let limit): "工作表的单元格总数超过上限（\(limit)个）"
        case .tooManyStrings(let limit): "工作簿的共享字符串数量超过上限（\(limit)个）"
        case .cellTooLong(let limit): "有单元格的内容超过\(limit)个字符"
        case .badCellReference(let reference): "单元格位置“\(reference)”无效"
        case .badSharedStringIndex(let index, let count): "共享字符串编号“\(index)”无效（工作簿共有\(count)个共享字符串）"
        case .badStyleIndex(let index, let count): "单元格样式编号“\(index)”无效（工作簿共有\(count)个单元格样式）"
        }
    }

    public var messageEn: String {
        switch self {
        case .empty: "the file is empty or has no header row"
        case .undecodable: "the file's encoding is not recognised (UTF-8, UTF-8 with BOM and GB18030 are accepted)"
        case .unterminatedQuote(let row): "row \(row) has an unterminated quote"
        case .notAWorkbook(let why): "not a valid XLSX workbook: \(why)"
        case .fileTooLarge(let limit): "the file is larger than the limit of \(Self.size(limit))"
        case .notAZip: "not a valid XLSX workbook: its ZIP structure is missing, damaged or cut short"
        case .encryptedOrLegacyWorkbook: "encrypted workbooks and legacy .xls files are not supported; save as an unencrypted .xlsx or as CSV"
        case .tooManyEntries(let limit): "the XLSX archive holds more than \(limit) files"
        case .missingPart(let part): "the workbook lacks its \(part) part"
        case .damagedPart(let part): "the workbook part \(part) is damaged and does not decompress"
        case .partTooLarge(let part, let limit): "the workbook part \(part) decompresses to more than the limit of \(Self.size(limit))"
        case .inflatedTooLarge(let limit): "the workbook decompresses to more than the limit of \(Self.size(limit)) in all"
        case .compressionRatio(let part, let limit): "the workbook part \(part) is compressed more than \(limit):1, as a zip bomb is; refused"
        case .xmlNotUTF8(let part): "the workbook part \(part) is not UTF-8 XML"
        case .dtdNotAllowed(let part): "the workbook part \(part) contains a DTD or entity declaration (<!DOCTYPE, <!ENTITY), refused for safety"
        case .malformedXML(let part): "the workbook part \(part) is not well-formed XML"
        case .tooManyRows(let limit): "the sheet goes past the limit of \(limit) rows"
        case .tooManyColumns(let limit): "the sheet goes past the limit of \(limit) columns (column \(CellReference.columnName(limit - 1)))"
        case .tooManyCells(let limit): "the sheet holds more than the limit of \(limit) cells"
        case .tooManyStrings(let limit): "the workbook holds more than the limit of \(limit) shared strings"
        case .cellTooLong(let limit): "a cell holds more than \(limit) characters"
        case .badCellReference(let reference): "the cell reference '\(reference)' is not valid"
        case .badSharedStringIndex(let index, let count): "the shared-string index '\(index)' is not valid (the workbook has \(count) shared strings)"
        case .badStyleIndex(let index, let count): "the cell style index '\(index)' is not valid (the workbook has \(count) cell styles)"
        }
    }

    /// A byte count for a message: whole MiB when it is one, else bytes.
    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) B"
    }

    /// Text from a hostile file, cut short before it goes into a message.
    static func excerpt(_ text: String) -> String {
        text.utf8.count <= 32 ? text : String(String.UnicodeScalarView(text.unicodeScalars.prefix(32))) + "…"
    }
}
