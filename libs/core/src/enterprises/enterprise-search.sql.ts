import { SqlParams } from '../common/sql-params';

/** The longest search text and place name (district, sector) a filter takes. */
export const MAX_SEARCH = 200;
export const MAX_PLACE = 120;

/** LIKE pattern characters taken literally. */
export const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The register's search on `enterprise e`: its name contains the text, both sides folded by the same SQL
 * function (lower case, no diacritics, đ → d: "cong ty duoc" finds "Công ty Dược"), or its tax code starts
 * with the text's digits. Shared by the register and the case list.
 */
export function enterpriseSearchSql(p: SqlParams, search: string): string {
  const arms = [`vn_fold(e.name) LIKE '%' || vn_fold(${p.add(likeEscape(search))}) || '%'`];
  const digits = search.replace(/\s+/g, '');
  if (/^\d[\d-]*$/.test(digits)) arms.push(`e.tax_code LIKE ${p.add(`${likeEscape(digits)}%`)}`);
  return `(${arms.join(' OR ')})`;
}

/** A place column containing the text, both folded: "thai binh" finds "Thành phố Thái Bình" (the board's district). */
export function foldedContainsSql(p: SqlParams, column: string, value: string): string {
  return `vn_fold(${column}) LIKE '%' || vn_fold(${p.add(likeEscape(value))}) || '%'`;
}

/** A place column (e.district, e.sector) equal to the text, both folded. */
export function foldedEqualsSql(p: SqlParams, column: string, value: string): string {
  return `vn_fold(${column}) = vn_fold(${p.add(value)})`;
}
