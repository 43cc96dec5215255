import { CITIZEN_ID_PROVINCE_CODES, CitizenIdProblem, Sex, checkCitizenId, citizenIdCenturyDigit, decodeCitizenId } from './citizen-id';

describe('citizen ids (CCCD)', () => {
  it('lists the 63 provinces, codes 001 to 096 with the published gaps', () => {
    const codes = Object.keys(CITIZEN_ID_PROVINCE_CODES);
    expect(codes).toHaveLength(63);
    expect(codes.every((c) => /^0\d\d$/.test(c))).toBe(true);
    expect(codes[0]).toBe('001');
    expect(codes[codes.length - 1]).toBe('096');
    expect(CITIZEN_ID_PROVINCE_CODES['034']).toBe('Thái Bình');
    expect(CITIZEN_ID_PROVINCE_CODES['079']).toBe('Hồ Chí Minh');
    expect(CITIZEN_ID_PROVINCE_CODES['048']).toBe('Đà Nẵng');
    // Codes the 2004 list never gave: 003, 005, 007, 009, 013, 016, 018, 021, 023, 028, 029, 032, …
    for (const gap of ['000', '003', '005', '013', '016', '021', '028', '029', '032', '039', '041', '097', '099']) {
      expect(CITIZEN_ID_PROVINCE_CODES[gap]).toBeUndefined();
    }
  });

  it('decodes the century-and-sex digit and the birth year', () => {
    expect(decodeCitizenId('034090001234')).toEqual({ provinceCode: '034', sex: Sex.MALE, birthYear: 1990 });
    expect(decodeCitizenId('034185001234')).toEqual({ provinceCode: '034', sex: Sex.FEMALE, birthYear: 1985 });
    expect(decodeCitizenId('001203001234')).toEqual({ provinceCode: '001', sex: Sex.MALE, birthYear: 2003 });
    expect(decodeCitizenId('001305001234')).toEqual({ provinceCode: '001', sex: Sex.FEMALE, birthYear: 2005 });
    expect(decodeCitizenId('001400001234')).toEqual({ provinceCode: '001', sex: Sex.MALE, birthYear: 2100 });
    expect(decodeCitizenId('001501001234')).toEqual({ provinceCode: '001', sex: Sex.FEMALE, birthYear: 2101 });
    expect(decodeCitizenId('00150100123')).toBeNull();
    expect(citizenIdCenturyDigit(1999, Sex.MALE)).toBe(0);
    expect(citizenIdCenturyDigit(1999, Sex.FEMALE)).toBe(1);
    expect(citizenIdCenturyDigit(2000, Sex.MALE)).toBe(2);
    expect(citizenIdCenturyDigit(2099, Sex.FEMALE)).toBe(3);
    expect(citizenIdCenturyDigit(2100, Sex.FEMALE)).toBe(5);
  });

  it('accepts an id that matches the birth date and sex, spaces and dots ignored', () => {
    expect(checkCitizenId('034190012345', '1990-05-17', Sex.FEMALE)).toEqual({
      ok: true,
      value: '034190012345',
      restoredLeadingZero: false,
      province: 'Thái Bình',
    });
    expect(checkCitizenId(' 034 090 012 345 ', '1990-01-01', Sex.MALE)).toMatchObject({ ok: true, value: '034090012345' });
    expect(checkCitizenId('079.203.000.001', '2003-12-31', Sex.MALE)).toMatchObject({ ok: true, value: '079203000001', province: 'Hồ Chí Minh' });
  });

  it.each(['', '1234', '0341900123456', '03419001234a', 'CCCD034190012345', '034-190-012345', '-34190012345'])('refuses %p as not 12 digits', (id) => {
    const r = checkCitizenId(id, '1990-05-17', Sex.FEMALE);
    expect(r).toEqual({ ok: false, problems: [CitizenIdProblem.FORMAT], message: 'Số CCCD phải gồm đúng 12 chữ số' });
  });

  it('refuses an unknown province code', () => {
    const r = checkCitizenId('003190012345', '1990-05-17', Sex.FEMALE);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toEqual([CitizenIdProblem.PROVINCE]);
      expect(r.message).toBe('Số CCCD không hợp lệ: mã tỉnh 003 (3 chữ số đầu) không phải mã của tỉnh, thành phố nào');
    }
    expect(checkCitizenId('097190012345', '1990-05-17', Sex.FEMALE)).toMatchObject({ ok: false, problems: [CitizenIdProblem.PROVINCE] });
    expect(checkCitizenId('134190012345', '1990-05-17', Sex.FEMALE)).toMatchObject({ ok: false, problems: [CitizenIdProblem.PROVINCE] });
  });

  it('refuses a sex that the fourth digit contradicts, and a birth year or century that differs', () => {
    const sex = checkCitizenId('034090012345', '1990-05-17', Sex.FEMALE);
    expect(sex).toMatchObject({ ok: false, problems: [CitizenIdProblem.SEX] });
    if (!sex.ok) expect(sex.message).toContain('chữ số thứ 4 (0) là của người nam, không khớp giới tính nữ');
    const year = checkCitizenId('034191012345', '1990-05-17', Sex.FEMALE);
    expect(year).toMatchObject({ ok: false, problems: [CitizenIdProblem.BIRTH_YEAR] });
    if (!year.ok) expect(year.message).toContain('ghi năm sinh 1991, không khớp năm sinh 1990');
    // Right two year digits, wrong century: 2090 is not 1990.
    expect(checkCitizenId('034390012345', '1990-05-17', Sex.FEMALE)).toMatchObject({ ok: false, problems: [CitizenIdProblem.BIRTH_YEAR] });
    // Every field at once.
    expect(checkCitizenId('099285012345', '1990-05-17', Sex.FEMALE)).toMatchObject({
      ok: false,
      problems: [CitizenIdProblem.PROVINCE, CitizenIdProblem.SEX, CitizenIdProblem.BIRTH_YEAR],
    });
  });

  it('puts back a leading 0 that Excel dropped when the 12 digits validate', () => {
    expect(checkCitizenId('34190012345', '1990-05-17', Sex.FEMALE)).toEqual({
      ok: true,
      value: '034190012345',
      restoredLeadingZero: true,
      province: 'Thái Bình',
    });
    expect(checkCitizenId(34190012345, '1990-05-17', Sex.FEMALE)).toMatchObject({ ok: true, value: '034190012345', restoredLeadingZero: true });
  });

  it('refuses an 11-digit id that does not validate with the 0 put back, saying so', () => {
    const r = checkCitizenId('34090012345', '1990-05-17', Sex.FEMALE);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toEqual([CitizenIdProblem.LOST_LEADING_ZERO, CitizenIdProblem.SEX]);
      expect(r.message).toMatch(/^Số CCCD chỉ có 11 chữ số \(có thể Excel đã bỏ số 0 đầu\), nhưng thêm số 0 vẫn không hợp lệ: /);
    }
    expect(checkCitizenId('99190012345', '1990-05-17', Sex.FEMALE)).toMatchObject({
      ok: false,
      problems: [CitizenIdProblem.LOST_LEADING_ZERO, CitizenIdProblem.PROVINCE],
    });
  });

  it('refuses numbers that are not whole ids', () => {
    expect(checkCitizenId(3.4190012345e10 + 0.5, '1990-05-17', Sex.FEMALE)).toMatchObject({ ok: false, problems: [CitizenIdProblem.FORMAT] });
    expect(checkCitizenId(-34190012345, '1990-05-17', Sex.FEMALE)).toMatchObject({ ok: false, problems: [CitizenIdProblem.FORMAT] });
  });
});
