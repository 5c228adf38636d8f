// Curation for editors and admins: a token login (kept in sessionStorage for this tab only), CSV
// upload, proposing a fact with its source, and the admin review queue.
import { fetchViewer } from '../../api/curation.js';
import { clearSession, getRole, getToken, setSession } from '../../api/session.js';
import { t, tOr } from '../../i18n/index.js';
import { h, mount } from '../dom.js';
import { describeError } from '../errors.js';
import type { View, ViewContext } from '../view-context.js';
import { csvImportForm, proposalForm, reviewQueue } from './curation-forms.js';

export function curationView(): View {
  let ctx: ViewContext;
  let rights: { canCurate: boolean; canReview: boolean; canSeeTargets: boolean; name?: string | null } = {
    canCurate: false,
    canReview: false,
    canSeeTargets: false,
  };

  function loginCard(): HTMLElement {
    const token = h('input.input', { type: 'password', name: 'token', autocomplete: 'off', id: 'token-input' });
    const result = h('div.form-result', { 'aria-live': 'polite' });
    const signedIn = Boolean(getToken());
    const submit = async () => {
      const value = token.value.trim();
      if (!value) return mount(result, h('p.notice.notice-error', { role: 'alert' }, t('login.empty')));
      try {
        const { viewer } = await fetchViewer(value);
        if (viewer.role === 'public')
          return mount(result, h('p.notice.notice-error', { role: 'alert' }, t('login.unknown')));
        setSession(value, viewer.role);
        await render();
      } catch (error) {
        const message = describeError(error);
        mount(result, h('p.notice.notice-error', { role: 'alert' }, `${message.title} ${message.hint}`));
      }
    };
    return h(
      'form.card.form.login-card',
      {
        'data-form': 'login',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void submit();
        },
      },
      h('h2.card-title', null, t('login.title')),
      signedIn
        ? [
            h('p', null, t('login.as', { role: tOr(`role.${getRole()}`, getRole()) })),
            // The name the tokens file gives this token: what the audit trail and review queue show.
            rights.name ? h('p.muted', { 'data-viewer-name': '' }, t('login.name', { name: rights.name })) : null,
            h(
              'ul.plain.rights',
              null,
              h('li', null, `${rights.canSeeTargets ? '✓' : '✕'} ${t('login.canSeeTargets')}`),
              h('li', null, `${rights.canCurate ? '✓' : '✕'} ${t('login.canCurate')}`),
              h('li', null, `${rights.canReview ? '✓' : '✕'} ${t('login.canReview')}`),
            ),
            h(
              'div.form-actions',
              null,
              h(
                'button.btn',
                {
                  type: 'button',
                  'data-action': 'logout',
                  onclick: () => {
                    clearSession();
                    void render();
                  },
                },
                t('login.logout'),
              ),
            ),
          ]
        : [
            h('p.muted', null, t('login.about')),
            h('div.field', null, h('label', { for: 'token-input' }, t('login.token')), token),
            h(
              'div.form-actions',
              null,
              h('button.btn.btn-primary', { type: 'submit', 'data-action': 'login' }, t('login.submit')),
            ),
            result,
          ],
    );
  }

  async function render(): Promise<void> {
    try {
      const { viewer } = await fetchViewer();
      rights = viewer;
      // A token the server no longer knows (rotated, or a typo) falls back to public.
      if (getToken() && viewer.role === 'public') clearSession();
      else if (getToken()) setSession(getToken()!, viewer.role);
    } catch (error) {
      mount(
        ctx.page,
        h(
          'div.page-inner',
          null,
          h(
            'div.inline-error',
            { role: 'alert' },
            h('strong', null, describeError(error).title),
            h('p', null, describeError(error).hint),
          ),
        ),
      );
      return;
    }
    if (ctx.signal.aborted) return;
    mount(
      ctx.page,
      h(
        'div.page-inner.curation',
        null,
        loginCard(),
        // Reviewing is an admin's main task here: it comes first.
        rights.canReview ? reviewQueue() : null,
        rights.canCurate
          ? csvImportForm()
          : h(
              'section.card.card-locked',
              null,
              h('h2.card-title', null, t('csv.title')),
              h('p.muted', null, t('login.needEditor')),
            ),
        rights.canCurate
          ? proposalForm()
          : h(
              'section.card.card-locked',
              null,
              h('h2.card-title', null, t('propose.title')),
              h('p.muted', null, t('login.needEditor')),
            ),
        rights.canReview
          ? null
          : h(
              'section.card.card-locked',
              null,
              h('h2.card-title', null, t('review.title')),
              h('p.muted', null, t('login.needAdmin')),
            ),
      ),
    );
  }

  return {
    async mount(c) {
      ctx = c;
      ctx.setMode('page');
      ctx.setTitle(t('curation.title'), t('curation.subtitle'));
      ctx.details.setSummary(() =>
        h(
          'section',
          null,
          h('h2.side-title', null, t('curation.title')),
          h('p', null, t('curation.about')),
          h('p.note', null, t('curation.audit')),
        ),
      );
      await render();
      ctx.ready();
    },
    relabel() {
      ctx.setTitle(t('curation.title'), t('curation.subtitle'));
      void render();
    },
  };
}
