// The URL format of the page's state: links written before the state was split into shared fields and
// per-view sections still open the same state, and a navigation clears exactly the fields it cleared.
import { describe, expect, it } from 'vitest';
import { navigationReset, parseState, serializeState } from '../../web/src/ui/url-state.js';

const sorted = (search: string) => [...new URLSearchParams(search)].sort(([a], [b]) => a.localeCompare(b));

describe('URL state', () => {
  it('reads the links the e2e tests and users already have', () => {
    const chain = parseState('?view=chain&chain=chain:biomed&expand=segment:a,segment:b&layout=grid&sel=segment:a');
    expect(chain).toMatchObject({
      view: 'chain',
      chain: 'chain:biomed',
      expand: ['segment:a', 'segment:b'],
      layout: 'grid',
      sel: 'segment:a',
    });
    const explorer = parseState(
      '?view=explorer&focus=ent:x&hideTypes=PERSON,GOAL&hideConf=low&from=ent:x&to=ent:y&lang=en&program=p:1',
    );
    expect(explorer).toMatchObject({
      view: 'explorer',
      focus: ['ent:x'],
      hideTypes: ['PERSON', 'GOAL'],
      hideStatus: [],
      hideConf: ['low'],
      from: 'ent:x',
      to: 'ent:y',
      lang: 'en',
      program: 'p:1',
    });
    expect(parseState('?view=gaps&chain=chain:opto&segment=s:1&tab=goals')).toMatchObject({
      chain: 'chain:opto',
      segment: 's:1',
      tab: 'goals',
    });
    expect(parseState('?view=responsibility&leader=l:1&at=2024-01-01&node=n:1')).toMatchObject({
      leader: 'l:1',
      at: '2024-01-01',
      node: 'n:1',
    });
    expect(parseState('?view=review&status=proposed&job=j:1&source=s:1')).toMatchObject({
      status: 'proposed',
      job: 'j:1',
      source: 's:1',
    });
  });

  it('falls back on an unknown view or layout, and empty parameters are absent', () => {
    const state = parseState('?view=nope&layout=spiral&expand=&sel=');
    expect(state.view).toBe('overview');
    expect(state.layout).toBeNull();
    expect(state.expand).toEqual([]);
    expect(state.sel).toBeNull();
  });

  it('writes the same parameters it read, with readable ids', () => {
    const links = [
      '?view=chain&chain=chain:biomed&expand=segment:a,segment:b&layout=elk&sel=segment:a',
      '?view=explorer&focus=ent:x&expand=ent:z&hideStatus=rejected&from=ent:x&to=ent:y&layout=cose&lang=en',
      '?view=gaps&chain=chain:opto&segment=s:1&tab=recommend&program=p:1',
      '?view=review&status=proposed&job=j:1&source=s:1',
    ];
    for (const link of links) {
      const written = serializeState(parseState(link));
      expect(sorted(written)).toEqual(sorted(link));
      expect(written).not.toMatch(/%3A|%2C/i);
    }
    expect(serializeState(parseState(''))).toBe('?view=overview');
  });

  it('a navigation clears the selection and the view fields, and keeps chain, filters, leader and date', () => {
    const reset = navigationReset();
    expect(Object.keys(reset).sort()).toEqual(
      ['sel', 'expand', 'focus', 'segment', 'tab', 'node', 'from', 'to', 'layout', 'status', 'job', 'source'].sort(),
    );
    expect(reset).toMatchObject({ sel: null, expand: [], focus: [], layout: null, status: null });
  });
});
