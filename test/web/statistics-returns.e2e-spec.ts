import { Page } from 'playwright-core';
import { addDays, vnToday } from '../support/case-fixtures';
import { Cdcs, G, newCdcs } from '../support/grassroots';
import { newUnionGroup } from '../support/mutation-fixtures';
import { R } from '../support/statistics-returns';
import { Province, TestApi } from '../support/test-api';
import { BrowserSession, REFUSED_STATUSES } from './support/browser-session';
import { admitTicked, checkStaffList, StaffPerson, staffListRows } from './support/staff-list';
import { ensureWebBuild } from './support/web-build';

/**
 * The statistics return in the browser (docs/architecture.md#statistics-returns): a CĐCS's chair imports its staff list,
 * admits five by one decision and submits the half-year return; the upper level's supervisor sees it on the board and
 * sends it back with a reason; the chair corrects and resubmits; the supervisor accepts the corrected one and reads the
 * consolidated figures. Screenshots 55–59 at 1366 and 390 px (UPDATE_SCREENSHOTS=1).
 */
jest.setTimeout(300_000);

const PEOPLE: StaffPerson[] = [
  ['Bùi Thị Hoa', '1990-04-12', 'FEMALE'],
  ['Đặng Văn Long', '1987-10-03', 'MALE'],
  ['Hoàng Thị Mai', '1994-07-19', 'FEMALE'],
  ['Lý Văn Nam', '1992-02-25', 'MALE'],
  ['Vương Thị Oanh', '1989-12-08', 'FEMALE'],
  ['Tạ Văn Phúc', '1998-05-16', 'MALE'],
];
const ADMITTED = PEOPLE.slice(0, 5).map(([name]) => name);

describe('statistics returns: submit, send back, resubmit, accept (browser)', () => {
  let api: TestApi;
  let p: Province;
  let c: Cdcs;
  let s: BrowserSession;
  let page: Page;
  // The half-year whose reference day (31/5) passed last, and a decision day inside it.
  const today = vnToday();
  const year = today.slice(5) > '05-31' ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
  const decidedOn = addDays(`${year}-05-31`, -10);

  beforeAll(async () => {
    ensureWebBuild();
    api = await TestApi.start();
    p = await api.newProvince(1);
    c = await newCdcs(api, p, 'Công ty Thực Phẩm Sao Mai');
    // A second CĐCS of the province that never reports: missing on the board and in the consolidation.
    const silent = await newCdcs(api, p, 'Công ty Bao Bì Sông Hồng');
    // Both existed on the half-year's reference day, so both owe its return.
    await api.db.query(`UPDATE org_unit SET established_on = $2 WHERE id = ANY($1)`, [[c.id, silent.id], `${year - 1}-12-01`]);
    s = await BrowserSession.open(api.url, { toleratedStatuses: [...REFUSED_STATUSES, 413] });
    page = s.page;
  });
  afterAll(async () => {
    await s?.close();
    await api?.close();
  });

  const shot = (name: string, at?: string): Promise<void> =>
    s.shot(name, async () => {
      // Instantly: a smooth scroll (the error summary's reveal, the CSS) would still be moving when the picture is taken.
      if (at)
        await page
          .getByTestId(at)
          .first()
          .evaluate("(e) => window.scrollTo({ top: e.getBoundingClientRect().top + window.scrollY - 90, behavior: 'instant' })");
      else await page.evaluate("window.scrollTo({ top: 0, behavior: 'instant' })");
      await page.waitForTimeout(150);
    });
  /** Picks the half-year and waits for its page (the address carries the period; a return names it). */
  const pickHalfYear = async () => {
    await page.getByTestId('return-kind').selectOption('HALF_YEAR');
    await page.getByTestId('return-year').selectOption(String(year));
    await page.waitForURL(new RegExp(`ky=HALF_YEAR&nam=${year}`));
    if (await page.getByTestId('return-view').count())
      await page
        .getByTestId('return-view')
        .filter({ hasText: `đến 31/05/${year}` })
        .waitFor();
  };
  /** Two union groups kept by the reference day; two members recommended to the Party in the period, one admitted. */
  const partyAndGroups = async () => {
    for (const name of ['Tổ Chế Biến', 'Tổ Đóng Gói']) await newUnionGroup(api, c.chair.token, c.id, name);
    await api.db.query(`UPDATE union_group SET created_at = $2 WHERE grassroots_union_id = $1`, [c.id, decidedOn]);
    const members = (await api.ok(G.members, { g: c.id, first: 10 }, c.chair.token)).members.nodes.filter((m: { status: string }) => m.status === 'MEMBER');
    const ids = members.slice(0, 2).map((m: { id: string }) => m.id);
    const rec = await api.ok(
      `mutation($i: RecommendMembersToPartyInput!) { recommendMembersToParty(input: $i) { id } }`,
      { i: { grassrootsUnionId: c.id, resolutionNumber: 'NQ-01', resolutionOn: addDays(`${year}-05-31`, -5), memberIds: ids } },
      c.chair.token,
    );
    await api.ok(
      `mutation($i: RecordPartyAdmissionInput!) { recordPartyAdmission(input: $i) { id } }`,
      { i: { recommendationId: rec.recommendMembersToParty.id, memberId: ids[0], admitted: true, decidedOn: addDays(`${year}-05-31`, -2) } },
      c.chair.token,
    );
  };
  /** The read-only figure of an indicator: [as reported, as the register has it]. */
  const figureCells = async (k: string) => page.locator(`[data-testid="return-figure"][data-indicator="${k}"] td`).allTextContents();
  const status = () => page.getByTestId('return-status').getAttribute('data-status');
  const notice = (text: string) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

  it('goes from the chair’s import to the supervisor’s acceptance of the corrected return, keeping every version', async () => {
    // The chair imports the staff list and admits five by one decision.
    await s.login(c.chair.email);
    await page.getByTestId('members-page').waitFor();
    await page.getByTestId('nav-staff-import').click();
    await checkStaffList(page, staffListRows(PEOPLE, 'Công nhân chế biến'));
    expect(await page.locator('[data-testid="staff-import-row"][data-action="CREATE"]').count()).toBe(6);
    await page.getByTestId('staff-import-apply').click();
    await notice('Đã nhập: thêm 6');

    await page.getByTestId('nav-members').click();
    await page.getByTestId('member-row').nth(5).waitFor();
    for (const name of ADMITTED) await page.locator('[data-testid="member-row"]', { hasText: name }).getByRole('checkbox').check();
    await admitTicked(page, { number: '05/QĐ-CĐCS', day: decidedOn, signer: 'Nguyễn Thị Chủ Tịch' }, 5);
    await partyAndGroups();

    // The half-year return, prefilled from the register as at 31/5.
    await page.getByTestId('nav-own-return').click();
    await page.getByTestId('own-return-page').waitFor();
    // Next year's return: its reference day is ahead, so it may be drafted but not sent (the button says why).
    const nextYear = String(Number(today.slice(0, 4)) + 1);
    await page.getByTestId('return-kind').selectOption('YEAR');
    await page.getByTestId('return-year').selectOption(nextYear);
    await page
      .getByTestId('return-too-early')
      .filter({ hasText: `Chưa đến ngày chốt số liệu của kỳ báo cáo (30/11/${nextYear})` })
      .waitFor();
    expect(await page.getByTestId('return-submit').isDisabled()).toBe(true);
    await pickHalfYear();
    await page.getByTestId('return-form').waitFor();
    expect(await page.getByTestId('return-view').textContent()).toContain(`đến 31/05/${year}`);
    expect(await page.getByTestId('return-status').textContent()).toContain('Chưa lập');
    expect(await page.getByTestId('figure-admitted').inputValue()).toBe('5');
    expect(await page.getByTestId('figure-membersAtEnd').inputValue()).toBe('5');
    expect(await page.getByTestId('figure-womenMembers').inputValue()).toBe('3');
    await shot('55-statistics-return');
    await page.getByTestId('return-submit').click();
    await notice('Đã gửi báo cáo cho công đoàn cấp trên');
    await page.getByTestId('return-figures').waitFor();
    expect(await status()).toBe('SUBMITTED');
    // Read-only once submitted: no form, no submit button.
    expect(await page.getByTestId('return-form').count()).toBe(0);
    expect(await page.getByTestId('return-submit').count()).toBe(0);
    expect(await page.locator('[data-testid="return-figure"][data-indicator="membersAtEnd"]').textContent()).toContain('5');
    // The Party and union-group figures show in both columns (they were "—" when the page did not ask for them).
    expect([await figureCells('partyRecommended'), await figureCells('partyAdmitted'), await figureCells('unionGroups')]).toEqual([
      ['2', '2'],
      ['1', '1'],
      ['2', '2'],
    ]);
    await s.logout();

    // The supervisor: the board shows it submitted and the other CĐCS missing; it sends the return back.
    await s.login(p.supervisor.email);
    await page.getByTestId('nav-returns').click();
    await page.getByTestId('returns-board-page').waitFor();
    await pickHalfYear();
    const row = page.locator('[data-testid="returns-row"]', { hasText: 'Sao Mai' });
    await row.waitFor();
    expect(await row.getAttribute('data-state')).toBe('SUBMITTED');
    expect(await page.locator('[data-testid="returns-row"]', { hasText: 'Sông Hồng' }).getAttribute('data-state')).toBe('MISSING');
    expect(await page.getByTestId('returns-count-SUBMITTED').textContent()).toContain('1');
    expect(await page.getByTestId('returns-due').textContent()).toContain('hạn nộp');
    await page.getByTestId('returns-filter').selectOption('MISSING');
    await page.locator('[data-testid="returns-row"]', { hasText: 'Sao Mai' }).waitFor({ state: 'detached' });
    expect(await page.getByTestId('returns-row').count()).toBe(1);
    await page.getByTestId('returns-filter').selectOption('');
    // The late tile says what it counts (late submissions and overdue missing ones), and its rows are that many.
    const lateTile = page.getByTestId('returns-count-LATE');
    const [, lateCount] = /^(\d+) Nộp muộn hoặc quá hạn$/.exec((await lateTile.innerText()).trim())!;
    expect(Number(lateCount)).toBeGreaterThanOrEqual(1);
    await lateTile.click();
    await page.locator('[data-testid="returns-count-LATE"][aria-pressed="true"]').waitFor();
    expect(await page.getByTestId('returns-row').count()).toBe(Number(lateCount));
    await lateTile.click();
    await page.locator('[data-testid="returns-count-LATE"][aria-pressed="false"]').waitFor();
    await page.getByTestId('return-settings').locator('summary').click();
    expect(await page.getByTestId('return-settings-source').textContent()).toContain('QĐ 1454/QĐ-TLĐ');
    // The settings panel refuses a day no year has (in the browser) and a reminder not before the due day (the API).
    await page.getByTestId('settings-year-day').fill('31/11');
    await page.getByTestId('return-settings-form-submit').click();
    await page.getByTestId('settings-year-day-error').filter({ hasText: 'một ngày có trong mọi năm' }).waitFor();
    await page.getByTestId('settings-year-day').fill('30/11');
    await page.getByTestId('settings-reminder-days').fill('10');
    await page.getByTestId('return-settings-form-submit').click();
    await page.getByTestId('settings-reminder-days-error').filter({ hasText: 'phải ít hơn số ngày làm việc đến hạn nộp' }).waitFor();
    await page.getByTestId('settings-reminder-days').fill('3');
    expect((await api.db.query(`SELECT count(*)::int AS n FROM statistics_return_setting WHERE org_unit_id = $1`, [p.unitId]))[0].n).toBe(0);
    await shot('56-returns-board');

    await row.getByTestId('returns-open').click();
    await page.getByTestId('return-decision').waitFor();
    await page.getByTestId('return-send-back-submit').click();
    // Refused in the page before anything is sent (the field's own check or the form's, both name the reason).
    await page
      .getByTestId('return-send-back-reason-error')
      .filter({ hasText: /lý do trả lại/i })
      .waitFor();
    await page.getByTestId('return-send-back-reason').fill('Thiếu 1 đoàn viên chuyển đến ngày 20/05, đề nghị bổ sung');
    await page.getByTestId('return-send-back-submit').click();
    await notice('Đã trả lại báo cáo cho CĐCS');
    await page.locator('[data-testid="return-status"][data-status="SENT_BACK"]').waitFor();
    expect(await page.getByTestId('return-decision').count()).toBe(0);
    await s.logout();

    // The chair sees the reason, corrects (a note is wanted for figures other than the register's) and resubmits.
    await s.login(c.chair.email);
    await page.getByTestId('nav-own-return').click();
    await pickHalfYear();
    await page.getByTestId('return-sent-back').filter({ hasText: 'Thiếu 1 đoàn viên chuyển đến' }).waitFor();
    expect(await status()).toBe('SENT_BACK');
    await page.getByTestId('figure-transferredIn').fill('1');
    await page.getByTestId('figure-membersAtEnd').fill('6');
    await shot('57-statistics-return-sent-back', 'return-sent-back');
    await page.getByTestId('return-submit').click();
    await page.getByTestId('return-note-input-error').filter({ hasText: 'Cần ghi chú lý do điều chỉnh' }).waitFor();
    expect(await status()).toBe('SENT_BACK');
    await page.getByTestId('return-note-input').fill('Bổ sung 1 đoàn viên chuyển đến ngày 20/05, chưa kịp vào sổ');
    await page.getByTestId('return-submit').click();
    await notice('Đã gửi báo cáo cho công đoàn cấp trên');
    await page.getByTestId('return-figures').waitFor();
    expect(await status()).toBe('SUBMITTED');
    expect(await page.getByTestId('return-note').textContent()).toContain('chưa kịp vào sổ');
    await s.logout();

    // The supervisor opens it from the CĐCS's page and accepts the corrected return.
    await s.login(p.supervisor.email);
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${api.url}/cdcs/${c.id}`);
    await page.getByTestId('union-returns-link').click();
    await page.getByTestId('union-return-page').waitFor();
    await pickHalfYear();
    await page.getByTestId('return-accept').click();
    await notice('Đã duyệt báo cáo');
    await page.locator('[data-testid="return-status"][data-status="ACCEPTED"]').waitFor();
    const versions = page.getByTestId('return-version');
    expect(await versions.count()).toBe(6);
    expect(await versions.first().getAttribute('data-action')).toBe('ACCEPT');
    await shot('58-statistics-return-accepted', 'return-versions');

    // Every version is kept (read back through the API).
    const r = (await api.ok(R.get, { g: c.id, k: 'HALF_YEAR', y: year }, p.supervisor.token)).statisticsReturn;
    expect(r.versions.map((v: { action: string }) => v.action)).toEqual(['SAVE', 'SUBMIT', 'SEND_BACK', 'SAVE', 'SUBMIT', 'ACCEPT']);
    expect(r.versions[1].figures).toMatchObject({ admitted: 5, transferredIn: 0, membersAtEnd: 5 });
    expect(r.versions[2].reason).toBe('Thiếu 1 đoàn viên chuyển đến ngày 20/05, đề nghị bổ sung');
    expect(r.versions[5].figures).toMatchObject({ admitted: 5, transferredIn: 1, membersAtEnd: 6 });
    expect(r).toMatchObject({ status: 'ACCEPTED', late: today > r.dueOn });

    // The consolidated figures: the accepted return summed, the other CĐCS listed as missing.
    await page.getByTestId('nav-returns').click();
    await pickHalfYear();
    await page.locator('[data-testid="returns-row"][data-state="ACCEPTED"]', { hasText: 'Sao Mai' }).waitFor();
    await page.getByTestId('returns-consolidated-link').click();
    await page.getByTestId('consolidated-page').waitFor();
    const total = page.getByTestId('consolidated-total');
    await total.waitFor();
    expect(await total.locator('[data-indicator="membersAtEnd"]').textContent()).toBe('6');
    expect(await total.locator('[data-indicator="admitted"]').textContent()).toBe('5');
    expect(await total.locator('[data-indicator="partyRecommended"]').textContent()).toBe('2');
    expect(await total.locator('[data-indicator="unionGroups"]').textContent()).toBe('2');
    expect(await page.getByTestId('consolidated-missing').textContent()).toContain('Sông Hồng');
    expect(await page.getByTestId('consolidated-missing').textContent()).not.toContain('Sao Mai');
    await shot('59-returns-consolidated');
    expect(s.consoleErrors).toEqual([]);
  });
});
