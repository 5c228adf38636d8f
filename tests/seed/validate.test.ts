// Validation of seed files: the shipped dataset passes; each kind of mistake is reported with its file,
// line, record and field, all problems at once; the CLI exits non-zero without a stack trace.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../seed/load/problems.js';
import { SHIPPED_DATA_DIR } from '../../seed/load/load.js';
import { validateDataDir } from '../../seed/load/validate.js';
import { fixtureVariant, replaceOnce, VALID_FIXTURE_DIR } from './fixtures.js';

const messages = (problems: Problem[]) => problems.map(formatProblem);

describe('the shipped dataset (seed/data)', () => {
  it('passes validation', () => {
    const { dataset, problems } = validateDataDir(SHIPPED_DATA_DIR);
    expect(messages(problems)).toEqual([]);
    const labels = new Set(dataset.nodes.map((n) => n.label));
    for (const label of [
      'Program',
      'Leader',
      'Chain',
      'Segment',
      'District',
      'Institute',
      'Enterprise',
      'Goal',
      'Source',
    ])
      expect(labels).toContain(label);
  });
});

describe('validation of seed files', () => {
  it('accepts the valid fixture and normalises it', () => {
    const { dataset, problems } = validateDataDir(VALID_FIXTURE_DIR);
    expect(problems).toEqual([]);
    const person = dataset.nodes.find((n) => n.id === 'person:fx-someone')!;
    expect(person.props.nameEnTranslated).toBe(false);
    const program = dataset.nodes.find((n) => n.id === 'program:fx')!;
    expect(program.props.nameEnTranslated).toBe(true); // an English name no source gives is our translation
  });

  it('reports a relationship whose end does not exist, with file, line, record and field', () => {
    const dir = fixtureVariant(
      (f) => (f['graph.yaml'] = replaceOnce(f['graph.yaml'], 'to: district:fx-zone,', 'to: district:fx-nowhere,')),
    );
    const text = messages(validateDataDir(dir).problems).join('\n');
    expect(text).toMatch(
      /graph\.yaml:\d+ relationships\[6\] \(LOCATED_IN ent:fx-sat -> district:fx-nowhere\) field "to": "district:fx-nowhere" does not exist/,
    );
  });

  it('reports a duplicate id across files, naming where the first one is', () => {
    const dir = fixtureVariant((f) => {
      f['more.yaml'] =
        'nodes:\n  - id: chain:fx-opto\n    label: Chain\n    name: 重复链\n    sources: [source:fx1]\n    confidence: high\n    status: confirmed\n    kind: key\n    identified: true\n';
    });
    const text = messages(validateDataDir(dir).problems).join('\n');
    expect(text).toMatch(
      /more\.yaml:2 nodes\[0\] \(chain:fx-opto\) field "id": duplicate id "chain:fx-opto": already used at \S*graph\.yaml:\d+ nodes\[1\] \(chain:fx-opto\)/,
    );
  });

  it('reports a bad enum value with the allowed values', () => {
    const dir = fixtureVariant(
      (f) => (f['graph.yaml'] = replaceOnce(f['graph.yaml'], '    kind: zone', '    kind: province')),
    );
    const text = messages(validateDataDir(dir).problems).join('\n');
    expect(text).toMatch(
      /graph\.yaml:59 nodes\[6\] \(district:fx-zone\) field "kind": must be one of city, district, zone, park, area \(got "province"\)/,
    );
  });

  it('reports an unknown source id and a record without any source', () => {
    const dir = fixtureVariant((f) => {
      f['graph.yaml'] = replaceOnce(
        f['graph.yaml'],
        'sources: [source:fx2],\n      confidence: low,\n      status: unverified,\n      product',
        'sources: [source:fx9],\n      confidence: low,\n      status: unverified,\n      product',
      );
      f['graph.yaml'] = replaceOnce(
        f['graph.yaml'],
        '    sources: [source:fx2]\n    quote: 外地测试公司',
        '    sources: []\n    quote: 外地测试公司',
      );
    });
    const text = messages(validateDataDir(dir).problems).join('\n');
    expect(text).toMatch(
      /relationships\[7\] \(SUPPLIES ent:fx-outside -> ent:fx-sat\) field "sources": unknown source "source:fx9"/,
    );
    expect(text).toMatch(/nodes\[9\] \(ent:fx-outside\) field "sources": needs at least one source/);
  });

  it('reports every problem at once: misspelt field, bad date, id prefix, wrong end label, segment level', () => {
    const dir = fixtureVariant((f) => {
      let g = f['graph.yaml'];
      g = replaceOnce(
        g,
        '    confidence: medium\n    status: confirmed\n    level: 2',
        '    confidance: medium\n    status: confirmed\n    level: 2',
      );
      g = replaceOnce(g, 'deadline: "2025-12-31"', 'deadline: "2025-02-30"');
      g = replaceOnce(
        g,
        '  - id: person:fx-someone\n    label: Person',
        '  - id: people:fx-someone\n    label: Person',
      );
      g = replaceOnce(
        g,
        'from: leader:fx-head,\n      to: chain:fx-opto',
        'from: leader:fx-head,\n      to: segment:fx-sat',
      );
      g = replaceOnce(g, '    level: 1', '    level: 2');
      f['graph.yaml'] = g;
    });
    const { problems } = validateDataDir(dir);
    const text = messages(problems).join('\n');
    expect(text).toContain('(segment:fx-sat-data) field "confidance": is not a field of this record');
    expect(text).toContain(
      '(segment:fx-sat-data) field "confidence": must be one of high, medium, low (it is missing)',
    );
    expect(text).toContain('(goal:fx-output) field "deadline": must be a real date YYYY-MM-DD (got "2025-02-30")');
    expect(text).toContain('(people:fx-someone) field "id": a Person id must start with "person:"');
    expect(text).toContain(
      '(PATRON_OF leader:fx-head -> segment:fx-sat) field "to": PATRON_OF must end at Chain, but "segment:fx-sat" is a Segment',
    );
    expect(text).toContain(
      '(segment:fx-sat) field "level": level 2 must be PART_OF a level-1 segment, but "chain:fx-opto" is a Chain',
    );
    expect(problems.length).toBeGreaterThanOrEqual(6);
  });

  it('reports YAML syntax errors with their line', () => {
    const dir = fixtureVariant((f) => (f['broken.yaml'] = 'nodes:\n  - id: chain:x\n    name: [unclosed\n'));
    const text = messages(validateDataDir(dir).problems).join('\n');
    expect(text).toMatch(/broken\.yaml:\d+: YAML syntax/);
  });

  it('`npm run seed -- validate` exits 1 with a readable list and no stack trace', () => {
    const dir = fixtureVariant(
      (f) => (f['graph.yaml'] = replaceOnce(f['graph.yaml'], '    kind: zone', '    kind: province')),
    );
    const run = spawnSync('npx', ['tsx', 'seed/cli.ts', 'validate', '--dir', dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('1 problem found; nothing was written');
    expect(run.stderr).toContain('field "kind": must be one of city, district, zone, park, area (got "province")');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('`npm run seed -- validate` exits 0 on valid files', () => {
    const run = spawnSync('npx', ['tsx', 'seed/cli.ts', 'validate', '--dir', VALID_FIXTURE_DIR], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('OK: 14 nodes and 14 relationships');
  });
});
