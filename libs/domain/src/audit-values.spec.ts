import { AUDIT_NO_VALUE, AUDIT_REF_COLUMNS, auditValueLabel, vnInstantText } from './audit-values';
import { COLUMN_VI } from './audit-labels-columns';

describe('audit log values', () => {
  it('read a code by the label table of its column, the same in every table that has it', () => {
    expect(auditValueLabel('founding_case', 'stage', 'OUTREACH')).toBe('Tuyên truyền vận động');
    expect(auditValueLabel('case_transition', 'to_stage', 'RECOGNIZED')).toBe('Đã công nhận');
    expect(auditValueLabel('app_user', 'role', 'GRASSROOTS')).toBe('Ban Chấp hành CĐCS');
    expect(auditValueLabel('enterprise', 'funding_type', 'NON_STATE')).not.toBe('NON_STATE');
  });

  it("read a status or kind by its own table's labels", () => {
    expect(auditValueLabel('membership_application', 'status', 'SUBMITTED')).toBe('Đã nộp');
    expect(auditValueLabel('statistics_return', 'status', 'SUBMITTED')).toBe('Đã gửi, chờ duyệt');
    expect(auditValueLabel('statistics_return', 'status', 'ACCEPTED')).toBe('Đã được duyệt');
    expect(auditValueLabel('org_unit', 'kind', 'GRASSROOTS')).toBe('Công đoàn cơ sở');
    expect(auditValueLabel('grassroots_staff', 'sex', 'FEMALE')).toBe('Nữ');
    expect(auditValueLabel('register_import', 'kind', 'enterprise')).toBe('Sổ doanh nghiệp');
    // A status of a table without labels reads as stored.
    expect(auditValueLabel('notification', 'status', 'SUBMITTED')).toBe('SUBMITTED');
  });

  it('keep a code no table knows (a newer server’s) as stored, even one Object.prototype has', () => {
    expect(auditValueLabel('founding_case', 'stage', 'NEW_STAGE')).toBe('NEW_STAGE');
    expect(auditValueLabel('founding_case', 'stage', 'constructor')).toBe('constructor');
    expect(auditValueLabel('enterprise', 'constructor', 'x')).toBe('x');
  });

  it('read a day dd/mm/yyyy and an instant dd/mm/yyyy HH:mm in Vietnam', () => {
    expect(auditValueLabel('founding_case', 'stage_due_on', '2026-05-04')).toBe('04/05/2026');
    expect(auditValueLabel('founding_case', 'updated_at', '2026-05-04T18:30:00.123456+00:00')).toBe('05/05/2026 01:30');
    expect(auditValueLabel('founding_case', 'updated_at', '2026-05-04T10:05:00+07:00')).toBe('04/05/2026 10:05');
    expect(vnInstantText('2026-12-31T17:00:00Z')).toBe('01/01/2027 00:00');
    // Not a real day, not an instant: as stored.
    expect(auditValueLabel('founding_case', 'stage_due_on', '2026-02-30')).toBe('2026-02-30');
    expect(vnInstantText('2026-05-04 10:05')).toBeNull();
  });

  it('read booleans Có/Không', () => {
    expect(auditValueLabel('enterprise', 'has_union', 'true')).toBe('Có');
    expect(auditValueLabel('app_user', 'active', 'false')).toBe('Không');
  });

  it('read money in whole đồng with thousands separators, only in money columns', () => {
    expect(auditValueLabel('budget_entry', 'amount', '1250000')).toBe('1.250.000 đ');
    expect(auditValueLabel('budget_plan', 'amount', '-5000')).toBe('-5.000 đ');
    expect(auditValueLabel('enterprise', 'worker_count', '1250000')).toBe('1250000');
  });

  it('keep masked values exactly as stored', () => {
    expect(auditValueLabel('grassroots_staff', 'citizen_id', '*********123')).toBe('*********123');
    expect(auditValueLabel('app_user', 'password_hash', '***')).toBe('***');
    expect(auditValueLabel('report', 'xlsx', '(73412 ký tự)')).toBe('(73412 ký tự)');
  });

  it('read none as (trống), and anything else as stored', () => {
    expect(auditValueLabel('enterprise', 'note', null)).toBe(AUDIT_NO_VALUE);
    expect(auditValueLabel('enterprise', 'note', undefined)).toBe('(trống)');
    expect(auditValueLabel('enterprise', 'address', 'Số 7 phố Lý Bôn')).toBe('Số 7 phố Lý Bôn');
    expect(auditValueLabel('statistics_return', 'figures', '{"admitted":3}')).toBe('{"admitted":3}');
  });

  it('name every referenced-row column it resolves', () => {
    expect(Object.keys(AUDIT_REF_COLUMNS).filter((c) => !COLUMN_VI[c])).toEqual([]);
  });
});
