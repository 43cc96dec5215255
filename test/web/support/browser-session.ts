import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, Locator, Page, chromium } from 'playwright-core';
import { PASSWORD } from '../../support/test-api';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ROOT } from './web-build';

/** The two widths every screenshot is taken at (NAME-1366.png, NAME-390.png). */
export const WIDE = { width: 1366, height: 800 };
export const PHONE = { width: 390, height: 844 };
export type Viewport = typeof WIDE;

/** The API's expected refusals: their "Failed to load resource: … status of 4xx" console lines are not errors. */
export const REFUSED_STATUSES = [400, 401, 403, 404, 409];

/** Pictures are taken only when asked for (UPDATE_SCREENSHOTS=1); the layout checks of `shot` run every time. */
const UPDATING = process.env.UPDATE_SCREENSHOTS === '1';
let shotsDir: string | undefined;
/** docs/screenshots with UPDATE_SCREENSHOTS=1 (so a test run leaves the committed pictures alone), else a temporary folder. */
export function screenshotsDir(): string {
  if (!shotsDir) {
    shotsDir = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs/screenshots') : mkdtempSync(join(tmpdir(), 'cdcs-shots-'));
    mkdirSync(shotsDir, { recursive: true });
  }
  return shotsDir;
}

export interface SessionOptions {
  /** Console "status of N" lines tolerated (the statuses a suite provokes on purpose). */
  toleratedStatuses?: number[];
  acceptDownloads?: boolean;
  /** Whether login() waits for the signed-in header (`current-user`) before returning. */
  loginWaitsForUser?: boolean;
}

export interface ShotOptions {
  /** The page-level no-horizontal-scroll check at each width (on unless a suite checks its own layout instead). */
  noHorizontalScroll?: boolean;
}

/**
 * One Chromium (Debian's, via playwright-core) with a Vietnamese context and one page on the API at `url`;
 * console errors and page errors are collected in `consoleErrors` for the suites to assert empty.
 */
export class BrowserSession {
  readonly consoleErrors: string[] = [];

  private constructor(
    readonly url: string,
    readonly browser: Browser,
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly loginWaitsForUser: boolean,
  ) {}

  static async open(url: string, options: SessionOptions = {}): Promise<BrowserSession> {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({
      viewport: WIDE,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
    });
    const page = await context.newPage();
    const session = new BrowserSession(url, browser, context, page, options.loginWaitsForUser ?? false);
    const tolerated = new RegExp(`status of (${(options.toleratedStatuses ?? REFUSED_STATUSES).join('|')})`);
    page.on('console', (m) => {
      if (m.type() === 'error' && !tolerated.test(m.text())) session.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => session.consoleErrors.push(String(e)));
    return session;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  async login(email: string, password = PASSWORD): Promise<void> {
    await this.page.goto(`${this.url}/`);
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Mật khẩu').fill(password);
    await this.page.getByRole('button', { name: 'Đăng nhập' }).click();
    if (this.loginWaitsForUser) await this.page.getByTestId('current-user').waitFor();
  }

  async logout(): Promise<void> {
    await this.page.getByRole('button', { name: 'Đăng xuất' }).click();
    await this.page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  }

  /**
   * The page at both widths, saved as NAME-1366.png and NAME-390.png (with UPDATE_SCREENSHOTS=1), with no
   * page-level horizontal scroll at either. `focus`: a locator scrolled into view
   * first, or a step run at each width (it may scroll and assert itself).
   */
  async shot(name: string, focus?: Locator | ((vp: Viewport) => Promise<void>), options: ShotOptions = {}): Promise<void> {
    const page = this.page;
    for (const vp of [WIDE, PHONE]) {
      await page.setViewportSize(vp);
      await page.waitForTimeout(150);
      if (typeof focus === 'function') await focus(vp);
      else if (focus) await focus.first().scrollIntoViewIfNeeded();
      // No page-level horizontal scroll at either width.
      if (options.noHorizontalScroll ?? true) expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      if (UPDATING) await page.screenshot({ path: join(screenshotsDir(), `${name}-${vp.width}.png`), animations: 'disabled' });
    }
    await page.setViewportSize(WIDE);
  }

  /** One screenshot at the current viewport, saved as NAME.png. */
  async shotAsIs(name: string): Promise<void> {
    if (UPDATING) await this.page.screenshot({ path: join(screenshotsDir(), `${name}.png`), animations: 'disabled' });
  }
}
