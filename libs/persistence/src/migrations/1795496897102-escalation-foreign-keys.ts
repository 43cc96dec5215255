import { MigrationInterface, QueryRunner } from 'typeorm';

/** The foreign keys dropped here: [table, constraint, column, referenced table]. */
const KEYS: [string, string, string, string][] = [
  ['escalation', 'FK_e210ad1ec711c2a175f3c411ad9', 'case_id', 'founding_case'],
  ['notification', 'FK_ff2d4a77cca1300c9a9e2b09e0c', 'escalation_id', 'escalation'],
  ['notification', 'FK_928b7aa1754e08e1ed7052cb9d8', 'user_id', 'app_user'],
  ['escalation_progress', 'FK_76a22f66fc53554a4b612536357', 'case_id', 'founding_case'],
];

/**
 * Drops the per-row foreign-key checks of the sweep's inserts: a third of a 1M-case daily sweep's time (each check is
 * a query per row that also locks the referenced row, FOR KEY SHARE: 50k case rows a day written again just for it).
 * Every referencing row is written by the sweep itself from the referenced rows it read in the same statement
 * (acknowledge() checks the escalation first), and no code path deletes cases, escalations or users (cases are closed,
 * users deactivated), so the checks and the ON DELETE CASCADE never had anything to do. The FK of
 * escalation.application_id stays: its check is free on case rows (NULL) and applications are few.
 */
export class EscalationForeignKeys1795496897102 implements MigrationInterface {
  name = 'EscalationForeignKeys1795496897102';

  public async up(q: QueryRunner): Promise<void> {
    for (const [table, fk] of KEYS) await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${fk}"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [table, fk, column, ref] of KEYS) {
      await q.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${fk}" FOREIGN KEY ("${column}") REFERENCES "${ref}"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }
  }
}
