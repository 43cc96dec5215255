/**
 * Text as a search compares it: lower case without Vietnamese diacritics ("Công đoàn" → "cong doan"),
 * so that a name typed without marks still finds it (NFD, combining marks dropped, đ → d).
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .trim();
}

/** Whether `text` contains `query`, both folded (an empty query matches everything). */
export function foldedIncludes(text: string, query: string): boolean {
  const q = fold(query);
  return !q || fold(text).includes(q);
}

/**
 * An enterprise's address with its district after it, unless the address already names the district
 * (compared folded: "P. Lê Hồng Phong, TP Thái Bình" and "tp thai binh" are the same place).
 */
export function addressLine(address: string | null | undefined, district: string | null | undefined): string {
  const a = address?.trim() ?? '';
  const d = district?.trim() ?? '';
  if (!a || !d) return a || d;
  return fold(a).includes(fold(d)) ? a : `${a}, ${d}`;
}
