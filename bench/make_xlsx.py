"""Writes a minimal XLSX of ROWS rows x COLS columns of inline strings, fast (no openpyxl):
the uploads of the upload tests and of the memory bench.  python3 make_xlsx.py OUT ROWS COLS"""
import sys
import zipfile

out, rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
letters = [chr(ord("A") + c) for c in range(cols)]
WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
      'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
      'relationships"><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
        '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
        '.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '</Relationships>')
TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
         'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
         'officedocument.spreadsheetml.sheet.main+xml"/></Types>')
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", TYPES)
    z.writestr("xl/workbook.xml", WB)
    z.writestr("xl/_rels/workbook.xml.rels", RELS)
    with z.open("xl/worksheets/sheet1.xml", "w") as f:
        f.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
        for r in range(1, rows + 1):
            cells = "".join(f'<c r="{l}{r}" t="inlineStr"><is><t>v{r}-{l}</t></is></c>' for l in letters)
            f.write(f'<row r="{r}">{cells}</row>'.encode())
        f.write(b"</sheetData></worksheet>")
