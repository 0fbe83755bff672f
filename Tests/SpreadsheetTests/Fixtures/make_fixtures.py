#!/usr/bin/env python3
"""Regenerates the workbooks in this folder (they are committed; the tests only read them).

    pip install openpyxl
    apt-get install libreoffice-calc-nogui      # for libreoffice_dates.xlsx
    python3 Tests/SpreadsheetTests/Fixtures/make_fixtures.py

  openpyxl_dates.xlsx      written by openpyxl: dates, times, date-times, a duration, custom
                           formats, numbers, the 1900 leap-year bug around serial 60
  openpyxl_iso_dates.xlsx  openpyxl with iso_dates=True: t="d" cells holding ISO 8601 text
  openpyxl_1904.xlsx       openpyxl in the 1904 date system (<workbookPr date1904="1"/>)
  libreoffice_dates.xlsx   LibreOffice Calc's export of libreoffice_dates.fods (escaped
                           format codes such as YYYY\\-MM\\-DD, its own time formats)
  wps_style.xlsx           written by hand the way WPS Office writes: shared strings, the
                           East Asian built-in formats 31, 32, 55, 57, 58 with no code in
                           styles.xml, custom codes such as yyyy"年"m"月"d"日";@ and
                           [DBNum1][$-804]…, a <cellStyleXfs> date style that cells do not
                           index, and serials 59, 60, 61 in the 1900 system
  formatted_far.xlsx       a header, one data row, and what Excel writes when formatting
                           reaches far: an empty styled cell at XFD2 and an empty row 1048576
  hostile/                 e2e/hostile/make_hostile.py --small: one file per attack
"""
import datetime as dt
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, '..', '..', '..'))


def load_hostile():
    path = os.path.join(REPO, 'e2e', 'hostile', 'make_hostile.py')
    spec = importlib.util.spec_from_file_location('make_hostile', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HEADER = ['姓名', '入学日期', '上课时间', '登记时刻', '时长', '入学年份', '金额', '年月日', '月份', '斜杠日期时间', '分秒', '上午下午', '文本']


def openpyxl_dates():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '学生'
    ws.append(HEADER)
    rows = [
        ['张伟', dt.date(2021, 9, 1), dt.time(8, 30), dt.datetime(2021, 9, 1, 8, 30), dt.timedelta(hours=36, minutes=5),
         2021, 1234.5, dt.date(2021, 9, 1), dt.date(2021, 9, 1), dt.datetime(2021, 9, 1, 8, 30), dt.time(0, 5, 7), dt.time(14, 30), '2021-09-01'],
        # 1900-01-01 is serial 1 and 1900-02-28 serial 59 (before Lotus's phantom 29 February);
        # 08:30:00.6 rounds to 08:30:01.
        ['李娜', dt.date(1900, 1, 1), dt.time(23, 59, 59), dt.datetime(2021, 9, 1, 8, 30, 0, 600000), dt.timedelta(minutes=90),
         2022, 0.1, dt.date(1900, 2, 28), dt.date(1900, 3, 1), dt.datetime(1900, 3, 1), dt.time(0, 0, 1), dt.time(9, 0), '文本'],
    ]
    formats = [None, None, None, None, None, None, '#,##0.00_);[Red](#,##0.00)', 'yyyy"年"m"月"d"日"', 'mmm', 'yyyy/m/d h:mm', 'mm:ss', 'h:mm AM/PM', '@']
    for values in rows:
        ws.append(values)
        row = ws.max_row
        for col, fmt in enumerate(formats, start=1):
            if fmt:
                ws.cell(row=row, column=col).number_format = fmt
    wb.save(os.path.join(HERE, 'openpyxl_dates.xlsx'))


def openpyxl_iso_dates():
    wb = openpyxl.Workbook(iso_dates=True)
    ws = wb.active
    ws.append(['日期', '时间', '日期时间'])
    ws.append([dt.date(2021, 9, 1), dt.time(8, 30), dt.datetime(2021, 9, 1, 8, 30, 0, 600000)])
    ws.append([dt.date(2024, 2, 29), dt.time(23, 59, 59, 700000), dt.datetime(2021, 12, 31, 23, 59, 59, 600000)])
    wb.save(os.path.join(HERE, 'openpyxl_iso_dates.xlsx'))


def openpyxl_1904():
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.append(['入学日期', '登记时刻', '入学年份'])
    ws.append([dt.date(2021, 9, 1), dt.datetime(2021, 9, 1, 8, 30), 2021])
    ws.append([dt.date(1904, 1, 1), dt.datetime(1904, 1, 2, 12, 0), 2022])
    wb.save(os.path.join(HERE, 'openpyxl_1904.xlsx'))


FODS = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
  office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:date-style style:name="N1"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
  <number:time-style style:name="N2"><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/><number:text>:</number:text><number:seconds number:style="long"/></number:time-style>
  <number:date-style style:name="N3"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>
  <number:date-style style:name="N4" number:language="zh" number:country="CN"><number:year number:style="long"/><number:text>年</number:text><number:month/><number:text>月</number:text><number:day/><number:text>日</number:text></number:date-style>
  <number:number-style style:name="N5"><number:number number:decimal-places="2" number:min-integer-digits="1"/></number:number-style>
  <style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
  <style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>
  <style:style style:name="ce3" style:family="table-cell" style:data-style-name="N3"/>
  <style:style style:name="ce4" style:family="table-cell" style:data-style-name="N4"/>
  <style:style style:name="ce5" style:family="table-cell" style:data-style-name="N5"/>
 </office:automatic-styles>
 <office:body><office:spreadsheet><table:table table:name="学生">
  <table:table-row>
   <table:table-cell office:value-type="string"><text:p>姓名</text:p></table:table-cell>
   <table:table-cell office:value-type="string"><text:p>入学日期</text:p></table:table-cell>
   <table:table-cell office:value-type="string"><text:p>上课时间</text:p></table:table-cell>
   <table:table-cell office:value-type="string"><text:p>登记时刻</text:p></table:table-cell>
   <table:table-cell office:value-type="string"><text:p>中文日期</text:p></table:table-cell>
   <table:table-cell office:value-type="string"><text:p>入学年份</text:p></table:table-cell>
   <table:table-cell office:value-type="string"><text:p>金额</text:p></table:table-cell>
  </table:table-row>
  <table:table-row>
   <table:table-cell office:value-type="string"><text:p>张伟</text:p></table:table-cell>
   <table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="2021-09-01"><text:p>2021-09-01</text:p></table:table-cell>
   <table:table-cell table:style-name="ce2" office:value-type="time" office:time-value="PT08H30M00S"><text:p>08:30:00</text:p></table:table-cell>
   <table:table-cell table:style-name="ce3" office:value-type="date" office:date-value="2021-09-01T08:30:00"><text:p>2021-09-01 08:30</text:p></table:table-cell>
   <table:table-cell table:style-name="ce4" office:value-type="date" office:date-value="2021-09-01"><text:p>2021年9月1日</text:p></table:table-cell>
   <table:table-cell office:value-type="float" office:value="2021"><text:p>2021</text:p></table:table-cell>
   <table:table-cell table:style-name="ce5" office:value-type="float" office:value="1234.5"><text:p>1234.50</text:p></table:table-cell>
  </table:table-row>
  <table:table-row>
   <table:table-cell office:value-type="string"><text:p>李娜</text:p></table:table-cell>
   <table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="2024-02-29"><text:p>2024-02-29</text:p></table:table-cell>
   <table:table-cell table:style-name="ce2" office:value-type="time" office:time-value="PT23H59M59S"><text:p>23:59:59</text:p></table:table-cell>
   <table:table-cell table:style-name="ce3" office:value-type="date" office:date-value="1999-12-31T23:59:00"><text:p>1999-12-31 23:59</text:p></table:table-cell>
   <table:table-cell table:style-name="ce4" office:value-type="date" office:date-value="2000-01-01"><text:p>2000年1月1日</text:p></table:table-cell>
   <table:table-cell office:value-type="float" office:value="2022"><text:p>2022</text:p></table:table-cell>
   <table:table-cell table:style-name="ce5" office:value-type="float" office:value="0.1"><text:p>0.10</text:p></table:table-cell>
  </table:table-row>
 </table:table></office:spreadsheet></office:body>
</office:document>
'''


def libreoffice_dates():
    fods = os.path.join(HERE, 'libreoffice_dates.fods')
    with open(fods, 'w', encoding='utf-8') as f:
        f.write(FODS)
    soffice = shutil.which('soffice') or shutil.which('libreoffice')
    if not soffice:
        print('soffice not found: libreoffice_dates.xlsx left as it is', file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, '-env:UserInstallation=file://' + profile, '--headless',
                        '--convert-to', 'xlsx', '--outdir', out, fods], check=True, capture_output=True)
        shutil.copy(os.path.join(out, 'libreoffice_dates.xlsx'), os.path.join(HERE, 'libreoffice_dates.xlsx'))


def wps_style(hostile):
    strings = ['姓名', '入学日期', '入学月份', '生日', '上课时间', '下课时间', '中文日期', '大写日期', '登记时刻',
               '金额', '期数', '时长', '月份', '入学年份', '闰年错误', '张伟']
    sst = hostile.sst(*strings)
    # cellXfs index → numFmtId; 0 is General. The <cellStyleXfs> date style before them must
    # not shift the indexes.
    xfs = [0, 31, 57, 58, 32, 55, 176, 177, 178, 179, 180, 181, 182, 0, 14, 20]
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
              '<numFmts count="7">'
              '<numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/>'
              '<numFmt numFmtId="177" formatCode="[DBNum1][$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
              '<numFmt numFmtId="178" formatCode="yyyy/m/d\\ h:mm;@"/>'
              '<numFmt numFmtId="179" formatCode="0.00_ "/>'
              '<numFmt numFmtId="180" formatCode="&quot;第&quot;0&quot;期&quot;"/>'
              '<numFmt numFmtId="181" formatCode="[h]:mm:ss"/>'
              '<numFmt numFmtId="182" formatCode="[$-804]mmmm;@"/>'
              '</numFmts>'
              '<cellStyleXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellStyleXfs>'
              '<cellXfs count="%d">%s</cellXfs>'
              '</styleSheet>') % (len(xfs), ''.join('<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' % i for i in xfs))

    def c(ref, style, value, t=None):
        return '<c r="%s" s="%d"%s><v>%s</v></c>' % (ref, style, ' t="%s"' % t if t else '', value)

    header = ''.join(c('%s1' % chr(65 + i), 0, i, 's') for i in range(15))
    row2 = ''.join([
        c('A2', 0, 15, 's'),         # 张伟
        c('B2', 1, 44440),           # 31 yyyy"年"m"月"d"日"   → 2021-09-01
        c('C2', 2, 44440),           # 57 yyyy"年"m"月"        → 2021-09-01
        c('D2', 3, 37258),           # 58 m"月"d"日"           → 2002-01-02
        c('E2', 4, 0.3541666666666667),  # 32 h"时"mm"分"     → 08:30:00
        c('F2', 5, 0.6875),          # 55 上午/下午h"时"mm"分" → 16:30:00
        c('G2', 6, 44440),           # yyyy"年"m"月"d"日";@   → 2021-09-01
        c('H2', 7, 44440),           # [DBNum1][$-804]…       → 2021-09-01
        c('I2', 8, 44440.35416666666),  # yyyy/m/d\\ h:mm;@  → 2021-09-01T08:30:00
        c('J2', 9, 1234.5),          # 0.00_                  → 1234.5
        c('K2', 10, 3),              # "第"0"期"              → 3
        c('L2', 11, 1.5),            # [h]:mm:ss              → 36:00:00
        c('M2', 12, 44440),          # [$-804]mmmm;@          → 2021-09-01
        c('N2', 13, 2021),           # General                → 2021
        c('O2', 14, 60),             # 14, serial 60          → 1900-02-29 (Lotus's phantom day)
    ])
    row3 = ''.join([
        c('A3', 0, 15, 's'),
        c('B3', 14, 59),             # → 1900-02-28
        c('C3', 14, 61),             # → 1900-03-01
        c('D3', 14, 1),              # → 1900-01-01
        c('E3', 15, 0.5),            # 20 h:mm → 12:00:00
        c('F3', 14, 0.5),            # a date format on a serial below 1: no date, the number stays
    ])
    sheet = hostile.sheet(('<row r="1">%s</row><row r="2">%s</row><row r="3">%s</row>' % (header, row2, row3)).encode())
    with open(os.path.join(HERE, 'wps_style.xlsx'), 'wb') as f:
        f.write(hostile.workbook(sheet, shared=sst, styles=styles.encode()))


def formatted_far(hostile):
    sheet = hostile.sheet(b'<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1" t="inlineStr"><is><t>year</t></is></c></row>'
                          b'<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="B2"><v>2021</v></c><c r="XFD2" s="1"/></row>'
                          b'<row r="1048576" ht="20" customHeight="1"/>')
    with open(os.path.join(HERE, 'formatted_far.xlsx'), 'wb') as f:
        f.write(hostile.workbook(sheet))


def main():
    hostile = load_hostile()
    formatted_far(hostile)
    openpyxl_dates()
    openpyxl_iso_dates()
    openpyxl_1904()
    libreoffice_dates()
    wps_style(hostile)
    out = os.path.join(HERE, 'hostile')
    shutil.rmtree(out, ignore_errors=True)
    hostile.main(['make_hostile.py', out, '--small'])


if __name__ == '__main__':
    main()
