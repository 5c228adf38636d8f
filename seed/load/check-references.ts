// Reference checks of a dataset: cited sources exist, relationship ends exist and have the labels
// graph-model.md allows, the segment hierarchy is well formed, goals and observations are attached.
import { labelOfId, RELATIONSHIPS, type Label } from '../../graph/model.js';
import { problemAt, type Dataset, type SeedNode, type SeedRel } from './dataset.js';
import type { Problem } from './problems.js';

const at = (record: SeedNode | SeedRel, field?: string): Omit<Problem, 'message'> => problemAt(record.at, field);

/** `partial`: records that failed their schema; their sources and ends are checked too, nothing else. */
export function checkReferences(dataset: Dataset, existing?: ReadonlyMap<string, Label>, partial?: Dataset): Problem[] {
  const problems: Problem[] = [];
  const labels = new Map<string, Label>(existing ?? []);
  for (const node of [...dataset.nodes, ...(partial?.nodes ?? [])]) labels.set(node.id, node.label);
  const labelOf = (id: string) => labels.get(id);

  const checkSources = (record: SeedNode | SeedRel) => {
    const sources = record.props.sources as string[] | undefined;
    for (const source of sources ?? []) {
      const label = labelOf(source);
      if (!label)
        problems.push({
          ...at(record, 'sources'),
          message: `unknown source "${source}": no Source has this id (add it to seed/data/sources.yaml; in an import, a URL or title creates a new Source)`,
        });
      else if (label !== 'Source')
        problems.push({ ...at(record, 'sources'), message: `"${source}" is a ${label}, not a Source` });
    }
  };
  dataset.nodes.forEach(checkSources);
  partial?.nodes.forEach(checkSources);

  for (const rel of [...dataset.relationships, ...(partial?.relationships ?? [])]) {
    checkSources(rel);
    const allowed = RELATIONSHIPS[rel.type];
    if (!allowed) continue; // an unknown type was reported by the schema check
    for (const end of ['from', 'to'] as const) {
      const id = rel[end];
      const label = labelOf(id);
      const permitted = allowed[end] as readonly Label[];
      if (!label) {
        const hint = labelOfId(id) ? '' : ' (its prefix names no label either)';
        problems.push({ ...at(rel, end), message: `"${id}" does not exist${hint}: no node has this id` });
      } else if (!permitted.includes(label)) {
        problems.push({
          ...at(rel, end),
          message: `${rel.type} must ${end === 'from' ? 'start at' : 'end at'} ${permitted.join(' or ')}, but "${id}" is a ${label}`,
        });
      }
    }
    if (rel.from === rel.to) problems.push({ ...at(rel, 'to'), message: `${rel.type} from "${rel.from}" to itself` });
    const { validFrom, validTo } = rel.props as { validFrom?: string; validTo?: string };
    if (validFrom && validTo && validFrom > validTo)
      problems.push({ ...at(rel, 'validTo'), message: `validTo ${validTo} is before validFrom ${validFrom}` });
  }

  problems.push(...checkSegments(dataset, labelOf));
  problems.push(...checkAttached(dataset));
  return problems;
}

/** Each segment of the dataset is PART_OF exactly one parent: a Chain at level 1, a Segment one level up otherwise. */
function checkSegments(dataset: Dataset, labelOf: (id: string) => Label | undefined): Problem[] {
  const problems: Problem[] = [];
  const segments = new Map(dataset.nodes.filter((n) => n.label === 'Segment').map((n) => [n.id, n]));
  const parents = new Map<string, SeedRel[]>();
  for (const rel of dataset.relationships) {
    if (rel.type === 'PART_OF' && segments.has(rel.from))
      parents.set(rel.from, [...(parents.get(rel.from) ?? []), rel]);
  }
  const chainOf = (id: string, depth = 0): string | undefined => {
    const up = parents.get(id)?.[0]?.to;
    if (!up || depth > 20) return undefined;
    return labelOf(up) === 'Chain' ? up : chainOf(up, depth + 1);
  };
  for (const segment of segments.values()) {
    const level = segment.props.level as number;
    const links = parents.get(segment.id) ?? [];
    if (links.length === 0) {
      problems.push({
        ...at(segment, 'level'),
        message: `segment has no PART_OF: link it to its ${level === 1 ? 'chain' : `level-${level - 1} segment`}`,
      });
      continue;
    }
    if (links.length > 1) {
      problems.push({
        ...at(segment),
        message: `segment is PART_OF ${links.map((l) => l.to).join(' and ')}; a segment has one parent`,
      });
    }
    const parent = links[0].to;
    if (level === 1 && labelOf(parent) !== 'Chain') {
      problems.push({
        ...at(segment, 'level'),
        message: `level 1 means directly under a chain, but its PART_OF goes to "${parent}"`,
      });
    } else if (level > 1) {
      const parentLevel = segments.get(parent)?.props.level;
      if (labelOf(parent) !== 'Segment' || parentLevel !== level - 1) {
        problems.push({
          ...at(segment, 'level'),
          message: `level ${level} must be PART_OF a level-${level - 1} segment, but "${parent}" is ${labelOf(parent) === 'Segment' ? `level ${parentLevel}` : `a ${labelOf(parent) ?? 'missing node'}`}`,
        });
      }
    }
  }
  for (const rel of dataset.relationships) {
    if (rel.type !== 'FEEDS' || !segments.has(rel.from) || !segments.has(rel.to)) continue;
    const a = chainOf(rel.from);
    const b = chainOf(rel.to);
    if (a && b && a !== b)
      problems.push({
        ...at(rel, 'to'),
        message: `FEEDS links segments of two chains (${a} and ${b}); FEEDS orders segments within one chain`,
      });
  }
  return problems;
}

/** Every goal has its own GOAL_OF; every observation DESCRIBES or MEASURES something. */
function checkAttached(dataset: Dataset): Problem[] {
  const problems: Problem[] = [];
  const outgoing = new Map<string, Set<string>>();
  for (const rel of dataset.relationships) {
    const types = outgoing.get(rel.from) ?? new Set<string>();
    types.add(rel.type);
    outgoing.set(rel.from, types);
  }
  for (const node of dataset.nodes) {
    const types = outgoing.get(node.id);
    if (node.label === 'Goal' && !types?.has('GOAL_OF')) {
      problems.push({
        ...at(node),
        message: 'goal has no GOAL_OF: say whose target it is (a chain, segment, district or program)',
      });
    }
    if (node.label === 'Observation' && !types?.has('DESCRIBES') && !types?.has('MEASURES')) {
      problems.push({ ...at(node), message: 'observation has no DESCRIBES or MEASURES: say what it is about' });
    }
  }
  return problems;
}
