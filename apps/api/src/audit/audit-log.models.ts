import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Connection } from '../graphql/models';

@InputType('AuditLogFilterInput')
export class AuditLogFilterInput {
  @Field(() => String, { nullable: true, description: "Part of the actor's e-mail address" }) actor?: string | null;
  @Field(() => String, { nullable: true, description: 'A GraphQL mutation (e.g. updateEnterprise) or a route (e.g. GET /registers/enterprises.xlsx)' })
  operation?: string | null;
  @Field(() => String, { nullable: true, description: 'A table (e.g. enterprise): rows that changed a row of it' }) entity?: string | null;
  @Field(() => String, { nullable: true, description: 'With or without entity: rows that changed the row of this id' }) entityId?: string | null;
  @Field(() => String, { nullable: true, description: 'From this day (YYYY-MM-DD, Vietnam time), included' }) from?: string | null;
  @Field(() => String, { nullable: true, description: 'To this day (YYYY-MM-DD, Vietnam time), included' }) to?: string | null;
}

@ObjectType('AuditFieldChange')
export class AuditFieldChangeModel {
  @Field() field: string;
  @Field(() => String, { nullable: true, description: 'Text as is, other values as JSON; citizen ids masked, password hashes never shown' })
  before: string | null;
  @Field(() => String, { nullable: true }) after: string | null;
  @Field(() => String, {
    nullable: true,
    description: "When before is the id of an org unit, a user or an enterprise (by its column): that row's name now; null otherwise or when it is gone",
  })
  beforeLabel?: string | null;
  @Field(() => String, { nullable: true, description: 'As beforeLabel, for after' }) afterLabel?: string | null;
}

@ObjectType('AuditChange')
export class AuditChangeModel {
  @Field() table: string;
  @Field({ description: 'INSERT, UPDATE or DELETE' }) op: string;
  @Field(() => String, { nullable: true }) rowId: string | null;
  @Field(() => [AuditFieldChangeModel], { description: 'UPDATE: only the changed fields; INSERT/DELETE: every field' }) fields: AuditFieldChangeModel[];
}

@ObjectType('AuditEntry')
export class AuditEntryModel {
  @Field(() => ID) id: string;
  @Field(() => Date) at: Date;
  @Field(() => ID, { nullable: true }) actorId: string | null;
  @Field(() => String, { nullable: true, description: 'For a login: the address tried' }) actorEmail: string | null;
  @Field(() => String, { nullable: true }) actorRole: string | null;
  @Field(() => String, { nullable: true }) ip: string | null;
  @Field(() => String, { nullable: true }) requestId: string | null;
  @Field() operation: string;
  @Field(() => String, { nullable: true, description: 'The first row changed (a table), else what the operation answered (a type)' }) entity: string | null;
  @Field(() => String, { nullable: true }) entityId: string | null;
  @Field({ description: 'OK, or REFUSED (a failed login)' }) outcome: string;
  @Field(() => String, { nullable: true, description: 'A read of personal data: what it asked for (its arguments as JSON, digit runs masked)' })
  detail: string | null;
  @Field(() => [AuditChangeModel]) changes: AuditChangeModel[];
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnectionModel extends Connection(AuditEntryModel) {}
