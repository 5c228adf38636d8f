// The briefing (简报) as a document model: sections of sentences, each fact sentence carrying the
// numbers of its endnotes. Every renderer (DOCX here, the web print page for PDF) draws this one
// model, so the two formats say the same thing. Plain JSON: the print page reads it over HTTP.

export type BriefingLang = 'zh' | 'en';
export type BriefingFormat = 'docx' | 'pdf';

export interface BriefingScope {
  kind: 'chain' | 'leader' | 'district';
  id: string;
}

/** One sentence; `notes` are endnote numbers ([n]); a sentence stating a fact always has one. */
export interface Sentence {
  text: string;
  notes: number[];
}

export type Block =
  | { kind: 'para'; sentences: Sentence[] }
  /** A plain warning (a goal without an observation, an answer that is still "as of today"). */
  | { kind: 'warning'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'picture'; chainId: string };

export interface Section {
  heading: string;
  blocks: Block[];
}

export interface Endnote {
  n: number;
  sourceId: string;
  title: string;
  publisher: string | null;
  date: string | null;
  url: string | null;
  quote: string | null;
}

export interface ChainPicture {
  chainId: string;
  /** SVG markup of the chain picture (segments by stage, coloured by gap status). */
  svg: string;
  width: number;
  height: number;
}

export interface BriefingModel {
  lang: BriefingLang;
  scope: BriefingScope;
  title: string;
  /** The program and the date line under the title. */
  program: string | null;
  dateLine: string;
  /** The date the briefing answers for (Asia/Shanghai), and the change period's start if any. */
  asOf: string;
  since: string | null;
  /** Whether the targets section was included (analyst role and above). */
  withTargets: boolean;
  sections: Section[];
  pictures: ChainPicture[];
  notes: Endnote[];
  /** Labels the renderers need (section of endnotes, page-number style). */
  labels: { notes: string; undated: string; noQuote: string };
}
