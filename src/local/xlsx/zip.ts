// A read-only view of a .zip held in memory: the central directory, and one entry at a time inflated
// as a stream. The reader (./read) streams each sheet's XML this way, in the order it needs the parts
// (the metadata sheet first), where a forward-only unzip would have to buffer what comes early.
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

interface Entry {
  method: number;
  compressedSize: number;
  headerOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class Zip {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly bytes: Buffer) {
    const b = bytes;
    // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
      if (b.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error('not a zip file (no central directory)');
    const count = b.readUInt16LE(eocd + 10);
    let p = b.readUInt32LE(eocd + 16);
    if (count === 0xffff || p === 0xffffffff) throw new Error('ZIP64 archives are not supported');
    for (let n = 0; n < count; n++) {
      if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL) throw new Error('damaged zip directory');
      const nameLength = b.readUInt16LE(p + 28);
      const name = b.toString('utf8', p + 46, p + 46 + nameLength);
      this.entries.set(name.replace(/^\/+/, ''), {
        method: b.readUInt16LE(p + 10),
        compressedSize: b.readUInt32LE(p + 20),
        headerOffset: b.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's uncompressed bytes, as a stream of chunks (a missing entry throws). */
  open(name: string): Readable {
    const e = this.entries.get(name);
    if (!e) throw new Error(`the workbook has no ${name}`);
    const b = this.bytes;
    const h = e.headerOffset;
    if (b.readUInt32LE(h) !== LOCAL) throw new Error(`damaged zip entry ${name}`);
    const start = h + 30 + b.readUInt16LE(h + 26) + b.readUInt16LE(h + 28);
    const data = b.subarray(start, start + e.compressedSize);
    const source = Readable.from([data], { objectMode: false });
    if (e.method === 0) return source;
    if (e.method !== 8) throw new Error(`zip entry ${name} uses an unsupported compression (${e.method})`);
    return source.pipe(createInflateRaw({ chunkSize: 256 * 1024 }));
  }
}
