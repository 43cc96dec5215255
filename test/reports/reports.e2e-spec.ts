import { Row, Workbook, Worksheet } from 'exceljs';
import { FiguresService, ReportBuilderService } from '@app/core';
import { JobName, QueueName } from '@app/queue';
import { BuildReportHandler, SchedulePeriodReportsHandler } from '../../apps/worker/src/handlers';
import { M, applicant, codeOf, createEnterprise, errorOf, openCase, walkToStage } from '../support/case-fixtures';
import { Province, TestApi } from '../support/test-api';
import { TestWorker, eventually } from '../support/test-worker';

const REQUEST = `mutation($i: ReportInput!) { requestReport(input: $i) { id version status progress periodKind periodStart periodEnd orgUnit { id } xlsxUrl csvUrl figures { newMembers { actual } } } }`;
const REPORT = `query($id: ID!) { report(id: $id) {
  id version status progress error periodStart periodEnd builtAt xlsxUrl csvUrl
  figures { newMembers { target actual yearToDate percentOfYearTarget } newGrassrootsUnions { target actual yearToDate percentOfYearTarget } coverage { enterprises25Plus withUnion percent targetPercent }
            stages { stage count overdue } overdueCases
            byOfficer { officerId fullName cases openCases overdueCases recognitions membersAdmitted targetMembers }
            byGrassrootsUnion { unitId name membersAdmitted membersAtEnd recognizedOn } } } }`;
const REPORTS = `query($u: ID) { reports(orgUnitId: $u) { id version periodKind periodStart status } }`;

/** The row of `ws` whose cell in `column` is `label` (an indicator of the summary, a name in a breakdown). */
function findRow(ws: Worksheet, column: number, label: string): Row {
  let found: Row | null = null;
  ws.eachRow((row) => {
    if (row.getCell(column).value === label) found = row;
  });
  if (!found) throw new Error(`no row "${label}" in sheet ${ws.name}`);
  return found;
}

/** That row's cell values from column A. */
function rowOf(ws: Worksheet, column: number, label: string): unknown[] {
  return (findRow(ws, column, label).values as unknown[]).slice(1);
}

/** Data rows below the heading row (row 5), as arrays of cell values. */
function dataRows(ws: Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n > 5) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

function headings(ws: Worksheet): unknown[] {
  return (ws.getRow(5).values as unknown[]).slice(1);
}

const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);

describe('reports: periodic XLSX and CSV snapshots built by the worker', () => {
  let api: TestApi;
  let worker: TestWorker;
  let p: Province;
  let other: Province;
  let grassroots1: { id: string; name: string };
  let foundedUnion: { id: string; name: string };
  let lateCase: { caseId: string; enterpriseName: string; taxCode: string };
  const reports: Record<string, string> = {};

  const get = (path: string, token?: string) => fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  async function request(periodKind: string, periodStart: string, token = p.supervisor.token, orgUnitId = p.unitId) {
    return api.gql(REQUEST, { i: { orgUnitId, periodKind, periodStart } }, token);
  }

  async function ready(id: string, token = p.supervisor.token) {
    return eventually(async () => {
      const r = (await api.ok(REPORT, { id }, token)).report;
      if (r.status === 'FAILED') throw new Error(`report failed: ${r.error}`);
      return r.status === 'READY' ? r : null;
    }, 30_000);
  }

  async function workbookOf(id: string): Promise<Workbook> {
    const res = await get(`/reports/${id}/xlsx`, p.supervisor.token);
    expect(res.status).toBe(200);
    const wb = new Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    return wb;
  }

  /** Admits a member into a CĐCS on `decidedOn` (or refuses the application). */
  async function member(unitId: string, decidedOn: string, admit = true) {
    const a = await api.ok(M.apply, { i: applicant({ grassrootsUnionId: unitId }, { submittedOn: '2024-12-01' }) }, p.supervisor.token);
    await api.ok(
      M.decideApplication,
      {
        i: {
          applicationId: a.submitApplication.id,
          admit,
          decidedOn,
          decisionNumber: admit ? `${decidedOn}/QĐ-CĐCS` : null,
          reason: admit ? null : 'Chưa đủ hồ sơ',
        },
      },
      p.supervisor.token,
    );
  }

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await TestWorker.start();
    p = await api.newProvince(2);
    other = await api.newProvince(1);
    const sup = p.supervisor.token;

    // Targets of 2025: the quarter's figures are read against the year's targets.
    await api.ok(M.setTarget, { i: { year: 2025, orgUnitId: p.unitId, newMembers: 10, newGrassrootsUnions: 2, coveragePercent: 80 } }, sup);
    await api.ok(M.setTarget, { i: { year: 2025, officerId: p.officers[0].id, newMembers: 6 } }, sup);

    // An existing CĐCS admitting members around the quarter's edges.
    const g = await api.ok(M.createOrgUnit, { i: { name: `CĐCS Công ty TNHH May Hưng Nhân ${p.tag}`, kind: 'GRASSROOTS', parentId: p.unitId } }, sup);
    grassroots1 = { id: g.createOrgUnit.id, name: g.createOrgUnit.name };
    await member(grassroots1.id, '2024-12-31'); // last year: in no 2025 report, but a member at every 2025 end
    await member(grassroots1.id, '2025-01-01'); // Q1, first day
    await member(grassroots1.id, '2025-03-31'); // Q1, last day: not Q2
    await member(grassroots1.id, '2025-04-01'); // Q2, first day
    await member(grassroots1.id, '2025-06-30'); // Q2
    await member(grassroots1.id, '2025-02-10', false); // refused: counts nowhere

    // Coverage: ≥25 workers with a union, ≥25 without, and one too small to count.
    await createEnterprise(api, p, { workerCount: 60, hasUnion: true });
    await createEnterprise(api, p, { workerCount: 10, hasUnion: true });

    // A founding case recognized on 20/03/2025 by officer 1: a new CĐCS with its 5 founding members.
    const ref = await walkToStage(api, p, 'RECOGNIZED', {
      dates: {
        surveyedOn: '2025-03-02',
        outreachOn: '2025-03-05',
        formedOn: '2025-03-08',
        submittedOn: '2025-03-09',
        congressOn: '2025-03-15',
        dossierOn: '2025-03-15',
        decidedOn: '2025-03-20',
      },
    });
    // The walk ran today; the history is dated as the evidence says it happened (in Vietnam's time).
    await api.db.query(`UPDATE founding_case SET opened_at = '2025-03-02 08:00+07' WHERE id = $1`, [ref.caseId]);
    await api.db.query(`UPDATE case_transition SET at = timestamptz '2025-03-20 09:00+07' + version * interval '1 minute' WHERE case_id = $1`, [ref.caseId]);
    const [fc] = await api.db.query(`SELECT o.id, o.name FROM founding_case c JOIN org_unit o ON o.id = c.grassroots_union_id WHERE c.id = $1`, [ref.caseId]);
    foundedUnion = fc;

    // A case opened on 01/02/2025 by officer 2 that never left SURVEY, due 20/02/2025: late at both ends of 2025's periods.
    const late = await openCase(api, p, { workerCount: 30, hasUnion: false, assignee: p.officers[1], name: `Công ty CP Gốm sứ Đông Hải ${p.tag}` });
    await api.db.query(
      `UPDATE founding_case SET opened_at = '2025-02-01 08:00+07', stage_entered_at = '2025-02-01 08:00+07', opened_due_on = '2025-02-20' WHERE id = $1`,
      [late.caseId],
    );
    const [e] = await api.db.query(`SELECT name, tax_code FROM enterprise WHERE id = $1`, [late.enterpriseId]);
    lateCase = { caseId: late.caseId, enterpriseName: e.name, taxCode: e.tax_code };
  }, 60_000);

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('builds a quarter report whose XLSX holds the scenario, counting the last day of the quarter in it', async () => {
    const r = await request('QUARTER', '2025-01-01');
    expect(r.errors).toBeUndefined();
    const queued = r.data.requestReport;
    expect(queued).toMatchObject({
      version: 1,
      periodKind: 'QUARTER',
      periodStart: '2025-01-01',
      periodEnd: '2025-03-31',
      orgUnit: { id: p.unitId },
      xlsxUrl: null,
      csvUrl: null,
      figures: null,
    });
    expect(queued.status).toBe('QUEUED');
    const [outbox] = await api.db.query(`SELECT queue, job_name FROM outbox WHERE payload->>'reportId' = $1`, [queued.id]);
    expect(outbox).toEqual({ queue: QueueName.REPORTS, job_name: JobName.BUILD_REPORT });
    reports.q1 = queued.id;

    const done = await ready(queued.id);
    expect(done.progress).toBe(100);
    expect(done.builtAt).toBeTruthy();
    expect(done.xlsxUrl).toBe(`/reports/${queued.id}/xlsx`);
    expect(done.csvUrl).toBe(`/reports/${queued.id}/csv`);
    expect(done.figures.newMembers).toEqual({ target: 10, actual: 7, yearToDate: 7, percentOfYearTarget: 70 });

    const wb = await workbookOf(queued.id);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Theo cán bộ',
      'Theo công đoàn cơ sở',
      'Hồ sơ quá hạn',
      'Báo cáo thống kê CĐCS',
      'Việc cần làm sau giao ban',
      'Kinh phí',
      'Ghi chú',
    ]);
    const summary = wb.getWorksheet('Tổng hợp')!;
    for (const ws of wb.worksheets) {
      expect(ws.getCell('A2').value).toBe(`Công đoàn ngành Y tế ${p.tag} — Quý I/2025`);
      expect(ws.getCell('A3').value).toBe('Từ ngày 01/01/2025 đến ngày 31/03/2025; số liệu tính đến ngày 31/03/2025');
      // The title block spans the table, the headings stay in view, bold.
      expect(ws.getCell('A1').isMerged).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
      expect(ws.getRow(5).getCell(1).font?.bold).toBe(true);
    }
    expect(headings(summary)).toEqual(['Nội dung', 'Kết quả kỳ', 'Lũy kế từ đầu năm', 'Kế hoạch năm', '% kế hoạch năm (lũy kế)', 'Ghi chú']);
    // 01/01 and 31/03 from the CĐCS, 5 founders on 20/03; not 31/12/2024, not the refused one, not 01/04.
    // Q1 starts on 1 January: its result is the year-to-date one, read against the year's target.
    const ytdQ1 = 'Lũy kế từ 01/01/2025 đến 31/03/2025 so với kế hoạch năm';
    expect(rowOf(summary, 1, 'Đoàn viên kết nạp mới')).toEqual(['Đoàn viên kết nạp mới', 7, 7, 10, 70, ytdQ1]);
    expect(rowOf(summary, 1, 'Công đoàn cơ sở thành lập mới')).toEqual(['Công đoàn cơ sở thành lập mới', 1, 1, 2, 50, ytdQ1]);
    expect(rowOf(summary, 1, 'Doanh nghiệp từ 25 lao động trở lên')[1]).toBe(3);
    expect(rowOf(summary, 1, 'Trong đó: đã có công đoàn cơ sở')[1]).toBe(2);
    // Coverage: the count and one percent beside the target percent; no percent of it (83,33 % of 80 %).
    const cov = rowOf(summary, 1, 'Tỷ lệ doanh nghiệp từ 25 lao động trở lên có CĐCS (%)');
    expect([cov[1], cov[3], cov[4] ?? null, cov[5]]).toEqual([66.67, 80, null, 'Doanh nghiệp ≥ 25 lao động có CĐCS: 2/3 = 66,7 % (chỉ tiêu 80 %)']);
    expect(rowOf(summary, 1, 'Hồ sơ thành lập quá hạn')[1]).toBe(1);
    const notes = dataRows(wb.getWorksheet('Ghi chú')!).map((r) => r[1]);
    expect(notes[0]).toBe(
      'Chỉ tiêu được giao theo năm, đơn vị không đặt chỉ tiêu riêng cho tháng, quý hay 6 tháng. Báo cáo so sánh kết quả lũy kế từ đầu năm (từ 01/01/2025 đến 31/03/2025) với kế hoạch năm, không chia nhỏ chỉ tiêu năm theo kỳ.',
    );
    expect(rowOf(summary, 1, 'Khảo sát')).toEqual(['Khảo sát', 1, 1]);
    expect(rowOf(summary, 1, 'Đã công nhận').slice(0, 2)).toEqual(['Đã công nhận', 1]);
    expect(rowOf(summary, 1, 'Cộng')).toEqual(['Cộng', 2, 1]);

    const officers = wb.getWorksheet('Theo cán bộ')!;
    expect(headings(officers)).toEqual(expect.arrayContaining(['Đoàn viên kết nạp trong kỳ', 'Kế hoạch năm: đoàn viên', 'Kế hoạch năm: CĐCS']));
    // STT, name, cases, open, overdue, recognitions, members admitted, member target, CĐCS target
    expect(rowOf(officers, 2, `officer1 ${p.tag}`)).toEqual([expect.any(Number), `officer1 ${p.tag}`, 1, 0, 0, 1, 5, 6]);
    expect(rowOf(officers, 2, `officer2 ${p.tag}`)).toEqual([expect.any(Number), `officer2 ${p.tag}`, 1, 1, 1, 0, 0]);

    const unions = wb.getWorksheet('Theo công đoàn cơ sở')!;
    expect(headings(unions)).toEqual(['STT', 'Công đoàn cơ sở', 'Ngày quyết định công nhận', 'Đoàn viên kết nạp trong kỳ', 'Số đoàn viên cuối kỳ']);
    expect(rowOf(unions, 2, grassroots1.name).slice(1)).toEqual([grassroots1.name, undefined, 2, 3]);
    const founded = rowOf(unions, 2, foundedUnion.name);
    expect(day(founded[2])).toBe('2025-03-20');
    expect(founded.slice(3)).toEqual([5, 5]);
    expect(findRow(unions, 2, foundedUnion.name).getCell(3).numFmt).toBe('dd/mm/yyyy');

    const overdue = wb.getWorksheet('Hồ sơ quá hạn')!;
    const rows = dataRows(overdue);
    expect(rows).toHaveLength(1);
    // Due 20/02, seen as the quarter closes (as on 01/04, like the pipeline by stage): 40 days late.
    expect(rows[0].map(day)).toEqual([1, lateCase.enterpriseName, lateCase.taxCode, 'Khảo sát', '2025-02-20', 40, `officer2 ${p.tag}`]);
  });

  it('puts a member admitted on the first day of Q2 in Q2, and sums the year', async () => {
    const q2 = (await request('QUARTER', '2025-04-01')).data.requestReport;
    const year = (await request('YEAR', '2025-01-01')).data.requestReport;
    reports.year = year.id;
    const [q2Done, yearDone] = [await ready(q2.id), await ready(year.id)];
    expect(q2Done.periodEnd).toBe('2025-06-30');
    expect(yearDone.periodEnd).toBe('2025-12-31');

    const q2Book = await workbookOf(q2.id);
    const q2Summary = q2Book.getWorksheet('Tổng hợp')!;
    expect(q2Summary.getCell('A2').value).toBe(`Công đoàn ngành Y tế ${p.tag} — Quý II/2025`);
    // The quarter beside the year: 2 members in Q2, 9 since 1 January, against the year's 10 (90 %, not 2 of 10).
    const ytdQ2 = 'Lũy kế từ 01/01/2025 đến 30/06/2025 so với kế hoạch năm';
    expect(rowOf(q2Summary, 1, 'Đoàn viên kết nạp mới')).toEqual(['Đoàn viên kết nạp mới', 2, 9, 10, 90, ytdQ2]);
    expect(rowOf(q2Summary, 1, 'Công đoàn cơ sở thành lập mới')).toEqual(['Công đoàn cơ sở thành lập mới', 0, 1, 2, 50, ytdQ2]);
    expect(q2Done.figures.newMembers).toEqual({ target: 10, actual: 2, yearToDate: 9, percentOfYearTarget: 90 });
    expect(q2Done.figures.newGrassrootsUnions).toEqual({ target: 2, actual: 0, yearToDate: 1, percentOfYearTarget: 50 });
    expect(rowOf(q2Summary, 1, 'Đã công nhận')[1]).toBe(0); // recognized in Q1
    const q2Unions = q2Book.getWorksheet('Theo công đoàn cơ sở')!;
    expect(rowOf(q2Unions, 2, grassroots1.name).slice(3)).toEqual([2, 5]);
    expect(rowOf(q2Unions, 2, foundedUnion.name).slice(3)).toEqual([0, 5]);

    const yearBook = await workbookOf(year.id);
    const yearSummary = yearBook.getWorksheet('Tổng hợp')!;
    expect(yearSummary.getCell('A2').value).toBe(`Công đoàn ngành Y tế ${p.tag} — Năm 2025`);
    const ytdYear = 'Lũy kế từ 01/01/2025 đến 31/12/2025 so với kế hoạch năm';
    expect(rowOf(yearSummary, 1, 'Đoàn viên kết nạp mới')).toEqual(['Đoàn viên kết nạp mới', 9, 9, 10, 90, ytdYear]);
    expect(rowOf(yearSummary, 1, 'Công đoàn cơ sở thành lập mới')).toEqual(['Công đoàn cơ sở thành lập mới', 1, 1, 2, 50, ytdYear]);
    expect(rowOf(yearBook.getWorksheet('Theo công đoàn cơ sở')!, 2, grassroots1.name).slice(3)).toEqual([4, 5]);
    // Still late as the year closes (as on 01/01/2026).
    expect(dataRows(yearBook.getWorksheet('Hồ sơ quá hạn')!)[0][5]).toBe(315);

    // The stored figures and the workbook are the same snapshot.
    expect(yearDone.figures.newMembers).toEqual({ target: 10, actual: 9, yearToDate: 9, percentOfYearTarget: 90 });
    expect(yearDone.figures.coverage).toEqual({ enterprises25Plus: 3, withUnion: 2, percent: 66.67, targetPercent: 80 });
    expect(yearDone.figures.overdueCases).toBe(1);
    expect(yearDone.figures.byOfficer.find((o: any) => o.officerId === p.officers[0].id)).toMatchObject({
      recognitions: 1,
      membersAdmitted: 5,
      targetMembers: 6,
    });
    expect(yearDone.figures.byGrassrootsUnion.find((g: any) => g.unitId === foundedUnion.id)).toMatchObject({ membersAdmitted: 5, recognizedOn: '2025-03-20' });
  });

  it('serves a CSV of the summary in UTF-8 with a BOM, Vietnamese headings, decimal commas and dd/mm/yyyy dates', async () => {
    const res = await get(`/reports/${reports.q1}/csv`, p.supervisor.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="Bao-cao-Cong-doan-nganh-Y-te-.*-Quy-I-2025\.csv"; filename\*=UTF-8''/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Đơn vị;Kỳ báo cáo;Từ ngày;Đến ngày;Nội dung;Kết quả kỳ;Lũy kế từ đầu năm;Kế hoạch năm;% kế hoạch năm (lũy kế);Ghi chú');
    const q1 = `Công đoàn ngành Y tế ${p.tag};Quý I/2025;01/01/2025;31/03/2025`;
    expect(lines).toContain(`${q1};Đoàn viên kết nạp mới;7;7;10;70;Lũy kế từ 01/01/2025 đến 31/03/2025 so với kế hoạch năm`);
    expect(lines).toContain(
      `${q1};Tỷ lệ doanh nghiệp từ 25 lao động trở lên có CĐCS (%);66,67;;80;;Doanh nghiệp ≥ 25 lao động có CĐCS: 2/3 = 66,7 % (chỉ tiêu 80 %)`,
    );
    expect(lines).toContain(`${q1};Hồ sơ quá hạn ở giai đoạn Khảo sát;1;;;;`);

    // Decimal points on request: the fields are then separated by commas, and the text with a comma quoted.
    const dotBytes = Buffer.from(await (await get(`/reports/${reports.q1}/csv?decimal=dot`, p.supervisor.token)).arrayBuffer());
    expect([...dotBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const dot = dotBytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(dot[0]).toBe('Đơn vị,Kỳ báo cáo,Từ ngày,Đến ngày,Nội dung,Kết quả kỳ,Lũy kế từ đầu năm,Kế hoạch năm,% kế hoạch năm (lũy kế),Ghi chú');
    expect(dot).toContain(
      `Công đoàn ngành Y tế ${p.tag},Quý I/2025,01/01/2025,31/03/2025,Tỷ lệ doanh nghiệp từ 25 lao động trở lên có CĐCS (%),66.67,,80,,` +
        '"Doanh nghiệp ≥ 25 lao động có CĐCS: 2/3 = 66,7 % (chỉ tiêu 80 %)"',
    );
    const bad = await get(`/reports/${reports.q1}/csv?decimal=tab`, p.supervisor.token);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT' });

    const xlsx = await get(`/reports/${reports.q1}/xlsx`, p.supervisor.token);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(xlsx.headers.get('content-disposition')!.split("UTF-8''")[1])).toBe(`Báo cáo Công đoàn ngành Y tế ${p.tag} Quý I-2025.xlsx`);
  });

  it('keeps downloads and reads in the caller scope', async () => {
    const path = `/reports/${reports.q1}/xlsx`;
    expect((await get(path)).status).toBe(401);
    const outside = await get(path, other.supervisor.token);
    expect(outside.status).toBe(404);
    expect(await outside.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await get(`/reports/not-a-uuid/xlsx`, p.supervisor.token)).status).toBe(404);
    expect((await get(path, p.federationSupervisor.token)).status).toBe(200); // the parent unit's supervisor
    expect((await get(path, p.officers[0].token)).status).toBe(200); // an officer reads its own unit's reports

    expect((await api.ok(REPORT, { id: reports.q1 }, other.supervisor.token)).report).toBeNull();
    expect((await api.ok(REPORT, { id: reports.q1 }, p.officers[1].token)).report.id).toBe(reports.q1);
    expect((await api.ok(REPORTS, { u: null }, other.supervisor.token)).reports.map((r: any) => r.id)).not.toContain(reports.q1);
    expect((await api.ok(REPORTS, { u: null }, p.officers[0].token)).reports.map((r: any) => r.id)).toContain(reports.q1);
    expect(codeOf(await api.gql(REPORTS, { u: p.unitId }, other.supervisor.token))).toBe('NOT_FOUND');
  });

  it('refuses bad requests and changes nothing', async () => {
    const count = async () => (await api.db.query(`SELECT count(*)::int AS n FROM report WHERE org_unit_id = $1`, [p.unitId]))[0].n;
    const before = await count();
    expect(codeOf(await request('QUARTER', '2025-01-01', p.officers[0].token))).toBe('FORBIDDEN');
    const bad = errorOf(await request('QUARTER', '2025-02-01'));
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(bad.fields).toEqual(['periodStart']);
    const future = errorOf(await request('YEAR', '2099-01-01'));
    expect(future).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['periodStart'] });
    expect(codeOf(await request('QUARTER', '2025-01-01', p.supervisor.token, other.unitId))).toBe('NOT_FOUND');
    expect(await count()).toBe(before);
  });

  it('builds a new version on an explicit re-request and keeps the old one', async () => {
    const v1 = (await api.ok(REPORT, { id: reports.q1 }, p.supervisor.token)).report;
    const again = (await request('QUARTER', '2025-01-01')).data.requestReport;
    expect(again.version).toBe(2);
    await ready(again.id);
    const list = (await api.ok(REPORTS, { u: p.unitId }, p.supervisor.token)).reports.filter(
      (r: any) => r.periodKind === 'QUARTER' && r.periodStart === '2025-01-01',
    );
    expect(list.map((r: any) => r.version).sort()).toEqual([1, 2]);
    const kept = (await api.ok(REPORT, { id: reports.q1 }, p.supervisor.token)).report;
    expect(kept).toMatchObject({ status: 'READY', version: 1, builtAt: v1.builtAt });
    const res = await get(`/reports/${again.id}/xlsx`, p.supervisor.token);
    expect(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1])).toContain('(lần 2)');
  });

  it('does nothing when a READY report is delivered again', async () => {
    const [before] = await api.db.query(`SELECT built_at, attempts, md5(xlsx) AS sum FROM report WHERE id = $1`, [reports.year]);
    const result = await worker.app.get(BuildReportHandler).handle({ reportId: reports.year }, { updateProgress: async () => undefined } as never);
    expect(result).toEqual({ built: false });
    const [after] = await api.db.query(`SELECT built_at, attempts, md5(xlsx) AS sum FROM report WHERE id = $1`, [reports.year]);
    expect(after).toEqual(before);
  });

  it('marks a build that fails FAILED with the reason, never READY with part of the data, and a retry builds it', async () => {
    // The database drops the connection while the breakdown by CĐCS is read: the figures before it are already computed.
    const figures = worker.app.get(FiguresService);
    const spy = jest.spyOn(figures, 'byGrassroots').mockRejectedValue(new Error('Connection terminated unexpectedly'));
    let id = '';
    try {
      id = (await request('MONTH', '2025-03-01')).data.requestReport.id;
      const failed = await eventually(
        async () => {
          const r = (await api.ok(REPORT, { id }, p.supervisor.token)).report;
          return r.status === 'FAILED' ? r : null;
        },
        20_000,
        25,
      );
      expect(failed).toMatchObject({ error: 'Connection terminated unexpectedly', figures: null, xlsxUrl: null, csvUrl: null, builtAt: null });
      const [row] = await api.db.query(`SELECT figures, xlsx, csv, built_at FROM report WHERE id = $1`, [id]);
      expect(row).toEqual({ figures: null, xlsx: null, csv: null, built_at: null });
      const download = await get(`/reports/${id}/xlsx`, p.supervisor.token);
      expect(download.status).toBe(409);
    } finally {
      spy.mockRestore();
    }
    // BullMQ retries with backoff; the retry sets RUNNING again and builds the whole report.
    const done = await ready(id);
    expect(done.error).toBeNull();
    const [row] = await api.db.query(`SELECT attempts FROM report WHERE id = $1`, [id]);
    expect(row.attempts).toBeGreaterThanOrEqual(2);
  }, 40_000);

  it('fails a build whose stored period is out of shape rather than reporting wrong days', async () => {
    // A report row edited by hand: a month that ends on the wrong day.
    const [row] = await api.db.query(
      `INSERT INTO report (org_unit_id, period_kind, period_start, period_end, version, status) VALUES ($1, 'MONTH', '2025-05-01', '2025-05-30', 1, 'QUEUED') RETURNING id`,
      [p.unitId],
    );
    await expect(worker.app.get(ReportBuilderService).build(row.id)).rejects.toThrow(/Inconsistent report period/);
    const [after] = await api.db.query(`SELECT status, error, figures FROM report WHERE id = $1`, [row.id]);
    expect(after).toMatchObject({ status: 'FAILED', figures: null });
    expect(after.error).toMatch(/ends 2025-05-31, not 2025-05-30/);
  });

  it('schedules each ended period once per upper-level union, however often the schedule runs', async () => {
    const fresh = await api.newProvince(1);
    const schedule = worker.app.get(SchedulePeriodReportsHandler);
    // Two workers at once, then the next day's run: the unique key lets only the first create anything.
    // (2019: the month end it closes is one no other suite reports on; closes are database-wide.)
    const runs = await Promise.all([schedule.handle({ today: '2019-02-10' }), schedule.handle({ today: '2019-02-10' })]);
    const next = await schedule.handle({ today: '2019-02-11' });
    // January is closed once, before its reports are created: the second run and the next day's find it closed.
    expect(runs.map((r) => r.close.closed).sort()).toEqual([false, true]);
    expect(next.close).toMatchObject({ closed: false, reason: 'ALREADY_CLOSED' });
    expect(await api.db.query(`SELECT to_char(closed_on, 'YYYY-MM-DD') AS d, window_from::text AS w FROM period_close WHERE closed_on = '2019-01-31'`)).toEqual(
      [{ d: '2019-01-31', w: '2019-01-01' }],
    );
    const rows = await api.db.query(
      `SELECT r.id, r.period_kind, to_char(r.period_start, 'YYYY-MM-DD') AS start, r.version,
              (SELECT count(*)::int FROM outbox o WHERE o.payload->>'reportId' = r.id::text AND o.job_name = $2) AS jobs
         FROM report r WHERE r.org_unit_id = $1 ORDER BY r.period_kind`,
      [fresh.unitId, JobName.BUILD_REPORT],
    );
    expect(rows.map((r: any) => [r.period_kind, r.start, r.version, r.jobs])).toEqual([
      ['HALF_YEAR', '2018-07-01', 1, 1],
      ['MONTH', '2019-01-01', 1, 1],
      ['QUARTER', '2018-10-01', 1, 1],
      ['YEAR', '2018-01-01', 1, 1],
    ]);
    // Only upper-level unions get scheduled reports.
    expect(await api.db.query(`SELECT 1 FROM report WHERE org_unit_id = $1`, [fresh.federationId])).toHaveLength(0);
    const scheduler = await worker.queue(QueueName.REPORTS).getJobScheduler(JobName.SCHEDULE_PERIOD_REPORTS);
    expect(scheduler).toMatchObject({ pattern: '30 0 * * *', tz: 'Asia/Ho_Chi_Minh' });
  });
});
