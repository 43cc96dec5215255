import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// DOCX → PDF with LibreOffice headless (docs/architecture.md#official-documents). One soffice at a time per
// process, on a profile of its own: two sofficees sharing a profile refuse to start, and a warm profile
// starts in about a second instead of several.
const TIMEOUT_MS = 180_000;
let queue: Promise<unknown> = Promise.resolve();
let profile: string | null = null;

export function sofficePath(): string {
  return process.env.SOFFICE_PATH || 'soffice';
}

export function convertDocxToPdf(docx: Buffer): Promise<Buffer> {
  const next = queue.then(() => convert(docx));
  queue = next.catch(() => undefined);
  return next;
}

async function convert(docx: Buffer): Promise<Buffer> {
  profile ??= await mkdtemp(join(tmpdir(), 'cdcs-soffice-profile-'));
  const dir = await mkdtemp(join(tmpdir(), 'cdcs-document-'));
  try {
    const input = join(dir, 'document.docx');
    await writeFile(input, docx);
    await new Promise<void>((resolve, reject) => {
      execFile(
        sofficePath(),
        [
          `-env:UserInstallation=${pathToFileURL(profile!).href}`,
          '--headless',
          '--norestore',
          '--nolockcheck',
          '--convert-to',
          'pdf:writer_pdf_Export',
          '--outdir',
          dir,
          input,
        ],
        { timeout: TIMEOUT_MS, killSignal: 'SIGKILL', env: { ...process.env, HOME: profile! } },
        (err, _stdout, stderr) => (err ? reject(new Error(`soffice failed: ${err.message} ${String(stderr).slice(0, 500)}`)) : resolve()),
      );
    });
    return await readFile(join(dir, 'document.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
