import { FieldProblems } from '../common/field-problems';
import { MAX_NAME } from '../common/text-input';
import { isUuid } from '../identity/account-errors';
import { OfficersPolicy, TargetsPolicy } from './restructuring-apply';
import { KINDS, MAX_UNITS_PER_CHANGE, NewUnit } from './restructuring.types';

// The parts of a change's input every operation shares, each adding its problems for the caller to refuse together.

export function idList(ids: unknown, field: string, problems: FieldProblems): string[] {
  if (!Array.isArray(ids) || !ids.length) {
    problems.add(field, 'Hãy chọn ít nhất một đơn vị');
    return [];
  }
  if (ids.length > MAX_UNITS_PER_CHANGE) problems.add(field, `Một quyết định chuyển tối đa ${MAX_UNITS_PER_CHANGE} đơn vị`);
  if (new Set(ids).size !== ids.length) problems.add(field, 'Danh sách có đơn vị bị lặp lại');
  if (field === 'ids' && ids.some((id) => !isUuid(id))) problems.add(field, 'Danh sách có mã đơn vị không hợp lệ');
  return ids.map(String);
}

export function newUnitOf(input: NewUnit, prefix: string, problems: FieldProblems): NewUnit {
  const name = (input.name ?? '').normalize('NFC').trim();
  if (!name) problems.add(`${prefix}name`, 'Tên đơn vị không được để trống');
  else if (name.length > MAX_NAME) problems.add(`${prefix}name`, `Tên đơn vị không được dài quá ${MAX_NAME} ký tự`);
  if (!KINDS.includes(input.kind)) problems.add(`${prefix}kind`, `Loại đơn vị phải là một trong: ${KINDS.join(', ')}`);
  if (!input.parentId) problems.add(`${prefix}parentId`, 'Hãy chọn đơn vị cấp trên');
  return { name, kind: input.kind, parentId: input.parentId };
}

export function policies(input: { officers?: string | null; targets?: string | null }, problems: FieldProblems) {
  const officers = (input.officers ?? 'MOVE') as OfficersPolicy;
  const targets = (input.targets ?? 'MOVE') as TargetsPolicy;
  if (!['MOVE', 'DEACTIVATE'].includes(officers)) problems.add('officers', 'Cán bộ phải được chuyển (MOVE) hoặc cho ngừng hoạt động (DEACTIVATE)');
  if (!['MOVE', 'CLOSE'].includes(targets)) problems.add('targets', 'Chỉ tiêu phải được chuyển (MOVE) hoặc đóng lại (CLOSE)');
  return { officers, targets };
}
