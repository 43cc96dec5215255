import { DocumentKind, defaultDocumentSettings, recipientsFor } from './official-documents';

const decisions = ['Như Điều 3;', 'LĐLĐ tỉnh (để b/c);', 'Lưu: VT, ToC.'];

describe('"Nơi nhận" per kind of document', () => {
  it('keeps the unit’s list for its decisions, "Như Điều …" included', () => {
    expect(recipientsFor(DocumentKind.RECOGNITION_DECISION, decisions)).toEqual(decisions);
    expect(recipientsFor(DocumentKind.ADMISSION_DECISION, ['Như Điều 2;', 'Lưu: VT.'])).toEqual(['Như Điều 2;', 'Lưu: VT.']);
  });

  it('gives a plan and a meeting notice their own addressees and no article to point at', () => {
    expect(recipientsFor(DocumentKind.PLAN, decisions)).toEqual([
      'Các công đoàn cơ sở trực thuộc;',
      'Cán bộ được phân công (để t/h);',
      'LĐLĐ tỉnh (để b/c);',
      'Lưu: VT, ToC.',
    ]);
    expect(recipientsFor(DocumentKind.REVIEW_CONCLUSION, decisions)).toEqual([
      'Các đồng chí dự giao ban;',
      'Các công đoàn cơ sở trực thuộc;',
      'LĐLĐ tỉnh (để b/c);',
      'Lưu: VT, ToC.',
    ]);
    expect(recipientsFor(DocumentKind.PERIOD_REPORT, decisions)).toEqual(['LĐLĐ tỉnh (để b/c);', 'Lưu: VT, ToC.']);
  });

  it('drops "Như Điều" however it is typed, and does not repeat a line the unit already lists', () => {
    const typed = ['  như điều 3', 'NHƯ ĐIỀU 2;', 'Các công đoàn cơ sở trực thuộc', 'Lưu: VT.'];
    expect(recipientsFor(DocumentKind.PLAN, typed)).toEqual(['Các công đoàn cơ sở trực thuộc;', 'Cán bộ được phân công (để t/h);', 'Lưu: VT.']);
    // A line merely mentioning an article is the unit's to keep.
    expect(recipientsFor(DocumentKind.PLAN, ['Các đơn vị như Điều lệ quy định;'])).toContain('Các đơn vị như Điều lệ quy định;');
  });

  it('never leaves a report without a line', () => {
    expect(recipientsFor(DocumentKind.PERIOD_REPORT, ['Như Điều 3;'])).toEqual(['Lưu: VT.']);
  });

  it('applies to the defaults of every kind of unit', () => {
    for (const kind of ['UPPER_LEVEL', 'GRASSROOTS']) {
      const { recipients } = defaultDocumentSettings({ name: 'Công đoàn ngành Y tế', parentName: null, kind });
      expect(recipients.some((r) => r.startsWith('Như Điều'))).toBe(true);
      for (const k of [DocumentKind.PLAN, DocumentKind.REVIEW_CONCLUSION, DocumentKind.PERIOD_REPORT]) {
        expect(recipientsFor(k, recipients).join(' ')).not.toMatch(/Như Điều/i);
      }
    }
  });
});
