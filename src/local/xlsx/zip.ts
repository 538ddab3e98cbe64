// A read-only view of a .zip: the central directory, and one entry at a time inflated as a stream.
// The reader (./read) streams each sheet's XML this way, in the order it needs the parts (the
// metadata sheet first), where a forward-only unzip would have to buffer what comes early. A file is
// read from disk as each entry is streamed, so the compressed bytes (43 MB for the main studio) are
// never all in memory; bytes already in memory are read in place.
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

interface Entry {
  method: number;
  compressedSize: number;
  headerOffset: number;
}

/** Where the archive's bytes are. */
interface Source {
  readonly size: number;
  read(start: number, length: number): Promise<Buffer>;
  chunks(start: number, length: number): AsyncIterable<Buffer>;
  close(): Promise<void>;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CHUNK = 1 << 20;

function bytesSource(bytes: Buffer): Source {
  return {
    size: bytes.length,
    read: (start, length) => Promise.resolve(bytes.subarray(start, start + length)),
    chunks: async function* (start, length) {
      yield bytes.subarray(start, start + length);
    },
    close: () => Promise.resolve(),
  };
}

async function readAt(handle: FileHandle, start: number, length: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buf, done, length - done, start + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buf : buf.subarray(0, done);
}

function fileSource(handle: FileHandle, size: number): Source {
  return {
    size,
    read: (start, length) => readAt(handle, start, Math.max(0, Math.min(length, size - start))),
    chunks: async function* (start, length) {
      const end = Math.min(size, start + length);
      for (let p = start; p < end; p += CHUNK) yield await readAt(handle, p, Math.min(CHUNK, end - p));
    },
    close: () => handle.close(),
  };
}

export class Zip {
  private constructor(
    private readonly source: Source,
    private readonly entries: Map<string, Entry>,
  ) {}

  /** A zip held in memory. */
  static fromBytes(bytes: Buffer): Promise<Zip> {
    return Zip.over(bytesSource(bytes));
  }

  /** A zip file, read as its entries are opened: close() it when done. */
  static async openFile(path: string): Promise<Zip> {
    const handle = await open(path, 'r');
    try {
      return await Zip.over(fileSource(handle, (await handle.stat()).size));
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  private static async over(source: Source): Promise<Zip> {
    // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
    const tailStart = Math.max(0, source.size - 22 - 0xffff);
    const tail = await source.read(tailStart, source.size - tailStart);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error('not a zip file (no central directory)');
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) throw new Error('ZIP64 archives are not supported');
    const b = await source.read(dirOffset, dirSize);
    const entries = new Map<string, Entry>();
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL) throw new Error('damaged zip directory');
      const nameLength = b.readUInt16LE(p + 28);
      const name = b.toString('utf8', p + 46, p + 46 + nameLength);
      entries.set(name.replace(/^\/+/, ''), {
        method: b.readUInt16LE(p + 10),
        compressedSize: b.readUInt32LE(p + 20),
        headerOffset: b.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    }
    return new Zip(source, entries);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's uncompressed bytes, as a stream of chunks (a missing entry throws). */
  open(name: string): Readable {
    const e = this.entries.get(name);
    if (!e) throw new Error(`the workbook has no ${name}`);
    if (e.method !== 0 && e.method !== 8) {
      throw new Error(`zip entry ${name} uses an unsupported compression (${e.method})`);
    }
    const raw = Readable.from(this.data(name, e), { objectMode: false });
    if (e.method === 0) return raw;
    const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
    // pipeline, not pipe: a damaged entry fails the stream its reader is reading
    pipeline(raw, inflate, () => undefined);
    return inflate;
  }

  /** Closes the file (nothing to do for bytes in memory). */
  close(): Promise<void> {
    return this.source.close();
  }

  private async *data(name: string, e: Entry): AsyncGenerator<Buffer> {
    const h = await this.source.read(e.headerOffset, 30);
    if (h.length < 30 || h.readUInt32LE(0) !== LOCAL) throw new Error(`damaged zip entry ${name}`);
    const start = e.headerOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
    yield* this.source.chunks(start, e.compressedSize);
  }
}
