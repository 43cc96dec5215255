import { CustomScalar, Scalar } from '@nestjs/graphql';
import { GraphQLError, Kind, ValueNode } from 'graphql';
import { isIsoDate } from '@app/domain';

/** A calendar day in Asia/Ho_Chi_Minh, 'YYYY-MM-DD'. */
@Scalar('Date', () => DateDay)
export class DateScalar implements CustomScalar<string, string> {
  description = 'A calendar day in Asia/Ho_Chi_Minh, YYYY-MM-DD';

  parseValue(value: unknown): string {
    if (typeof value !== 'string' || !isIsoDate(value)) {
      throw new GraphQLError('Date must be a real calendar day written YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return value;
  }

  serialize(value: unknown): string {
    if (typeof value === 'string') return value;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    throw new GraphQLError('Date cannot represent this value');
  }

  parseLiteral(ast: ValueNode): string {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
    return this.parseValue(ast.value);
  }
}

/** Type token for @Field(() => DateDay). */
export class DateDay {}
