// Configuration is parsed once at start: analysis parameters included, and a bad start lists every bad
// variable at once by name instead of failing on the first query.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECOMMEND_WEIGHTS } from '../../graph/analysis/recommend-weights.js';
import { DEFAULT_GAP_THRESHOLDS } from '../../graph/gap-thresholds.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ConfigError, loadConfig } from '../../server/config.js';
import { loadSharedSettings } from '../../seed/settings.js';

describe('loadConfig', () => {
  it('carries the analysis parameters, defaults when unset', () => {
    const config = loadConfig({});
    expect(config.gapThresholds).toEqual(DEFAULT_GAP_THRESHOLDS);
    expect(config.recommendWeights).toEqual(DEFAULT_RECOMMEND_WEIGHTS);
    expect(loadConfig({ KG_GAP_THIN_BELOW: '7' }).gapThresholds.thinBelow).toBe(7);
  });

  it('names every bad variable at once', () => {
    const bad = () => loadConfig({ KG_DB_TIMEOUT_MS: 'soon', KG_GAP_THIN_BELOW: '1', KG_GAP_EXTERNAL_SHARE: '2' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/KG_DB_TIMEOUT_MS[\s\S]*KG_GAP_THIN_BELOW[\s\S]*KG_GAP_EXTERNAL_SHARE/);
  });

  it('parses the settings it shares with the seed CLI by the same parser', () => {
    const env = { KG_ANALYSIS_CACHE: 'off', KG_PLACEMENT_CONFIDENT: '0.7', KG_CONFIDENCE_HIGH: '0.95' };
    const config = loadConfig(env);
    const shared = loadSharedSettings(env);
    expect(config.analysisCache).toEqual({ enabled: false, maxEntries: 64 });
    expect(config.analysisCache).toEqual(shared.analysisCache);
    expect(config.placement).toEqual({ confident: 0.7, floor: 0.4 });
    expect(config.confidenceThresholds).toEqual(shared.confidence);
    expect(() => loadConfig({ KG_ANALYSIS_CACHE: 'sometimes', KG_PLACEMENT_FLOOR: '2', KG_AUDIT_FILE: ' ' })).toThrow(
      /KG_AUDIT_FILE[\s\S]*KG_ANALYSIS_CACHE[\s\S]*KG_PLACEMENT_FLOOR/,
    );
  });
});

describe('seed CLI settings', () => {
  it('stops at start, naming the bad variable, before reaching any database', async () => {
    const run = promisify(execFile)('npx', ['tsx', 'seed/cli.ts', 'validate'], {
      env: { ...process.env, KG_GAP_THIN_BELOW: '1', NEO4J_URI: 'bolt://127.0.0.1:1' },
    });
    await expect(run).rejects.toMatchObject({
      stderr: expect.stringMatching(/Invalid environment:\s*KG_GAP_THIN_BELOW/),
    });
  }, 60_000);
});
