/**
 * Folding Vietnamese text so that what users type matches what is stored, with or without diacritics:
 * 'Công ty Dược' and 'cong ty duoc' fold alike.
 */

/**
 * Lower-case, diacritics stripped (NFC or NFD input alike), đ/Đ → d, runs of white space → one space, trimmed.
 * 'Ð' (U+00D0, Icelandic eth) counts as Đ: old fonts and converters often put it in its place.
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐÐ]/g, 'd').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * A column heading reduced for matching: folded, and every run of punctuation or symbols (/ . : - ( ) *)
 * made one space, so 'Huyện/Xã', 'huyen - xa' and 'HUYỆN / XÃ (*)' all become 'huyen xa'.
 */
export function normalizeHeading(heading: string): string {
  return foldText(heading)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A unit's name as two names are compared for sameness at one level of the tree: case and runs of white space
 * aside, diacritics kept ('Công đoàn Lê Lợi' and 'Công đoàn Lễ Lợi' are two names; 'CÔNG ĐOÀN  X' and 'Công đoàn x' one).
 */
export function unitNameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/gu, ' ').trim();
}
