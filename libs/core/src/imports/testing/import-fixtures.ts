import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { Workbook } from 'exceljs';
import * as iconv from 'iconv-lite';
import { taxCodeCheckDigit } from '@app/domain';

/** Test fixtures for the import specs, built in memory: workbooks, CSV bytes in several encodings, raw zips. */

/** A valid tax code from 9 digits, by the check-digit formula (throws for prefixes whose check digit would be 10). */
export function taxCode(first9: string): string {
  const d = taxCodeCheckDigit(first9);
  if (d === null) throw new Error(`no valid tax code starts with ${first9}`);
  return `${first9}${d}`;
}

/** Distinct valid tax codes, the n-th from 9 digits counting up from 010010100 (prefixes that cannot be issued skipped). */
export function taxCodes(count: number): string[] {
  const out: string[] = [];
  for (let n = 10_010_100; out.length < count; n++) {
    const first9 = String(n).padStart(9, '0');
    if (taxCodeCheckDigit(first9) !== null) out.push(taxCode(first9));
  }
  return out;
}

export async function xlsxOf(build: (wb: Workbook) => void): Promise<Buffer> {
  const wb = new Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One visible sheet with these rows from A1. */
export function sheetXlsx(rows: unknown[][], name = 'Danh sách'): Promise<Buffer> {
  return xlsxOf((wb) => {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  });
}

const SHAPE_MARKS = new Set(['\u0302', '\u0306', '\u031b']); // circumflex, breve, horn

/**
 * Text as Excel's "CSV" on a Vietnamese Windows saves it: Windows-1258 has â ê ô ă ơ ư đ precomposed but
 * tone marks only as combining characters, so 'ệ' is 'ê' + combining dot below.
 */
export function windows1258(text: string): Buffer {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const parts = [...ch.normalize('NFD')];
    const base = parts
      .filter((p) => !/\p{M}/u.test(p) || SHAPE_MARKS.has(p))
      .join('')
      .normalize('NFC');
    const tones = parts.filter((p) => /\p{M}/u.test(p) && !SHAPE_MARKS.has(p)).join('');
    out += base + tones;
  }
  const bytes = iconv.encode(out, 'windows1258');
  if (iconv.decode(bytes, 'windows1258').normalize('NFC') !== text.normalize('NFC')) {
    throw new Error('text not representable in Windows-1258');
  }
  return bytes;
}

/** Bytes as a stream in small chunks, the way an upload arrives. */
export function streamOf(buf: Buffer, chunkSize = 64 * 1024): Readable {
  function* chunks(): Generator<Buffer> {
    for (let i = 0; i < buf.length; i += chunkSize) yield buf.subarray(i, i + chunkSize);
  }
  return Readable.from(chunks());
}

export interface ZipEntrySpec {
  name: string;
  /** The content, or that many zero bytes (deflated as a stream, never held in memory). */
  data: Buffer | { zeros: number };
  /** Sizes written in the headers; the real ones by default (a zip bomb lies here). */
  declaredSize?: number;
  encrypted?: boolean;
  /** Present in the file but not in the central directory (for readers that walk local headers). */
  hidden?: boolean;
}

async function deflate(data: Buffer | { zeros: number }): Promise<{ compressed: Buffer; size: number; crc: number }> {
  if (Buffer.isBuffer(data)) return { compressed: zlib.deflateRawSync(data), size: data.length, crc: zlib.crc32(data) };
  const chunk = Buffer.alloc(1 << 20);
  let crc = 0;
  let left = data.zeros;
  const d = zlib.createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  d.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise<void>((resolve, reject) => d.on('end', resolve).on('error', reject));
  while (left > 0) {
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = zlib.crc32(part, crc);
    left -= part.length;
    if (!d.write(part)) await new Promise((r) => d.once('drain', r));
  }
  d.end();
  await done;
  return { compressed: Buffer.concat(parts), size: data.zeros, crc };
}

/** A minimal zip (deflate, no data descriptors) written byte by byte, so tests can make it lie. */
export async function zipOf(entries: ZipEntrySpec[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  let listed = 0;
  for (const e of entries) {
    const { compressed, size, crc } = await deflate(e.data);
    const name = Buffer.from(e.name, 'utf8');
    const declared = e.declaredSize ?? size;
    const flags = 0x800 | (e.encrypted ? 1 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    if (!e.hidden) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(flags, 8);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(crc, 16);
      central.writeUInt32LE(compressed.length, 20);
      central.writeUInt32LE(declared, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(offset, 42);
      centrals.push(central, name);
      listed++;
    }
    offset += 30 + name.length + compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(listed, 8);
  eocd.writeUInt16LE(listed, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** The parts a zip needs to pass for an XLSX at first sight. */
export const XLSX_MARKER_ENTRIES: ZipEntrySpec[] = [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets/></workbook>') },
];
