// What a file really is, from its first bytes, whatever its name says: a short signature table (not a
// library: file-type inflates zip parts to tell DOCX from XLSX, the very work a zip bomb abuses; the zip
// pre-pass in zip-check.ts tells them apart from the central directory instead).
import { FileLimitError } from '../file-limits.js';

export type Sniffed =
  | 'pdf'
  | 'zip'
  | 'html'
  | 'text'
  | 'exe'
  | 'elf'
  | 'ole2'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'gzip'
  | 'rar'
  | '7z'
  | 'binary';

export const DESCRIBED: Record<Sniffed, string> = {
  pdf: 'a PDF document',
  zip: 'a zip archive',
  html: 'an HTML page',
  text: 'plain text',
  exe: 'a Windows program (EXE/DLL)',
  elf: 'a Linux program (ELF)',
  ole2: 'an old Office file (.doc/.xls, OLE2)',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  gzip: 'a gzip archive',
  rar: 'a RAR archive',
  '7z': 'a 7-Zip archive',
  binary: 'binary data of an unknown kind',
};

const SIGNATURES: [Sniffed, number[]][] = [
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['zip', [0x50, 0x4b, 0x05, 0x06]],
  ['exe', [0x4d, 0x5a]],
  ['elf', [0x7f, 0x45, 0x4c, 0x46]],
  ['ole2', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['gzip', [0x1f, 0x8b]],
  ['rar', [0x52, 0x61, 0x72, 0x21]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf]],
];

export function sniff(head: Uint8Array): Sniffed {
  for (const [kind, sig] of SIGNATURES) if (sig.every((byte, i) => head[i] === byte)) return kind;
  const sample = head.subarray(0, 4096);
  // A PDF may start with a few bytes of junk before %PDF (readers allow 1024).
  if (Buffer.from(sample.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  const text = Buffer.from(sample).toString('latin1').toLowerCase();
  if (/^[\s\ufeff\u00ef\u00bb\u00bf]*<(!doctype html|html|head|body|article|!--)/.test(text)) return 'html';
  let controls = 0;
  for (const b of sample) if (b === 0 || (b < 0x09 && b !== 0x1b)) controls++;
  // UTF-16 text has NULs in every other byte: judge it by its byte-order mark.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  return utf16 || controls <= sample.length / 100 ? 'text' : 'binary';
}

/** Refuses a file whose bytes are none of the accepted kinds, saying what it really is. */
export function refuseUnless(
  head: Uint8Array,
  fileName: string | undefined,
  accepted: Sniffed[],
  acceptedLabel: string,
): Sniffed {
  const kind = sniff(head);
  if (accepted.includes(kind)) return kind;
  throw new FileLimitError(
    'WRONG_FILE_TYPE',
    `${fileName ? JSON.stringify(fileName) : 'The file'} is really ${DESCRIBED[kind]}, whatever its name says; accepted here: ${acceptedLabel}.`,
  );
}
