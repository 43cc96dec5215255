import { EntityManager } from 'typeorm';
import { FoundingCaseEntity } from '@app/persistence';
import { Actor } from '../common/actor';
import { insertMembers, staffFromApplications } from '../grassroots/register-writes';

/** RECOGNIZED: the CĐCS is created, the founding applicants admitted, the enterprise has a union. */
export async function foundGrassrootsUnion(m: EntityManager, c: FoundingCaseEntity, orgPath: string, actor: Actor): Promise<void> {
  const [decision] = await m.query(`SELECT details, occurred_on FROM case_evidence WHERE case_id = $1 AND kind = 'DECISION' ORDER BY id DESC LIMIT 1`, [c.id]);
  const unionName: string = decision.details.grassrootsUnionName;
  const decidedOn: string = c.decidedOn!;
  const [unit] = await m.query(
    `WITH id AS (SELECT gen_random_uuid() AS id)
     INSERT INTO org_unit (id, name, kind, parent_id, path, established_on)
     SELECT id.id, $1, 'GRASSROOTS', $2, $3 || '.' || id.id, $4 FROM id RETURNING id`,
    [unionName, c.orgUnitId, orgPath, decidedOn],
  );
  await m.query(
    `UPDATE membership_application SET status = 'ADMITTED', decided_on = $2, decision_number = $3, decided_by = $4
     WHERE case_id = $1 AND status = 'SUBMITTED'`,
    [c.id, decidedOn, c.decisionNumber, actor.userId],
  );
  // The founders become members of the new CĐCS's register, each with a row on its staff list.
  const admitted: { id: string }[] = await m.query(`SELECT id FROM membership_application WHERE case_id = $1 AND status = 'ADMITTED'`, [c.id]);
  const founders = await staffFromApplications(
    m,
    admitted.map((a) => a.id),
    unit.id,
  );
  await insertMembers(m, unit.id, founders, { admittedOn: decidedOn, decisionNumber: c.decisionNumber, caseId: c.id });
  await m.query(`UPDATE enterprise SET has_union = true, updated_at = now() WHERE id = $1`, [c.enterpriseId]);
  await m.query(`UPDATE founding_case SET grassroots_union_id = $2, recognized_on = $3 WHERE id = $1`, [c.id, unit.id, decidedOn]);
  c.grassrootsUnionId = unit.id;
  c.recognizedOn = decidedOn;
}
