// Settings of the response cache, from the environment: KG_RESPONSE_CACHE=on|off (default on),
// KG_RESPONSE_CACHE_BYTES (size bound, default 64 MB), KG_CACHE_MAX_STALENESS_MS (how old the database
// position may be before it is re-read, i.e. how late a write from outside the API is seen; default 1000).
export interface ResponseCacheSettings {
  enabled: boolean;
  maxBytes: number;
  maxStalenessMs: number;
}

function intOf(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min} (got "${raw}")`);
  return value;
}

export function responseCacheSettings(env: NodeJS.ProcessEnv = process.env): ResponseCacheSettings {
  const raw = env.KG_RESPONSE_CACHE ?? 'on';
  if (!['on', 'off'].includes(raw)) throw new Error(`KG_RESPONSE_CACHE must be on or off (got "${raw}")`);
  return {
    enabled: raw === 'on',
    maxBytes: intOf(env, 'KG_RESPONSE_CACHE_BYTES', 64 * 1024 * 1024, 1024),
    maxStalenessMs: intOf(env, 'KG_CACHE_MAX_STALENESS_MS', 1000, 0),
  };
}
