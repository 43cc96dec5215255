import { DocumentFacts, DocumentKind } from '@app/domain';

/** What the settings page previews: a made-up source of the kind. */
export function sampleFacts(kind: DocumentKind, texts: { difficulties: string | null; proposals: string | null }): DocumentFacts {
  const members = [
    { fullName: 'Nguyễn Thị Hoa', birthYear: 1990, gender: 'Nữ' },
    { fullName: 'Trần Văn Nam', birthYear: 1988, gender: 'Nam' },
  ];
  switch (kind) {
    case DocumentKind.RECOGNITION_DECISION:
      return {
        kind,
        facts: {
          grassrootsUnionName: 'Công đoàn cơ sở Công ty TNHH Mẫu',
          enterpriseName: 'Công ty TNHH Mẫu',
          enterpriseAddress: null,
          congressHeldOn: null,
          congressAttendees: null,
          committee: members.map((p) => p.fullName),
          chairName: members[0].fullName,
          members,
        },
      };
    case DocumentKind.ADMISSION_DECISION:
      return { kind, facts: { grassrootsUnionName: 'Công đoàn cơ sở Công ty TNHH Mẫu', members } };
    case DocumentKind.PERIOD_REPORT:
      return {
        kind,
        facts: {
          unitName: 'Đơn vị mẫu',
          periodLabel: 'Quý I/2026',
          asOf: '2026-03-31',
          figures: [{ label: 'Đoàn viên kết nạp mới', period: 120, yearToDate: 120, yearTarget: 500, percentOfYearTarget: 24 }],
          difficulties: texts.difficulties ?? '',
          proposals: texts.proposals ?? '',
        },
      };
  }
}
