import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A CĐCS's recommendations of members to the Party (form 4A-KNĐ) with each member's outcome, its union groups (tổ công
 * đoàn) with their members, and the three indicators they add to the statistics returns
 * (docs/architecture.md#party-recommendations-and-union-groups).
 */
export class PartyRecommendationsUnionGroups1795496897310 implements MigrationInterface {
  name = 'PartyRecommendationsUnionGroups1795496897310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "party_recommendation" ("id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
         "grassroots_union_id" uuid NOT NULL REFERENCES "org_unit"("id") ON DELETE RESTRICT,
         "resolution_number" character varying(100) NOT NULL, "resolution_on" date NOT NULL, "note" text,
         "created_by" uuid NOT NULL REFERENCES "app_user"("id"), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_party_recommendation_number" ON "party_recommendation" ("grassroots_union_id", "resolution_number")`);
    // The returns' prefill counts a period's resolutions per CĐCS.
    await q.query(`CREATE INDEX "IDX_party_recommendation_union_day" ON "party_recommendation" ("grassroots_union_id", "resolution_on")`);
    await q.query(
      `CREATE TABLE "party_recommendation_member" ("recommendation_id" uuid NOT NULL REFERENCES "party_recommendation"("id") ON DELETE CASCADE,
         "staff_id" uuid NOT NULL REFERENCES "grassroots_staff"("id") ON DELETE RESTRICT,
         "grassroots_union_id" uuid NOT NULL REFERENCES "org_unit"("id") ON DELETE RESTRICT,
         "outcome" character varying(12) NOT NULL DEFAULT 'PENDING' CHECK ("outcome" IN ('PENDING','ADMITTED','NOT_ADMITTED')),
         "decided_on" date, "outcome_note" text, "decided_by" uuid REFERENCES "app_user"("id"),
         CONSTRAINT "PK_party_recommendation_member" PRIMARY KEY ("recommendation_id", "staff_id"),
         CONSTRAINT "CHK_party_recommendation_member_decided" CHECK (("outcome" = 'PENDING') = ("decided_on" IS NULL)))`,
    );
    // One open recommendation per person.
    await q.query(`CREATE UNIQUE INDEX "UQ_party_recommendation_open" ON "party_recommendation_member" ("staff_id") WHERE "outcome" = 'PENDING'`);
    await q.query(
      `CREATE INDEX "IDX_party_recommendation_member_admitted" ON "party_recommendation_member" ("grassroots_union_id", "decided_on") WHERE "outcome" = 'ADMITTED'`,
    );

    await q.query(
      `CREATE TABLE "union_group" ("id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
         "grassroots_union_id" uuid NOT NULL REFERENCES "org_unit"("id") ON DELETE RESTRICT,
         "name" character varying(200) NOT NULL, "leader_staff_id" uuid REFERENCES "grassroots_staff"("id") ON DELETE SET NULL,
         "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "removed_at" TIMESTAMP WITH TIME ZONE)`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_union_group_name" ON "union_group" ("grassroots_union_id", lower("name")) WHERE "removed_at" IS NULL`);
    await q.query(`CREATE INDEX "IDX_union_group_union" ON "union_group" ("grassroots_union_id")`);
    await q.query(
      `CREATE TABLE "union_group_member" ("staff_id" uuid NOT NULL PRIMARY KEY REFERENCES "grassroots_staff"("id") ON DELETE CASCADE,
         "union_group_id" uuid NOT NULL REFERENCES "union_group"("id") ON DELETE CASCADE, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())`,
    );
    await q.query(`CREATE INDEX "IDX_union_group_member_group" ON "union_group_member" ("union_group_id")`);

    // Returns saved before these indicators carry 0 recommended and admitted and no union groups (blank).
    await q.query(
      `ALTER TABLE "statistics_return" ADD "party_recommended" integer NOT NULL DEFAULT 0 CHECK ("party_recommended" >= 0),
         ADD "party_admitted" integer NOT NULL DEFAULT 0 CHECK ("party_admitted" >= 0), ADD "union_groups" integer CHECK ("union_groups" >= 0)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "statistics_return" DROP COLUMN "union_groups", DROP COLUMN "party_admitted", DROP COLUMN "party_recommended"`);
    await q.query(`DROP TABLE "union_group_member"`);
    await q.query(`DROP TABLE "union_group"`);
    await q.query(`DROP TABLE "party_recommendation_member"`);
    await q.query(`DROP TABLE "party_recommendation"`);
  }
}
