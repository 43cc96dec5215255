import { Sex } from '@app/domain';
import { FieldProblems } from '../common/field-problems';
import { knownStaffValues, staffValues } from './staff-input';

const TODAY = '2026-12-07';
const messages = (p: FieldProblems) => (p.has() ? (p.error().details.messages as Record<string, string>) : {});

describe('staff-input', () => {
  it('a new person needs a citizen id and a birth date', () => {
    const p = new FieldProblems();
    staffValues(p, { fullName: 'Lê Văn A', citizenId: '', birthDate: '', sex: Sex.MALE }, TODAY);
    expect(Object.keys(messages(p)).sort()).toEqual(['birthDate', 'citizenId']);
  });

  it('a person already on the list may have neither: its birth year stands, none is kept', () => {
    const p = new FieldProblems();
    const v = knownStaffValues(p, { fullName: ' Lê  Văn A ', citizenId: null, birthDate: null, sex: Sex.MALE, job: 'Thủ kho' }, TODAY, 1981);
    expect(p.has()).toBe(false);
    expect(v).toMatchObject({ fullName: 'Lê  Văn A', citizenId: null, birthDate: null, birthYear: 1981, job: 'Thủ kho' });
  });

  it('a citizen id of a known person is checked against its birth date, which it then needs', () => {
    const noDay = new FieldProblems();
    knownStaffValues(noDay, { fullName: 'Lê Thị B', citizenId: '034182000123', birthDate: null, sex: Sex.FEMALE }, TODAY, 1982);
    expect(messages(noDay)).toEqual({ birthDate: 'Cần ghi Ngày sinh để kiểm tra Số CCCD' });

    const wrongSex = new FieldProblems();
    knownStaffValues(wrongSex, { fullName: 'Lê Thị B', citizenId: '034082000123', birthDate: '1982-03-04', sex: Sex.FEMALE }, TODAY, 1982);
    expect(Object.keys(messages(wrongSex))).toEqual(['citizenId']);

    const ok = new FieldProblems();
    const v = knownStaffValues(ok, { fullName: 'Lê Thị B', citizenId: '34182000123', birthDate: '1982-03-04', sex: Sex.FEMALE }, TODAY, 1980);
    expect(ok.has()).toBe(false);
    expect(v).toMatchObject({ citizenId: '034182000123', birthDate: '1982-03-04', birthYear: 1982 });
  });
});
