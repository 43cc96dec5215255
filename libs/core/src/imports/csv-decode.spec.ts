import * as iconv from 'iconv-lite';
import { TCVN3_MESSAGE, decodeText, looksBinary, looksLikeTcvn3 } from './csv-decode';
import { windows1258 } from './testing/import-fixtures';

const VI = 'Tên doanh nghiệp;Mã số thuế;Số lao động;Địa chỉ;Huyện/Xã\nCông ty TNHH Dược phẩm Hưng Yên;0100101072;120;Số 1 Lê Lợi;Đông Hưng';

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(Buffer.from(VI, 'utf8'))).toEqual({ text: VI, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VI)]))).toEqual({ text: VI, encoding: 'utf-8' });
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VI, 'utf16le')]))).toEqual({ text: VI, encoding: 'utf-16le' });
    expect(decodeText(iconv.encode(VI, 'utf16be', { addBOM: true }))).toEqual({ text: VI, encoding: 'utf-16be' });
  });

  it('reads bytes that are not UTF-8 as Windows-1258 and composes the tone marks (NFC)', () => {
    const bytes = windows1258(VI);
    // Really the Vietnamese ANSI code page: 'ệ' is 'ê' (0xEA) + combining dot below (0xF2).
    expect(bytes.includes(Buffer.from([0xea, 0xf2]))).toBe(true);
    const d = decodeText(bytes);
    expect(d.encoding).toBe('windows-1258');
    expect(d.text).toBe(VI);
    expect(d.text).toBe(d.text.normalize('NFC'));
  });

  it('composes NFD UTF-8 (as macOS writes it)', () => {
    expect(decodeText(Buffer.from(VI.normalize('NFD'))).text).toBe(VI);
  });
});

describe('looksBinary', () => {
  it('sees NUL and control bytes', () => {
    expect(looksBinary(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00]))).toBe(true);
    expect(looksBinary(Buffer.from([0x41, 0x07, 0x42]))).toBe(true);
  });

  it('takes text, tabs, CR/LF and UTF-16 as text', () => {
    expect(looksBinary(Buffer.from('a\tb\r\nc'))).toBe(false);
    expect(looksBinary(windows1258(VI))).toBe(false);
    expect(looksBinary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ab', 'utf16le')]))).toBe(false);
  });
});

describe('looksLikeTcvn3', () => {
  const tcvn3Bytes = iconv.encode(VI, 'tcvn');

  it('sees TCVN3 bytes decoded with a Windows code page', () => {
    const text = decodeText(tcvn3Bytes).text;
    expect(text).toContain('Tªn doanh nghiÖp');
    expect(looksLikeTcvn3(text)).toBe(true);
    expect(looksLikeTcvn3(iconv.decode(tcvn3Bytes, 'latin1'))).toBe(true);
  });

  it('sees TCVN3 strings as an XLSX with .VnTime fonts holds them', () => {
    expect(looksLikeTcvn3('Tªn doanh nghiÖp M· sè thuÕ Sè lao ®éng')).toBe(true);
    expect(looksLikeTcvn3('C«ng ty TNHH D­îc phÈm')).toBe(true);
  });

  it('does not see it in Unicode Vietnamese, even with « » ° ×', () => {
    expect(looksLikeTcvn3(VI)).toBe(false);
    expect(looksLikeTcvn3(VI.normalize('NFD'))).toBe(false);
    expect(looksLikeTcvn3('Công ty “Ánh Dương” – 25°C, 2×3 ca, «Việt Nam»')).toBe(false);
    expect(looksLikeTcvn3('Ten doanh nghiep;Ma so thue')).toBe(false);
    expect(looksLikeTcvn3('')).toBe(false);
  });

  it('has the refusal message of the brief', () => {
    expect(TCVN3_MESSAGE).toBe('Tệp dùng bảng mã TCVN3 (ABC), chưa được hỗ trợ: hãy lưu lại dưới dạng Unicode (UTF-8) hoặc XLSX');
  });
});
