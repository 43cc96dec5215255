import type { AppConfig } from '@app/config';
import { Actor, AuthService, Role } from '@app/core';

/** The httpOnly cookie POST /admin/session sets: the admin's bearer token, sent only to /admin paths. */
export const ADMIN_COOKIE = 'cdcs_admin';
export const ADMIN_COOKIE_PATH = '/admin';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface HttpRequestLike {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

function header(req: HttpRequestLike, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function cookieValue(req: HttpRequestLike, name: string): string | undefined {
  for (const part of (header(req, 'cookie') ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** A state-changing request carried by a cookie must come from our own pages (CSRF). */
function sameOrigin(req: HttpRequestLike): boolean {
  const site = header(req, 'sec-fetch-site');
  if (site && site !== 'same-origin') return false;
  const origin = header(req, 'origin');
  if (origin) {
    try {
      return new URL(origin).host === header(req, 'host');
    } catch {
      return false;
    }
  }
  return site === 'same-origin';
}

export type AdminCheck = { ok: true; actor: Actor } | { ok: false; status: 401 | 403; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; message: string };

/**
 * Who may use the admin pages: an ADMIN, by `Authorization: Bearer <token>` or by the session
 * cookie; with the cookie, a state-changing request must be same-origin.
 */
export async function checkAdmin(auth: AuthService, req: HttpRequestLike): Promise<AdminCheck> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(header(req, 'authorization') ?? '')?.[1];
  const cookie = bearer ? undefined : cookieValue(req, ADMIN_COOKIE);
  const token = bearer ?? cookie;
  if (!token) return { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'A bearer token or an admin session (POST /admin/session) is required' };
  let actor: Actor;
  try {
    actor = await auth.actorFromToken(token);
  } catch {
    return { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại' };
  }
  if (actor.role !== Role.ADMIN) return { ok: false, status: 403, code: 'FORBIDDEN', message: 'Chỉ quản trị viên được dùng trang này' };
  if (actor.mustChangePassword) return { ok: false, status: 403, code: 'FORBIDDEN', message: 'Bạn cần đổi mật khẩu tạm thời trước khi tiếp tục' };
  if (cookie && !SAFE_METHODS.has(req.method.toUpperCase()) && !sameOrigin(req)) {
    return { ok: false, status: 403, code: 'FORBIDDEN', message: 'Từ chối yêu cầu gửi từ trang web khác' };
  }
  return { ok: true, actor };
}

/** The Set-Cookie value of the admin session (or its removal when `token` is null). */
export function adminCookie(token: string | null, config: Pick<AppConfig, 'nodeEnv' | 'jwtTtlSeconds'>): string {
  const attrs = [`Path=${ADMIN_COOKIE_PATH}`, 'HttpOnly', 'SameSite=Strict', ...(config.nodeEnv === 'production' ? ['Secure'] : [])];
  if (token === null) return [`${ADMIN_COOKIE}=`, 'Max-Age=0', ...attrs].join('; ');
  return [`${ADMIN_COOKIE}=${encodeURIComponent(token)}`, `Max-Age=${config.jwtTtlSeconds}`, ...attrs].join('; ');
}
