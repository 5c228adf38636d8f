// Debian's Chromium through playwright-core, headless, with software WebGL (SwiftShader) so that the
// WebGL renderer can be measured on a machine without a GPU.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      // Software WebGL: no GPU here. SwiftShader is "unsafe" only for untrusted pages; this page is our own.
      '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist',
    ],
  });
}
