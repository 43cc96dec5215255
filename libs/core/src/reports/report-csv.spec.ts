import { PeriodKind, coverage, periodFrom } from '@app/domain';
import { renderSummaryCsv } from './report-csv';
import { ReportSnapshot } from './report-figures';

function snapshot(unitName: string): ReportSnapshot {
  const period = periodFrom(PeriodKind.QUARTER, '2025-04-01');
  return {
    unitName,
    period,
    figures: {
      newMembers: { target: 3, actual: 0, yearToDate: 1, percentOfYearTarget: 33.33 },
      newGrassrootsUnions: { target: null, actual: 0, yearToDate: 0, percentOfYearTarget: null },
      coverage: coverage(3, 2, 82.5),
      stages: [],
      byOfficer: [],
      byGrassrootsUnion: [],
      overdueCases: 0,
      overdueCaseList: [],
      asOf: period.end,
      unitName,
      periodLabel: 'Quý II/2025',
    },
  };
}

const linesOf = (b: Buffer) => b.toString('utf8').slice(1).trim().split('\r\n');

describe('renderSummaryCsv', () => {
  it('writes decimal commas, separates fields with semicolons and dates as dd/mm/yyyy by default', () => {
    const lines = linesOf(renderSummaryCsv(snapshot('Công đoàn ngành Y tế')));
    expect(lines[0]).toBe('Đơn vị;Kỳ báo cáo;Từ ngày;Đến ngày;Nội dung;Kết quả kỳ;Lũy kế từ đầu năm;Kế hoạch năm;% kế hoạch năm (lũy kế);Ghi chú');
    expect(lines[1]).toBe(
      'Công đoàn ngành Y tế;Quý II/2025;01/04/2025;30/06/2025;Đoàn viên kết nạp mới;0;1;3;33,33;Lũy kế từ 01/01/2025 đến 30/06/2025 so với kế hoạch năm',
    );
    expect(lines).toContain(
      'Công đoàn ngành Y tế;Quý II/2025;01/04/2025;30/06/2025;Tỷ lệ doanh nghiệp từ 25 lao động trở lên có CĐCS (%);66,67;;82,5;;' +
        'Doanh nghiệp ≥ 25 lao động có CĐCS: 2/3 = 66,7 % (chỉ tiêu 82,5 %)',
    );
  });

  it('with decimal points separates fields with commas, and quotes the text that holds the separator', () => {
    const lines = linesOf(renderSummaryCsv(snapshot('Công đoàn Khu công nghiệp; Thái Bình'), 'dot'));
    expect(lines[0].split(',')).toHaveLength(10);
    expect(lines[1]).toBe(
      'Công đoàn Khu công nghiệp; Thái Bình,Quý II/2025,01/04/2025,30/06/2025,Đoàn viên kết nạp mới,0,1,3,33.33,Lũy kế từ 01/01/2025 đến 30/06/2025 so với kế hoạch năm',
    );
    // With semicolons the unit's name is quoted; the coverage sentence holds a comma only in the percent.
    const semi = linesOf(renderSummaryCsv(snapshot('Công đoàn Khu công nghiệp; Thái Bình')));
    expect(semi[1].startsWith('"Công đoàn Khu công nghiệp; Thái Bình";Quý II/2025;')).toBe(true);
    expect(lines.find((l) => l.includes('có CĐCS (%)'))).toContain(',66.67,,82.5,,"Doanh nghiệp ≥ 25 lao động có CĐCS: 2/3 = 66,7 % (chỉ tiêu 82,5 %)"');
  });
});
