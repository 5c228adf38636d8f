// Problems found in seed files and imports: where (file, line, record or row, field or column) and
// what to fix. Validation collects every problem before anything is written.

export interface Problem {
  file: string;
  /** Line in the file (YAML). */
  line?: number;
  /** The record: `nodes[3] (chain:opto)`, `relationships[0] (PATRON_OF leader:a -> chain:b)`, `row 7`. */
  record?: string;
  /** The field (YAML). */
  field?: string;
  /** Spreadsheet row (CSV; the header is row 1). */
  row?: number;
  /** Column as the file's header names it (CSV). */
  column?: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const record = problem.record ? ` ${problem.record}` : problem.row ? ` row ${problem.row}` : '';
  const field = problem.column ? `, column "${problem.column}"` : problem.field ? ` field "${problem.field}"` : '';
  return `${where}${record}${field}: ${problem.message}`;
}

export function formatProblems(problems: Problem[], limit = 200): string {
  const lines = problems.slice(0, limit).map((p) => `  - ${formatProblem(p)}`);
  if (problems.length > limit) lines.push(`  … and ${problems.length - limit} more`);
  return `${problems.length} problem${problems.length === 1 ? '' : 's'} found; nothing was written:\n${lines.join('\n')}`;
}

/** Thrown when input is refused; carries every problem. The CLI prints it without a stack trace. */
export class ValidationFailed extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'ValidationFailed';
  }
}
