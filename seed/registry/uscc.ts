// The 统一社会信用代码 check digit of GB 32100-2015 and the 15-digit 注册号 of firms registered before
// 2015; the registry engine skips a row whose code fails and says which digit the standard gives.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CodeCheck =
  | { kind: 'uscc'; code: string }
  | { kind: 'old-registration'; code: string }
  | { kind: 'invalid'; code: string; problem: string }
  | { kind: 'missing' };

/** The check character GB 32100-2015 gives for the first 17 characters, or null when one is not in its set. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

export function checkCode(raw: string | undefined): CodeCheck {
  const code = (raw ?? '').trim().toUpperCase();
  if (!code || code === '-') return { kind: 'missing' };
  if (/^\d{15}$/.test(code)) return { kind: 'old-registration', code };
  if (code.length !== 18) return { kind: 'invalid', code, problem: `invalid USCC: ${code.length} characters, not 18` };
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected === null)
    return { kind: 'invalid', code, problem: 'invalid USCC: a character outside the GB 32100-2015 set' };
  if (expected !== code[17])
    return {
      kind: 'invalid',
      code,
      problem: `invalid USCC: check digit is ${code[17]}, GB 32100-2015 gives ${expected}`,
    };
  return { kind: 'uscc', code };
}
