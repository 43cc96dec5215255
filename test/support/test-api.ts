import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role, UsersService } from '@app/core';
import { taxCodeCheckDigit } from '@app/domain';
import { ROOT_ORG_UNIT_ID } from '@app/persistence';
import { createApi } from '../../apps/api/src/main';

export interface GqlResult<T = any> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: string[] }[];
}

export const PASSWORD = 'test-password-1';

/** A real API on a real port, with helpers to call it and to make the org units and users a test needs. */
export class TestApi {
  private constructor(
    readonly app: INestApplication,
    readonly url: string,
  ) {}

  static async start(): Promise<TestApi> {
    const app = await createApi();
    await app.listen(0, '127.0.0.1');
    const addr = app.getHttpServer().address() as { port: number };
    return new TestApi(app, `http://127.0.0.1:${addr.port}`);
  }

  get db(): DataSource {
    return this.app.get(DataSource);
  }

  async close(): Promise<void> {
    await this.app.close();
  }

  async gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResult<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<T>;
  }

  /** Data or a thrown error with the GraphQL errors, for calls that must succeed. */
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const r = await this.gql<T>(query, variables, token);
    if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data as T;
  }

  async login(email: string, password = PASSWORD): Promise<string> {
    const d = await this.ok(`mutation($e:String!,$p:String!){ login(email:$e,password:$p){ accessToken } }`, { e: email, p: password });
    return d.login.accessToken;
  }

  /** A fresh upper-level union (under a fresh federation) with a supervisor and officers: a world of its own. */
  async newProvince(officers = 2): Promise<Province> {
    const tag = randomUUID().slice(0, 8);
    const insertUnit = async (name: string, kind: string, parentId: string) => {
      const [parent] = await this.db.query(`SELECT path FROM org_unit WHERE id = $1`, [parentId]);
      const [row] = await this.db.query(
        `WITH id AS (SELECT gen_random_uuid() AS id) INSERT INTO org_unit (id, name, kind, parent_id, path)
         SELECT id.id, $1, $2, $3, $4 || '.' || id.id FROM id RETURNING id`,
        [name, kind, parentId, parent.path],
      );
      return row.id as string;
    };
    const federationId = await insertUnit(`LĐLĐ tỉnh ${tag}`, 'FEDERATION', ROOT_ORG_UNIT_ID);
    const unitId = await insertUnit(`Công đoàn ngành Y tế ${tag}`, 'UPPER_LEVEL', federationId);
    const users = this.app.get(UsersService);
    const mk = async (role: Role, name: string, org = unitId) => {
      const email = `${name}.${tag}@test.vn`;
      const u = await users.insert({ email, fullName: `${name} ${tag}`, role, orgUnitId: org, password: PASSWORD });
      return { id: u.id, email, token: await this.login(email) };
    };
    const supervisor = await mk(Role.SUPERVISOR, 'supervisor');
    const officerList = [];
    for (let i = 0; i < officers; i++) officerList.push(await mk(Role.OFFICER, `officer${i + 1}`));
    const federationSupervisor = await mk(Role.SUPERVISOR, 'fedsup', federationId);
    return { tag, federationId, unitId, supervisor, officers: officerList, federationSupervisor };
  }

  async newAdmin(): Promise<{ id: string; email: string; token: string }> {
    const email = `admin.${randomUUID().slice(0, 8)}@test.vn`;
    const u = await this.app.get(UsersService).insert({ email, fullName: 'Admin', role: Role.ADMIN, orgUnitId: ROOT_ORG_UNIT_ID, password: PASSWORD });
    return { id: u.id, email, token: await this.login(email) };
  }
}

export interface TestUser {
  id: string;
  email: string;
  token: string;
}
export interface Province {
  tag: string;
  federationId: string;
  unitId: string;
  supervisor: TestUser;
  officers: TestUser[];
  federationSupervisor: TestUser;
}

/** A valid 10-digit tax code (its check digit computed) no other test uses (random first 9 digits; ~8e8 values). */
export function newTaxCode(): string {
  for (;;) {
    const first9 = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
    const check = taxCodeCheckDigit(first9);
    if (check !== null) return `${first9}${check}`;
  }
}
