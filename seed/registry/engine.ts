// The registry engine's row pass: header row, code check, duplicates, status, district and placements,
// one report object per data row (contract §3). Graph writes are not part of this pass.
import { ALIAS_MAX_CHARS, nameProblem } from '../../graph/model-rules.js';
import type { RegistryContext } from './context.js';
import { classify } from './classify.js';
import type { Thresholds } from './config.js';
import { buildDistrictIndex, pickDistrict } from './district.js';
import { type Field, findHeaderRow, mapHeaders, NoNameColumn } from './headers.js';
import type { RawRow } from './read.js';
import { checkCode } from './uscc.js';

export interface ReportRow {
  row: number;
  sheetRow: number;
  name: string;
  uscc: string;
  enterpriseId: string | null;
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  registrationStatus: string | null;
  closed: boolean;
  /** 曾用名 and 标签 split on the usual separators (written to the graph, not part of the contract's report). */
  formerNames: string[];
  tags: string[];
  district: { id: string; how: string } | null;
  placements: { segmentId: string; score: number; written: string; because: string; quote: string }[];
  problems: string[];
  /** The graph firm the row is (match.ts): by code, exact name, former name or alias. */
  match?: { enterpriseId: string; how: string };
  /** A near match held for a person's "same firm?" decision (the row is skipped until then). */
  sameFirm?: { enterpriseId: string; name: string; reason: string };
}

const CLOSED = /注销|吊销/;
const LIST = /[,，;；、|/\s]+/;
const list = (v: string) => v.split(LIST).filter(Boolean);
const HEADER_SEARCH_ROWS = 10;

export async function runRows(
  rows: AsyncIterable<RawRow>,
  ctx: RegistryContext,
  limits: Thresholds,
  onHeaderProblems?: (problems: string[]) => void,
): Promise<ReportRow[]> {
  const index = buildDistrictIndex(ctx);
  const report: ReportRow[] = [];
  const early: RawRow[] = [];
  let columns: Map<Field, number> | null = null;
  const byCode = new Map<string, { row: number; name: string }>();
  let dataRow = 0;
  const handle = (raw: RawRow) => {
    const cols = columns as Map<Field, number>;
    const get = (f: Field) => {
      const i = cols.get(f);
      const v = i === undefined ? '' : (raw.cells[i] ?? '').trim();
      return v === '-' ? '' : v;
    };
    if (raw.cells.every((c) => !c?.trim())) return;
    dataRow++;
    const name = get('name');
    const code = checkCode(get('code'));
    const status = get('status') || null;
    const problems: string[] = [];
    const closed = !!status && CLOSED.test(status);
    let skip = false;
    if (!name) {
      problems.push('empty 企业名称');
      skip = true;
    }
    // The name rule of every writer (graph/model-rules.ts): a name with control, bidi or zero-width
    // characters, or past the length limit, is not written; former names and tags under it are dropped.
    const nameWrong = name ? nameProblem(name) : null;
    if (nameWrong) {
      problems.push(`企业名称 ${nameWrong}`);
      skip = true;
    }
    const fitting = (field: string, values: string[]) =>
      values.filter((v) => {
        const wrong = nameProblem(v, ALIAS_MAX_CHARS);
        if (wrong) problems.push(`${field} ${JSON.stringify(v.slice(0, 40))}… dropped: ${wrong}`);
        return !wrong;
      });
    if (code.kind === 'invalid') {
      problems.push(code.problem);
      skip = true;
    }
    const key = code.kind === 'uscc' || code.kind === 'old-registration' ? code.code : '';
    if (key && !skip) {
      const seen = byCode.get(key);
      if (seen && seen.name === name) {
        problems.push(`duplicate of row ${seen.row} (same code)`);
        skip = true;
      } else if (seen) {
        // One code is one firm: which of the two names is current is for a person to say.
        problems.push(
          `one code under two names: ${key} is also row ${seen.row} ${seen.name}; this row is skipped, check which name is current`,
        );
        skip = true;
      } else byCode.set(key, { row: dataRow, name });
    }
    if (closed) problems.push(`closed: 登记状态 ${status}`);
    const d = pickDistrict(ctx, index, {
      province: get('province'),
      city: get('city'),
      county: get('county'),
      address: get('address'),
    });
    if (d.problem) problems.push(d.problem);
    const placements = classify(ctx, { name, scope: get('scope'), industry: get('industry') }, limits.floor).map(
      (p) => ({
        ...p,
        written: p.score >= limits.confident ? 'IN_SEGMENT' : 'proposal',
      }),
    );
    report.push({
      row: dataRow,
      sheetRow: raw.sheetRow,
      name,
      uscc: get('code'),
      enterpriseId: skip ? null : key ? `ent:uscc-${key.toLowerCase()}` : null,
      action: skip ? 'skipped' : 'created',
      registrationStatus: status,
      closed,
      formerNames: fitting('曾用名', list(get('formerNames'))),
      tags: fitting('标签', list(get('tags'))),
      district: d.id ? { id: d.id, how: d.how } : null,
      placements,
      problems,
    });
  };
  for await (const raw of rows) {
    if (columns) {
      handle(raw);
      continue;
    }
    early.push(raw);
    const at = findHeaderRow(early.map((r) => r.cells));
    if (at >= 0) {
      const mapped = mapHeaders(early[at].cells);
      columns = mapped.columns;
      if (mapped.unmapped.length) onHeaderProblems?.(mapped.unmapped);
      for (const r of early.slice(at + 1)) handle(r);
    } else if (early.length >= HEADER_SEARCH_ROWS) throw new NoNameColumn(early[0].cells);
  }
  if (!columns) throw new NoNameColumn(early[0]?.cells ?? []);
  return report;
}
