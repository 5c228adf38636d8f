// One entry for every document format: detects the type from the name, the MIME type or the bytes,
// reads it to text (within the file limits, seed/file-limits.ts) and normalises that text (the form stored on the Source and quoted by facts).
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { DocumentError, type DocumentFile, type ReadDocument } from '../types.js';
import { readDocx } from './docx.js';
import { decodeHtml, readHtml } from './html.js';
import { normaliseText, sha256 } from './normalise.js';
import { readPdf } from './pdf.js';
import { DEFAULT_FILE_LIMITS, FileLimitError, type FileLimits } from '../../file-limits.js';
import { DESCRIBED, refuseUnless, type Sniffed } from '../../file-check/sniff.js';
import { checkZip } from '../../file-check/zip-check.js';

type Format = ReadDocument['format'];

const ACCEPTED = 'a PDF, a DOCX document, an HTML page or plain text';
/** What each known extension promises; a file whose bytes break the promise is refused, naming both. */
const PROMISED: [RegExp, Sniffed[], string][] = [
  [/\.pdf$/, ['pdf'], 'PDF'],
  [/\.docx$/, ['zip'], 'DOCX'],
  [/\.(html?|xhtml|txt|text|md)$/, ['html', 'text'], 'text or HTML'],
];

/** The format from the bytes (never from the name alone); a name promising another format is refused. */
function formatOf(file: DocumentFile): Format {
  const name = (file.filename ?? '').toLowerCase();
  if (/\.doc$/.test(name))
    throw new DocumentError('UNSUPPORTED_FORMAT', 'Old .doc files cannot be read: save the document as DOCX.');
  const kind = refuseUnless(file.bytes, file.filename, ['pdf', 'zip', 'html', 'text'], ACCEPTED);
  const promise = PROMISED.find(([ext]) => ext.test(name));
  if (promise && !promise[1].includes(kind))
    throw new FileLimitError(
      'WRONG_FILE_TYPE',
      `${JSON.stringify(file.filename)} is named as ${promise[2]} but is really ${DESCRIBED[kind]}; accepted here: ${ACCEPTED}, each named for what it is.`,
    );
  if (kind === 'pdf') return 'pdf';
  const mime = (file.mimeType ?? '').toLowerCase();
  if (kind === 'zip') {
    if (name.endsWith('.docx') || mime.includes('wordprocessingml') || name === '') return 'docx';
    throw new DocumentError('UNSUPPORTED_FORMAT', `${file.filename} is a zip file but not a DOCX document.`);
  }
  if (kind === 'html' || /\.(html?|xhtml)$/.test(name) || mime.includes('html')) return 'html';
  return 'text';
}

function decodeText(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf[0] === 0xff && buf[1] === 0xfe) return iconv.decode(buf.subarray(2), 'utf-16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return iconv.decode(buf.subarray(2), 'utf-16be');
  const utf8 = buf.toString('utf8');
  if (!utf8.includes('\ufffd')) return utf8;
  const guess = chardet.detect(buf);
  const encoding = guess && /gb|big5|utf-16/i.test(guess) ? guess : 'gb18030';
  return iconv.decode(buf, /^gb(2312|k)$/i.test(encoding) ? 'gb18030' : encoding);
}

export async function readDocument(
  input: { file?: DocumentFile; text?: string },
  limits: FileLimits = DEFAULT_FILE_LIMITS,
): Promise<ReadDocument> {
  const warnings: string[] = [];
  let raw: string;
  let title: string | undefined;
  let format: Format = 'text';
  if (input.file) {
    if (input.file.bytes.length === 0) throw new DocumentError('EMPTY', 'The file is empty.');
    format = formatOf(input.file);
    if (format === 'pdf') {
      const r = await readPdf(input.file.bytes, limits.pdfPages);
      raw = r.text;
      warnings.push(...r.warnings);
    } else if (format === 'docx') {
      // The pre-pass refuses a bomb or an XML entity declaration before mammoth ever sees the archive.
      await checkZip(input.file.bytes, 'docx', limits);
      try {
        const r = await readDocx(input.file.bytes);
        raw = r.text;
      } catch (error) {
        throw new DocumentError('UNREADABLE', `The DOCX could not be read (${(error as Error).message}).`);
      }
    } else if (format === 'html') ({ text: raw, title } = readHtml(decodeHtml(input.file.bytes)));
    else raw = decodeText(input.file.bytes);
  } else if (typeof input.text === 'string') {
    raw = input.text;
    if (/^\s*<(!doctype html|html)\b/i.test(raw)) {
      format = 'html';
      ({ text: raw, title } = readHtml(raw));
    }
  } else {
    throw new DocumentError('EMPTY', 'Give a file or the text of the document.');
  }
  const text = normaliseText(raw);
  if (!text) throw new DocumentError('EMPTY', 'The document holds no text.');
  if (!title) title = text.split('\n', 1)[0]?.slice(0, 200);
  return { text, sha256: sha256(text), format, title, warnings };
}
