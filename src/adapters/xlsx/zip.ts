import { inflateRawSync } from 'zlib';

/** A file we cannot read, with the sentence a finance officer should see. */
export class UnreadableFile extends Error {
  /** Which limit was hit, when one was: the CLI says how to raise it. */
  constructor(
    message: string,
    readonly limit: 'size' | 'unzipped' | null = null,
  ) {
    super(message);
  }
}

export const CORRUPT = '文件已损坏或不是有效的 .xlsx 工作簿，Excel 能打开的话请另存一份再试。';

/** One entry of the zip's central directory: what it claims, read before anything is inflated. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** The CRC-32 the directory states (kept when a package is rewritten: customXml.ts). */
  crc: number;
}

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

// Names are decoded whole (never streamed), so one decoder serves every directory. Made on first
// use: loading this module has no side effect (the pane's jsdom tests load it without TextDecoder).
let nameDecoder: InstanceType<typeof TextDecoder> | undefined;

/**
 * The central directory of a zip (ZIP64 included). Throws an UnreadableFile when there is none,
 * so a truncated or non-zip file gets the "damaged" sentence.
 */
export function readDirectory(buf: Uint8Array): Map<string, ZipEntry> {
  // The end-of-central-directory record is in the last 22 + 65535 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 0x05 && buf[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new UnreadableFile(CORRUPT);
  let count = u16(buf, eocd + 10);
  let dirOffset = u32(buf, eocd + 16);
  if (
    (count === 0xffff || dirOffset === 0xffffffff) &&
    eocd >= 20 &&
    u32(buf, eocd - 20) === 0x07064b50
  ) {
    const z64 = u64(buf, eocd - 12);
    if (z64 + 56 > buf.length || u32(buf, z64) !== 0x06064b50) throw new UnreadableFile(CORRUPT);
    count = u64(buf, z64 + 32);
    dirOffset = u64(buf, z64 + 48);
  }
  const entries = new Map<string, ZipEntry>();
  const decoder = (nameDecoder ??= new TextDecoder());
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || u32(buf, p) !== 0x02014b50) throw new UnreadableFile(CORRUPT);
    const flags = u16(buf, p + 8);
    const method = u16(buf, p + 10);
    const crc = u32(buf, p + 16);
    let compressedSize = u32(buf, p + 20);
    let size = u32(buf, p + 24);
    const nameLength = u16(buf, p + 28);
    const extraLength = u16(buf, p + 30);
    const commentLength = u16(buf, p + 32);
    let localOffset = u32(buf, p + 42);
    if (p + 46 + nameLength + extraLength > buf.length) throw new UnreadableFile(CORRUPT);
    let name = decoder.decode(buf.subarray(p + 46, p + 46 + nameLength));
    if (name.startsWith('/')) name = name.slice(1);
    // ZIP64 extra field: the sizes and offset that did not fit, in this order.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength;) {
      const id = u16(buf, e);
      const len = u16(buf, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(buf, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(buf, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(buf, q);
      }
      e += 4 + len;
    }
    entries.set(name, { name, method, flags, compressedSize, size, localOffset, crc });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's compressed bytes start, from its local header. */
export function dataOf(buf: Uint8Array, e: ZipEntry): Uint8Array {
  const p = e.localOffset;
  if (p + 30 > buf.length || u32(buf, p) !== 0x04034b50) throw new UnreadableFile(CORRUPT);
  const start = p + 30 + u16(buf, p + 26) + u16(buf, p + 28);
  if (start + e.compressedSize > buf.length) throw new UnreadableFile(CORRUPT);
  return buf.subarray(start, start + e.compressedSize);
}

/** Counts inflated bytes across a workbook's parts against one budget, whatever the headers claim. */
export class Budget {
  used = 0;
  constructor(
    readonly limit: number,
    readonly sentence: () => string,
  ) {}
  spend(n: number): void {
    this.used += n;
    if (this.used > this.limit) throw new UnreadableFile(this.sentence(), 'unzipped');
  }
}

// One decoder for every part (making one per part was a measurable cost); a part whose reading
// threw may have left it mid-stream, so each use starts with a flush that drops that state.
let sharedDecoder: InstanceType<typeof TextDecoder> | undefined;
let decoderBusy = false;

/**
 * Inflates one entry and hands it on in chunks of text (UTF-8 decoded), so the XML parser never
 * holds the part as one string. The budget stops a zip bomb whose header lies.
 */
export function streamEntry(
  buf: Uint8Array,
  e: ZipEntry,
  budget: Budget,
  onText: (text: string) => void,
): void {
  if (e.flags & 1)
    throw new UnreadableFile('文件已加密（设有打开密码），请取消密码并另存为 .xlsx 后再校验。');
  const data = dataOf(buf, e);
  const shared = !decoderBusy;
  const decoder = shared ? (sharedDecoder ??= new TextDecoder('utf-8')) : new TextDecoder('utf-8');
  if (shared) {
    decoder.decode();
    decoderBusy = true;
  }
  try {
    inflateAndDecode(data, e, budget, decoder, onText);
  } finally {
    if (shared) decoderBusy = false;
  }
}

/**
 * An entry's bytes, inflated with Node's own inflate capped at what is left of the budget: a
 * header that lies cannot make it inflate more. (The caller spends what it got.)
 */
function inflateWithin(data: Uint8Array, e: ZipEntry, budget: Budget): Uint8Array {
  if (e.method === 0) return data;
  if (e.method !== 8) throw new UnreadableFile(CORRUPT);
  const room = budget.limit - budget.used;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, room + 1) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
      throw new UnreadableFile(budget.sentence(), 'unzipped');
    throw new UnreadableFile(CORRUPT);
  }
}

/** An entry's text whole (UTF-8 decoded), its inflated bytes spent on the budget. */
export function entryText(buf: Uint8Array, e: ZipEntry, budget: Budget): string {
  if (e.flags & 1)
    throw new UnreadableFile('文件已加密（设有打开密码），请取消密码并另存为 .xlsx 后再校验。');
  const bytes = inflateWithin(dataOf(buf, e), e, budget);
  budget.spend(bytes.length);
  // Not streamed: a decoder holds no state between calls, so one serves every part.
  return (wholeDecoder ??= new TextDecoder('utf-8')).decode(bytes);
}
let wholeDecoder: InstanceType<typeof TextDecoder> | undefined;

function inflateAndDecode(
  data: Uint8Array,
  e: ZipEntry,
  budget: Budget,
  decoder: InstanceType<typeof TextDecoder>,
  onText: (text: string) => void,
): void {
  const emit = (chunk: Uint8Array) => {
    budget.spend(chunk.length);
    const text = decoder.decode(chunk, { stream: true });
    if (text) onText(text);
  };
  const CHUNK = 1 << 16;
  const bytes = inflateWithin(data, e, budget);
  for (let i = 0; i < bytes.length; i += CHUNK) emit(bytes.subarray(i, i + CHUNK));
  const tail = decoder.decode();
  if (tail) onText(tail);
}

/**
 * Every entry of a zip inflated, counted on `budget` as it inflates (whatever the directory
 * claims): the Word path's unzip under the same unzipped-size limit as a workbook's.
 */
export function unzipWithin(
  buf: Uint8Array,
  budget: Budget,
  encrypted = '文件已加密（设有打开密码），请取消密码后再校验。',
): Record<string, Uint8Array> {
  const entries = readDirectory(buf);
  // The declared sizes first: a bomb that states its size is refused before anything inflates.
  let declared = 0;
  for (const e of entries.values()) declared += e.size;
  if (declared > budget.limit) throw new UnreadableFile(budget.sentence(), 'unzipped');
  const out: Record<string, Uint8Array> = {};
  for (const [name, e] of entries) {
    if (name.endsWith('/')) continue;
    if (e.flags & 1) throw new UnreadableFile(encrypted);
    const bytes = inflateWithin(dataOf(buf, e), e, budget);
    budget.spend(bytes.length);
    out[name] = bytes;
  }
  return out;
}
