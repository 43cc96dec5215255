import { COLUMN_VI, COLUMN_VI_BY_TABLE } from './audit-labels-columns';
import { OPERATION_VI } from './audit-labels-operations';
import { ENTITY_TYPE_VI, TABLE_VI, changeOpLabel, columnLabel, operationLabel, tableLabel } from './audit-labels';

const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

describe('audit log labels', () => {
  it('are Vietnamese with diacritics', () => {
    const tables = Object.values(COLUMN_VI_BY_TABLE).flatMap((t) => Object.values(t));
    const labels = [...Object.values(OPERATION_VI), ...Object.values(TABLE_VI), ...Object.values(ENTITY_TYPE_VI), ...Object.values(COLUMN_VI), ...tables];
    // E-mail is the office's own word for it.
    expect(labels.filter((l) => !VIETNAMESE.test(l) && l !== 'E-mail')).toEqual([]);
  });

  it('name operations, tables and logged types', () => {
    expect(operationLabel('recordOutreach')).toBe('Ghi nhận tuyên truyền, vận động');
    expect(operationLabel('job apply-register-import')).toBe('Áp dụng nhập sổ doanh nghiệp (tự động)');
    expect(tableLabel('founding_case')).toBe('Hồ sơ thành lập CĐCS');
    expect(tableLabel('FoundingCase')).toBe('Hồ sơ thành lập CĐCS');
  });

  it("name a column by its table's own label first, then the shared one", () => {
    expect(columnLabel('founding_case', 'assignee_id')).toBe('Cán bộ phụ trách');
    expect(columnLabel('org_unit', 'kind')).toBe('Cấp đơn vị');
    expect(columnLabel('calendar_day', 'kind')).toBe('Loại ngày');
    expect(columnLabel('some_new_table', 'kind')).toBe('Loại');
  });

  it('read anything unknown as its raw name, even a name Object.prototype has', () => {
    expect(operationLabel('someFutureMutation')).toBe('someFutureMutation');
    expect(operationLabel('constructor')).toBe('constructor');
    expect(tableLabel('toString')).toBe('toString');
    expect(columnLabel('enterprise', 'hasOwnProperty')).toBe('hasOwnProperty');
    expect(columnLabel('__proto__', 'id')).toBe('Mã');
    expect(changeOpLabel('UPDATE')).toBe('Sửa');
    expect(changeOpLabel('TRUNCATE')).toBe('TRUNCATE');
  });
});
