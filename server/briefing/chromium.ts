// Which Chromium prints PDF briefings: KG_CHROMIUM when set, else Debian's and the usual paths. None
// found is not a start-up error: DOCX needs no browser, and the PDF option says what is missing.
import { existsSync } from 'node:fs';

const USUAL = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export interface ChromiumChoice {
  /** The browser to launch, or null when none was found. */
  path: string | null;
  /** The paths looked at, for the message. */
  tried: string[];
}

export function findChromium(env: NodeJS.ProcessEnv): ChromiumChoice {
  const named = env.KG_CHROMIUM?.trim();
  const tried = named ? [named] : USUAL;
  return { path: tried.find((p) => existsSync(p)) ?? null, tried };
}

/** The message of a PDF asked for where no browser is found. */
export function noChromiumMessage(choice: ChromiumChoice): string {
  return `PDF briefings are printed by Chromium, and none was found (looked at ${choice.tried.join(', ')}). Install Debian's chromium or set KG_CHROMIUM to the browser's path; DOCX briefings work without it.`;
}
