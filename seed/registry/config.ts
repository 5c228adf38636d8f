// Placement thresholds (env KG_PLACEMENT_CONFIDENT, KG_PLACEMENT_FLOOR), validated once.
export interface Thresholds {
  confident: number;
  floor: number;
}

export const DEFAULT_PLACEMENT: Thresholds = { confident: 0.8, floor: 0.4 };

export function thresholds(env: NodeJS.ProcessEnv): Thresholds {
  const read = (name: string, fallback: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`${name} must be a number between 0 and 1 (got ${raw})`);
    return n;
  };
  const confident = read('KG_PLACEMENT_CONFIDENT', DEFAULT_PLACEMENT.confident);
  const floor = read('KG_PLACEMENT_FLOOR', DEFAULT_PLACEMENT.floor);
  if (floor > confident) throw new Error('KG_PLACEMENT_FLOOR must not exceed KG_PLACEMENT_CONFIDENT');
  return { confident, floor };
}
