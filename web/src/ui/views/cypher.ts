// Researchers' Cypher box: runs the read-only `cypher` query (analyst role), draws the nodes,
// relationships and paths it returns, and tables every row.
import { runCypher } from '../../api/cypher.js';
import { t } from '../../i18n/index.js';
import { h, mount } from '../dom.js';
import { describeError, isForbidden } from '../errors.js';
import type { View, ViewContext } from '../view-context.js';
import { cypherElements, cypherTable } from './cypher-results.js';

const EXAMPLES = [
  'MATCH (c:Chain)<-[r:PART_OF]-(s:Segment)\nWHERE c.identified\nRETURN c, r, s\nLIMIT 100',
  'MATCH p = (l:Leader)-[:PATRON_OF|OWNER_OF]->(c:Chain)\nRETURN p',
  'MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment)\nRETURN s.name AS segment, count(e) AS firms\nORDER BY firms DESC',
];

export function cypherView(): View {
  let ctx: ViewContext;
  const editor = h('textarea.code', { name: 'cypher', rows: 5, spellcheck: 'false', 'aria-label': '' });
  const result = h('div.cypher-result', { 'aria-live': 'polite' });
  const runButton = h('button.btn.btn-primary', { type: 'button', 'data-action': 'run-cypher' });

  async function run(): Promise<void> {
    const query = editor.value.trim();
    if (!query) return;
    sessionStorage.setItem('kg-cypher', query);
    mount(result, h('p.muted', null, t('status.loading')));
    try {
      const { cypher } = await runCypher(query);
      if (ctx.signal.aborted) return;
      const els = cypherElements(cypher.rows);
      ctx.graph.setElements(els);
      if (els.length) await ctx.graph.runLayout('cose');
      ctx.legend.update(ctx.graph);
      mount(
        result,
        h(
          'p.muted',
          null,
          t('cypher.rows', { n: cypher.rowCount, nodes: els.filter((e) => e.group === 'nodes').length }),
          cypher.truncated ? ` ${t('cypher.truncated')}` : '',
        ),
        cypherTable(cypher.columns, cypher.rows),
      );
      if (!els.length) ctx.status.empty(t('cypher.noGraph'), t('cypher.noGraphHint'));
      else ctx.status.clear();
    } catch (error) {
      const message = describeError(error);
      mount(
        result,
        h(
          'div.inline-error',
          { role: 'alert' },
          h('strong', null, message.title),
          h('p', null, isForbidden(error) ? t('cypher.needAnalyst') : message.hint),
        ),
      );
    }
  }

  function render(): void {
    editor.setAttribute('aria-label', t('cypher.editor'));
    editor.placeholder = 'MATCH (n) RETURN n LIMIT 25';
    runButton.textContent = t('cypher.run');
    const examples = h(
      'select.select',
      {
        name: 'example',
        onchange: (e: Event) => {
          editor.value = (e.target as HTMLSelectElement).value;
        },
      },
      h('option', { value: '' }, t('cypher.examples')),
      EXAMPLES.map((q) => h('option', { value: q }, q.split('\n')[0])),
    );
    ctx.drawer.replaceChildren(
      h(
        'div.cypher-editor',
        null,
        editor,
        h('div.cypher-actions', null, runButton, examples, h('span.muted', null, t('cypher.hint'))),
      ),
      result,
    );
  }

  return {
    async mount(c) {
      ctx = c;
      ctx.setMode('split');
      ctx.setTitle(t('cypher.title'), t('cypher.subtitle'));
      editor.value = sessionStorage.getItem('kg-cypher') ?? EXAMPLES[0];
      editor.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void run();
        }
      });
      runButton.addEventListener('click', () => void run());
      render();
      ctx.details.setSummary(() =>
        h(
          'section',
          null,
          h('h2.side-title', null, t('cypher.title')),
          h('p', null, t('cypher.about')),
          h('p.note', null, t('cypher.limits')),
        ),
      );
      ctx.status.empty(t('cypher.emptyTitle'), t('cypher.emptyHint'));
      ctx.ready();
    },
    relabel() {
      ctx.setTitle(t('cypher.title'), t('cypher.subtitle'));
      render();
    },
  };
}
