// Loading, empty and error states over the graph or page: each says what is happening and what to do.
import { t } from '../i18n/index.js';
import { h, mount } from './dom.js';
import { describeError } from './errors.js';

export class StatusOverlay {
  readonly el = h('div.status-overlay', { role: 'status', 'aria-live': 'polite', hidden: true });
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Shows a spinner after a short delay, so that fast answers do not flicker. */
  loading(message: string = t('status.loading')): void {
    clearTimeout(this.timer);
    this.el.dataset.state = 'loading';
    this.timer = setTimeout(() => {
      mount(
        this.el,
        h('div.status-card', null, h('div.spinner', { 'aria-hidden': 'true' }), h('p.status-title', null, message)),
      );
      this.el.hidden = false;
    }, 150);
  }

  empty(title: string, hint: string, action?: { label: string; run: () => void }): void {
    this.show('empty', title, hint, action);
  }

  error(error: unknown, retry?: () => void): void {
    const message = describeError(error);
    this.show('error', message.title, message.hint, retry ? { label: t('action.retry'), run: retry } : undefined);
    this.el.dataset.code = message.code;
  }

  clear(): void {
    clearTimeout(this.timer);
    this.el.hidden = true;
    this.el.dataset.state = 'idle';
    delete this.el.dataset.code;
    this.el.replaceChildren();
  }

  private show(state: string, title: string, hint: string, action?: { label: string; run: () => void }): void {
    clearTimeout(this.timer);
    this.el.dataset.state = state;
    mount(
      this.el,
      h(
        'div.status-card',
        { role: state === 'error' ? 'alert' : null },
        h('p.status-title', null, title),
        h('p.status-hint', null, hint),
        action ? h('button.btn.btn-primary', { type: 'button', onclick: () => action.run() }, action.label) : null,
      ),
    );
    this.el.hidden = false;
  }
}
