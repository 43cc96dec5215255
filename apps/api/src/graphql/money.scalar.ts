import { CustomScalar, Scalar } from '@nestjs/graphql';
import { GraphQLError, Kind, ValueNode } from 'graphql';
import { parseMoney } from '@app/domain';

/**
 * Whole Vietnamese đồng (bigint in the database). Answered as a string of digits, so any client reads 10^12 đ and more
 * exactly; taken as such a string or as a whole number (a JSON number only up to 2^53 − 1, JavaScript's safe integers).
 * See docs/architecture.md#plan-areas-and-budget.
 */
@Scalar('Money', () => Money)
export class MoneyScalar implements CustomScalar<string, bigint> {
  description = 'Whole Vietnamese đồng: a string of digits (optionally signed), or a whole number up to 2^53 - 1';

  parseValue(value: unknown): bigint {
    const n = parseMoney(value);
    // A plain error: graphql-js names the field (docs/architecture.md#errors).
    if (n === null) throw new TypeError('phải là số đồng nguyên, viết bằng chữ số (ví dụ "1250000"), không có phần lẻ');
    return n;
  }

  serialize(value: unknown): string {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return value;
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    throw new GraphQLError('Giá trị trả về không phải là một số tiền');
  }

  parseLiteral(ast: ValueNode): bigint {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return this.parseValue(ast.kind === Kind.INT ? ast.value : ast.value);
    throw new TypeError('phải là số đồng nguyên, viết bằng chữ số (ví dụ "1250000"), không có phần lẻ');
  }
}

/** Type token for @Field(() => Money). */
export class Money {}
