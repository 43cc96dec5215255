import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// DOCX → PDF with LibreOffice headless (docs/architecture.md#official-documents). One soffice at a time per
// process, on a profile of its own: two sofficees sharing a profile refuse to start, and a warm profile
// starts in about a second instead of several. Conversions asked for while one runs wait and then go together in
// one soffice run (at most MAX_BATCH files): starting soffice costs more than converting a page or two, so a burst of
// documents (the worker builds several at once) is converted in a fraction of the time one run each would take.
const TIMEOUT_MS = 180_000;
const MAX_BATCH = 16;
let profile: string | null = null;

interface Waiting {
  docx: Buffer;
  resolve: (pdf: Buffer) => void;
  reject: (e: Error) => void;
}
const waiting: Waiting[] = [];
let running = false;

export function sofficePath(): string {
  return process.env.SOFFICE_PATH || 'soffice';
}

export function convertDocxToPdf(docx: Buffer): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    waiting.push({ docx, resolve, reject });
    void drain();
  });
}

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    // Conversions asked for in the same turn of the event loop go in the first run together.
    await new Promise((resolve) => setImmediate(resolve));
    while (waiting.length) await convertBatch(waiting.splice(0, MAX_BATCH));
  } finally {
    running = false;
  }
}

/** One soffice run for the batch; each file answers its own PDF, or the run's failure, or "no PDF" when soffice skipped it. */
async function convertBatch(batch: Waiting[]): Promise<void> {
  let dir: string | null = null;
  try {
    profile ??= await mkdtemp(join(tmpdir(), 'cdcs-soffice-profile-'));
    dir = await mkdtemp(join(tmpdir(), 'cdcs-document-'));
    const inputs = batch.map((_, i) => join(dir!, `document-${i}.docx`));
    await Promise.all(batch.map((b, i) => writeFile(inputs[i], b.docx)));
    await runSoffice(dir, inputs);
    for (const [i, b] of batch.entries()) {
      await readFile(join(dir, `document-${i}.pdf`)).then(b.resolve, () => b.reject(new Error('soffice produced no PDF for the document')));
    }
  } catch (e) {
    for (const b of batch) b.reject(e as Error);
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

function runSoffice(outdir: string, inputs: string[]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
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
        outdir,
        ...inputs,
      ],
      { timeout: TIMEOUT_MS, killSignal: 'SIGKILL', env: { ...process.env, HOME: profile! } },
      (err, _stdout, stderr) => (err ? reject(new Error(`soffice failed: ${err.message} ${String(stderr).slice(0, 500)}`)) : resolve()),
    );
  });
}
