/**
 * The container of the compiled POS files: a magic line, a JSON header line (whatever the file
 * keeps, and where each section is), zeros up to a multiple of 8 bytes, then named typed arrays,
 * little-endian, each at a multiple of 4 bytes. Loading makes views on the file's bytes: no copy,
 * no parsing but the header.
 */
import { ExtraitError } from '../core/errors.js';

const TYPES = { Int32Array, Uint32Array, Int16Array, Uint16Array, Uint8Array, Float32Array } as const;
type TypeName = keyof typeof TYPES;
export type TypedArray = Int32Array | Uint32Array | Int16Array | Uint16Array | Uint8Array | Float32Array;
export interface TypedArrayType<T extends TypedArray> {
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
  readonly name: string;
}
type Layout = Record<string, [type: TypeName, byteOffset: number, length: number]>;

export function encodeSections(magic: string, header: Record<string, unknown>, sections: Record<string, TypedArray>): Buffer {
  const chunks: Buffer[] = [];
  const layout: Layout = {};
  let offset = 0;
  for (const [name, array] of Object.entries(sections)) {
    const type = (Object.keys(TYPES) as TypeName[]).find((t) => array instanceof TYPES[t])!;
    const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    const pad = (4 - (bytes.length % 4)) % 4;
    layout[name] = [type, offset, array.length];
    chunks.push(bytes, Buffer.alloc(pad));
    offset += bytes.length + pad;
  }
  const head = Buffer.from(magic + JSON.stringify({ ...header, sections: layout }) + '\n', 'utf8');
  return Buffer.concat([head, Buffer.alloc((8 - (head.length % 8)) % 8), ...chunks]);
}

export interface DecodedSections<H> {
  header: H;
  /** The section of that name, checked to be of that type. */
  get<T extends TypedArray>(name: string, type: TypedArrayType<T>): T;
  /** The file's bytes (4-byte aligned), for sections read as text. */
  file: Buffer;
  /** Where the sections start in `file`. */
  start: number;
}

/** Where the sections of a file are: its header, and each section's type, offset from `start` and length. */
export interface SectionLayout<H> {
  header: H;
  start: number;
  sections: Layout;
}

/** Reads the header of a file; `remedy` tells what to run when it is unreadable. */
export function readLayout<H>(file: Buffer, magic: string, source: string, remedy: string): SectionLayout<H> {
  const bad = (why: string) => new ExtraitError('E_MODEL', `${source}: unreadable (${why}); run ${remedy}`);
  if (file.length < magic.length || file.toString('latin1', 0, magic.length) !== magic) throw bad('bad magic');
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw bad('this machine is big-endian');
  const headEnd = file.indexOf(10, magic.length);
  if (headEnd < 0) throw bad('no header');
  let header: H & { sections: Layout };
  try {
    header = JSON.parse(file.toString('utf8', magic.length, headEnd)) as H & { sections: Layout };
  } catch (cause) {
    throw new ExtraitError('E_MODEL', `${source}: unreadable header; run ${remedy}`, { cause });
  }
  const start = headEnd + 1 + ((8 - ((headEnd + 1) % 8)) % 8);
  for (const [name, [type, offset, length]] of Object.entries(header.sections)) {
    if (!(type in TYPES) || start + offset + length * TYPES[type].BYTES_PER_ELEMENT > file.length) throw bad(`section ${name} truncated`);
  }
  return { header, start, sections: header.sections };
}

/** The header and sections of a file, as views on its bytes. */
export function decodeSections<H>(file: Buffer, magic: string, source: string, remedy: string): DecodedSections<H> {
  const { header, start, sections } = readLayout<H>(file, magic, source, remedy);
  // views need their elements aligned: a buffer from a pool may not be
  const data = (file.byteOffset + start) % 4 === 0 ? file : Buffer.from(file);
  return {
    header,
    file: data,
    start,
    get(name, type) {
      const entry = sections[name];
      if (!entry || TYPES[entry[0]] !== (type as unknown)) throw new ExtraitError('E_MODEL', `${source}: no ${type.name} section ${name}; run ${remedy}`);
      return new type(data.buffer as ArrayBuffer, data.byteOffset + start + entry[1], entry[2]);
    },
  };
}
