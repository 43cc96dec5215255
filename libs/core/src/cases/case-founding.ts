import { EntityManager } from 'typeorm';
import { FoundingCaseEntity } from '@app/persistence';
import { Actor } from '../common/actor';

/** RECOGNIZED: the CĐCS is created, the founding applicants admitted, the enterprise has a union. */
export async function foundGrassrootsUnion(m: EntityManager, c: FoundingCaseEntity, orgPath: string, actor: Actor): Promise<void> {
  const [decision] = await m.query(`SELECT details, occurred_on FROM case_evidence WHERE case_id = $1 AND kind = 'DECISION' ORDER BY id DESC LIMIT 1`, [c.id]);
  const unionName: string = decision.details.grassrootsUnionName;
  const decidedOn: string = c.decidedOn!;
  const [unit] = await m.query(
    `WITH id AS (SELECT gen_random_uuid() AS id)
     INSERT INTO org_unit (id, name, kind, parent_id, path)
     SELECT id.id, $1, 'GRASSROOTS', $2, $3 || '.' || id.id FROM id RETURNING id`,
    [unionName, c.orgUnitId, orgPath],
  );
  await m.query(
    `UPDATE membership_application SET status = 'ADMITTED', decided_on = $2, decision_number = $3, decided_by = $4
     WHERE case_id = $1 AND status = 'SUBMITTED'`,
    [c.id, decidedOn, c.decisionNumber, actor.userId],
  );
  await m.query(
    `INSERT INTO member (grassroots_union_id, application_id, case_id, full_name, personal_id, birth_year, gender, admitted_on, decision_number)
     SELECT $2, a.id, a.case_id, a.full_name, a.personal_id, a.birth_year, a.gender, $3, $4
     FROM membership_application a WHERE a.case_id = $1 AND a.status = 'ADMITTED'
     ON CONFLICT (application_id) DO NOTHING`,
    [c.id, unit.id, decidedOn, c.decisionNumber],
  );
  await m.query(`UPDATE enterprise SET has_union = true, updated_at = now() WHERE id = $1`, [c.enterpriseId]);
  await m.query(`UPDATE founding_case SET grassroots_union_id = $2, recognized_on = $3 WHERE id = $1`, [c.id, unit.id, decidedOn]);
  c.grassrootsUnionId = unit.id;
  c.recognizedOn = decidedOn;
}
