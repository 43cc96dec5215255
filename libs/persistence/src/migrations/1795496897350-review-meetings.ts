import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review meetings (giao ban) of a unit, their action items, and escalations about an overdue action item (a fourth
 * subject beside cases, applications and statistics returns, once per level). A held meeting is frozen: a trigger
 * refuses any change to its snapshot, minutes, day, unit or status, and its deletion; an action item keeps what, who
 * and when, only its status moves (docs/architecture.md#review-meetings).
 */
export class ReviewMeetings1795496897350 implements MigrationInterface {
  name = 'ReviewMeetings1795496897350';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "review_meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
         "org_unit_id" uuid NOT NULL REFERENCES "org_unit"("id") ON DELETE RESTRICT, "day" date NOT NULL, "title" character varying(300),
         "chair_id" uuid NOT NULL REFERENCES "app_user"("id"),
         "status" character varying(10) NOT NULL DEFAULT 'SCHEDULED' CHECK ("status" IN ('SCHEDULED','HELD','CANCELLED')),
         "minutes" text, "snapshot" jsonb, "held_at" TIMESTAMP WITH TIME ZONE, "held_by" uuid REFERENCES "app_user"("id"),
         "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancelled_by" uuid REFERENCES "app_user"("id"), "cancel_reason" text,
         "created_by" uuid NOT NULL REFERENCES "app_user"("id"), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "CHK_review_meeting_held" CHECK (("status" = 'HELD') = ("snapshot" IS NOT NULL AND "minutes" IS NOT NULL AND "held_at" IS NOT NULL)))`,
    );
    // One meeting a day per unit (a cancelled one frees its day); the list reads a unit's meetings by day.
    await q.query(`CREATE UNIQUE INDEX "UQ_review_meeting_day" ON "review_meeting" ("org_unit_id", "day") WHERE "status" <> 'CANCELLED'`);
    await q.query(`CREATE INDEX "IDX_review_meeting_unit_day" ON "review_meeting" ("org_unit_id", "day")`);
    await q.query(
      `CREATE TABLE "review_action_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
         "meeting_id" uuid NOT NULL REFERENCES "review_meeting"("id") ON DELETE RESTRICT, "position" integer NOT NULL,
         "what" text NOT NULL, "assignee_id" uuid NOT NULL REFERENCES "app_user"("id"),
         "due_on" date NOT NULL, "warning_on" date NOT NULL, "critical_on" date NOT NULL,
         "status" character varying(10) NOT NULL DEFAULT 'OPEN' CHECK ("status" IN ('OPEN','DONE')),
         "completed_at" TIMESTAMP WITH TIME ZONE, "completed_by" uuid REFERENCES "app_user"("id"),
         "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "UQ_review_action_item_position" UNIQUE ("meeting_id", "position"),
         CONSTRAINT "CHK_review_action_item_days" CHECK ("warning_on" <= "due_on" AND "due_on" < "critical_on"),
         CONSTRAINT "CHK_review_action_item_done" CHECK (("status" = 'DONE') = ("completed_at" IS NOT NULL)))`,
    );
    // The sweep reads the open items past their warning day.
    await q.query(`CREATE INDEX "IDX_review_action_item_open" ON "review_action_item" ("warning_on") WHERE "status" = 'OPEN'`);
    await q.query(`CREATE INDEX "IDX_review_action_item_assignee" ON "review_action_item" ("assignee_id")`);

    await q.query(`
      CREATE FUNCTION review_meeting_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status = 'HELD' THEN RAISE EXCEPTION 'review meeting % is held: it cannot be deleted', OLD.id USING ERRCODE = 'check_violation'; END IF;
          RETURN OLD;
        END IF;
        IF OLD.status = 'HELD' AND (NEW.status, NEW.snapshot, NEW.minutes, NEW.day, NEW.org_unit_id, NEW.chair_id, NEW.held_at)
             IS DISTINCT FROM (OLD.status, OLD.snapshot, OLD.minutes, OLD.day, OLD.org_unit_id, OLD.chair_id, OLD.held_at) THEN
          RAISE EXCEPTION 'review meeting % is held: its snapshot and minutes never change', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "TRG_review_meeting_frozen" BEFORE UPDATE OR DELETE ON "review_meeting" FOR EACH ROW EXECUTE FUNCTION review_meeting_frozen()`);
    await q.query(`
      CREATE FUNCTION review_action_item_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'action item % belongs to a held meeting: it cannot be deleted', OLD.id USING ERRCODE = 'check_violation'; END IF;
        IF (NEW.meeting_id, NEW.position, NEW.what, NEW.assignee_id, NEW.due_on, NEW.warning_on, NEW.critical_on)
             IS DISTINCT FROM (OLD.meeting_id, OLD.position, OLD.what, OLD.assignee_id, OLD.due_on, OLD.warning_on, OLD.critical_on) THEN
          RAISE EXCEPTION 'action item % keeps what, who and when: only its status changes', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER "TRG_review_action_item_frozen" BEFORE UPDATE OR DELETE ON "review_action_item" FOR EACH ROW EXECUTE FUNCTION review_action_item_frozen()`,
    );

    // No foreign key (like return_union_id): the escalation entity describes its table, and an action item is never deleted.
    await q.query(`ALTER TABLE "escalation" ADD "action_item_id" uuid`);
    await q.query(`ALTER TABLE "escalation" DROP CONSTRAINT "CHK_escalation_subject"`);
    await q.query(
      `ALTER TABLE "escalation" ADD CONSTRAINT "CHK_escalation_subject" CHECK (num_nonnulls("case_id", "application_id", "return_union_id", "action_item_id") = 1 AND ("return_union_id" IS NULL) = ("return_period" IS NULL))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_escalation_action_item_once" ON "escalation" ("action_item_id", "level")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "escalation" WHERE "action_item_id" IS NOT NULL`);
    await q.query(`DROP INDEX "UQ_escalation_action_item_once"`);
    await q.query(`ALTER TABLE "escalation" DROP CONSTRAINT "CHK_escalation_subject"`);
    await q.query(
      `ALTER TABLE "escalation" ADD CONSTRAINT "CHK_escalation_subject" CHECK (num_nonnulls("case_id", "application_id", "return_union_id") = 1 AND ("return_union_id" IS NULL) = ("return_period" IS NULL))`,
    );
    await q.query(`ALTER TABLE "escalation" DROP COLUMN "action_item_id"`);
    await q.query(`DROP TABLE "review_action_item"`);
    await q.query(`DROP TABLE "review_meeting"`);
    await q.query(`DROP FUNCTION review_action_item_frozen()`);
    await q.query(`DROP FUNCTION review_meeting_frozen()`);
  }
}
