// The briefing as PDF: Chromium (playwright-core, the browser named by KG_CHROMIUM) prints the web
// app's print page (?view=briefing-print), so what the page shows is what prints. At most two renders
// run at once; the others wait their turn. Fonts: the Noto CJK faces the product serves (/fonts/).
import { chromium } from 'playwright-core';
import { type ChromiumChoice, noChromiumMessage } from './chromium.js';

export class BriefingUnavailable extends Error {}

export const MAX_RENDERS = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function withRenderSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RENDERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

const FOOTER = `<div style="width:100%;text-align:center;font-size:14pt;font-family:'Noto Serif CJK SC',serif">— <span class="pageNumber"></span> —</div>`;

/** PDF bytes of the print page at `printUrl` (which must set data-briefing-ready on <html>). */
export function renderPdf(printUrl: string, browser: ChromiumChoice, timeoutMs = 30_000): Promise<Buffer> {
  const executablePath = browser.path;
  if (!executablePath) return Promise.reject(new BriefingUnavailable(noChromiumMessage(browser)));
  return withRenderSlot(async () => {
    const instance = await chromium
      .launch({
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      })
      .catch((error: Error) => {
        throw new BriefingUnavailable(`Chromium (${executablePath}) did not start: ${error.message.split('\n')[0]}`);
      });
    try {
      const page = await instance.newPage();
      try {
        await page.goto(printUrl, { timeout: timeoutMs });
        await page.waitForSelector('html[data-briefing-ready]', { timeout: timeoutMs });
      } catch (error) {
        // e.g. a proxy in front of the server: Chromium must reach the web page where the server runs
        throw new BriefingUnavailable(
          `Chromium could not open the briefing's print page (${printUrl.split('?')[0]}): ${(error as Error).message.split('\n')[0]}. DOCX works without it.`,
        );
      }
      const failed = await page.getAttribute('html', 'data-briefing-error');
      if (failed) throw new BriefingUnavailable(`The print page could not show the briefing: ${failed}`);
      await page.evaluate(() => document.fonts.ready);
      return await page.pdf({
        format: 'A4',
        margin: { top: '37mm', bottom: '35mm', left: '28mm', right: '26mm' },
        displayHeaderFooter: true,
        headerTemplate: '<div></div>',
        footerTemplate: FOOTER,
        printBackground: true,
      });
    } finally {
      await instance.close();
    }
  });
}
