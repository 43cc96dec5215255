import { vietnameseGraphqlMessage, vietnameseSuggestion } from './graphql-messages-vi';

describe('vietnameseGraphqlMessage', () => {
  it.each([
    ['Boolean cannot represent a non boolean value: "có"', 'hasUnion', 'Đã có công đoàn phải là true hoặc false'],
    ['Int cannot represent non 32-bit signed integer value: 1099511627776', 'first', 'Số dòng mỗi trang phải là số nguyên từ -2.147.483.648 đến 2.147.483.647'],
    [
      'Value "SURVY" does not exist in "CaseStage" enum. Did you mean the enum value "SURVEY"?',
      'stage',
      'Giai đoạn: giá trị “SURVY” không có trong danh sách “CaseStage”',
    ],
    ['Expected value of type "Int!", found null.', 'year', 'Năm không được để trống'],
    ['Variable "$i" got invalid value null at "i.caseId"; Expected non-nullable type "ID!" not to be null.', undefined, 'Hồ sơ không được để trống'],
    ['Variable "$i" got invalid value {}; Field "caseId" of required type "ID!" was not provided.', undefined, 'Hồ sơ là thông tin bắt buộc, chưa được nhập'],
    ['Syntax Error: Query depth limit of 10 exceeded, found 12.', undefined, 'Truy vấn lồng quá sâu: 12 cấp, tối đa 10 cấp'],
    ['Syntax Error: Document contains more that 2000 tokens. Parsing aborted.', undefined, 'Truy vấn quá dài: hơn 2000 từ tố (token)'],
    ['Syntax Error: Expected Name, found <EOF>.', undefined, 'Truy vấn GraphQL sai cú pháp'],
    ['Something graphql-js may say one day.', undefined, 'Yêu cầu GraphQL không hợp lệ'],
    ['Máy chủ không phục vụ subscription qua HTTP', undefined, 'Máy chủ không phục vụ subscription qua HTTP'],
  ])('%s', (english, atField, vietnamese) => {
    expect(vietnameseGraphqlMessage(english, atField).message).toBe(vietnamese);
  });

  it('names the field a variable path ends at, without its list index', () => {
    const said = vietnameseGraphqlMessage('Variable "$i" got invalid value 5 at "i.memberNames[0]"; String cannot represent a non string value: 5');
    expect(said).toEqual({ field: 'memberNames', message: 'Thành viên ban vận động phải là một chuỗi ký tự' });
  });

  it('says the suggestion in Vietnamese, quoting the names', () => {
    expect(vietnameseSuggestion('Cannot query field "mee" on type "Query". Did you mean "me" or "users"?')).toBe('; có phải ý bạn là “me”, “users”?');
    expect(vietnameseSuggestion('Cannot query field "x" on type "Query".')).toBe('');
  });
});
