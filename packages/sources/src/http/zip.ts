/**
 * A small reader for ZIP archives (PKWARE APPNOTE 6.3): the central directory is found from the
 * end-of-central-directory record, and one member is extracted (stored or deflated), its size
 * and CRC-32 checked. Enough for McCants' `classfd.zip`; no ZIP64, no encryption.
 * @module
 */
import { crc32, inflateRawSync } from 'node:zlib';

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

export interface ZipMember {
  readonly name: string;
  readonly data: Uint8Array;
}

/** The names of an archive's members, in directory order; throws RangeError on a damaged archive. */
export function zipMemberNames(zip: Uint8Array): string[] {
  return centralEntries(zip).map((e) => e.name);
}

/** Extracts the first member whose name `matches`; undefined when none does. Throws RangeError when damaged. */
export function readZipMember(zip: Uint8Array, matches: (name: string) => boolean): ZipMember | undefined {
  const entry = centralEntries(zip).find((e) => matches(e.name));
  if (entry === undefined) return undefined;
  const v = view(zip);
  if (v.getUint32(entry.localOffset, true) !== LOCAL_SIG)
    throw new RangeError(`zip: no local header for ${entry.name}`);
  const nameLen = v.getUint16(entry.localOffset + 26, true);
  const extraLen = v.getUint16(entry.localOffset + 28, true);
  const start = entry.localOffset + 30 + nameLen + extraLen;
  const raw = zip.subarray(start, start + entry.compressedSize);
  if (raw.byteLength !== entry.compressedSize) throw new RangeError(`zip: ${entry.name} is truncated`);
  let data: Uint8Array;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) {
    try {
      data = new Uint8Array(inflateRawSync(raw));
    } catch (e) {
      throw new RangeError(`zip: ${entry.name} does not inflate (${e instanceof Error ? e.message : String(e)})`);
    }
  } else throw new RangeError(`zip: ${entry.name} uses compression method ${String(entry.method)}`);
  if (data.byteLength !== entry.size) throw new RangeError(`zip: ${entry.name} has the wrong size`);
  if (crc32(data) !== entry.crc) throw new RangeError(`zip: ${entry.name} fails its CRC-32`);
  return { name: entry.name, data };
}

interface CentralEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

function centralEntries(zip: Uint8Array): CentralEntry[] {
  const v = view(zip);
  // the EOCD record is 22 bytes plus a comment of at most 65,535 bytes
  let eocd = -1;
  for (let i = zip.byteLength - 22; i >= Math.max(0, zip.byteLength - 22 - 65_535); i--) {
    if (v.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new RangeError('zip: no end-of-central-directory record (not a ZIP archive)');
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  const out: CentralEntry[] = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > zip.byteLength || v.getUint32(p, true) !== CENTRAL_SIG)
      throw new RangeError('zip: damaged central directory');
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    out.push({
      method: v.getUint16(p + 10, true),
      crc: v.getUint32(p + 16, true),
      compressedSize: v.getUint32(p + 20, true),
      size: v.getUint32(p + 24, true),
      localOffset: v.getUint32(p + 42, true),
      name: decoder.decode(zip.subarray(p + 46, p + 46 + nameLen)),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
