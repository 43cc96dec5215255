import { MigrationInterface, QueryRunner } from 'typeorm';

/** Vietnamese letters with diacritics and the base letter each folds to (lower case; upper case is derived). */
const VN_LETTERS: Record<string, string> = {
  a: 'àáạảãâầấậẩẫăằắặẳẵ',
  e: 'èéẹẻẽêềếệểễ',
  i: 'ìíịỉĩ',
  o: 'òóọỏõôồốộổỗơờớợởỡ',
  u: 'ùúụủũưừứựửữ',
  y: 'ỳýỵỷỹ',
  d: 'đ',
};
/** Combining marks of decomposed (NFD) text: grave, acute, circumflex, tilde, breve, hook above, horn, dot below. */
const COMBINING_MARKS = '\u0300\u0301\u0302\u0303\u0306\u0309\u031B\u0323';

function foldTables(): { from: string; to: string } {
  let from = '';
  let to = '';
  for (const [base, letters] of Object.entries(VN_LETTERS)) {
    for (const ch of letters) {
      from += ch + ch.toUpperCase();
      to += base + base;
    }
  }
  // translate() drops the characters of `from` that have no counterpart in `to`: the marks go.
  return { from: from + COMBINING_MARKS, to };
}

/**
 * Accounts: a user's tokens can be cut off (token_version, a claim of every token compared with the
 * row on each request; deactivation, a password reset and a password change bump it), a reset
 * password must be changed before anything else (must_change_password), and when an account was
 * deactivated (deactivated_at).
 * vn_fold(text): lower case without Vietnamese diacritics ("Nguyễn Văn Đức" → "nguyen van duc"),
 * with plain translate() (no unaccent extension needed), for searching accounts by name or e-mail.
 */
export class Accounts1795496897140 implements MigrationInterface {
  name = 'Accounts1795496897140';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "app_user" ADD "token_version" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "app_user" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE`);
    const { from, to } = foldTables();
    await q.query(
      `CREATE FUNCTION vn_fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
         SELECT lower(translate($1, '${from}', '${to}'))
       $fn$`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION vn_fold(text)`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "deactivated_at"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "token_version"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "must_change_password"`);
  }
}
