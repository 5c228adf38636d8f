// The briefing as DOCX (the maintained `docx` package): A4, margins 37/35/28/26 mm (top/bottom/left/
// right), title in 方正小标宋简体 22 pt, body in 仿宋_GB2312 16 pt with 28 pt lines, headings in 黑体,
// footer page numbers "— 1 —". Word substitutes a face that is not installed (README: fonts).
import {
  AlignmentType,
  convertMillimetersToTwip,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import type { Block, BriefingModel, Sentence } from './model.js';
import { svgToPng } from './picture-png.js';

const FACES = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  subheading: '楷体_GB2312',
  latin: 'Times New Roman',
};
const SIZE = { title: 44, body: 32, note: 24 }; // half-points: 22 pt, 16 pt, 12 pt
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt
/** Millimetres to twips, rounded (docx's own helper truncates: A4 would be 11905 × 16837). */
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const TEXT_WIDTH_PX = Math.round(((210 - 28 - 26) / 25.4) * 96);

const font = (eastAsia: string) => ({ ascii: FACES.latin, hAnsi: FACES.latin, eastAsia, cs: FACES.latin });
const run = (text: string, face = FACES.body, size = SIZE.body, extra: { bold?: boolean } = {}) =>
  new TextRun({ text, font: font(face), size, ...extra });
export const noteMarks = (notes: number[]) => notes.map((n) => `[${n}]`).join('');

function sentenceRuns(sentences: Sentence[]): TextRun[] {
  return sentences.flatMap((s) => [
    run(s.text),
    ...(s.notes.length
      ? [new TextRun({ text: noteMarks(s.notes), font: font(FACES.body), size: SIZE.body, superScript: true })]
      : []),
  ]);
}

function blockParagraph(block: Block, model: BriefingModel): Paragraph {
  const indent = { firstLine: convertMillimetersToTwip(11) }; // two characters
  switch (block.kind) {
    case 'para':
      return new Paragraph({
        children: sentenceRuns(block.sentences),
        indent,
        spacing: LINE,
        alignment: AlignmentType.JUSTIFIED,
      });
    case 'warning':
      return new Paragraph({
        children: [run(`⚠ ${block.text}`, FACES.body, SIZE.body, { bold: true })],
        indent,
        spacing: LINE,
      });
    case 'subheading':
      return new Paragraph({ children: [run(block.text, FACES.subheading)], indent, spacing: LINE });
    case 'picture': {
      const picture = model.pictures.find((p) => p.chainId === block.chainId)!;
      const scale = Math.min(1, TEXT_WIDTH_PX / picture.width);
      const transformation = { width: Math.round(picture.width * scale), height: Math.round(picture.height * scale) };
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new ImageRun({
            type: 'svg',
            data: Buffer.from(picture.svg),
            fallback: { type: 'png', data: svgToPng(picture.svg) },
            transformation,
          }),
        ],
      });
    }
  }
}

export function briefingDocument(model: BriefingModel): Document {
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(model.title, FACES.title, SIZE.title)],
    }),
    ...[model.program, model.dateLine]
      .filter((line): line is string => Boolean(line))
      .map(
        (line) =>
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(line, FACES.subheading)] }),
      ),
  ];
  for (const section of model.sections) {
    children.push(
      new Paragraph({
        spacing: LINE,
        indent: { firstLine: convertMillimetersToTwip(11) },
        children: [run(section.heading, FACES.heading)],
      }),
    );
    for (const block of section.blocks) children.push(blockParagraph(block, model));
  }
  children.push(
    new Paragraph({ spacing: { before: 240, ...LINE }, children: [run(model.labels.notes, FACES.heading)] }),
  );
  for (const note of model.notes) {
    const [comma, stop] = model.lang === 'zh' ? ['，', '。'] : [', ', '. '];
    const head = `[${note.n}] ${note.title}${note.publisher ? `${comma}${note.publisher}` : ''}${comma}${note.date ?? model.labels.undated}${stop}`;
    children.push(
      new Paragraph({
        children: [
          run(head, FACES.body, SIZE.note),
          run(note.quote ? `“${note.quote}”` : model.labels.noQuote, FACES.body, SIZE.note),
        ],
      }),
    );
  }
  const mm = twips;
  return new Document({
    creator: 'changchun-chain-kg',
    title: model.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FACES.latin), size: 28 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

export function renderDocx(model: BriefingModel): Promise<Buffer> {
  return Packer.toBuffer(briefingDocument(model));
}
