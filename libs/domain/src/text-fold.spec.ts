import { foldText, normalizeHeading } from './text-fold';

describe('foldText', () => {
  it('folds the example of the brief', () => {
    expect(foldText('Công ty Dược')).toBe('cong ty duoc');
  });

  it('strips every Vietnamese tone and vowel mark', () => {
    expect(foldText('àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ')).toBe(
      'aaaaa aaaaaa aaaaaa eeeee eeeeee iiiii ooooo oooooo oooooo uuuuu uuuuuu yyyyy',
    );
    expect(foldText('ÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ ƠỜỚỞỠỢ ƯỪỨỬỮỰ')).toBe('aaaaa aaaaaa aaaaaa oooooo uuuuuu');
  });

  it('turns đ and Đ (and a stray Ð) into d', () => {
    expect(foldText('Đoàn đại biểu')).toBe('doan dai bieu');
    expect(foldText('Ðông Hưng')).toBe('dong hung');
  });

  it('treats NFC and NFD input alike', () => {
    const nfc = 'Thái Bình Dương'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(foldText(nfd)).toBe(foldText(nfc));
    expect(foldText(nfd)).toBe('thai binh duong');
  });

  it('collapses white space, including tabs, new lines and no-break spaces', () => {
    expect(foldText('  Công\u00a0ty \t TNHH\r\nMay  ')).toBe('cong ty tnhh may');
  });

  it('keeps punctuation and digits', () => {
    expect(foldText('Số 12/3, Lê Lợi')).toBe('so 12/3, le loi');
  });

  it('leaves empty text empty', () => {
    expect(foldText('')).toBe('');
    expect(foldText('   ')).toBe('');
  });
});

describe('normalizeHeading', () => {
  it.each([
    'Tên doanh nghiệp',
    'Ten doanh nghiep',
    ' TÊN DOANH  NGHIỆP ',
    'tên doanh nghiệp:',
    'Tên doanh nghiệp (*)',
    'Tên\ndoanh nghiệp',
    'Tên doanh nghiệp'.normalize('NFD'),
  ])('%p → "ten doanh nghiep"', (heading) => {
    expect(normalizeHeading(heading)).toBe('ten doanh nghiep');
  });

  it('makes slashes, dots, colons and dashes spaces', () => {
    expect(normalizeHeading('Huyện/Xã')).toBe('huyen xa');
    expect(normalizeHeading('HUYỆN / XÃ')).toBe('huyen xa');
    expect(normalizeHeading('Huyện - Xã.')).toBe('huyen xa');
    expect(normalizeHeading('Số LĐ:')).toBe('so ld');
  });

  it('keeps digits', () => {
    expect(normalizeHeading('Số lao động 2024')).toBe('so lao dong 2024');
  });

  it('reduces pure punctuation to nothing', () => {
    expect(normalizeHeading(' / - ')).toBe('');
  });
});
