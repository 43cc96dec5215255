import { Page } from 'playwright-core';
import { citizenIdFor } from '../../support/grassroots';
import { csvOf } from '../../support/register-imports';
import { vnDay } from './vn-day';

/** A person of a staff list: full name, birth day, sex. */
export type StaffPerson = [string, string, 'MALE' | 'FEMALE'];

const HEAD = ['Họ và tên', 'Số CCCD', 'Ngày sinh', 'Giới tính', 'Công việc', 'Loại hợp đồng lao động', 'Số điện thoại'];

/** The rows of a staff list as an office keeps it (a heading row first), every person on a permanent contract. */
export function staffListRows(people: StaffPerson[], job: string): string[][] {
  return [
    HEAD,
    ...people.map(([name, birth, sex]) => [name, citizenIdFor(birth, sex), vnDay(birth), sex === 'FEMALE' ? 'Nữ' : 'Nam', job, 'Không xác định thời hạn', '']),
  ];
}

/** On the staff-import page: uploads the rows as CSV and waits for the dry run's result (nothing applied yet). */
export async function checkStaffList(page: Page, rows: string[][]): Promise<void> {
  await page.getByTestId('staff-import-file').setInputFiles({ name: 'danh-sach.csv', mimeType: 'text/csv', buffer: csvOf(rows) });
  await page.getByTestId('staff-import-check').click();
  await page.getByTestId('staff-import-result').waitFor();
}

/** On the members page, with people ticked: admits them by one decision and waits for the notice. */
export async function admitTicked(page: Page, decision: { number: string; day: string; signer: string }, count: number): Promise<void> {
  await page.getByTestId('admit-number').fill(decision.number);
  await page.getByTestId('admit-date').fill(vnDay(decision.day));
  await page.getByTestId('admit-signer').fill(decision.signer);
  await page.getByTestId('admit-form-submit').click();
  await page
    .getByRole('status')
    .filter({ hasText: `Đã kết nạp ${count} đoàn viên` })
    .first()
    .waitFor();
}
