// PDF → text through pdfjs-dist (legacy build, for Node). Encrypted and image-only PDFs are refused with a
// message that says what to do, because no text can be read from them here (no OCR); a PDF past
// KG_MAX_PDF_PAGES is refused before any page is read.
import { FileLimitError } from '../../file-limits.js';
import { DocumentError } from '../types.js';

export async function readPdf(bytes: Uint8Array, maxPages = 2000): Promise<{ text: string; warnings: string[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false })
      .promise;
  } catch (error) {
    if ((error as { name?: string }).name === 'PasswordException') {
      throw new DocumentError(
        'ENCRYPTED_PDF',
        'This PDF is encrypted (password-protected): save an unprotected copy, or paste its text.',
      );
    }
    throw new DocumentError('UNREADABLE', `This file is not a readable PDF (${(error as Error).message}).`);
  }
  const warnings: string[] = [];
  if (doc.numPages > maxPages) {
    await doc.destroy();
    throw new FileLimitError(
      'PDF_TOO_MANY_PAGES',
      `This PDF has ${doc.numPages} pages; the limit is ${maxPages} (KG_MAX_PDF_PAGES raises it).`,
    );
  }
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    let content: Awaited<ReturnType<Awaited<ReturnType<typeof doc.getPage>>['getTextContent']>>;
    try {
      content = await (await doc.getPage(n)).getTextContent();
    } catch (error) {
      await doc.destroy();
      // A broken or self-referencing page tree: pdfjs stops on the loop, the reader says so.
      throw new DocumentError('UNREADABLE', `Page ${n} of this PDF cannot be read (${(error as Error).message}).`);
    }
    let line = '';
    const lines: string[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      line += item.str;
      if (item.hasEOL) {
        lines.push(line);
        line = '';
      }
    }
    if (line) lines.push(line);
    pages.push(lines.join('\n'));
  }
  await doc.destroy();
  const text = pages.join('\n');
  if (!text.replace(/\s/g, '')) {
    throw new DocumentError(
      'IMAGE_ONLY_PDF',
      'This PDF holds only images (a scan): no text can be read from it. Paste the text or upload a text PDF, DOCX or HTML.',
    );
  }
  return { text, warnings };
}
