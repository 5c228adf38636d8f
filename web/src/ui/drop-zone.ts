// A file drop zone with a hidden file picker (click, Enter/Space, drag and drop), shared by the upload
// views: it shows the picked file's name and size and hands the file to `onPick`.
import { h } from './dom.js';

export interface DropZoneTexts {
  title: string;
  hint: string;
  noFile: string;
}

export interface DropZone {
  drop: HTMLElement;
  input: HTMLInputElement;
  /** Sets (or clears) the picked file as if the user had picked it. */
  pick(file: File | null): void;
}

export function dropZone(
  kind: string,
  accept: string,
  texts: DropZoneTexts,
  onPick: (f: File | null) => void,
): DropZone {
  const input = h('input', { type: 'file', accept, name: 'file', hidden: true }) as HTMLInputElement;
  const fileName = h('span.muted.drop-file', null, texts.noFile);
  const pick = (f: File | null) => {
    fileName.textContent = f ? `${f.name} · ${Math.ceil(f.size / 1024)} KB` : texts.noFile;
    onPick(f);
  };
  input.addEventListener('change', () => pick(input.files?.[0] ?? null));
  const drop = h(
    'div.drop-zone',
    { tabindex: 0, role: 'button', 'data-drop': kind },
    h('strong', null, texts.title),
    h('span.muted', null, texts.hint),
    fileName,
  );
  drop.addEventListener('click', () => input.click());
  drop.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') input.click();
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('drag');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('drag'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('drag');
    pick(e.dataTransfer?.files[0] ?? null);
  });
  return { drop, input, pick };
}
