import { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel and notice the API's cache of callers listens to (docs/architecture.md#the-callers-cache). */
export const ACTOR_CHANNEL = 'cdcs_actor';
export const ACTOR_NOTICE = 'cdcs_actor_changed';

/**
 * Says that what the API knows of a caller changed: an account's row (key: its id), or any unit's path or the accounts
 * emptied (key `*`, once per statement: a subtree move rewrites many paths). pg_notify reaches every API process after the commit;
 * the notice reaches at once the connection that wrote, so the writing process stops trusting its cache before
 * its own commit is answered.
 */
export class ActorChangeNotify1795496897750 implements MigrationInterface {
  name = 'ActorChangeNotify1795496897750';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION actor_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE k text := '*';
      BEGIN
        IF TG_LEVEL = 'ROW' THEN k := OLD.id::text; END IF;
        PERFORM pg_notify('${ACTOR_CHANNEL}', k);
        RAISE NOTICE '${ACTOR_NOTICE} %', k;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER app_user_actor_changed AFTER UPDATE ON app_user FOR EACH ROW
      WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION actor_changed()`);
    await q.query(`CREATE TRIGGER app_user_actor_removed AFTER DELETE ON app_user FOR EACH ROW EXECUTE FUNCTION actor_changed()`);
    await q.query(`CREATE TRIGGER app_user_actor_truncated AFTER TRUNCATE ON app_user FOR EACH STATEMENT EXECUTE FUNCTION actor_changed()`);
    await q.query(`CREATE TRIGGER org_unit_actor_changed AFTER UPDATE OF path ON org_unit FOR EACH STATEMENT EXECUTE FUNCTION actor_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER org_unit_actor_changed ON org_unit`);
    await q.query(`DROP TRIGGER app_user_actor_truncated ON app_user`);
    await q.query(`DROP TRIGGER app_user_actor_removed ON app_user`);
    await q.query(`DROP TRIGGER app_user_actor_changed ON app_user`);
    await q.query(`DROP FUNCTION actor_changed()`);
  }
}
