/**
 * What "a Vietnamese message" means to the tests (docs/architecture.md#errors): at least one
 * Vietnamese letter with a diacritic (or the whole message on the allow-list of Vietnamese written
 * without any), and none of the common English words below outside quotes (“…” or "…": the API
 * names and values a message quotes).
 */
const VIETNAMESE_LETTER = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/** Vietnamese messages with no diacritic at all (none so far: add one only with a reason). */
export const PLAIN_VIETNAMESE: ReadonlySet<string> = new Set<string>([]);

export const ENGLISH_WORDS =
  /\b(not|must|found|invalid|expected|cannot|can't|required|should|please|error|unknown|provided|exceeded|allowed|missing|such|the|is|are|of|value|wrong|failed|too many|does|did you mean)\b/i;

/** Why `message` is not Vietnamese, or null when it is. */
export function notVietnamese(message: unknown): string | null {
  if (typeof message !== 'string' || !message.trim()) return `no message (${JSON.stringify(message)})`;
  if (PLAIN_VIETNAMESE.has(message)) return null;
  if (!VIETNAMESE_LETTER.test(message)) return 'no Vietnamese letter';
  const unquoted = message.replace(/“[^”]*”/g, '').replace(/"[^"]*"/g, '');
  const english = ENGLISH_WORDS.exec(unquoted);
  return english ? `English word "${english[0]}"` : null;
}

export interface SeenError {
  code: string;
  message: string;
  fields?: string[];
  messages?: Record<string, string>;
}

/**
 * Problems of one refusal against the contract: its message and every per-field message in
 * Vietnamese; a BAD_USER_INPUT names its fields (an array) with a message for each.
 */
export function refusalProblems(e: SeenError): string[] {
  const out: string[] = [];
  const why = notVietnamese(e.message);
  if (why) out.push(`${e.code} "${e.message}": ${why}`);
  if (e.code === 'INTERNAL_SERVER_ERROR') out.push(`INTERNAL_SERVER_ERROR "${e.message}"`);
  if (e.code === 'BAD_USER_INPUT') {
    if (!Array.isArray(e.fields)) out.push(`BAD_USER_INPUT "${e.message}" without extensions.fields`);
    if (!e.messages || typeof e.messages !== 'object') out.push(`BAD_USER_INPUT "${e.message}" without extensions.messages`);
    for (const f of e.fields ?? []) if (!e.messages?.[f]) out.push(`BAD_USER_INPUT "${e.message}": no message for field ${f}`);
  }
  for (const [f, m] of Object.entries(e.messages ?? {})) {
    const fieldWhy = notVietnamese(m);
    if (fieldWhy) out.push(`${e.code} messages.${f} "${m}": ${fieldWhy}`);
  }
  return out;
}
