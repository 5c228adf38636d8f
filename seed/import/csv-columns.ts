// The columns of the two import templates (seed/templates/*.csv), with the Chinese headers that
// government spreadsheets use for the same thing. Header matching ignores case, spaces and brackets.
import type { Problem } from '../load/problems.js';

export type ImportKind = 'enterprises' | 'relationships';

interface ColumnSpec {
  aliases: string[];
  required?: boolean;
  help: string;
}

const PROVENANCE_COLUMNS: Record<string, ColumnSpec> = {
  source: {
    aliases: ['来源', '数据来源', '出处'],
    required: true,
    help: 'a Source id (source:s1), a URL or a document title; several separated by ;',
  },
  sourceTitle: { aliases: ['来源标题', '来源名称'], help: 'title of a new source given by URL' },
  quote: { aliases: ['原文', '依据', '引文'], help: 'the words in the source that state the fact' },
  confidence: { aliases: ['可信度', '置信度'], help: 'high | medium | low (default medium)' },
  status: { aliases: ['状态', '审核状态'], help: 'confirmed | unverified | proposed | rejected (default unverified)' },
};

export const COLUMNS: Record<ImportKind, Record<string, ColumnSpec>> = {
  enterprises: {
    id: { aliases: ['编号', '企业编号'], help: 'ent:… to update a known firm; empty for a new one' },
    name: {
      aliases: ['名称', '企业名称', '企业', '公司名称', '单位名称'],
      required: true,
      help: 'name in simplified Chinese',
    },
    nameEn: { aliases: ['英文名称', '英文名'], help: 'English name' },
    aliases: { aliases: ['别名', '简称', '曾用名'], help: 'other names, separated by ;' },
    uscc: { aliases: ['统一社会信用代码', '信用代码', '社会信用代码'], help: '18-character 统一社会信用代码' },
    local: {
      aliases: ['本地', '是否本地', '是否本地企业', '本地企业'],
      required: true,
      help: 'true/false, 是/否: does the firm operate in the region',
    },
    tags: { aliases: ['标签', '企业标签', '企业类型'], help: '规上, 专精特新, 小巨人, 上市…, separated by ;' },
    district: { aliases: ['区域', '所在区域', '所在区', '区县', '所在地', '园区'], help: 'District id or exact name' },
    segment: {
      aliases: ['环节', '产业环节', '细分领域', '所属环节'],
      help: 'Segment ids or exact names, separated by ;',
    },
    role: { aliases: ['角色', '环节角色'], help: 'core | member (its role in the segments)' },
    outputYuan: { aliases: ['产值元', '产值（元）', '产值(元)'], help: 'output in 元 (not 亿元)' },
    ...PROVENANCE_COLUMNS,
  },
  relationships: {
    from: {
      aliases: ['起点', '从', '来源企业', '供应方', '企业'],
      required: true,
      help: 'id or exact name of the start node',
    },
    type: {
      aliases: ['关系', '关系类型', '类型'],
      required: true,
      help: 'SUPPLIES, TARGET_FOR, IN_SEGMENT, LOCATED_IN… (or 供应, 招商目标, 所属环节, 位于…)',
    },
    to: { aliases: ['终点', '到', '目标', '客户', '采购方'], required: true, help: 'id or exact name of the end node' },
    role: { aliases: ['角色'], help: 'role (IN_SEGMENT core/member, HOSTS 核心区…)' },
    stage: {
      aliases: ['阶段', '招商阶段', '进展'],
      help: '推介 | 在谈 | 签约 | 拟开工 | 到资 | 竣工投产 (TARGET_FOR)',
    },
    stageSince: { aliases: ['阶段日期', '进入阶段日期'], help: 'YYYY-MM-DD (TARGET_FOR)' },
    product: { aliases: ['产品', '供应产品'], help: 'what is supplied (SUPPLIES)' },
    validFrom: { aliases: ['起始日期', '开始日期'], help: 'YYYY-MM-DD' },
    validTo: { aliases: ['结束日期', '截止日期'], help: 'YYYY-MM-DD' },
    ...PROVENANCE_COLUMNS,
  },
};

/** Chinese words for relationship types accepted in the `type` column. */
export const TYPE_WORDS: Record<string, string> = {
  供应: 'SUPPLIES',
  供货: 'SUPPLIES',
  配套: 'SUPPLIES',
  招商: 'TARGET_FOR',
  招商目标: 'TARGET_FOR',
  所属环节: 'IN_SEGMENT',
  属于环节: 'IN_SEGMENT',
  位于: 'LOCATED_IN',
  所在: 'LOCATED_IN',
  子公司: 'SUBSIDIARY_OF',
  链主: 'LEADS',
  控制: 'CONTROLS',
  孵化: 'SPUN_OFF',
  支撑: 'SUPPORTS',
  承载: 'HOSTS',
};

const normalise = (header: string) => header.toLowerCase().replace(/[\s_\-()（）[\]【】]/g, '');

/** Which template a header belongs to: relationships when it has from/type/to, else enterprises. */
export function detectKind(header: string[]): ImportKind {
  const keys = new Set(header.map((h) => columnKey('relationships', h)));
  return keys.has('from') && keys.has('to') && keys.has('type') ? 'relationships' : 'enterprises';
}

export function columnKey(kind: ImportKind, header: string): string | undefined {
  const wanted = normalise(header);
  for (const [key, spec] of Object.entries(COLUMNS[kind])) {
    if (normalise(key) === wanted || spec.aliases.some((alias) => normalise(alias) === wanted)) return key;
  }
  return undefined;
}

/** Maps header cells to column keys; unknown, repeated and missing required columns are problems. */
export function mapHeader(
  kind: ImportKind,
  header: string[],
  file: string,
): { keys: (string | undefined)[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const keys = header.map((cell) => (cell === '' ? undefined : columnKey(kind, cell)));
  const seen = new Map<string, string>();
  header.forEach((cell, i) => {
    if (cell === '') return;
    const key = keys[i];
    if (!key) {
      problems.push({
        file,
        row: 1,
        column: cell,
        message: `unknown column; the ${kind} template has: ${Object.keys(COLUMNS[kind]).join(', ')}`,
      });
    } else if (seen.has(key)) {
      problems.push({ file, row: 1, column: cell, message: `repeats the column "${seen.get(key)}"` });
    } else {
      seen.set(key, cell);
    }
  });
  for (const [key, spec] of Object.entries(COLUMNS[kind])) {
    if (spec.required && !seen.has(key))
      problems.push({ file, row: 1, column: key, message: `required column is missing (${spec.help})` });
  }
  return { keys, problems };
}
