// Configuration is parsed once at start: analysis parameters included, and a bad start lists every bad
// variable at once by name instead of failing on the first query.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECOMMEND_WEIGHTS } from '../../graph/analysis/recommend-weights.js';
import { DEFAULT_GAP_THRESHOLDS } from '../../graph/gap-thresholds.js';
import { ConfigError, loadConfig } from '../../server/config.js';

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
});
