import { Workbook } from 'exceljs';
import { ALL_STAGES, CaseStage, OPEN_STAGES, STAGE_LABELS, TARGET_COLUMNS, periodFrom, PeriodKind } from '@app/domain';
import { renderSummaryCsv } from '@app/core/reports/report-csv';
import { ReportSnapshot } from '@app/core/reports/report-figures';
import { SHEET_OVERDUE, SHEET_SUMMARY, renderWorkbook } from '@app/core/reports/report-workbook';
import { STAGE_LABEL } from './src/i18n';

/** A report with a case in every stage, one of them late in each open stage. */
function snapshot(): ReportSnapshot {
  const period = periodFrom(PeriodKind.QUARTER, '2025-04-01');
  const progress = { target: 10, actual: 2, yearToDate: 9, percentOfYearTarget: 90 };
  return {
    unitName: 'Công đoàn ngành Y tế',
    period,
    figures: {
      newMembers: progress,
      newGrassrootsUnions: progress,
      coverage: { enterprises25Plus: 60, withUnion: 42, percent: 70, targetPercent: 80 },
      stages: ALL_STAGES.map((stage) => ({ stage, count: 2, overdue: OPEN_STAGES.includes(stage as never) ? 1 : 0 })),
      byOfficer: [],
      byGrassrootsUnion: [],
      overdueCases: OPEN_STAGES.length,
      overdueCaseList: OPEN_STAGES.map((stage, i) => ({
        caseId: `c${i}`,
        enterpriseName: `Công ty ${i}`,
        taxCode: `010000000${i}`,
        stage,
        stageDueOn: '2025-06-01',
        assigneeName: null,
        daysLate: 30,
      })),
      asOf: period.end,
      unitName: 'Công đoàn ngành Y tế',
      periodLabel: 'Quý II/2025',
    },
  };
}

describe('one table of stage labels and target headings for the dashboard, the XLSX and the CSV', () => {
  it('the dashboard uses the domain table itself', () => {
    expect(STAGE_LABEL).toBe(STAGE_LABELS);
    for (const s of Object.values(CaseStage)) expect(STAGE_LABEL[s]).toBe(STAGE_LABELS[s]);
  });

  it('the XLSX and the CSV name each stage as the dashboard does, and head the target columns the same', async () => {
    const s = snapshot();
    const wb = new Workbook();
    await wb.xlsx.load((await renderWorkbook(s, new Date(Date.UTC(2025, 6, 1)))) as never);
    const summary = wb.getWorksheet(SHEET_SUMMARY)!;
    // A column's text cells below the heading row (5).
    const column = (ws: typeof summary, n: number) =>
      ws
        .getColumn(n)
        .values.slice(6)
        .filter((v): v is string => typeof v === 'string');
    const dashboard = ALL_STAGES.map((st) => STAGE_LABEL[st]);
    // The summary's stage table: its first column holds each stage's name.
    expect(column(summary, 1).filter((v) => dashboard.includes(v))).toEqual(dashboard);
    expect(column(wb.getWorksheet(SHEET_OVERDUE)!, 4)).toEqual(OPEN_STAGES.map((st) => STAGE_LABEL[st]));
    expect((summary.getRow(5).values as unknown[]).slice(1, 6)).toEqual(Object.values(TARGET_COLUMNS));

    const csv = renderSummaryCsv(s).toString('utf8').slice(1).trim().split('\r\n');
    expect(csv[0].split(';').slice(4, 9)).toEqual(Object.values(TARGET_COLUMNS));
    const csvStages = csv.map((l) => /;Hồ sơ ở giai đoạn ([^;]+);/.exec(l)?.[1]).filter(Boolean);
    expect(csvStages).toEqual(dashboard);
  });
});
