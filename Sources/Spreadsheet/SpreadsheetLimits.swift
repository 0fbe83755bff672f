/// How much an uploaded file may make the reader do. The defaults are Excel's own sheet limits
/// and caps that no real registry workbook comes near; a caller that knows its uploads are
/// smaller passes smaller limits (`TableReader.read(data, limits: …)`).
///
/// Every limit is enforced as the file is read, never trusted from what the file declares:
/// ZIP entry sizes are checked while inflating, and rows and columns as cells are placed.
public struct SpreadsheetLimits: Sendable, Equatable {
    /// The uploaded file itself (CSV text or the XLSX archive).
    public var maxFileBytes: Int
    /// Spreadsheet rows, the header included (Excel: 1,048,576). In XLSX, the last row that
    /// holds text must be within it; empty formatted rows further down are ignored.
    public var maxRows: Int
    /// Columns (Excel: 16,384, column XFD); in XLSX, likewise for the last column with text.
    public var maxColumns: Int
    /// Cells held in the resulting table, empty padding cells included.
    public var maxCells: Int
    /// Characters (UTF-16 units, as Excel counts them) in one cell (Excel: 32,767).
    public var maxCellLength: Int
    /// Bytes one XLSX part may inflate to.
    public var maxPartBytes: Int
    /// Bytes all the XLSX parts that are read may inflate to together.
    public var maxInflatedBytes: Int
    /// Inflated bytes per compressed byte, checked once a part has inflated past
    /// `compressionRatioFloor` bytes (small parts such as styles compress far better).
    public var maxCompressionRatio: Int
    public var compressionRatioFloor: Int
    /// Files in the XLSX archive (a workbook has tens; a directory of millions is an attack).
    public var maxArchiveEntries: Int

    public init(
        maxFileBytes: Int = 256 << 20,
        maxRows: Int = SpreadsheetLimits.excelRows,
        maxColumns: Int = SpreadsheetLimits.excelColumns,
        maxCells: Int = 20_000_000,
        maxCellLength: Int = 32_767,
        maxPartBytes: Int = 256 << 20,
        maxInflatedBytes: Int = 512 << 20,
        maxCompressionRatio: Int = 100,
        compressionRatioFloor: Int = 1 << 20,
        maxArchiveEntries: Int = 10_000
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.maxCells = maxCells
        self.maxCellLength = maxCellLength
        self.maxPartBytes = maxPartBytes
        self.maxInflatedBytes = maxInflatedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.compressionRatioFloor = compressionRatioFloor
        self.maxArchiveEntries = maxArchiveEntries
    }

    /// The defaults: Excel's sheet size and generous caps on everything else.
    public static let standard = SpreadsheetLimits()

    /// Excel's own sheet size. An XLSX position past it is refused whatever the limits, since
    /// no spreadsheet program wrote it; `maxRows` and `maxColumns` bound the cells with text.
    public static let excelRows = 1_048_576
    public static let excelColumns = 16_384
}

extension XLSXReader {
    public typealias Limits = SpreadsheetLimits
}

extension CSVReader {
    public typealias Limits = SpreadsheetLimits
}
