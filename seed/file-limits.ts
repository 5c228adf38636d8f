// Limits of the files the product reads from outside (documents, registry exports): parsed once from the
// environment with safe defaults, so a hostile file is refused with a message naming the setting that raises it.

export interface FileLimits {
  /** KG_MAX_PDF_PAGES: a longer PDF is refused (the default admits a 300-page plan many times over). */
  pdfPages: number;
  /** KG_MAX_ZIP_ENTRIES: files inside one DOCX or XLSX. */
  zipEntries: number;
  /** KG_MAX_EXPANDED_BYTES: all parts of one DOCX or XLSX once inflated, declared and actually counted. */
  expandedBytes: number;
  /** KG_MAX_CSV_COLUMNS: cells in one row of a registry export. */
  columns: number;
  /** KG_MAX_LINE_CHARS: characters in one record (row) of a CSV file. */
  lineChars: number;
  /** KG_READ_TIMEOUT_MS: a reader thread still working after this long is terminated. */
  readTimeoutMs: number;
  /** KG_READ_MAX_HEAP_MB: heap of one reader thread; past it the thread is stopped by V8. */
  readHeapMb: number;
  /** KG_MAX_READERS: reader processes at once per server; more wait their turn (each may take its heap cap). */
  readers: number;
}

export const DEFAULT_FILE_LIMITS: FileLimits = {
  pdfPages: 2000,
  zipEntries: 5000,
  expandedBytes: 500_000_000,
  columns: 1000,
  lineChars: 1_000_000,
  readTimeoutMs: 120_000,
  readHeapMb: 1024,
  readers: 2,
};

const KEYS: [keyof FileLimits, string, number, number][] = [
  ['pdfPages', 'KG_MAX_PDF_PAGES', 1, 1_000_000],
  ['zipEntries', 'KG_MAX_ZIP_ENTRIES', 10, 1_000_000],
  ['expandedBytes', 'KG_MAX_EXPANDED_BYTES', 10_000, 20_000_000_000],
  ['columns', 'KG_MAX_CSV_COLUMNS', 10, 1_000_000],
  ['lineChars', 'KG_MAX_LINE_CHARS', 1000, 1_000_000_000],
  ['readTimeoutMs', 'KG_READ_TIMEOUT_MS', 100, 3_600_000],
  ['readHeapMb', 'KG_READ_MAX_HEAP_MB', 64, 65_536],
  ['readers', 'KG_MAX_READERS', 1, 64],
];

/** Every file limit from the environment; throws one Error naming each bad variable and its range. */
export function fileLimits(env: NodeJS.ProcessEnv): FileLimits {
  const limits = { ...DEFAULT_FILE_LIMITS };
  const problems: string[] = [];
  for (const [key, name, min, max] of KEYS) {
    const raw = env[name]?.trim().replace(/_/g, '');
    if (!raw) continue;
    const n = Number(raw);
    if (Number.isInteger(n) && n >= min && n <= max) limits[key] = n;
    else problems.push(`${name} must be a whole number from ${min} to ${max} (got ${env[name]})`);
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return limits;
}

/** The error every limit check throws: `code` for clients, a message saying what, the limit and its setting. */
export class FileLimitError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'FileLimitError';
  }
}

export const fmtBytes = (n: number): string =>
  n >= 1e6 ? `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)} MB` : n >= 1e3 ? `${Math.round(n / 1e3)} kB` : `${n} bytes`;
