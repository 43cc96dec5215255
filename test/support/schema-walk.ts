/**
 * The running schema's operations, from introspection, and generic calls to them: a document with one
 * variable per argument (`{ __typename }` selected from an object result), the arguments' plausible
 * values by type, and every leaf (argument or input field) where a bad value can be put.
 */
export interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
}
interface SchemaType {
  kind: string;
  name: string;
  enumValues: { name: string }[] | null;
  inputFields: InputValue[] | null;
  fields: { name: string; args: InputValue[]; type: TypeRef }[] | null;
}
export interface Operation {
  key: string;
  kind: 'query' | 'mutation';
  field: string;
  args: InputValue[];
  returns: TypeRef;
}

export const INTROSPECTION = `{ __schema { queryType { name } mutationType { name }
  types { kind name enumValues { name } inputFields { name type { ...T } } fields { name args { name type { ...T } } type { ...T } } } } }
  fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;

export class SchemaWalk {
  private readonly types = new Map<string, SchemaType>();
  readonly operations: Operation[] = [];

  constructor(schema: { queryType: { name: string }; mutationType: { name: string }; types: SchemaType[] }) {
    for (const t of schema.types) this.types.set(t.name, t);
    for (const [kind, root] of [
      ['query', schema.queryType.name],
      ['mutation', schema.mutationType.name],
    ] as const) {
      for (const f of this.types.get(root)!.fields!) {
        this.operations.push({ key: `${kind === 'query' ? 'Query' : 'Mutation'}.${f.name}`, kind, field: f.name, args: f.args, returns: f.type });
      }
    }
  }

  static typeString(t: TypeRef): string {
    if (t.kind === 'NON_NULL') return `${SchemaWalk.typeString(t.ofType!)}!`;
    if (t.kind === 'LIST') return `[${SchemaWalk.typeString(t.ofType!)}]`;
    return t.name!;
  }

  static named(t: TypeRef): TypeRef {
    return t.ofType ? SchemaWalk.named(t.ofType) : t;
  }

  /** Whether the operation's answer reaches, through object fields, a field of one of these names (e.g. personal data). */
  reaches(op: Operation, fieldNames: string[]): boolean {
    const seen = new Set<string>();
    const walk = (typeName: string): boolean => {
      if (seen.has(typeName)) return false;
      seen.add(typeName);
      const fields = this.types.get(typeName)?.fields ?? [];
      return fields.some((f) => fieldNames.includes(f.name) || walk(SchemaWalk.named(f.type).name!));
    };
    return walk(SchemaWalk.named(op.returns).name!);
  }

  /** The operation with every argument as a variable of its own name. */
  document(op: Operation, literalArgs: Record<string, string> = {}): string {
    const vars = op.args.filter((a) => !(a.name in literalArgs));
    const decl = vars.length ? `(${vars.map((a) => `$${a.name}: ${SchemaWalk.typeString(a.type)}`).join(', ')})` : '';
    const args = op.args.length ? `(${op.args.map((a) => `${a.name}: ${literalArgs[a.name] ?? `$${a.name}`}`).join(', ')})` : '';
    const selection = this.types.get(SchemaWalk.named(op.returns).name!)?.kind === 'OBJECT' ? ' { __typename }' : '';
    return `${op.kind} Walk${decl} { ${op.field}${args}${selection} }`;
  }

  /** A plausible value of `t`: required input fields only; ids from `id()`. */
  value(t: TypeRef, id: () => string, day: string): unknown {
    if (t.kind === 'NON_NULL') return this.value(t.ofType!, id, day);
    if (t.kind === 'LIST') return [this.value(t.ofType!, id, day)];
    const type = this.types.get(t.name!)!;
    if (type.kind === 'ENUM') return type.enumValues![0].name;
    if (type.kind === 'INPUT_OBJECT') {
      return Object.fromEntries(type.inputFields!.filter((f) => f.type.kind === 'NON_NULL').map((f) => [f.name, this.value(f.type, id, day)]));
    }
    const scalar: Record<string, unknown> = { ID: undefined, String: 'Kiểm tra', Int: 1, Float: 1, Boolean: true, Date: day, Money: '1000' };
    return t.name === 'ID' ? id() : scalar[t.name!];
  }

  /** The operation's arguments, every one (optional ones too, so that each has a leaf to spoil). */
  args(op: Operation, id: () => string, day: string): Record<string, unknown> {
    return Object.fromEntries(op.args.map((a) => [a.name, this.value(a.type, id, day)]));
  }

  /** Each leaf of the arguments: its path (argument, then input field), its type and whether it may be omitted. */
  leaves(op: Operation): { path: string[]; type: TypeRef; required: boolean; inInput: boolean }[] {
    const out: { path: string[]; type: TypeRef; required: boolean; inInput: boolean }[] = [];
    for (const a of op.args) {
      const unwrapped = a.type.kind === 'NON_NULL' ? a.type.ofType! : a.type;
      const named = this.types.get(unwrapped.name ?? '');
      if (unwrapped.kind === 'INPUT_OBJECT' && named) {
        for (const f of named.inputFields!) out.push({ path: [a.name, f.name], type: f.type, required: f.type.kind === 'NON_NULL', inInput: true });
      } else out.push({ path: [a.name], type: a.type, required: a.type.kind === 'NON_NULL', inInput: false });
    }
    return out;
  }

  /** Wrong values for a leaf of type `t`: each with what it tries. */
  badValues(t: TypeRef): { what: string; value: unknown }[] {
    const out: { what: string; value: unknown }[] = [];
    if (t.kind === 'NON_NULL') out.push({ what: 'null', value: null });
    const inner = t.kind === 'NON_NULL' ? t.ofType! : t;
    if (inner.kind === 'LIST') return [...out, { what: 'a number in a list', value: [5] }];
    const type = this.types.get(inner.name!)!;
    if (type.kind === 'ENUM') return [...out, { what: 'an unknown enum value', value: 'KHONG_CO' }];
    if (type.kind === 'INPUT_OBJECT') return [...out, { what: 'a string for an object', value: 'x' }];
    const bad: Record<string, { what: string; value: unknown }[]> = {
      ID: [{ what: 'a boolean for an ID', value: true }],
      String: [{ what: 'a number for a String', value: 5 }],
      Int: [
        { what: 'a string for an Int', value: 'mười' },
        { what: 'an Int beyond 32 bits', value: 2 ** 40 },
      ],
      Float: [{ what: 'a string for a Float', value: 'mười' }],
      Boolean: [{ what: 'a string for a Boolean', value: 'có' }],
      Date: [
        { what: 'a day that does not exist, dd/mm/yyyy', value: '31/02/2025' },
        { what: 'a day that does not exist, ISO', value: '2025-02-31' },
      ],
      Money: [
        { what: 'a fraction of a đồng', value: '1250000.5' },
        { what: 'a number beyond 2^53', value: 2 ** 60 },
      ],
    };
    return [...out, ...(bad[inner.name!] ?? [])];
  }

  /** A wrong literal for an argument of type `t`, written in the query text. */
  badLiteral(t: TypeRef): string {
    const name = SchemaWalk.named(t).name!;
    const kind = this.types.get(name)!.kind;
    if (kind === 'ENUM') return 'KHONG_CO';
    if (kind === 'INPUT_OBJECT') return '"x"';
    const literal: Record<string, string> = { String: '5', Date: '"31/02/2025"', ID: 'true', Boolean: '"có"' };
    return literal[name] ?? '"mười"';
  }
}
