import * as iconv from 'iconv-lite';

/**
 * Turning CSV bytes into text. Excel on a Vietnamese Windows saves "CSV" in Windows-1258 and
 * "CSV UTF-8" with a BOM; "Unicode text" is UTF-16 with a BOM; other tools write UTF-8 without one.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export interface DecodedText {
  /** NFC: Windows-1258 writes tone marks as separate combining characters, macOS often writes NFD. */
  text: string;
  encoding: TextEncodingName;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function startsWith(buf: Buffer, ...bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

/** UTF-8 (with or without BOM), UTF-16 with a BOM, otherwise Windows-1258. */
export function decodeText(buf: Buffer): DecodedText {
  if (startsWith(buf, 0xef, 0xbb, 0xbf)) {
    return { text: buf.subarray(3).toString('utf8').normalize('NFC'), encoding: 'utf-8' };
  }
  if (startsWith(buf, 0xff, 0xfe)) return { text: iconv.decode(buf.subarray(2), 'utf16le').normalize('NFC'), encoding: 'utf-16le' };
  if (startsWith(buf, 0xfe, 0xff)) return { text: iconv.decode(buf.subarray(2), 'utf16be').normalize('NFC'), encoding: 'utf-16be' };
  try {
    return { text: utf8Strict.decode(buf).normalize('NFC'), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: the ANSI code page of a Vietnamese Windows.
    return { text: iconv.decode(buf, 'windows1258').normalize('NFC'), encoding: 'windows-1258' };
  }
}

/**
 * True when the bytes are not text: a NUL or other control characters (other than tab, new lines,
 * form feed and the DOS end-of-file mark) in the first 8 KB. UTF-16 (with a BOM) is text.
 */
export function looksBinary(buf: Buffer): boolean {
  if (startsWith(buf, 0xff, 0xfe) || startsWith(buf, 0xfe, 0xff)) return false;
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) return true;
  }
  return false;
}

/** Latin-1 letters that Vietnamese uses: in Unicode Vietnamese text these are the only ones from U+00A0–U+00FF. */
const VIETNAMESE_LATIN1 = new Set('ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý');
const MIN_MARKERS = 3;
const MIN_MARKER_SHARE = 0.2;

/** ă đ ĩ ũ ơ ư and the Vietnamese block ạ…ỹ: letters only Unicode Vietnamese has. */
function isVietnameseOnly(c: number): boolean {
  return (c >= 0x102 && c <= 0x1b0) || (c >= 0x1ea0 && c <= 0x1ef9);
}

/**
 * TCVN3 (ABC, the .VnTime fonts) puts Vietnamese letters on code points that Unicode gives to Latin-1
 * symbols: 'Tªn doanh nghiÖp' for 'Tên doanh nghiệp', 'C«ng ty' for 'Công ty'. Such text, whether it
 * came as bytes decoded with a Windows code page or as Unicode strings from an XLSX cell, shows many
 * Latin-1 symbols and non-Vietnamese letters (ª « ¬ ­ ® § ¸ µ ¶ · ¹ Ö Þ …) among its non-ASCII
 * characters and few letters that only Unicode Vietnamese has (ư ơ đ ạ ế …); Unicode Vietnamese, even
 * with the odd « » ° ×, shows the reverse.
 */
export function looksLikeTcvn3(text: string): boolean {
  let markers = 0;
  let nonAscii = 0;
  let vietnamese = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80 || (c >= 0x300 && c <= 0x36f)) continue;
    nonAscii++;
    if (c >= 0xa1 && c <= 0xff && !VIETNAMESE_LATIN1.has(ch)) markers++;
    else if (isVietnameseOnly(c)) vietnamese++;
  }
  return markers >= MIN_MARKERS && markers >= MIN_MARKER_SHARE * nonAscii && markers > 2 * vietnamese;
}

export const TCVN3_MESSAGE = 'Tệp dùng bảng mã TCVN3 (ABC), chưa được hỗ trợ: hãy lưu lại dưới dạng Unicode (UTF-8) hoặc XLSX';
