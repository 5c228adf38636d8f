// Renders citations (source title with its link, publisher, date, and the quoted words): the
// provenance every fact on the page carries.
import { t } from '../i18n/index.js';
import { h } from './dom.js';

export interface CitationLike {
  quote?: string | null;
  source: { id: string; name: string; url?: string | null; publisher?: string | null; publishedOn?: string | null };
}

/** Only http(s) links are rendered as links; anything else stays text. */
function safeUrl(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

export function citationList(citations: readonly CitationLike[]): HTMLElement {
  if (!citations.length) return h('p.muted.citations-none', null, t('details.noCitations'));
  return h(
    'ol.citations',
    null,
    citations.map((c) => {
      const url = safeUrl(c.source.url);
      const meta = [c.source.publisher, c.source.publishedOn].filter(Boolean).join(' · ');
      return h(
        'li.citation',
        null,
        h(
          'div.citation-title',
          null,
          url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, c.source.name) : c.source.name,
        ),
        meta ? h('div.citation-meta', null, meta) : null,
        c.quote ? h('blockquote.citation-quote', null, `“${c.quote}”`) : null,
      );
    }),
  );
}
