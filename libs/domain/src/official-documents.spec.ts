import {
  DocumentKind,
  abbreviation,
  defaultDocumentSettings,
  documentFileBase,
  documentNumberLabel,
  formatCountVi,
  layoutDocument,
  layoutText,
  placeDateVi,
} from './official-documents';

describe('placeDateVi', () => {
  it('writes the example of the brief', () => {
    expect(placeDateVi('Thái Bình', '2026-12-05')).toBe('Thái Bình, ngày 05 tháng 12 năm 2026');
  });

  it('pads days 1–9 and months 1–2 only, as Decree 30 does', () => {
    expect(placeDateVi('Hà Nội', '2026-01-09')).toBe('Hà Nội, ngày 09 tháng 01 năm 2026');
    expect(placeDateVi('Hà Nội', '2026-02-10')).toBe('Hà Nội, ngày 10 tháng 02 năm 2026');
    expect(placeDateVi('Hà Nội', '2026-03-01')).toBe('Hà Nội, ngày 01 tháng 3 năm 2026');
    expect(placeDateVi('Hà Nội', '2024-06-27')).toBe('Hà Nội, ngày 27 tháng 6 năm 2024');
    expect(placeDateVi('Hà Nội', '2024-11-30')).toBe('Hà Nội, ngày 30 tháng 11 năm 2024');
  });

  it('leaves the place out when there is none, and refuses what is not a day', () => {
    expect(placeDateVi('  ', '2026-12-31')).toBe('ngày 31 tháng 12 năm 2026');
    expect(() => placeDateVi('Thái Bình', '2026-02-30')).toThrow(RangeError);
    expect(() => placeDateVi('Thái Bình', '5/12/2026')).toThrow(RangeError);
  });
});

describe('numbers and names', () => {
  it('labels a number with the type symbol and the unit', () => {
    expect(documentNumberLabel(12, DocumentKind.RECOGNITION_DECISION, 'CĐN')).toBe('12/QĐ-CĐN');
    expect(documentNumberLabel(3, DocumentKind.PERIOD_REPORT, 'CĐYT')).toBe('3/BC-CĐYT');
  });

  it('abbreviates a unit name, keeping Đ', () => {
    expect(abbreviation('Công đoàn ngành Y tế')).toBe('CĐNYT');
  });

  it('folds a file name to ASCII and appends the number', () => {
    expect(documentFileBase('Quyết định công nhận Công đoàn cơ sở Công ty May Đức Hòa', '12/QĐ-CĐN')).toBe(
      'quyet-dinh-cong-nhan-cong-doan-co-so-cong-ty-may-duc-hoa-12-QD-CDN',
    );
    expect(documentFileBase('Báo cáo', null)).toBe('bao-cao');
  });

  it('groups thousands with dots and writes decimal commas', () => {
    expect(formatCountVi(1234567)).toBe('1.234.567');
    expect(formatCountVi(62.5)).toBe('62,5');
    expect(formatCountVi(null)).toBe('');
  });
});

describe('layouts', () => {
  const settings = {
    ...defaultDocumentSettings({ name: 'Công đoàn ngành Nông nghiệp', parentName: 'LĐLĐ tỉnh Thái Bình', kind: 'UPPER_LEVEL' }),
    signerName: 'Phạm Văn Đức',
  };

  it('defaults the settings from the unit', () => {
    expect(settings.issuerName).toBe('CÔNG ĐOÀN NGÀNH NÔNG NGHIỆP');
    expect(settings.parentLine).toBe('LĐLĐ TỈNH THÁI BÌNH');
    expect(settings.authorityLine).toBe('TM. BAN THƯỜNG VỤ');
    expect(defaultDocumentSettings({ name: 'CĐCS May', parentName: null, kind: 'GRASSROOTS' }).authorityLine).toBe('TM. BAN CHẤP HÀNH');
  });

  it('lays out a recognition decision with its committee and its members in order', () => {
    const l = layoutDocument(
      { settings, numberLabel: '12/QĐ-CĐN', issuedOn: '2026-12-05' },
      {
        kind: DocumentKind.RECOGNITION_DECISION,
        facts: {
          grassrootsUnionName: 'Công đoàn cơ sở Công ty May Đức Hòa',
          enterpriseName: 'Công ty May Đức Hòa',
          enterpriseAddress: null,
          congressHeldOn: '2026-11-20',
          congressAttendees: 42,
          committee: ['Nguyễn Thị Hoa', 'Trần Văn Nam'],
          chairName: 'Nguyễn Thị Hoa',
          members: [
            { fullName: 'Lê Thị Ánh', birthYear: 1990, gender: 'Nữ' },
            { fullName: 'Đỗ Văn Bình', birthYear: 1988, gender: 'Nam' },
          ],
        },
      },
    );
    const text = layoutText(l);
    expect(l.numberLine).toBe('Số: 12/QĐ-CĐN');
    expect(text).toContain('Thái Bình, ngày 05 tháng 12 năm 2026');
    expect(text).toContain('1. Đồng chí Nguyễn Thị Hoa - Chủ tịch;');
    expect(text).toContain('gồm 2 đoàn viên');
    expect(text.indexOf('Lê Thị Ánh')).toBeLessThan(text.indexOf('Đỗ Văn Bình'));
    expect(l.annex?.subtitle).toBe('(Kèm theo Quyết định số 12/QĐ-CĐN ngày 05 tháng 12 năm 2026)');
    expect(l.signerName).toBe('Phạm Văn Đức');
  });

  it('shows a blank number in a preview and splits a two-line signing title', () => {
    const l = layoutDocument(
      { settings: { ...settings, signerTitle: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH' }, numberLabel: null, issuedOn: '2026-12-05' },
      { kind: DocumentKind.ADMISSION_DECISION, facts: { grassrootsUnionName: 'CĐCS May', members: [] } },
    );
    expect(l.numberLine).toBe('Số:       /QĐ-CĐNNN');
    expect(l.signerTitle).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
  });

  it('puts the report figures and the difficulties in the period report', () => {
    const l = layoutDocument(
      { settings, numberLabel: '4/BC-CĐN', issuedOn: '2026-12-05' },
      {
        kind: DocumentKind.PERIOD_REPORT,
        facts: {
          unitName: 'Công đoàn ngành Nông nghiệp',
          periodLabel: 'Quý III/2026',
          asOf: '2026-09-30',
          figures: [{ label: 'Đoàn viên kết nạp mới', period: 1250, yearToDate: 3000, yearTarget: 4000, percentOfYearTarget: 75 }],
          difficulties: 'Doanh nghiệp chưa hợp tác.\nThiếu cán bộ.',
          proposals: '',
        },
      },
    );
    const text = layoutText(l);
    expect(text).toContain('Đoàn viên kết nạp mới | 1.250 | 3.000 | 4.000 | 75');
    expect(text).toContain('Doanh nghiệp chưa hợp tác.\nThiếu cán bộ.');
  });
});
