import { Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import { FileErrorCode, ImportLimits, ImportRefusal, formatMegabytes } from './import-common';

/**
 * Checks a zip before any parser inflates it. exceljs reads zips with a streaming parser that trusts local
 * headers and never checks sizes, so everything it will see is checked here first, from the central
 * directory (yauzl): the declared sizes and their sum, the compression ratio, encryption, and that the
 * entries tile the file with no gaps or overlaps, so no entry can hide from the central directory. Each
 * entry is then inflated once by `verifyEntries`, with yauzl refusing any whose real size differs from
 * the declared one.
 */

const CORRUPT_MESSAGE = 'Tệp XLSX bị hỏng hoặc tải lên chưa trọn vẹn, không đọc được';
/** Below this many uncompressed bytes a high ratio is harmless (tiny, repetitive XML parts). */
const RATIO_FLOOR_BYTES = 10 * 1024 * 1024;
/** Gaps between entries shorter than a local header (30 bytes) cannot hide an entry; data descriptors fit. */
const MAX_GAP_BYTES = 29;
const STORED = 0;
const DEFLATED = 8;

export interface CheckedZip {
  zip: yauzl.ZipFile;
  /** By name; names are unique (a duplicate name is refused). */
  entries: ReadonlyMap<string, yauzl.Entry>;
  totalUncompressedBytes: number;
}

const corrupt = (): ImportRefusal => new ImportRefusal(FileErrorCode.CORRUPT, CORRUPT_MESSAGE);

function openFromBuffer(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err || !zip ? reject(corrupt()) : resolve(zip),
    );
  });
}

function listEntries(zip: yauzl.ZipFile, maxEntries: number): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      if (entries.length > maxEntries) return reject(corrupt());
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(corrupt()));
    zip.readEntry();
  });
}

/** Opens the zip and checks its central directory and local headers; throws ImportRefusal. */
export async function openCheckedZip(buffer: Buffer, limits: ImportLimits): Promise<CheckedZip> {
  const zip = await openFromBuffer(buffer);
  try {
    // Where the central directory starts: yauzl's entry cursor before the first entry is read.
    const cursor: unknown = (zip as unknown as { readEntryCursor: unknown }).readEntryCursor;
    const centralDirectoryOffset = typeof cursor === 'number' ? cursor : null;
    if (zip.entryCount > limits.maxZipEntries) throw corrupt();
    const list = await listEntries(zip, limits.maxZipEntries);
    const entries = new Map<string, yauzl.Entry>();
    let total = 0;
    for (const e of list) {
      if (e.isEncrypted()) {
        throw new ImportRefusal(FileErrorCode.ENCRYPTED, 'Tệp được mã hoá bằng mật khẩu: hãy bỏ mật khẩu rồi tải lên lại');
      }
      if (e.compressionMethod !== STORED && e.compressionMethod !== DEFLATED) throw corrupt();
      if (entries.has(e.fileName)) throw corrupt();
      entries.set(e.fileName, e);
      total += e.uncompressedSize;
    }
    if (total > limits.maxUncompressedBytes) {
      throw new ImportRefusal(
        FileErrorCode.ZIP_BOMB,
        `Tệp XLSX khi giải nén quá lớn (${formatMegabytes(total)}, tối đa ${formatMegabytes(limits.maxUncompressedBytes)}): hãy chia thành nhiều tệp nhỏ hơn`,
      );
    }
    if (total > RATIO_FLOOR_BYTES && total / buffer.length > limits.maxCompressionRatio) {
      throw new ImportRefusal(FileErrorCode.ZIP_BOMB, 'Tệp XLSX có tỉ lệ nén bất thường (có thể là tệp độc hại), không đọc được');
    }
    await checkTiling(zip, list, centralDirectoryOffset);
    return { zip, entries, totalUncompressedBytes: total };
  } catch (e) {
    zip.close();
    throw e;
  }
}

/**
 * Local headers must agree with the central directory, and entries must follow one another from byte 0
 * to the central directory: a streaming reader walks the local headers, so anything between them would
 * be read without having been checked.
 */
async function checkTiling(zip: yauzl.ZipFile, list: yauzl.Entry[], centralDirectoryOffset: number | null): Promise<void> {
  const sorted = [...list].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  let end = 0;
  for (const e of sorted) {
    const gap = e.relativeOffsetOfLocalHeader - end;
    if (gap < 0 || gap > MAX_GAP_BYTES) throw corrupt();
    let header: yauzl.LocalFileHeader;
    try {
      header = await zip.readLocalFileHeaderPromise(e);
    } catch {
      throw corrupt();
    }
    if (!header.fileName.equals(e.fileNameRaw) || header.compressionMethod !== e.compressionMethod) throw corrupt();
    // Bit 3: sizes follow the data in a descriptor and the header's are zero; otherwise they must match
    // (0xFFFFFFFF means the real ones are in a zip64 extra field).
    const usesDescriptor = (header.generalPurposeBitFlag & 0x8) !== 0;
    if (!usesDescriptor && header.compressedSize !== 0xffffffff && header.compressedSize !== e.compressedSize) throw corrupt();
    end = header.fileDataStart + e.compressedSize;
  }
  if (centralDirectoryOffset !== null) {
    const gap = centralDirectoryOffset - end;
    if (gap < 0 || gap > MAX_GAP_BYTES) throw corrupt();
  }
}

/**
 * Inflates every entry once, in central-directory order, passing each chunk to `onChunk`; yauzl fails
 * an entry whose real size differs from the declared one, and the running total is checked too.
 */
export async function verifyEntries(
  checked: CheckedZip,
  limits: ImportLimits,
  onChunk: (entryName: string, chunk: Buffer) => void = () => undefined,
): Promise<void> {
  let total = 0;
  for (const [name, entry] of checked.entries) {
    let stream: Readable;
    try {
      stream = await checked.zip.openReadStreamPromise(entry);
    } catch {
      throw corrupt();
    }
    try {
      for await (const chunk of stream) {
        const buf = chunk as Buffer;
        total += buf.length;
        if (total > limits.maxUncompressedBytes) throw corrupt();
        onChunk(name, buf);
      }
    } catch (e) {
      stream.destroy();
      if (e instanceof ImportRefusal) throw e;
      throw corrupt();
    }
  }
}

/** The text of a small entry (workbook.xml and its relationships), refused past `maxBytes`. */
export async function readEntryText(checked: CheckedZip, name: string, maxBytes: number): Promise<string | null> {
  const entry = checked.entries.get(name);
  if (!entry) return null;
  if (entry.uncompressedSize > maxBytes) throw corrupt();
  const parts: Buffer[] = [];
  let size = 0;
  try {
    const stream = await checked.zip.openReadStreamPromise(entry);
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > maxBytes) {
        stream.destroy();
        throw corrupt();
      }
      parts.push(buf);
    }
  } catch {
    throw corrupt();
  }
  return Buffer.concat(parts).toString('utf8');
}
