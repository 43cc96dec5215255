import { fieldLabel } from '@app/core';

/**
 * graphql-js's, graphql-armor's and Apollo's own messages (English) in Vietnamese, the way the
 * API's refusals are written (docs/architecture.md#errors). A bad value names its field: `field`
 * is the input field or argument the caller got wrong when the message (or its position) says.
 */
export interface VietnameseMessage {
  message: string;
  /** The field the message is about, when it is about one value. */
  field?: string;
}

/** graphql-js's "Did you mean …?" in Vietnamese (outside production only: error-hardening.ts strips it), or ''. */
export function vietnameseSuggestion(message: string): string {
  const hint = /Did you mean ([^?]*)\?/.exec(message);
  if (!hint) return '';
  const names = [...hint[1].matchAll(/"([^"]+)"/g)].map((m) => `“${m[1]}”`);
  return names.length ? `; có phải ý bạn là ${names.join(', ')}?` : '';
}

const q = (s: string) => `“${s}”`;
const VIETNAMESE_LETTER = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
/** Written by us in Vietnamese (not graphql-js's English quoting a Vietnamese value). */
const isVietnamese = (s: string) =>
  VIETNAMESE_LETTER.test(s.replace(/"[^"]*"/g, '')) && !/\b(cannot|must|not|does|Expected|provided|defined|represent)\b/.test(s);
const lastSegment = (path: string) =>
  path
    .split('.')
    .pop()!
    .replace(/\[\d+\]$/, '');

/** What a value of a built-in type or an enum must be, said about `field`. */
function typeRule(field: string, typeName: string): string {
  const label = fieldLabel(field);
  switch (typeName.replace(/[![\]]/g, '')) {
    case 'Int':
      return `${label} phải là số nguyên`;
    case 'Float':
      return `${label} phải là một số`;
    case 'Boolean':
      return `${label} phải là true hoặc false`;
    case 'String':
      return `${label} phải là một chuỗi ký tự`;
    case 'ID':
      return `${label} phải là một mã (ID)`;
    case 'Date':
      return `${label} phải là một ngày dạng YYYY-MM-DD`;
    default:
      return `${label} phải là một giá trị của ${q(typeName.replace(/[![\]]/g, ''))}`;
  }
}

/** The reason part of a value refusal ("Int cannot represent …", our scalars' own Vietnamese words…), for `field`. */
function valueReason(reason: string, field: string, typeName?: string): string {
  const label = fieldLabel(field);
  let m: RegExpExecArray | null;
  const own = reason.replace(/^Expected type "[^"]+"\.\s*/, '');
  // Our scalars' own words (date.scalar.ts), already Vietnamese.
  if (isVietnamese(own)) return `${label}: ${own}`;
  if (/^(Int|Float|Boolean|String|ID) cannot represent/.test(reason)) {
    if (/non 32-bit signed integer/.test(reason)) return `${label} phải là số nguyên từ -2.147.483.648 đến 2.147.483.647`;
    return typeRule(field, reason.split(' ')[0]);
  }
  if ((m = /^Value "([^"]*)" does not exist in "([^"]+)" enum/.exec(reason))) return `${label}: giá trị ${q(m[1])} không có trong danh sách ${q(m[2])}`;
  if ((m = /^Enum "([^"]+)" cannot represent/.exec(reason))) return `${label} phải là một giá trị của danh sách ${q(m[1])}`;
  if (/^Expected non-nullable type .* not to be null/.test(reason) || /found null\.?$/.test(reason)) return `${label} không được để trống`;
  if ((m = /^Expected type "([^"]+)" to be an object/.exec(reason))) return `${label} phải là một đối tượng ${q(m[1])}`;
  if ((m = /^Field "([^"]+)" of required type "[^"]+" was not provided/.exec(reason))) return `${fieldLabel(m[1])} là thông tin bắt buộc, chưa được nhập`;
  if ((m = /^Field "([^"]+)" is not defined by type "([^"]+)"/.exec(reason))) return `${q(m[1])} không phải là một trường của ${q(m[2])}`;
  if (typeName) return typeRule(field, typeName);
  return `${label} không hợp lệ`;
}

type Rule = [RegExp, (m: RegExpExecArray, atField?: string) => VietnameseMessage];

/** Tried in order; the first match answers. */
const RULES: Rule[] = [
  // Variable coercion (`Variable "$i" got invalid value … at "i.surveyedOn"; <reason>`).
  [
    /^Variable "\$([^"]+)" got invalid value (.*?)(?: at "([^"]+)")?; (.+)$/s,
    (m) => {
      const inner = /^Field "([^"]+)" (?:of required type|is not defined)/.exec(m[4]);
      const field = inner ? inner[1] : m[3] ? lastSegment(m[3]) : m[1];
      return { message: valueReason(m[4], field), field };
    },
  ],
  [
    /^Variable "\$([^"]+)" of required type "([^"]+)" was not provided/,
    (m) => ({ message: `${fieldLabel(m[1])} là thông tin bắt buộc, chưa được nhập`, field: m[1] }),
  ],
  [/^Variable "\$([^"]+)" of non-null type "([^"]+)" must not be null/, (m) => ({ message: `${fieldLabel(m[1])} không được để trống`, field: m[1] })],
  [/^Too many errors processing variables/, () => ({ message: 'Có quá nhiều giá trị không hợp lệ trong các biến của yêu cầu' })],
  // Literal values in the query text.
  [
    /^Expected value of type "([^"]+)", found (.+?)(?:; (.+))?$/s,
    (m, at) => {
      const field = at ?? 'input';
      return { message: m[3] ? valueReason(m[3], field, m[1]) : m[2] === 'null.' ? `${fieldLabel(field)} không được để trống` : typeRule(field, m[1]), field };
    },
  ],
  [/^(Int|Float|Boolean|String|ID) cannot represent/, (m, at) => ({ message: valueReason(m.input, at ?? 'input'), field: at })],
  [/^(?:Value "[^"]*" does not exist in "[^"]+" enum|Enum "[^"]+" cannot represent)/, (m, at) => ({ message: valueReason(m.input, at ?? 'input'), field: at })],
  [
    /^Field "(?:[A-Za-z0-9_]+\.)?([A-Za-z0-9_]+)" of required type "[^"]+" was not provided/,
    (m) => ({ message: `${fieldLabel(m[1])} là thông tin bắt buộc, chưa được nhập`, field: m[1] }),
  ],
  [/^Field "([^"]+)" is not defined by type "([^"]+)"/, (m) => ({ message: `${q(m[1])} không phải là một trường của ${q(m[2])}`, field: m[1] })],
  [
    /^Field "([^"]+)" argument "([^"]+)" of type "[^"]+" is required, but it was not provided/,
    (m) => ({ message: `${fieldLabel(m[2])} là thông tin bắt buộc, chưa được nhập (tham số ${q(m[2])} của ${q(m[1])})`, field: m[2] }),
  ],
  // The shape of the query.
  [/^Unknown argument "([^"]+)" on field "([^"]+)"/, (m) => ({ message: `${q(m[2])} không có tham số ${q(m[1])}` })],
  [/^Cannot query field "([^"]+)" on type "([^"]+)"/, (m) => ({ message: `Kiểu ${q(m[2])} không có trường ${q(m[1])}` })],
  [/^Unknown type "([^"]+)"/, (m) => ({ message: `Không có kiểu ${q(m[1])}` })],
  [/^Field "([^"]+)" must not have a selection/, (m) => ({ message: `Trường ${q(m[1])} không có trường con để chọn` })],
  [/^Field "([^"]+)" of type "[^"]+" must have a selection of subfields/, (m) => ({ message: `Trường ${q(m[1])} cần chọn ít nhất một trường con` })],
  [
    /^Variable "\$([^"]+)" of type "([^"]+)" used in position expecting type "([^"]+)"/,
    (m) => ({ message: `Biến ${q('$' + m[1])} có kiểu ${q(m[2])}, nhưng ở đây cần kiểu ${q(m[3])}` }),
  ],
  [/^Variable "\$([^"]+)" is not defined/, (m) => ({ message: `Biến ${q('$' + m[1])} chưa được khai báo trong thao tác` })],
  [/^Variable "\$([^"]+)" is never used/, (m) => ({ message: `Biến ${q('$' + m[1])} được khai báo nhưng không dùng đến` })],
  [/^Unknown operation named "([^"]+)"/, (m) => ({ message: `Không có thao tác tên ${q(m[1])} trong yêu cầu` })],
  [/^Must provide operation name/, () => ({ message: 'Yêu cầu có nhiều thao tác: hãy cho biết tên thao tác cần chạy (operationName)' })],
  // The API's limits (graphql-armor; graphql-js's token limit) and Apollo's refusals.
  [/Query depth limit of (\d+) exceeded, found (\d+)/, (m) => ({ message: `Truy vấn lồng quá sâu: ${m[2]} cấp, tối đa ${m[1]} cấp` })],
  [/Aliases limit of (\d+) exceeded, found (\d+)/, (m) => ({ message: `Truy vấn có quá nhiều bí danh (alias): ${m[2]}, tối đa ${m[1]}` })],
  [/Directives limit of (\d+) exceeded, found (\d+)/, (m) => ({ message: `Truy vấn có quá nhiều chỉ thị (directive): ${m[2]}, tối đa ${m[1]}` })],
  [
    /Cost limit of (\d+) exceeded, found (\d+)/,
    (m) => ({ message: `Truy vấn quá nặng: chi phí ${m[2]}, tối đa ${m[1]}; hãy chọn ít trường hơn hoặc trang nhỏ hơn` }),
  ],
  [/Document contains more th\w+ (\d+) tokens/, (m) => ({ message: `Truy vấn quá dài: hơn ${m[1]} từ tố (token)` })],
  [/^Syntax Error: (.*)$/s, () => ({ message: 'Truy vấn GraphQL sai cú pháp' })],
  [/introspection is not allowed/i, () => ({ message: 'Máy chủ này không cho phép tra cứu lược đồ (introspection)' })],
  [
    /Cross-Site Request Forgery|CSRF/,
    () => ({ message: 'Yêu cầu bị chặn vì có thể là giả mạo liên trang (CSRF): hãy gửi kèm tiêu đề Content-Type: application/json' }),
  ],
  [/non-empty `query`|Must provide query string/i, () => ({ message: 'Yêu cầu chưa có truy vấn GraphQL (trường “query”)' })],
  [/POST body missing|invalid Content-Type/i, () => ({ message: 'Yêu cầu không có nội dung JSON hợp lệ' })],
  [/`variables`/, () => ({ message: 'Các biến (variables) phải là một đối tượng JSON' })],
  [/`extensions`/, () => ({ message: 'Phần mở rộng (extensions) phải là một đối tượng JSON' })],
  [/batching/i, () => ({ message: 'Máy chủ không nhận nhiều thao tác gộp trong một yêu cầu (batching)' })],
  [/PersistedQuery/i, () => ({ message: 'Máy chủ không hỗ trợ truy vấn lưu sẵn (persisted query)' })],
  [/anonymous operation must be the only/, () => ({ message: 'Một thao tác không tên phải là thao tác duy nhất trong yêu cầu' })],
  [/There can be only one/, () => ({ message: 'Một tên (tham số, trường, biến hoặc thao tác) bị lặp lại trong yêu cầu' })],
  [/^Unknown fragment|^Fragment /, () => ({ message: 'Truy vấn dùng đoạn (fragment) không hợp lệ' })],
  [/ conflict because /, () => ({ message: 'Hai trường cùng tên trong truy vấn chọn những thứ khác nhau: hãy đặt bí danh (alias) khác nhau' })],
];

/**
 * The Vietnamese of a message the API did not write itself; `atField` is the input field or argument
 * at the error's position in the query text, if any. A message already in Vietnamese is kept.
 */
export function vietnameseGraphqlMessage(message: string, atField?: string): VietnameseMessage {
  for (const [re, say] of RULES) {
    const m = re.exec(message);
    if (m) return say(m, atField);
  }
  return { message: isVietnamese(message) ? message : 'Yêu cầu GraphQL không hợp lệ' };
}
