// The file limits are configuration: safe defaults, every bad value named at start (server and seed CLI
// share the parser), underscores allowed in big numbers.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { DEFAULT_FILE_LIMITS, fileLimits } from '../../seed/file-limits.js';
import { loadSharedSettings, SettingsError } from '../../seed/settings.js';

describe('file limits', () => {
  it('default to bounds that still admit a 300-page plan', () => {
    expect(fileLimits({})).toEqual(DEFAULT_FILE_LIMITS);
    expect(DEFAULT_FILE_LIMITS.pdfPages).toBeGreaterThanOrEqual(300);
    expect(loadConfig({}).fileLimits).toEqual(DEFAULT_FILE_LIMITS);
  });

  it('read each variable, with underscores in big numbers', () => {
    const limits = fileLimits({
      KG_MAX_PDF_PAGES: '300',
      KG_MAX_ZIP_ENTRIES: '100',
      KG_MAX_EXPANDED_BYTES: '50_000_000',
      KG_MAX_CSV_COLUMNS: '64',
      KG_MAX_LINE_CHARS: '20000',
      KG_READ_TIMEOUT_MS: '5000',
      KG_READ_MAX_HEAP_MB: '256',
      KG_MAX_READERS: '3',
    });
    expect(limits).toEqual({
      pdfPages: 300,
      zipEntries: 100,
      expandedBytes: 50_000_000,
      columns: 64,
      lineChars: 20_000,
      readTimeoutMs: 5000,
      readHeapMb: 256,
      readers: 3,
    });
  });

  it('name every bad value at start, in the server and in the seed CLI', () => {
    const env = { KG_MAX_PDF_PAGES: 'many', KG_MAX_ZIP_ENTRIES: '0', KG_READ_TIMEOUT_MS: '2.5' };
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/KG_MAX_PDF_PAGES must be a whole number from 1 to 1000000 \(got many\)/);
    expect(message).toMatch(/KG_MAX_ZIP_ENTRIES must be a whole number from 10/);
    expect(message).toMatch(/KG_READ_TIMEOUT_MS must be a whole number/);
    expect(() => loadSharedSettings(env)).toThrow(SettingsError);
  });
});
