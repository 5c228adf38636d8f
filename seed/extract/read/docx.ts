// DOCX → text through mammoth. Tracked changes are read as accepted: mammoth keeps inserted runs and
// drops deleted ones, which is what the document says once its changes are accepted.
import mammoth from 'mammoth';

export async function readDocx(bytes: Uint8Array): Promise<{ text: string; warnings: string[] }> {
  const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return { text: result.value, warnings: result.messages.map((m) => m.message) };
}
