/**
 * The GraphQL client: POST /graphql with the bearer token kept in sessionStorage.
 * Errors come back as ApiError carrying the contract's `extensions` (code, unmet, fields, reasons).
 */

const TOKEN_KEY = 'cdcs.token';

export function getToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // private mode without storage: the session lasts as long as the page
  }
}

export interface ErrorExtensions {
  code?: string;
  unmet?: string[];
  fields?: string[];
  messages?: Record<string, string>;
  reasons?: string[];
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly extensions: ErrorExtensions = {},
    readonly all: { message: string; extensions?: ErrorExtensions }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();
const passwordChangeListeners = new Set<Listener>();

/** Called when a request with a token answers UNAUTHENTICATED (expired or revoked session). */
export function onUnauthenticated(l: Listener): () => void {
  unauthenticatedListeners.add(l);
  return () => unauthenticatedListeners.delete(l);
}

/** `extensions.reason` of the refusal while a temporary password has not been changed yet. */
export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED';

/** Called when the API refuses a request until the caller changes its temporary password. */
export function onPasswordChangeRequired(l: Listener): () => void {
  passwordChangeListeners.add(l);
  return () => passwordChangeListeners.delete(l);
}

/** Tells the listeners about the refusals the whole app handles (expired session, password change required). */
function signal(code: string, reason: unknown, hadToken: boolean): void {
  if (code === 'UNAUTHENTICATED' && hadToken) unauthenticatedListeners.forEach((l) => l());
  if (code === 'FORBIDDEN' && reason === PASSWORD_CHANGE_REQUIRED) passwordChangeListeners.forEach((l) => l());
}

/**
 * A GraphQL document carrying the types codegen gave its result and its variables (queries.ts);
 * the property never exists at run time, it only lets `gql` type what it sends and returns.
 */
export type Operation<TResult, TVariables> = string & { readonly __types?: [TResult, TVariables] };

/**
 * Variables as the forms send them: a field of an input object may go as null even where the
 * contract requires it, so that the API names the empty field (BAD_USER_INPUT) for the form.
 */
export type Sent<V> = { [K in keyof V]: V[K] extends readonly unknown[] ? V[K] : V[K] extends object ? Nullable<V[K]> : V[K] };
export type Nullable<T> = { [K in keyof T]: T[K] | null };

/** Variables may be left out when the operation has no required ones. */
// `{} extends V`: V has no required key.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type VariablesArg<V> = {} extends V ? [variables?: NoInfer<Sent<V>>] : [variables: NoInfer<Sent<V>>];

export async function gql<R, V>(query: Operation<R, V>, ...[variables = {} as Sent<V>]: VariablesArg<V>): Promise<R> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('network', 'NETWORK');
  }
  let body: { data?: R; errors?: { message: string; extensions?: ErrorExtensions }[] };
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`HTTP ${res.status}`, res.status === 429 || res.status === 503 ? CODE_OF_STATUS[res.status] : 'INTERNAL_SERVER_ERROR');
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    const code = (first.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
    signal(code, first.extensions?.reason, !!token);
    throw new ApiError(first.message, code, first.extensions ?? {}, body.errors);
  }
  if (!body.data) throw new ApiError(`HTTP ${res.status}`, 'INTERNAL_SERVER_ERROR');
  return body.data;
}

/** Whether an error means the server does not know an operation or field yet (schema without it). */
export function isMissingFromSchema(e: unknown): boolean {
  return (
    e instanceof ApiError &&
    (e.code === 'GRAPHQL_VALIDATION_FAILED' || e.code === 'BAD_REQUEST') &&
    // The server's Vietnamese words (apps/api/src/graphql/graphql-messages-vi.ts), or graphql-js's English from an older server.
    /Cannot query field|Unknown type|Unknown argument|không có trường|Không có kiểu|không có tham số/.test(e.all.map((x) => x.message).join(' ') || e.message)
  );
}

/** The answer, or 'missing' when the server does not know the operation yet (see isMissingFromSchema). */
export async function unlessMissing<T>(answer: Promise<T>): Promise<T | 'missing'> {
  try {
    return await answer;
  } catch (e) {
    if (isMissingFromSchema(e)) return 'missing';
    throw e;
  }
}

const CODE_OF_STATUS: Readonly<Record<number, string>> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * A REST answer that is not 2xx as an ApiError: the body's `code` and `message` (Vietnamese, from
 * the API) when it is JSON, else the status's code; `extensions` keep the body (say, `errors`) and the status.
 */
async function restError(res: Response, hadToken: boolean): Promise<ApiError> {
  let body: { code?: unknown; message?: unknown; reason?: unknown; extensions?: ErrorExtensions; [k: string]: unknown } = {};
  try {
    body = await res.json();
  } catch {
    // not JSON: the status says it
  }
  const code = typeof body.code === 'string' ? body.code : (CODE_OF_STATUS[res.status] ?? 'INTERNAL_SERVER_ERROR');
  const reason = body.reason ?? body.extensions?.reason;
  signal(code, reason, hadToken);
  const message = typeof body.message === 'string' ? body.message : `HTTP ${res.status}`;
  return new ApiError(message, code, { ...body.extensions, ...body, code, reason, status: res.status });
}

/** Sends a form (multipart, e.g. a file) with the bearer token and answers the JSON body. */
export async function postForm<T>(url: string, form: FormData): Promise<T> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body: form, headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  } catch {
    throw new ApiError('network', 'NETWORK');
  }
  if (!res.ok) throw await restError(res, !!token);
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError(`HTTP ${res.status}`, 'INTERNAL_SERVER_ERROR');
  }
}

/** Downloads a file that needs the bearer token: fetch it (GET, or POST of `form`), then save the blob under a name. */
export async function downloadWithToken(url: string, fallbackName: string, form?: FormData): Promise<string> {
  const token = getToken();
  let res: Response;
  try {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    res = await fetch(url, form ? { method: 'POST', body: form, headers } : { headers });
  } catch {
    throw new ApiError('network', 'NETWORK');
  }
  if (!res.ok) throw await restError(res, !!token);
  const blob = await res.blob();
  const name = fileNameFrom(res.headers.get('content-disposition')) ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}

function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : null;
}
