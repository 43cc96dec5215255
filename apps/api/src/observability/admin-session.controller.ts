import { Controller, Delete, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Role } from '@app/core';
import { Public, Roles } from '../auth/access.decorators';
import { adminCookie } from './admin-auth';
import { Audited } from '../audit/audit.interceptor';

type Res = { header(name: string, value: string): unknown };

/**
 * POST /admin/session (ADMIN, bearer token): sets the httpOnly, SameSite=Strict cookie that lets a
 * browser open /admin/queues; DELETE /admin/session removes it. The cookie holds the same token,
 * so it expires with it; it is sent only to /admin paths and never authenticates /graphql.
 */
@Audited()
@Controller('admin/session')
export class AdminSessionController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Roles(Role.ADMIN)
  @Post()
  @HttpCode(204)
  open(@Req() req: { headers: Record<string, string | undefined> }, @Res({ passthrough: true }) res: Res): void {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')![1];
    res.header('Set-Cookie', adminCookie(token, this.config));
    res.header('Cache-Control', 'no-store');
  }

  @Public()
  @Delete()
  @HttpCode(204)
  close(@Res({ passthrough: true }) res: Res): void {
    res.header('Set-Cookie', adminCookie(null, this.config));
  }
}
