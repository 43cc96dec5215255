import { CustomScalar, Scalar } from '@nestjs/graphql';
import { GraphQLError, Kind, ValueNode } from 'graphql';
import { isIsoDate } from '@app/domain';

/** A calendar day in Asia/Ho_Chi_Minh, 'YYYY-MM-DD'. */
@Scalar('Date', () => DateDay)
export class DateScalar implements CustomScalar<string, string> {
  description = 'A calendar day in Asia/Ho_Chi_Minh, YYYY-MM-DD';

  parseValue(value: unknown): string {
    if (typeof value !== 'string' || !isIsoDate(value)) {
      // A plain error: graphql-js then wraps it with the value's position, so the field can be named.
      throw new TypeError('Date must be a real calendar day written YYYY-MM-DD');
    }
    return value;
  }

  serialize(value: unknown): string {
    if (typeof value === 'string') return value;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    throw new GraphQLError('Date cannot represent this value');
  }

  parseLiteral(ast: ValueNode): string {
    if (ast.kind !== Kind.STRING) throw new TypeError('Date must be a string YYYY-MM-DD');
    return this.parseValue(ast.value);
  }
}

/** Type token for @Field(() => DateDay). */
export class DateDay {}
