// Names without a list or a role around them: county-level districts (鸠江区, 长沙县) in a list of places
// or after 在/于/落户, and firms without 公司/集团 where a visit or a speaker marks them (走进时代新材，
// 奇瑞汽车负责人表示). Conservative on purpose: a generic word is never a name.
import type { Context } from '../context.js';
import { ZONE_RE } from '../lexicon.js';
import { type Span, clauseRange } from '../text.js';

/** Two-character stems that make a generic word with 区/县, never a district's name. */
const GENERIC_STEM =
  /^(?:各|该|本|全|这|其|核心|承载|集聚|示范|老城|主城|中心|开发|功能|保税|试验|先行|自贸|经济|重点|风险|保护|限制|服务|生活|工业|产业|实验|创新|高新|经开|物流|商务|中央|城市|全市|各个|所在|周边|相关|毗邻|市辖|辖内|郊|农业|垦|园|景|片|社|城|山|矿)/;
/** Two-character verbs that may end right where a list of districts starts (推动|云溪区). */
const VERB_PAIR = /^(?:推动|支持|推进|鼓励|培育|依托|包括|引导|带动|促进|加快|聚焦|围绕|覆盖|涉及|联动)$/;
const ZONE_END = new RegExp(`(?:${ZONE_RE})$`);

function district(ctx: Context, s: Span, stem: string, suffix: string, at: number, rule: string): void {
  const name = stem + suffix;
  if (GENERIC_STEM.test(stem) || /[的了在是和与及为将把对从向到等个条]/.test(stem)) return;
  // the end of a longer zone name (长春新区, 经济技术开发区) is the zone rule's
  if (ZONE_END.test(s.text.slice(Math.max(0, at - 8), at + name.length))) return;
  ctx.collector.node('District', name, clauseRange(s, at, at + name.length), rule, 0.65, {
    kind: 'district',
  });
}

/** “鸠江区、弋江区和繁昌区” lists and “在/于/落户鸠江区”. */
function districts(ctx: Context, s: Span): void {
  for (const m of s.text.matchAll(/((?:[\u4e00-\u9fa5]{2,3}[区县][、和及]){1,8}[\u4e00-\u9fa5]{2,3}[区县])/g)) {
    let at = m.index!;
    for (const raw of m[1]!.split(/[、和及]/)) {
      // the first item may carry the word before the list (在夷陵区)
      // (推动云溪区: the verb's last character)
      const verbEnd = VERB_PAIR.test((s.text[at - 1] ?? '') + raw[0]);
      const item = raw.length === 4 && (/^[在于到和与及把将对的]/.test(raw) || verbEnd) ? raw.slice(1) : raw;
      district(
        ctx,
        s,
        item.slice(0, -1),
        item.slice(-1),
        at + raw.length - item.length,
        'a list of districts and counties',
      );
      at += raw.length + 1;
    }
  }
  for (const m of s.text.matchAll(/(?:在|于|落户|入驻|地处)([\u4e00-\u9fa5]{2})(区|县)(?=[，,。；、的建开布新投])/g))
    district(ctx, s, m[1]!, m[2]!, m.index! + m[0].length - 3, 'district after 在/于/落户');
}

/** Endings firms take in the genre's short names (奇瑞汽车, 晶科能源, 时代新材, 潍柴动力). */
const FIRM_ENDING =
  '汽车|科技|股份|电子|能源|新材|材料|化工|石化|药业|制药|钢铁|重工|动力|机械|电气|光电|控股|实业|铜业|铝业|电池|智能|机电|轻工|食品|纺织|环保|生物';
const VISIT = new RegExp(
  `(?:走进|来到|走访|调研|考察|深入|在)([\\u4e00-\\u9fa5]{2,4}(?:${FIRM_ENDING}))(?=[，,、。；])`,
  'g',
);
const SPEAKER = new RegExp(
  `(?:^|[，,、；])([\\u4e00-\\u9fa5]{2,4}(?:${FIRM_ENDING}))(?=负责人|董事长|总经理|相关负责人|介绍|表示)`,
  'g',
);

function firms(ctx: Context, s: Span): void {
  const chains = new Set(ctx.collector.nodesOf('Chain').map((c) => c.name));
  for (const re of [VISIT, SPEAKER]) {
    for (const m of s.text.matchAll(re)) {
      const name = m[1]!;
      if (chains.has(name) || [...chains].some((c) => name.endsWith(c) && name.length - c.length < 2)) continue;
      if (
        /^(?:新能源|新材料|生物|电子|智能|绿色|高端|先进|现代|全市|全省|本地|重点|相关|传统|产业|行业|企业|园区|各|该|本)/.test(
          name,
        )
      )
        continue;
      const at = m.index! + m[0].length - name.length;
      ctx.collector.node(
        'Enterprise',
        name,
        clauseRange(s, at, at + name.length),
        re === VISIT ? 'firm visited (走进/在X，)' : 'firm speaking (X负责人/介绍)',
        0.6,
      );
    }
  }
}

export function extractNames(ctx: Context): void {
  for (const s of ctx.sentences) {
    districts(ctx, s);
    firms(ctx, s);
  }
}
