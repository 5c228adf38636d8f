// The PNG fallback of a chain picture (Word processors without SVG support show it), rasterised by
// resvg with the Noto CJK faces the project installs (Debian fonts-noto-cjk): no browser needed.
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const FONT_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto'];
const FONT_FILES = ['NotoSansCJK-Regular.ttc', 'NotoSansCJK-Bold.ttc'];

/** The Noto CJK font files found on this machine (resvg also reads system fonts when none is found). */
export function cjkFontFiles(): string[] {
  return FONT_DIRS.flatMap((dir) => FONT_FILES.map((f) => `${dir}/${f}`)).filter((f) => existsSync(f));
}

/** PNG bytes of an SVG, at `scale` times its size (2 for print sharpness). */
export function svgToPng(svg: string, scale = 2): Buffer {
  const fontFiles = cjkFontFiles();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: 'Noto Sans CJK SC' },
  });
  return Buffer.from(resvg.render().asPng());
}
