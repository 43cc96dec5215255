import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError, Source } from 'graphql';
import { AppError, ErrorCode, INTERNAL_ERROR_MESSAGE, NO_SUCH_ID_MESSAGE, badInput, conflict, notFound } from '@app/core';
import { IneligibleReason, Requirement } from '@app/domain';
import { EXTENSION_CODE, formatGraphqlError } from './error-formatter';

const PATH = ['openFoundingCase'];
const LOCATIONS = [{ line: 1, column: 12 }];

/** What graphql-answers.ts hands formatError for an error thrown in a resolver: the GraphQLError wrapping it, and its JSON form with Apollo's default code. */
function fromResolver(original: Error): [GraphQLFormattedError, unknown] {
  const error = new GraphQLError(original.message, { path: PATH, originalError: original });
  return [{ message: original.message, locations: LOCATIONS, path: PATH, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, error];
}

/** What graphql-answers.ts hands formatError for a request error (parse, validation, variables), its code as Apollo named it. */
function requestError(message: string, code: string | undefined, opts: { source?: string; positions?: number[] } = {}): [GraphQLFormattedError, unknown] {
  const error = new GraphQLError(message, {
    source: opts.source ? new Source(opts.source) : undefined,
    positions: opts.positions,
    extensions: code ? { code } : {},
  });
  return [{ message, locations: LOCATIONS, extensions: code ? { code } : {} }, error];
}

let logged: jest.SpyInstance;
beforeEach(() => {
  logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
});
afterEach(() => logged.mockRestore());

describe('EXTENSION_CODE', () => {
  it('maps every AppError code onto the extensions.code of the same name', () => {
    expect(Object.keys(EXTENSION_CODE).sort()).toEqual(Object.values(ErrorCode).sort());
    for (const code of Object.values(ErrorCode)) expect(EXTENSION_CODE[code]).toBe(code);
  });
});

describe('formatGraphqlError: AppErrors (refusals the caller can act on)', () => {
  it.each(Object.values(ErrorCode))('%s keeps its message, path and locations, with extensions.code and nothing internal', (code) => {
    const [formatted, error] = fromResolver(new AppError(code, `refused: ${code}`));
    const named = code === ErrorCode.BAD_USER_INPUT ? { fields: [], messages: {} } : {};
    expect(formatGraphqlError(formatted, error)).toEqual({ message: `refused: ${code}`, path: PATH, locations: LOCATIONS, extensions: { code, ...named } });
    expect(logged).not.toHaveBeenCalled();
  });

  it('BAD_USER_INPUT names the fields in extensions.fields, with a message per field', () => {
    const messages = { email: 'Địa chỉ e-mail không hợp lệ', password: 'Mật khẩu phải có ít nhất 10 ký tự' };
    const [formatted, error] = fromResolver(badInput(messages));
    const out = formatGraphqlError(formatted, error);
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['email', 'password'], messages });
    expect(out.message).toBe('Dữ liệu không hợp lệ: Địa chỉ e-mail không hợp lệ; Mật khẩu phải có ít nhất 10 ký tự');
  });

  it('a BAD_USER_INPUT that names no field still carries empty fields and messages', () => {
    const [formatted, error] = fromResolver(new AppError(ErrorCode.BAD_USER_INPUT, 'Bộ lọc khớp quá nhiều dòng'));
    expect(formatGraphqlError(formatted, error).extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [], messages: {} });
  });

  it('TRANSITION_NOT_ALLOWED carries every unmet requirement in extensions.unmet, and the stage', () => {
    const unmet = [Requirement.NO_MOBILIZATION_COMMITTEE, Requirement.TOO_FEW_APPLICATIONS];
    const [formatted, error] = fromResolver(
      new AppError(ErrorCode.TRANSITION_NOT_ALLOWED, 'Exit requirements of GUIDANCE are unmet', { unmet, stage: 'GUIDANCE' }),
    );
    expect(formatGraphqlError(formatted, error).extensions).toEqual({ code: 'TRANSITION_NOT_ALLOWED', unmet, stage: 'GUIDANCE' });
  });

  it('INELIGIBLE carries the reasons in extensions.reasons', () => {
    const reasons = [IneligibleReason.MANAGER, IneligibleReason.SERVING_SENTENCE];
    const [formatted, error] = fromResolver(new AppError(ErrorCode.INELIGIBLE, 'The applicant is not eligible', { reasons }));
    expect(formatGraphqlError(formatted, error).extensions).toEqual({ code: 'INELIGIBLE', reasons });
  });

  it('CONFLICT carries its details (the current version of a stale write)', () => {
    const [formatted, error] = fromResolver(conflict('The case was changed by someone else', { currentVersion: 7 }));
    expect(formatGraphqlError(formatted, error).extensions).toEqual({ code: 'CONFLICT', currentVersion: 7 });
  });

  it('a detail named `code` cannot replace the code', () => {
    const [formatted, error] = fromResolver(new AppError(ErrorCode.FORBIDDEN, 'no', { code: 'OK' }));
    expect(formatGraphqlError(formatted, error).extensions?.code).toBe('FORBIDDEN');
  });

  it('maps an AppError that reaches it unwrapped the same way', () => {
    const err = notFound('foundingCase');
    const out = formatGraphqlError({ message: err.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, err);
    expect(out).toEqual({ message: 'Không tìm thấy hồ sơ thành lập CĐCS', extensions: { code: 'NOT_FOUND' } });
  });
});

describe('formatGraphqlError: request errors', () => {
  it('a malformed id (Postgres 22P02) answers NOT_FOUND without the database message', () => {
    const pg = Object.assign(new Error('invalid input syntax for type uuid: "not-a-uuid"'), { driverError: { code: '22P02' } });
    const [formatted, error] = fromResolver(pg);
    const out = formatGraphqlError(formatted, error);
    expect(out).toEqual({ message: NO_SUCH_ID_MESSAGE, path: PATH, extensions: { code: 'NOT_FOUND' } });
    expect(JSON.stringify(out)).not.toContain('uuid');
  });

  it('a literal of the wrong type (validation) answers BAD_USER_INPUT naming the argument, from the message and from its position', () => {
    const source = '{ foundingCases(first: "ten") { totalCount } }';
    const message = 'Int cannot represent non-integer value: "ten"';
    const [formatted, error] = requestError(message, 'GRAPHQL_VALIDATION_FAILED', { source, positions: [source.indexOf('"ten"')] });
    const said = 'Số dòng mỗi trang phải là số nguyên';
    expect(formatGraphqlError(formatted, error)).toEqual({
      message: said,
      locations: LOCATIONS,
      extensions: { code: 'BAD_USER_INPUT', fields: ['first'], messages: { first: said } },
    });
  });

  it('an input object field of the wrong type names that field', () => {
    const source = 'mutation { openFoundingCase(input: { enterpriseId: 5 }) { id } }';
    const message = 'ID cannot represent a non-string and non-integer value: 5';
    const [formatted, error] = requestError(message, 'GRAPHQL_VALIDATION_FAILED', { source, positions: [source.indexOf('5 }')] });
    expect(formatGraphqlError(formatted, error).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['enterpriseId'],
      messages: { enterpriseId: 'Doanh nghiệp phải là một mã (ID)' },
    });
  });

  it('a missing required field names it', () => {
    const message = 'Field "OpenCaseInput.enterpriseId" of required type "ID!" was not provided.';
    const [formatted, error] = requestError(message, 'GRAPHQL_VALIDATION_FAILED');
    expect(formatGraphqlError(formatted, error).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['enterpriseId'],
      messages: { enterpriseId: 'Doanh nghiệp là thông tin bắt buộc, chưa được nhập' },
    });
  });

  it("a date that does not exist keeps the scalar's words and names the field", () => {
    const message =
      'Variable "$i" got invalid value "31/02/2025" at "i.surveyedOn"; Expected type "Date". 31/02/2025 không phải là ngày hợp lệ (dạng YYYY-MM-DD)';
    const said = 'Ngày khảo sát: 31/02/2025 không phải là ngày hợp lệ (dạng YYYY-MM-DD)';
    expect(formatGraphqlError(...requestError(message, 'BAD_USER_INPUT'))).toMatchObject({
      message: said,
      extensions: { code: 'BAD_USER_INPUT', fields: ['surveyedOn'], messages: { surveyedOn: said } },
    });
  });

  it('other validation failures (an unknown field) pass through as GRAPHQL_VALIDATION_FAILED, without a path', () => {
    const message = 'Cannot query field "nope" on type "Query".';
    const [formatted, error] = requestError(message, 'GRAPHQL_VALIDATION_FAILED');
    expect(formatGraphqlError(formatted, error)).toEqual({
      message: 'Kiểu “Query” không có trường “nope”',
      locations: LOCATIONS,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('a bad variable value answers BAD_USER_INPUT naming the input field at its path', () => {
    const message = 'Variable "$i" got invalid value "KING" at "i.role"; Value "KING" does not exist in "Role" enum.';
    const [formatted, error] = requestError(message, 'BAD_USER_INPUT');
    const said = 'Vai trò: giá trị “KING” không có trong danh sách “Role”';
    expect(formatGraphqlError(formatted, error)).toEqual({
      message: said,
      locations: LOCATIONS,
      extensions: { code: 'BAD_USER_INPUT', fields: ['role'], messages: { role: said } },
    });
  });

  it('names a list element by its field, and the variable itself only when nothing more precise is known', () => {
    const inList = 'Variable "$i" got invalid value 5 at "i.memberNames[2]"; String cannot represent a non string value: 5';
    expect(formatGraphqlError(...requestError(inList, 'BAD_USER_INPUT')).extensions?.fields).toEqual(['memberNames']);
    const missing = 'Variable "$first" of required type "Int!" was not provided.';
    expect(formatGraphqlError(...requestError(missing, 'BAD_USER_INPUT')).extensions?.fields).toEqual(['first']);
  });

  it.each(['GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE'])(
    '%s passes through with its code only, its message in Vietnamese',
    (code) => {
      const [formatted, error] = requestError('Syntax Error: Expected Name, found <EOF>.', code);
      expect(formatGraphqlError({ ...formatted, extensions: { code, stacktrace: ['at y'] } }, error)).toEqual({
        message: 'Truy vấn GraphQL sai cú pháp',
        locations: LOCATIONS,
        extensions: { code },
      });
    },
  );

  it('a GraphQLError without a code answers BAD_REQUEST', () => {
    const [formatted, error] = requestError('Must provide query string.', undefined);
    expect(formatGraphqlError(formatted, error).extensions).toEqual({ code: 'BAD_REQUEST' });
  });
});

describe('formatGraphqlError: internal errors are hidden', () => {
  it('an unexpected error answers "Internal server error", logged, with nothing of the original', () => {
    const [formatted, error] = fromResolver(new TypeError("Cannot read properties of undefined (reading 'path')"));
    const out = formatGraphqlError(formatted, error);
    expect(out).toEqual({ message: INTERNAL_ERROR_MESSAGE, path: PATH, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('a database error other than a malformed id is internal too: no SQL, no constraint names', () => {
    const pg = Object.assign(new Error('duplicate key value violates unique constraint "UQ_escalation_once"'), {
      query: 'INSERT INTO escalation …',
      driverError: { code: '23505', constraint: 'UQ_escalation_once' },
    });
    const out = formatGraphqlError(...fromResolver(pg));
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(out)).not.toMatch(/escalation|duplicate|INSERT/);
  });

  it('a GraphQLError with a code it does not pass through is internal', () => {
    const [formatted, error] = requestError('Something only the server should know', 'SOME_PLUGIN_CODE');
    expect(formatGraphqlError(formatted, error)).toEqual({ message: INTERNAL_ERROR_MESSAGE, path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});

describe('formatGraphqlError: the database away', () => {
  it('a lost connection answers SERVICE_UNAVAILABLE in Vietnamese, retryable, not INTERNAL_SERVER_ERROR', () => {
    const out = formatGraphqlError(...fromResolver(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })));
    expect(out).toEqual({
      message: 'Cơ sở dữ liệu tạm thời không sẵn sàng; hãy thử lại sau ít phút',
      path: PATH,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    });
    expect(logged).not.toHaveBeenCalled();
  });
});
