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

/** Called when a request with a token answers UNAUTHENTICATED (expired or revoked session). */
export function onUnauthenticated(l: Listener): () => void {
  unauthenticatedListeners.add(l);
  return () => unauthenticatedListeners.delete(l);
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
    throw new ApiError(`HTTP ${res.status}`, res.status === 429 ? 'TOO_MANY_REQUESTS' : 'INTERNAL_SERVER_ERROR');
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    const code = (first.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
    if (code === 'UNAUTHENTICATED' && token) unauthenticatedListeners.forEach((l) => l());
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
    /Cannot query field|Unknown type|Unknown argument/.test(e.all.map((x) => x.message).join(' ') || e.message)
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

/** Downloads a file that needs the bearer token: fetch it, then save the blob under a name. */
export async function downloadWithToken(url: string, fallbackName: string): Promise<string> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError('network', 'NETWORK');
  }
  if (res.status === 401) throw new ApiError('unauthenticated', 'UNAUTHENTICATED');
  if (res.status === 403) throw new ApiError('forbidden', 'FORBIDDEN');
  if (res.status === 404) throw new ApiError('not found', 'NOT_FOUND');
  if (!res.ok) throw new ApiError(`HTTP ${res.status}`, 'INTERNAL_SERVER_ERROR');
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
