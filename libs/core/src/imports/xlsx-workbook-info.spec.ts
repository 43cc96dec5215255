import { MergeScanner, decodeXmlText, parseRange, parseWorkbookSheets } from './xlsx-workbook-info';

const WS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const CS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet';

describe('parseWorkbookSheets', () => {
  it('lists sheets in tab order with their state and entry, whatever the attribute order and prefixes', () => {
    const workbook = `<?xml version="1.0"?><workbook xmlns:r="r"><sheets>
      <sheet name="Ẩn &amp; cũ" sheetId="3" state="hidden" r:id="rId3"/>
      <sheet r:id="rId1" name="Biểu đồ" sheetId="1"/>
      <x:sheet name='DN' sheetId='2' ns9:id='rId2'/>
    </sheets></workbook>`;
    const rels = `<Relationships>
      <Relationship Id="rId1" Type="${CS}" Target="chartsheets/sheet1.xml"/>
      <Relationship Target="/xl/worksheets/sheet2.xml" Id="rId2" Type="${WS}"/>
      <Relationship Id="rId3" Type="${WS}" Target="./worksheets/../worksheets/sheet3.xml"/>
    </Relationships>`;
    expect(parseWorkbookSheets(workbook, rels)).toEqual([
      { name: 'Ẩn & cũ', state: 'hidden', kind: 'worksheet', path: 'xl/worksheets/sheet3.xml' },
      { name: 'Biểu đồ', state: 'visible', kind: 'chartsheet', path: 'xl/chartsheets/sheet1.xml' },
      { name: 'DN', state: 'visible', kind: 'worksheet', path: 'xl/worksheets/sheet2.xml' },
    ]);
  });

  it('leaves the path null when the relationship is missing', () => {
    expect(parseWorkbookSheets('<sheets><sheet name="A" r:id="rId9" state="veryHidden"/></sheets>', null)).toEqual([
      { name: 'A', state: 'veryHidden', kind: 'worksheet', path: null },
    ]);
  });
});

describe('decodeXmlText', () => {
  it('decodes named and numeric entities', () => {
    expect(decodeXmlText('a &lt;b&gt; &quot;c&quot; &apos;d&apos; &#273; &#x1EC7; &bogus;')).toBe(`a <b> "c" 'd' đ ệ &bogus;`);
  });
});

describe('parseRange', () => {
  it('reads ranges and single cells, rows 1-based and columns 0-based', () => {
    expect(parseRange('B3:D4')).toEqual({ top: 3, left: 1, bottom: 4, right: 3 });
    expect(parseRange('$AA$10')).toEqual({ top: 10, left: 26, bottom: 10, right: 26 });
    expect(parseRange('D4:B3')).toEqual({ top: 3, left: 1, bottom: 4, right: 3 });
    expect(parseRange('nonsense')).toBeNull();
  });
});

describe('MergeScanner', () => {
  const xml = Buffer.from(
    '<worksheet><sheetData><row r="1"><c r="A1"/></row></sheetData>' +
      '<mergeCells count="3"><mergeCell ref="A1:E1"/><mergeCell ref="B3:C4"/><x:mergeCell ref="F10:F12"></x:mergeCell></mergeCells></worksheet>',
  );
  const expected = [
    { top: 1, left: 0, bottom: 1, right: 4 },
    { top: 3, left: 1, bottom: 4, right: 2 },
    { top: 10, left: 5, bottom: 12, right: 5 },
  ];

  it('finds the merges in one chunk', () => {
    const s = new MergeScanner();
    s.push(xml);
    expect(s.ranges).toEqual(expected);
  });

  it.each([1, 2, 3, 7, 16])('finds each merge once whatever the chunk size (%i bytes)', (size) => {
    const s = new MergeScanner();
    for (let i = 0; i < xml.length; i += size) s.push(xml.subarray(i, i + size));
    expect(s.ranges).toEqual(expected);
  });

  it('reports the running count so a caller can stop', () => {
    const counts: number[] = [];
    new MergeScanner((n) => counts.push(n)).push(xml);
    expect(counts).toEqual([1, 2, 3]);
  });
});
