// The hostile strings of the "Hostile data" cases (docs/reliability.md), shared by the API test and the
// browser test: what the model rules store as text (and every view must show as text) and what they refuse.
// A payload that ran would set window.__pwned or add an element with id "pwned".
import { NAME_MAX_CHARS } from '../../../graph/model-rules.js';

/** Names stored and shown as the text they are. */
export const STORED_NAMES: Record<string, string> = {
  script: '<script>window.__pwned=1</script>恶意脚本公司',
  imgOnerror:
    "<img src=x onerror=\"window.__pwned=1;document.body.append(Object.assign(document.createElement('i'),{id:'pwned'}))\">图片公司",
  svgOnload: '<svg onload="window.__pwned=1"></svg>矢量公司',
  attributeBreakout: '"><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>引号公司',
  eventHandler: "x' onmouseover='window.__pwned=1' autofocus onfocus='window.__pwned=1",
  javascriptWord: 'javascript:window.__pwned=1',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal ${…} is the payload.
  template: '{{constructor.constructor("window.__pwned=1")()}} ${window.__pwned=1}',
  formula: '=HYPERLINK("http://evil.example/","点我")',
  plusFormula: '+1+cmd|" /C calc"!A0',
  atFormula: '@SUM(1+1)*cmd|" /C calc"!A0',
  minusFormula: '-2+3+cmd|" /C calc"!A0',
  markupChinese: '光电<b>加粗</b>&amp;企业',
  longest: '长'.repeat(NAME_MAX_CHARS),
};

/** Names refused at input, with the reason the refusal must name. */
export const REFUSED_NAMES: Record<string, { value: string; reason: RegExp }> = {
  rtlOverride: { value: '比亚迪\u202Egnp.exe', reason: /invisible format characters/ },
  rtlIsolate: { value: '一汽\u2067集团\u2069', reason: /invisible format characters/ },
  zeroWidthSpace: { value: '一汽\u200B集团', reason: /invisible format characters/ },
  zeroWidthJoiner: { value: '长光\u200D卫星', reason: /invisible format characters/ },
  byteOrderMark: { value: '长光\uFEFF卫星', reason: /invisible format characters/ },
  nul: { value: '长光\u0000卫星', reason: /control characters/ },
  escape: { value: '长光\u001B[31m卫星', reason: /control characters/ },
  tenThousand: { value: 'A'.repeat(10_000), reason: /at most \d+ characters/ },
  overLimit: { value: '长'.repeat(NAME_MAX_CHARS + 1), reason: /at most \d+ characters/ },
};

/** Source addresses refused at input: only http(s) is ever a link. */
export const REFUSED_URLS: string[] = [
  'javascript:window.__pwned=1',
  'JaVaScRiPt:window.__pwned=1',
  'javascript://example.com/%0Awindow.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://example.com/x',
  '//evil.example/x',
];

/** Quotes and document text: the source's words, stored as they are (bidi characters included) and shown
 * isolated as text. No Han characters mixed with English words (graph/provenance-rules.ts). */
export const STORED_QUOTES: Record<string, string> = {
  scriptQuote: '<script>window.__pwned=1</script>',
  imgQuote: '<img src=x onerror="window.__pwned=1">',
  bidiQuote: '光电\u202E信息产业\u202C集群',
  zeroWidthQuote: '光电\u200B信息',
};

/** A document whose body holds all of the above (for ingestion). */
export function hostileDocument(): string {
  return [
    '长春市光电信息产业链工作情况',
    ...Object.values(STORED_NAMES).map((n) => `${n}落户长春新区。`),
    ...Object.values(STORED_QUOTES),
    `<a href="javascript:window.__pwned=1">点击</a>`,
    '\u202E这段文字被反转\u202C',
    'B'.repeat(10_000),
  ].join('\n');
}
