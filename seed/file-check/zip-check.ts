// Pre-pass over a DOCX or XLSX (a zip) before mammoth or exceljs sees it: the central directory's entry
// count and declared sizes, then every entry inflated as a stream with a byte cap (the ACTUAL size, which
// a bomb lies about), and every XML part scanned for DOCTYPE/ENTITY (external entities, billion laughs).
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { FileLimitError, type FileLimits, fmtBytes } from '../file-limits.js';

export type OfficeKind = 'docx' | 'xlsx';

const MAIN_PART: Record<OfficeKind, string> = { docx: 'word/document.xml', xlsx: 'xl/workbook.xml' };
const LABEL: Record<OfficeKind, string> = { docx: 'DOCX document', xlsx: 'XLSX workbook' };
/** OOXML parts are XML whatever their extension says (.rels, .vml); scan all that are not media. */
const isXmlPart = (name: string) =>
  !/\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|bin|wdp|svg|mp[34]|ttf|odttf|otf)$/i.test(name);
const DECLARATION = /<!\s*(doctype|entity)/i;

export interface ZipSummary {
  entries: number;
  declaredBytes: number;
  actualBytes: number;
}

const openZip = (source: Uint8Array | string): Promise<ZipFile> =>
  new Promise((resolve, reject) => {
    const options = { lazyEntries: true, validateEntrySizes: false, autoClose: false };
    const done = (error: Error | null, zip: ZipFile) => (error ? reject(error) : resolve(zip));
    if (typeof source === 'string') yauzl.open(source, options, done);
    else yauzl.fromBuffer(Buffer.from(source.buffer, source.byteOffset, source.byteLength), options, done);
  });

const entryStream = (zip: ZipFile, entry: Entry): Promise<Readable> =>
  new Promise((resolve, reject) => zip.openReadStream(entry, (e, s) => (e ? reject(e) : resolve(s))));

/** Reads every entry record of the central directory (no inflating). */
function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** Throws FileLimitError unless the archive is a DOCX/XLSX within the limits; never inflates past the cap. */
export async function checkZip(
  source: Uint8Array | string,
  kind: OfficeKind,
  limits: Pick<FileLimits, 'zipEntries' | 'expandedBytes'>,
): Promise<ZipSummary> {
  let zip: ZipFile;
  try {
    zip = await openZip(source);
  } catch (error) {
    throw new FileLimitError(
      'UNREADABLE',
      `This ${LABEL[kind]} is not a readable zip file (${(error as Error).message}).`,
    );
  }
  try {
    if (zip.entryCount > limits.zipEntries)
      throw new FileLimitError(
        'ZIP_TOO_MANY_ENTRIES',
        `This ${LABEL[kind]} holds ${zip.entryCount} files inside; the limit is ${limits.zipEntries} (KG_MAX_ZIP_ENTRIES raises it).`,
      );
    const entries = await listEntries(zip);
    const names = new Set(entries.map((e) => e.fileName));
    if (!names.has(MAIN_PART[kind])) {
      const other =
        kind === 'docx'
          ? names.has(MAIN_PART.xlsx) && 'an XLSX workbook'
          : names.has(MAIN_PART.docx) && 'a DOCX document';
      throw new FileLimitError(
        'WRONG_FILE_TYPE',
        `This file is a zip archive but ${other ? `really ${other}` : `not a ${LABEL[kind]} (no ${MAIN_PART[kind]} inside)`}; accepted here: a ${LABEL[kind]}.`,
      );
    }
    const declaredBytes = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declaredBytes > limits.expandedBytes)
      throw new FileLimitError(
        'ZIP_TOO_LARGE_EXPANDED',
        `This ${LABEL[kind]} would expand to ${fmtBytes(declaredBytes)} (as its zip directory declares); the limit is ${fmtBytes(limits.expandedBytes)} (KG_MAX_EXPANDED_BYTES raises it).`,
      );
    let actualBytes = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      actualBytes += await inflateCapped(zip, entry, limits.expandedBytes - actualBytes, kind, limits.expandedBytes);
    }
    return { entries: entries.length, declaredBytes, actualBytes };
  } finally {
    zip.close();
  }
}

/** Inflates one entry, counting bytes and scanning XML; stops the stream as soon as a limit is passed. */
async function inflateCapped(zip: ZipFile, entry: Entry, room: number, kind: OfficeKind, max: number): Promise<number> {
  let stream: Readable;
  try {
    stream = await entryStream(zip, entry);
  } catch (error) {
    throw new FileLimitError(
      'UNREADABLE',
      `${entry.fileName} in this ${LABEL[kind]} cannot be read (${(error as Error).message}).`,
    );
  }
  const xml = isXmlPart(entry.fileName);
  let size = 0;
  let tail = '';
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > entry.uncompressedSize || size > room)
        throw new FileLimitError(
          'ZIP_TOO_LARGE_EXPANDED',
          size > entry.uncompressedSize
            ? `${entry.fileName} in this ${LABEL[kind]} inflates to more than the ${fmtBytes(entry.uncompressedSize)} its zip directory declares: refused as a zip bomb (stopped after ${fmtBytes(size)}).`
            : `This ${LABEL[kind]} expands past ${fmtBytes(max)}; the limit is KG_MAX_EXPANDED_BYTES.`,
        );
      if (xml) {
        // NULs dropped so UTF-16 parts are scanned too; the tail catches a declaration cut between chunks.
        const text = tail + chunk.toString('latin1').replace(/\0/g, '');
        if (DECLARATION.test(text))
          throw new FileLimitError(
            'XML_DECLARES_ENTITIES',
            `${entry.fileName} in this ${LABEL[kind]} declares a DOCTYPE or ENTITY (external entities or an entity expansion bomb); Office never writes one, so the file is refused.`,
          );
        tail = text.slice(-16);
      }
    }
  } catch (error) {
    if (error instanceof FileLimitError) throw error;
    throw new FileLimitError(
      'UNREADABLE',
      `${entry.fileName} in this ${LABEL[kind]} cannot be inflated (${(error as Error).message}).`,
    );
  } finally {
    stream.destroy();
  }
  return size;
}
