// The decisions (forms 1.3 and 1.4 of QĐ 933/QĐ-TLĐ) and the period report.
import { AdmissionFacts, DocumentKind, DocumentLayout, LayoutHead, PeriodReportFacts, RecognitionFacts } from './official-document-types';
import { bodyOf, dmy, formatCountVi, headOf, para, peopleTable, placeDateVi } from './official-document-parts';

/** Form 1.3: the decision recognising a CĐCS and its provisional executive committee. */
export function recognitionLayout(h: LayoutHead, f: RecognitionFacts): DocumentLayout {
  const number = h.numberLabel ?? '…';
  const committee = f.committee.map((name, i) =>
    para(`${i + 1}. Đồng chí ${name}${name === f.chairName ? ' - Chủ tịch' : ' - Ủy viên'};`, { label: 'committee' }),
  );
  const congress = f.congressHeldOn
    ? `Căn cứ Biên bản Đại hội thành lập Công đoàn cơ sở ngày ${dmy(f.congressHeldOn)}${f.congressAttendees ? ` (${formatCountVi(f.congressAttendees)} người tham dự)` : ''};`
    : 'Căn cứ Biên bản Đại hội thành lập Công đoàn cơ sở;';
  return {
    ...headOf(DocumentKind.RECOGNITION_DECISION, h),
    title: 'QUYẾT ĐỊNH',
    summary: `Về việc công nhận ${f.grassrootsUnionName} và Ban Chấp hành lâm thời`,
    body: [
      para(`${bodyOf(h.settings)} ${h.settings.issuerName}`.toUpperCase(), { bold: true, center: true }),
      para('Căn cứ Điều lệ Công đoàn Việt Nam;', { italic: true }),
      para('Căn cứ Hướng dẫn thi hành Điều lệ Công đoàn Việt Nam;', { italic: true }),
      para(congress, { italic: true }),
      para(`Xét hồ sơ đề nghị công nhận công đoàn cơ sở tại ${f.enterpriseName},`, { italic: true }),
      para('QUYẾT ĐỊNH:', { bold: true, center: true }),
      para(
        `Điều 1. Công nhận ${f.grassrootsUnionName} tại ${f.enterpriseName}${f.enterpriseAddress ? ` (địa chỉ: ${f.enterpriseAddress})` : ''} gồm ${formatCountVi(f.members.length)} đoàn viên (có danh sách kèm theo).`,
      ),
      para(`Điều 2. Công nhận Ban Chấp hành lâm thời ${f.grassrootsUnionName} gồm ${f.committee.length} đồng chí:`),
      ...committee,
      para('Ban Chấp hành lâm thời hoạt động cho đến khi Đại hội công đoàn cơ sở bầu ra Ban Chấp hành chính thức.'),
      para(
        `Điều 3. Quyết định có hiệu lực kể từ ngày ký. ${f.grassrootsUnionName}, các đồng chí có tên tại Điều 2 và các bộ phận liên quan căn cứ Quyết định thi hành./.`,
      ),
    ],
    annex: {
      title: `DANH SÁCH ĐOÀN VIÊN ${f.grassrootsUnionName.toUpperCase()}`,
      subtitle: `(Kèm theo Quyết định số ${number} ${placeDateVi('', h.issuedOn)})`,
      table: peopleTable(f.members),
    },
  };
}

/** Form 1.4: the admission decision of a CĐCS, its members listed in order. */
export function admissionLayout(h: LayoutHead, f: AdmissionFacts): DocumentLayout {
  const number = h.numberLabel ?? '…';
  return {
    ...headOf(DocumentKind.ADMISSION_DECISION, h),
    title: 'QUYẾT ĐỊNH',
    summary: 'Về việc kết nạp đoàn viên công đoàn',
    body: [
      para(`${bodyOf(h.settings)} ${h.settings.issuerName}`.toUpperCase(), { bold: true, center: true }),
      para('Căn cứ Điều lệ Công đoàn Việt Nam;', { italic: true }),
      para('Căn cứ Hướng dẫn thi hành Điều lệ Công đoàn Việt Nam;', { italic: true }),
      para('Xét đơn tự nguyện gia nhập Công đoàn Việt Nam của người lao động,', { italic: true }),
      para('QUYẾT ĐỊNH:', { bold: true, center: true }),
      para(
        `Điều 1. Kết nạp ${formatCountVi(f.members.length)} người lao động có tên trong danh sách kèm theo vào Công đoàn Việt Nam, sinh hoạt tại ${f.grassrootsUnionName}.`,
      ),
      para('Điều 2. Quyết định có hiệu lực kể từ ngày ký. Các đoàn viên có tên tại Điều 1 có quyền và nghĩa vụ theo Điều lệ Công đoàn Việt Nam./.'),
    ],
    annex: {
      title: 'DANH SÁCH ĐOÀN VIÊN ĐƯỢC KẾT NẠP',
      subtitle: `(Kèm theo Quyết định số ${number} ${placeDateVi('', h.issuedOn)})`,
      table: peopleTable(f.members),
    },
  };
}

/** The period report on member development and CĐCS founding, its figures those of the built report. */
export function periodReportLayout(h: LayoutHead, f: PeriodReportFacts): DocumentLayout {
  return {
    ...headOf(DocumentKind.PERIOD_REPORT, h),
    title: 'BÁO CÁO',
    summary: `Kết quả phát triển đoàn viên, thành lập công đoàn cơ sở ${f.periodLabel}`,
    body: [
      para(
        `Thực hiện chương trình phát triển đoàn viên, thành lập công đoàn cơ sở, ${f.unitName} báo cáo kết quả ${f.periodLabel} (số liệu tính đến ngày ${dmy(f.asOf)}) như sau:`,
      ),
      para('I. KẾT QUẢ THỰC HIỆN', { bold: true }),
      {
        kind: 'table',
        headers: ['Chỉ tiêu', 'Trong kỳ', 'Lũy kế năm', 'Kế hoạch năm', 'Tỷ lệ (%)'],
        widths: [40, 15, 15, 15, 15],
        rows: f.figures.map((r) => [
          r.label,
          formatCountVi(r.period),
          formatCountVi(r.yearToDate),
          formatCountVi(r.yearTarget),
          formatCountVi(r.percentOfYearTarget),
        ]),
      },
      para('II. KHÓ KHĂN, VƯỚNG MẮC', { bold: true }),
      ...(f.difficulties.trim() ? f.difficulties.trim().split(/\n+/) : ['Không có.']).map((t) => para(t, { label: 'difficulties' })),
      para('III. ĐỀ XUẤT, KIẾN NGHỊ', { bold: true }),
      ...(f.proposals.trim() ? f.proposals.trim().split(/\n+/) : ['Không có.']).map((t) => para(t)),
      para(`Trên đây là báo cáo kết quả ${f.periodLabel} của ${f.unitName}./.`),
    ],
    annex: null,
  };
}
