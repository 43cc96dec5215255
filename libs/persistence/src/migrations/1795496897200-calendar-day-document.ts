import { MigrationInterface, QueryRunner } from 'typeorm';

const LAW = 'Bộ luật Lao động 2019, Điều 112';
const TB_2024 = 'Thông báo 5015/TB-LĐTBXH';
const TB_2024_SWAP = 'Thông báo 1570/TB-LĐTBXH (Công văn 2450/VPCP-KGVX)';
const TB_2025 = 'Thông báo 6150/TB-BLĐTBXH';
const TB_2026 = 'Thông báo 9441/TB-BNV';
const CV_2026_NEW_YEAR = 'Công văn 12729/VPCP-KGVX';

/** The bundled days (seeded by …092 with the note "seed YYYY"): what each is and the document that announced it. */
const BUNDLED: [string, string, string][] = [
  ['2024-01-01', 'Tết Dương lịch', LAW],
  ...['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'].map((d): [string, string, string] => [d, 'Tết Nguyên đán Giáp Thìn', TB_2024]),
  ['2024-04-18', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', LAW],
  ['2024-04-29', 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 04/05/2024)', TB_2024_SWAP],
  ['2024-04-30', 'Ngày Chiến thắng 30/4', LAW],
  ['2024-05-01', 'Ngày Quốc tế Lao động 1/5', LAW],
  ['2024-05-04', 'Làm bù cho ngày nghỉ thứ Hai 29/04/2024', TB_2024_SWAP],
  ['2024-09-02', 'Quốc khánh 2/9', TB_2024],
  ['2024-09-03', 'Quốc khánh (ngày liền sau 2/9)', TB_2024],
  ['2025-01-01', 'Tết Dương lịch', LAW],
  ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((d): [string, string, string] => [d, 'Tết Nguyên đán Ất Tỵ', TB_2025]),
  ['2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', LAW],
  ['2025-04-26', 'Làm bù cho ngày nghỉ thứ Sáu 02/05/2025', TB_2025],
  ['2025-04-30', 'Ngày Chiến thắng 30/4', LAW],
  ['2025-05-01', 'Ngày Quốc tế Lao động 1/5', LAW],
  ['2025-05-02', 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/04/2025)', TB_2025],
  ['2025-09-01', 'Quốc khánh (ngày liền trước 2/9)', TB_2025],
  ['2025-09-02', 'Quốc khánh 2/9', TB_2025],
  ['2026-01-01', 'Tết Dương lịch', LAW],
  ['2026-01-02', 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)', CV_2026_NEW_YEAR],
  ['2026-01-10', 'Làm bù cho ngày nghỉ thứ Sáu 02/01/2026', CV_2026_NEW_YEAR],
  ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((d): [string, string, string] => [d, 'Tết Nguyên đán Bính Ngọ', TB_2026]),
  ['2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật 26/04)', LAW],
  ['2026-04-30', 'Ngày Chiến thắng 30/4', LAW],
  ['2026-05-01', 'Ngày Quốc tế Lao động 1/5', LAW],
  ['2026-08-22', 'Làm bù cho ngày nghỉ thứ Hai 31/08/2026', TB_2026],
  ['2026-08-31', 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/08/2026)', TB_2026],
  ['2026-09-01', 'Quốc khánh (ngày liền trước 2/9)', TB_2026],
  ['2026-09-02', 'Quốc khánh 2/9', TB_2026],
  ['2026-11-24', 'Ngày Văn hóa Việt Nam 24/11 (cần đối chiếu văn bản chính thức)', 'Nghị quyết 28/2026/QH16'],
];

/**
 * The announcing document of a calendar day (e.g. "Thông báo 6150/TB-BLĐTBXH"), and the bundled days
 * labelled by what they are and their source instead of "seed YYYY". Only rows still holding the
 * seed's note are rewritten: a day an admin has edited keeps the admin's words.
 */
export class CalendarDayDocument1795496897200 implements MigrationInterface {
  name = 'CalendarDayDocument1795496897200';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "calendar_day" ADD "document" text`);
    await q.query(
      `UPDATE "calendar_day" d SET "note" = v.note, "document" = v.document
         FROM unnest($1::date[], $2::text[], $3::text[]) AS v(day, note, document)
        WHERE d."day" = v.day AND d."note" = 'seed ' || extract(year FROM v.day)::int`,
      [BUNDLED.map((r) => r[0]), BUNDLED.map((r) => r[1]), BUNDLED.map((r) => r[2])],
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE "calendar_day" d SET "note" = 'seed ' || extract(year FROM v.day)::int
         FROM unnest($1::date[], $2::text[]) AS v(day, note) WHERE d."day" = v.day AND d."note" = v.note`,
      [BUNDLED.map((r) => r[0]), BUNDLED.map((r) => r[1])],
    );
    await q.query(`ALTER TABLE "calendar_day" DROP COLUMN "document"`);
  }
}
