import { CustomScalar, Scalar } from '@nestjs/graphql';
import { GraphQLError, Kind, ValueNode } from 'graphql';
import { isIsoDate } from '@app/domain';

/** A calendar day in Asia/Ho_Chi_Minh, 'YYYY-MM-DD'. */
@Scalar('Date', () => DateDay)
export class DateScalar implements CustomScalar<string, string> {
  description = 'A calendar day in Asia/Ho_Chi_Minh, YYYY-MM-DD';

  parseValue(value: unknown): string {
    if (typeof value !== 'string' || !isIsoDate(value)) {
      // A plain error: graphql-js then wraps it with the value's position, so the field can be named
      // (docs/architecture.md#errors: the formatter keeps these words and names the field).
      throw new TypeError(`${typeof value === 'string' ? value.slice(0, 40) : JSON.stringify(value)} không phải là ngày hợp lệ (dạng YYYY-MM-DD)`);
    }
    return value;
  }

  serialize(value: unknown): string {
    if (typeof value === 'string') return value;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    throw new GraphQLError('Giá trị trả về không phải là một ngày');
  }

  parseLiteral(ast: ValueNode): string {
    if (ast.kind !== Kind.STRING) throw new TypeError('Ngày phải viết trong dấu ngoặc kép, dạng YYYY-MM-DD');
    return this.parseValue(ast.value);
  }
}

/** Type token for @Field(() => DateDay). */
export class DateDay {}
