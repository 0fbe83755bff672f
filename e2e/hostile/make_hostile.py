#!/usr/bin/env python3
"""Writes a folder of hostile spreadsheet uploads: every file must be refused by every import
route with a clear 4xx problem (or, for the two marked "read", accepted within bounds),
never a crash, a hang or gigabytes of memory.

    python3 e2e/hostile/make_hostile.py OUT_DIR [--small]

--small leaves out the multi-megabyte files (the 3.5 GiB zip64 bomb, the 30 MB CSV and the
million-row CSV); the Swift tests keep a --small copy in Tests/SpreadsheetTests/Fixtures/hostile.
Standard library only. The ZIP archives are written by hand (not with zipfile) so that
their declared sizes, offsets and flags can lie.

Files (expected SpreadsheetError in brackets):

  col_overflow.xlsx         cell r="AAAAAAAAAAAAAAA1": column letters that overflow a 64-bit
                            integer                                   [tooManyColumns]
  col_far.xlsx              cell r="AAAAAAAA2", once 8.7 GB of padding [tooManyColumns]
  col_xfe.xlsx              cell r="XFE1", one past Excel's last column [tooManyColumns]
  row_2e9.xlsx              <row r="2000000000">, once 8.7 GB of empty rows [tooManyRows]
  row_1048577.xlsx          one past Excel's last row                 [tooManyRows]
  bad_reference.xlsx        cell r="1A"                               [badCellReference]
  sst_negative.xlsx         shared-string index -1                    [badSharedStringIndex]
  sst_out_of_range.xlsx     shared-string index 99 of 1               [badSharedStringIndex]
  sst_overflow.xlsx         shared-string index of 25 digits          [badSharedStringIndex]
  style_bad.xlsx            cell style s="7" when styles.xml has 2    [badStyleIndex]
  style_negative.xlsx       cell style s="-1"                         [badStyleIndex]
  cell_too_long.xlsx        an inline string of 40,000 characters     [cellTooLong]
  sparse_cells.xlsx         header cell at XFD1 and 1,300 one-cell rows: 21 million cells
                            once padded                               [tooManyCells]
  xfd_far_cell.xlsx         header plus one cell at XFD1048576: READ, one row of 16,384
                            cells, nothing in between materialised
  zip_bomb.xlsx             sheet inflates 200 MiB of zeros from ~200 KB, sizes declared
                            honestly                                  [compressionRatio]
  zip_bomb_lying.xlsx       the same stream with a declared size of 1,000 bytes, so only
                            the running check while inflating stops it [compressionRatio]
  zip64_bomb.xlsx           ZIP64 entry declaring 1 GiB (3.5 GiB from 3.6 MB without
                            --small)                                  [partTooLarge]
  zip64_offset_max.xlsx     ZIP64 extra field with a local-header offset of 2^64-1 [damagedPart]
  truncated_stream.xlsx     intact directory, sheet's deflate stream cut short (ZIPFoundation
                            spun forever on this)                     [damagedPart]
  crc_mismatch.xlsx         sheet bytes altered after the CRC was taken [damagedPart]
  encrypted_entry.xlsx      ZIP traditional-encryption flag on the sheet [damagedPart]
  duplicate_entry.xlsx      two entries named xl/worksheets/sheet1.xml [notAZip]
  too_many_entries.xlsx     10,001 entries                            [tooManyEntries]
  billion_laughs.xlsx       sheet with a DTD of nested entities       [dtdNotAllowed]
  xxe.xlsx                  sharedStrings.xml with an external entity naming /etc/passwd
                                                                      [dtdNotAllowed]
  utf16_dtd.xlsx            sheet in UTF-16 carrying a DTD            [xmlNotUTF8]
  malformed_xml.xlsx        sheet XML that does not close             [malformedXML]
  no_sheet.xlsx             a ZIP with no workbook parts              [missingPart]
  not_a_zip.xlsx            "PK\\x03\\x04" then random bytes           [notAZip]
  truncated.xlsx            a good workbook cut in half               [notAZip]
  ole_encrypted.xlsx        an OLE compound-file header (encrypted .xlsx / .xls)
                                                                      [encryptedOrLegacyWorkbook]
  random.bin                8 KiB of random bytes (read as CSV)       [undecodable or a
                                                                       rejected table]
  csv_unterminated.csv      a quote that never closes                 [unterminatedQuote]
  csv_wide.csv              16,385 columns                            [tooManyColumns]
  csv_long_cell.csv         a 40,000-character cell                   [cellTooLong]
  csv_too_many_rows.csv     1,048,577 rows, ~4 MB (not with --small)  [tooManyRows]
  csv_big_bad_rows.csv      ~30 MB of student rows, every one wrong in some field (year
                            44440, bad ID, unknown program, formula injection, …): READ by
                            the reader, rejected row by row by the importer (not with --small)
"""
import os
import random
import struct
import sys
import zlib

CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 b'<Default Extension="xml" ContentType="application/xml"/>'
                 b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                 b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                 b'</Types>')
ROOT_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
             b'</Relationships>')
WORKBOOK = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            b'<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                 b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                 b'<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                 b'</Relationships>')
STYLES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          b'<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')
SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
SHEET_TAIL = b'</sheetData></worksheet>'


def sst(*strings):
    items = b''.join(b'<si><t>' + s.encode() + b'</t></si>' for s in strings)
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(strings), len(strings))
            + items + b'</sst>')


def sheet(rows_xml):
    return SHEET_HEAD + rows_xml + SHEET_TAIL


class Entry:
    """One ZIP entry; every field that goes into the headers can be overridden to lie."""

    def __init__(self, name, data=b'', method=8, raw=None, size=None, crc=None, flags=0,
                 zip64=False, offset_override=None):
        self.name = name.encode()
        self.method = method
        if raw is None:
            raw = deflate(data) if method == 8 else data
        self.raw = raw
        self.size = len(data) if size is None else size
        self.crc = zlib.crc32(data) & 0xFFFFFFFF if crc is None else crc
        self.flags = flags
        self.zip64 = zip64
        self.offset_override = offset_override


def deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def deflate_zeros(total, chunk=1 << 24):
    """Raw deflate of `total` zero bytes without holding them in memory."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    out = []
    zeros = bytes(chunk)
    crc = 0
    left = total
    while left:
        n = min(chunk, left)
        block = zeros if n == chunk else bytes(n)
        out.append(c.compress(block))
        crc = zlib.crc32(block, crc)
        left -= n
    out.append(c.flush())
    return b''.join(out), crc & 0xFFFFFFFF


def build_zip(entries):
    """A ZIP of `entries`, ZIP64 fields where an entry asks for them."""
    out = bytearray()
    central = bytearray()
    for e in entries:
        offset = len(out)
        if e.zip64:
            extra = struct.pack('<HHQQ', 1, 16, e.size, len(e.raw))
            out += struct.pack('<IHHHHHIIIHH', 0x04034B50, 45, e.flags, e.method, 0, 0x21, e.crc,
                               0xFFFFFFFF, 0xFFFFFFFF, len(e.name), len(extra)) + e.name + extra
        else:
            out += struct.pack('<IHHHHHIIIHH', 0x04034B50, 20, e.flags, e.method, 0, 0x21, e.crc,
                               len(e.raw), e.size & 0xFFFFFFFF, len(e.name), 0) + e.name
        out += e.raw
        if e.zip64:
            cd_offset = e.offset_override if e.offset_override is not None else offset
            extra = struct.pack('<HHQQQ', 1, 24, e.size, len(e.raw), cd_offset)
            central += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014B50, 45, 45, e.flags, e.method, 0, 0x21, e.crc,
                                   0xFFFFFFFF, 0xFFFFFFFF, len(e.name), len(extra), 0, 0, 0, 0, 0xFFFFFFFF) + e.name + extra
        else:
            central += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014B50, 20, 20, e.flags, e.method, 0, 0x21, e.crc,
                                   len(e.raw), e.size & 0xFFFFFFFF, len(e.name), 0, 0, 0, 0, 0, offset) + e.name
    cd_offset = len(out)
    out += central
    count = len(entries)
    if any(e.zip64 for e in entries) or count > 0xFFFF:
        z64 = len(out)
        out += struct.pack('<IQHHIIQQQQ', 0x06064B50, 44, 45, 45, 0, 0, count, count, len(central), cd_offset)
        out += struct.pack('<IIQI', 0x07064B50, 0, z64, 1)
        out += struct.pack('<IHHHHIIH', 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    else:
        out += struct.pack('<IHHHHIIH', 0x06054B50, 0, 0, count, count, len(central), cd_offset, 0)
    return bytes(out)


def workbook(sheet_xml=None, shared=None, styles=STYLES, sheet_entry=None, extra=()):
    """A minimal workbook; `sheet_entry` replaces the sheet's Entry when its headers must lie."""
    entries = [Entry('[Content_Types].xml', CONTENT_TYPES), Entry('_rels/.rels', ROOT_RELS),
               Entry('xl/workbook.xml', WORKBOOK), Entry('xl/_rels/workbook.xml.rels', WORKBOOK_RELS)]
    if styles is not None:
        entries.append(Entry('xl/styles.xml', styles))
    if shared is not None:
        entries.append(Entry('xl/sharedStrings.xml', shared))
    entries.append(sheet_entry or Entry('xl/worksheets/sheet1.xml', sheet_xml))
    entries.extend(extra)
    return build_zip(entries)


HEADER_ROW = b'<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1" t="inlineStr"><is><t>year</t></is></c></row>'


def one_cell(ref, row=2, attrs=b'', value=b'<is><t>x</t></is>', cell_type=b'inlineStr'):
    return sheet(HEADER_ROW + b'<row r="%d"><c r="%s" t="%s"%s>%s</c></row>' % (row, ref, cell_type, attrs, value))


def bomb_sheet_stream(total):
    """A sheet whose XML head is followed by `total` zero bytes, deflated as one stream."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts = [c.compress(SHEET_HEAD)]
    crc = zlib.crc32(SHEET_HEAD)
    chunk = bytes(1 << 24)
    left = total
    while left:
        n = min(len(chunk), left)
        block = chunk if n == len(chunk) else bytes(n)
        parts.append(c.compress(block))
        crc = zlib.crc32(block, crc)
        left -= n
    parts.append(c.flush())
    return b''.join(parts), crc & 0xFFFFFFFF, len(SHEET_HEAD) + total


def xlsx_files(small):
    files = {}
    files['col_overflow.xlsx'] = workbook(one_cell(b'AAAAAAAAAAAAAAA1', row=1))
    files['col_far.xlsx'] = workbook(one_cell(b'AAAAAAAA2'))
    files['col_xfe.xlsx'] = workbook(one_cell(b'XFE2'))
    files['row_2e9.xlsx'] = workbook(sheet(HEADER_ROW + b'<row r="2000000000"><c t="inlineStr"><is><t>x</t></is></c></row>'))
    files['row_1048577.xlsx'] = workbook(sheet(HEADER_ROW + b'<row r="1048577"><c t="inlineStr"><is><t>x</t></is></c></row>'))
    files['bad_reference.xlsx'] = workbook(one_cell(b'1A'))
    files['sst_negative.xlsx'] = workbook(one_cell(b'A2', value=b'<v>-1</v>', cell_type=b's'), shared=sst('only'))
    files['sst_out_of_range.xlsx'] = workbook(one_cell(b'A2', value=b'<v>99</v>', cell_type=b's'), shared=sst('only'))
    files['sst_overflow.xlsx'] = workbook(one_cell(b'A2', value=b'<v>9999999999999999999999999</v>', cell_type=b's'), shared=sst('only'))
    files['style_bad.xlsx'] = workbook(one_cell(b'A2', attrs=b' s="7"', value=b'<v>44440</v>', cell_type=b'n'))
    files['style_negative.xlsx'] = workbook(one_cell(b'A2', attrs=b' s="-1"', value=b'<v>44440</v>', cell_type=b'n'))
    files['cell_too_long.xlsx'] = workbook(one_cell(b'A2', value=b'<is><t>' + b'x' * 40_000 + b'</t></is>'))
    rows = b''.join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (r, r) for r in range(2, 1302))
    files['sparse_cells.xlsx'] = workbook(sheet(b'<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c>'
                                                b'<c r="XFD1" t="inlineStr"><is><t>far</t></is></c></row>' + rows))
    files['xfd_far_cell.xlsx'] = workbook(one_cell(b'XFD1048576', row=1048576))

    raw, crc, size = bomb_sheet_stream(200 << 20)
    files['zip_bomb.xlsx'] = workbook(sheet_entry=Entry('xl/worksheets/sheet1.xml', raw=raw, size=size, crc=crc))
    files['zip_bomb_lying.xlsx'] = workbook(sheet_entry=Entry('xl/worksheets/sheet1.xml', raw=raw, size=1000, crc=crc))
    if small:
        raw1, crc1, size1 = bomb_sheet_stream(1 << 30)
        files['zip64_bomb.xlsx'] = workbook(sheet_entry=Entry('xl/worksheets/sheet1.xml', raw=raw1, size=size1, crc=crc1, zip64=True))
    else:
        raw35, crc35, size35 = bomb_sheet_stream(3584 << 20)
        files['zip64_bomb.xlsx'] = workbook(sheet_entry=Entry('xl/worksheets/sheet1.xml', raw=raw35, size=size35, crc=crc35, zip64=True))
    good_sheet = one_cell(b'A2')
    files['zip64_offset_max.xlsx'] = workbook(sheet_entry=Entry('xl/worksheets/sheet1.xml', good_sheet, zip64=True, offset_override=(1 << 64) - 1))
    # Cut the stream short but declare the cut length, so the directory stays intact.
    full = deflate(good_sheet * 1)
    files['truncated_stream.xlsx'] = workbook(sheet_entry=Entry('xl/worksheets/sheet1.xml', good_sheet, raw=full[:len(full) // 2]))
    files['crc_mismatch.xlsx'] = workbook(sheet_entry=Entry('xl/worksheets/sheet1.xml', good_sheet, crc=zlib.crc32(b'other') & 0xFFFFFFFF))
    files['encrypted_entry.xlsx'] = workbook(sheet_entry=Entry('xl/worksheets/sheet1.xml', good_sheet, flags=1))
    files['duplicate_entry.xlsx'] = workbook(good_sheet, extra=[Entry('xl/worksheets/sheet1.xml', one_cell(b'B2'))])
    files['too_many_entries.xlsx'] = workbook(good_sheet, extra=[Entry('e/%d' % i, b'', method=0) for i in range(10_001)])

    laughs = b'<!DOCTYPE lolz [<!ENTITY lol "lol">' + b''.join(
        b'<!ENTITY lol%d "%s">' % (i, (b'&lol%d;' % (i - 1) if i > 1 else b'&lol;') * 10) for i in range(1, 10)) + b']>'
    files['billion_laughs.xlsx'] = workbook(b'<?xml version="1.0"?>' + laughs +
                                            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                                            b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>')
    xxe = (b'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>')
    files['xxe.xlsx'] = workbook(one_cell(b'A2', value=b'<v>0</v>', cell_type=b's'), shared=xxe)
    utf16 = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>').encode('utf-16')
    files['utf16_dtd.xlsx'] = workbook(utf16)
    files['malformed_xml.xlsx'] = workbook(SHEET_HEAD + HEADER_ROW + b'<row r="2"><c r="A2"><v>1</v></c>')
    files['no_sheet.xlsx'] = build_zip([Entry('readme.txt', b'no workbook here')])
    rng = random.Random(13)
    files['not_a_zip.xlsx'] = b'PK\x03\x04' + bytes(rng.getrandbits(8) for _ in range(4096))
    good = workbook(good_sheet, shared=sst('a'))
    files['truncated.xlsx'] = good[:len(good) // 2]
    files['ole_encrypted.xlsx'] = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504)
    files['random.bin'] = bytes(rng.getrandbits(8) for _ in range(8192))
    return files


STUDENT_HEADER = '机构代码,学号,姓名,证件类型,证件号码,性别,专业代码,层次,入学年份,生源'


def csv_files(small):
    files = {}
    files['csv_unterminated.csv'] = (STUDENT_HEADER + '\nSZ-1,"2025001,张三\n').encode()
    files['csv_wide.csv'] = (','.join('c%d' % i for i in range(16_385)) + '\n').encode()
    files['csv_long_cell.csv'] = (STUDENT_HEADER + '\nSZ-1,2025001,' + '长' * 40_000 + '\n').encode()
    if not small:
        files['csv_too_many_rows.csv'] = b'a,b\n' + b'1,2\n' * 1_048_577
        bad = [
            'SZ-PU-0002,{n},王小明,,11010520070101003X,男,510201,高职专科,44440,内地',    # year as a date serial
            'SZ-PU-0002,{n},王小明,,110105200701010031,男,510201,高职专科,2025,内地',     # bad check digit
            'SZ-PU-0002,{n},王小明,,11010520070101003X,男,999999,高职专科,2025,内地',     # unknown program
            'SZ-PU-0002,{n},=HYPERLINK("http://x"),,11010520070101003X,男,510201,高职专科,2025,内地',  # formula
            'SZ-PU-0002,{n},,,,火星,510201,博士,二〇二五,月球',                           # everything wrong
            'SZ-PU-0002,{n},"引号,逗号",,11010520070101003X,女,510201,中职,1999,内地',     # sex and level mismatch
        ]
        lines = [STUDENT_HEADER]
        size = len(STUDENT_HEADER)
        n = 0
        while size < 30_000_000:
            line = bad[n % len(bad)].format(n=9_000_000 + n)
            lines.append(line)
            size += len(line.encode()) + 1
            n += 1
        files['csv_big_bad_rows.csv'] = ('\n'.join(lines) + '\n').encode()
    return files


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    out = argv[1]
    small = '--small' in argv[2:]
    os.makedirs(out, exist_ok=True)
    files = {**xlsx_files(small), **csv_files(small)}
    for name, data in sorted(files.items()):
        with open(os.path.join(out, name), 'wb') as f:
            f.write(data)
        print('%-24s %12d bytes' % (name, len(data)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
