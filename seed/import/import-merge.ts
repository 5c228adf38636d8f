// How an imported row meets a node or relationship that already exists: sources, aliases and tags
// are united (no provenance is lost), the existing name, quote, confidence and status are kept (an
// import does not downgrade a confirmed fact), and a target's earlier pipeline stage goes to history.
import type { Props } from '../../graph/upsert.js';

const union = (...lists: unknown[]) => {
  const out: string[] = [];
  for (const list of lists)
    for (const item of (list as string[] | undefined) ?? []) if (!out.includes(item)) out.push(item);
  return out;
};

const KEPT = ['quote', 'confidence', 'status'] as const;

export function mergeNodeProps(existing: Props | undefined, incoming: Props): Props {
  if (!existing) return incoming;
  const out: Props = { ...incoming, sources: union(existing.sources, incoming.sources) };
  for (const key of KEPT) if (existing[key] !== undefined && existing[key] !== null) out[key] = existing[key];
  const renamed = typeof existing.name === 'string' && incoming.name !== undefined && incoming.name !== existing.name;
  if (renamed) out.name = existing.name;
  if (renamed || incoming.aliases || existing.aliases)
    out.aliases = union(existing.aliases, incoming.aliases, renamed ? [incoming.name] : []);
  if (incoming.tags || existing.tags) out.tags = union(existing.tags, incoming.tags);
  return out;
}

export function mergeRelProps(existing: Props | undefined, incoming: Props): Props {
  if (!existing) return incoming;
  const out: Props = { ...incoming, sources: union(existing.sources, incoming.sources) };
  for (const key of KEPT) if (existing[key] !== undefined && existing[key] !== null) out[key] = existing[key];
  if (typeof existing.stage === 'string' && incoming.stage !== undefined && incoming.stage !== existing.stage) {
    // A TARGET_FOR that moves on keeps where it was: "在谈@2024-03-01".
    out.stageHistory = union(existing.stageHistory, [`${existing.stage}@${existing.stageSince ?? 'unknown'}`]);
  }
  return out;
}
