// Turns an uploaded spreadsheet's bytes into text without asking for the encoding: UTF-8 (with or
// without BOM) when the bytes are valid UTF-8, UTF-16 when a BOM says so, otherwise GB18030 (a
// superset of GBK/GB2312, what Chinese Excel saves "CSV" as), or Big5 when chardet is sure of it.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type DetectedEncoding = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030' | 'Big5';

export interface DecodedText {
  text: string;
  encoding: DetectedEncoding;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeSpreadsheet(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 with BOM' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'UTF-16BE' };
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: a legacy Chinese code page.
  }
  const best = chardet.analyse(bytes)[0];
  if (best?.name === 'Big5' && best.confidence >= 90)
    return { text: iconv.decode(Buffer.from(bytes), 'big5'), encoding: 'Big5' };
  return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'GB18030' };
}
