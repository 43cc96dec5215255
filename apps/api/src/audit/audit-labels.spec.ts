import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSchema, getNamedType, isObjectType } from 'graphql';
import { AUDITED_READ_VI, ENTITY_TYPE_VI, HTTP_OPERATION_VI, JOB_OPERATION_VI, MUTATION_VI, TABLE_VI, operationLabel, tableLabel } from '@app/domain';
import { AUDITED_TABLES } from '@app/persistence';
import { JobName } from '@app/queue';

/**
 * The audit log's labels (libs/domain/src/audit-labels*.ts) name every operation the code can log and every
 * audited table: a new mutation, audited route, audited read, audited job or audited table fails here until it
 * has a Vietnamese name. The columns are checked against the database (test/audit/audit-labels.e2e-spec.ts).
 */

const ROOT = join(__dirname, '..', '..', '..', '..');
const schema = buildSchema(readFileSync(join(ROOT, 'schema.gql'), 'utf8'));

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [{ file: relative(ROOT, path), text: readFileSync(path, 'utf8') }] : [];
  });
}
const API = sources(join(ROOT, 'apps', 'api', 'src'));
const CODE = [...API, ...sources(join(ROOT, 'apps', 'worker', 'src')), ...sources(join(ROOT, 'libs'))];

/** `METHOD /route` of every route of a controller that uses `@Audited()`, as the audit interceptor names them. */
function auditedRoutes(): string[] {
  return API.filter((s) => s.text.includes('@Audited()')).flatMap((s) => {
    const base = /@Controller\(\s*(?:'([^']*)')?\s*\)/.exec(s.text);
    // A controller written another way would slip through: say so rather than check nothing.
    if (!base) return s.text.includes('@Controller(') ? [`unparsed controller in ${s.file}`] : [];
    return [...s.text.matchAll(/@(Get|Post|Put|Patch|Delete)\(\s*(?:'([^']*)')?\s*\)/g)].map(([, method, path]) => {
      const url = `/${[base[1] ?? '', path ?? ''].filter(Boolean).join('/')}`.replace(/\/+/g, '/');
      return `${method.toUpperCase()} ${url}`;
    });
  });
}

/** The queries marked `@AuditedRead`: the method each decorates, and the entity it logs. */
function auditedReads(): { operation: string; entity: string }[] {
  return API.flatMap((s) =>
    [...s.text.matchAll(/@AuditedRead\(\s*'([^']+)'[^)]*\)[\s\S]*?\n\s*(?:async\s+)?(\w+)\(/g)].map(([, entity, operation]) => ({ operation, entity })),
  );
}

/** `job <name>` of every job whose work runs under an audit context. */
function auditedJobs(): string[] {
  const names = CODE.flatMap((s) => [
    ...[...s.text.matchAll(/auditedServiceJobHandler\(\s*JobName\.(\w+)/g)].map((m) => m[1]),
    ...[...s.text.matchAll(/`job \$\{JobName\.(\w+)\}`/g)].map((m) => m[1]),
  ]);
  return [...new Set(names)].map((key) => `job ${JobName[key as keyof typeof JobName]}`);
}

describe('audit log labels', () => {
  it('name every mutation of schema.gql, and no mutation it lacks', () => {
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
    expect(mutations.length).toBeGreaterThan(50);
    expect(mutations.filter((m) => !(m in MUTATION_VI))).toEqual([]);
    expect(Object.keys(MUTATION_VI).filter((m) => !mutations.includes(m))).toEqual([]);
  });

  it('name every route of the audited controllers, and no route they lack', () => {
    const routes = auditedRoutes();
    expect(routes).toContain('GET /audit-log.xlsx');
    expect(routes).toContain('GET /reports/:id/xlsx');
    expect(routes.filter((r) => !(r in HTTP_OPERATION_VI))).toEqual([]);
    expect(Object.keys(HTTP_OPERATION_VI).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('name every audited read and the entity it logs', () => {
    const reads = auditedReads();
    expect(reads.map((r) => r.operation)).toEqual(expect.arrayContaining(['members', 'member']));
    expect(reads.filter((r) => !(r.operation in AUDITED_READ_VI)).map((r) => r.operation)).toEqual([]);
    expect(Object.keys(AUDITED_READ_VI).filter((o) => !reads.some((r) => r.operation === o))).toEqual([]);
    expect(reads.filter((r) => tableLabel(r.entity) === r.entity).map((r) => r.entity)).toEqual([]);
  });

  it('name every audited worker job, and no job that is not audited', () => {
    const jobs = auditedJobs();
    expect(jobs).toEqual(expect.arrayContaining(['job apply-register-import', 'job apply-org-unit-changes']));
    expect(jobs.filter((j) => !(j in JOB_OPERATION_VI))).toEqual([]);
    expect(Object.keys(JOB_OPERATION_VI).filter((j) => !jobs.includes(j))).toEqual([]);
  });

  it('name every audited table, and no table that is not audited', () => {
    const tables = AUDITED_TABLES.map(([t]) => t);
    expect(tables.filter((t) => !(t in TABLE_VI))).toEqual([]);
    expect(Object.keys(TABLE_VI).filter((t) => !tables.includes(t))).toEqual([]);
  });

  it('name every type with an id a mutation returns (the entity of a mutation that changed nothing)', () => {
    const types = new Set<string>();
    for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
      const type = getNamedType(field.type);
      if (isObjectType(type) && type.getFields().id) types.add(type.name);
    }
    expect([...types].filter((t) => !(t in ENTITY_TYPE_VI))).toEqual([]);
  });

  it('name the entity each job opens its audit row with', () => {
    const entities = CODE.flatMap((s) => [...s.text.matchAll(/openAuditRow\([^,]+,[^,]+,\s*'([^']+)'/g)].map((m) => m[1]));
    expect(entities).toContain('org_unit_change');
    expect(entities.filter((e) => tableLabel(e) === e)).toEqual([]);
  });

  it('reads an operation by its label, an unknown one by its name', () => {
    expect(operationLabel('recordOutreach')).toBe('Ghi nhận tuyên truyền, vận động');
    expect(operationLabel('GET /audit-log.xlsx')).toBe('Xuất Excel nhật ký thay đổi');
    expect(operationLabel('someFutureMutation')).toBe('someFutureMutation');
  });
});
