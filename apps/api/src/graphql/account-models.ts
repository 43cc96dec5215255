import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Connection, UserModel } from './models';

@ObjectType('UserConnection')
export class UserConnectionModel extends Connection(UserModel) {}

@ObjectType('PasswordResetPayload')
export class PasswordResetPayloadModel {
  @Field(() => UserModel) user: UserModel;
  @Field({ description: 'Shown once: it is stored only as a hash. The user must change it at its next login' }) temporaryPassword: string;
}

@ObjectType('OrgUnitHeadFigures', { description: "A unit's own figures (the unit itself, not its subtree)" })
export class OrgUnitHeadFiguresModel {
  @Field(() => Int, { description: 'Enterprises of the unit with 25 or more workers' }) enterprises25Plus: number;
  @Field(() => Int, { description: 'Of them, those with a union' }) withUnion: number;
  @Field(() => Int, { description: 'Founding cases of the unit in an open stage' }) openCases: number;
  @Field(() => Int, { description: 'Of them, those past their stage due day' }) overdueCases: number;
  @Field(() => Int, { description: 'Active accounts of the unit' }) activeUsers: number;
  @Field(() => Int, { description: 'Units directly below it (dissolved ones included, as in children)' }) childCount: number;
}
