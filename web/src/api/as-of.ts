// The day the whole page looks at (header date control, ?asOf=): null means today. Operations that
// answer "as it stood then" (chain, gaps, goals, chains) read it here, like the current program.
let current: string | null = null;

export function currentAsOf(): string | null {
  return current;
}

export function setCurrentAsOf(day: string | null): void {
  current = day;
}
