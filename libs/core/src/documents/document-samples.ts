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
    case DocumentKind.PLAN:
      return {
        kind,
        facts: {
          unitName: 'Đơn vị mẫu',
          year: 2026,
          title: 'Kế hoạch phát triển đoàn viên, thành lập công đoàn cơ sở năm 2026',
          newMembers: 130,
          newGrassrootsUnions: 2,
          coveragePercent: 100,
          assignments: [{ officerName: members[1].fullName, duty: 'Phụ trách các doanh nghiệp huyện Tiền Hải', newMembers: 60, newGrassrootsUnions: 1 }],
        },
      };
    case DocumentKind.REVIEW_CONCLUSION:
      return {
        kind,
        facts: {
          unitName: 'Đơn vị mẫu',
          day: '2026-03-31',
          meetingTitle: null,
          chairName: members[0].fullName,
          asOf: '2026-03-31',
          newMembers: { yearToDate: 40, target: 130, percentOfYearTarget: 30.77 },
          newGrassrootsUnions: { yearToDate: 1, target: 2, percentOfYearTarget: 50 },
          coverage: { enterprises25Plus: 20, withUnion: 15, percent: 75, targetPercent: 100 },
          openCases: 6,
          overdueCases: 1,
          budgetSpent: null,
          officers: [],
          minutes: 'Đẩy nhanh tiến độ thành lập công đoàn cơ sở tại khu công nghiệp.',
          actionItems: [{ what: 'Gặp chủ doanh nghiệp Công ty TNHH Mẫu', assigneeName: members[1].fullName, dueOn: '2026-04-15' }],
        },
      };
  }
}
