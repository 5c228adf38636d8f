// Files a read document in ONE write transaction: its Source (text, sha256) and one proposal per fact,
// relationships depending on the proposals of the new nodes they need. A failure rolls everything back.
// Facts about nodes that already exist are not filed as node proposals (the node is in the graph);
// a fact this source already filed is skipped; one rejected before (from another document) is filed
// again, flagged with that rejection.
import { createHash } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Change } from '../../graph/queries/curation.js';
import { upsertNode } from '../../graph/queries/curation.js';
import { alreadyProposed, confidenceOf, createProposal, findEarlierRejection } from '../../graph/queries/proposals.js';
import { GraphError } from '../../graph/errors.js';
import { edgeId } from '../../graph/model.js';
import type { JobCounts } from '../../graph/queries/jobs.js';
import { inScope, programScope } from '../../graph/queries/programs.js';
import { deriveLinks } from './derive-links.js';
import type { ExtractedFact, ExtractedRef, Extraction } from './engine.js';

export interface DocumentMeta {
  title: string;
  url?: string | null;
  publisher?: string | null;
  publishedOn?: string | null;
}

export interface FilingOptions {
  jobId: string;
  programId: string | null;
  force: boolean;
  thresholds: { high: number; medium: number };
}

/** The Source id of a text: the same normalised text (as HTML, DOCX or pasted) is one source. */
export const sourceIdOf = (sha256: string) => `source:doc-${sha256.slice(0, 16)}`;

export const sha256Of = (text: string) => createHash('sha256').update(text).digest('hex');

export async function fileDocument(
  tx: ManagedTransaction,
  meta: DocumentMeta,
  extraction: Extraction,
  options: FilingOptions,
): Promise<{ sourceId: string; counts: JobCounts; changes: Change[]; warnings: string[] }> {
  const warnings: string[] = [];
  const sourceId = sourceIdOf(extraction.sha256);
  const props: Record<string, unknown> = {
    name: meta.title,
    text: extraction.text,
    sha256: extraction.sha256,
    jobId: options.jobId,
  };
  if (meta.url) props.url = meta.url;
  if (meta.publisher) props.publisher = meta.publisher;
  if (meta.publishedOn) props.publishedOn = meta.publishedOn;
  const changes: Change[] = [await upsertNode(tx, 'Source', sourceId, props)];
  const counts: JobCounts = { facts: extraction.facts.length, proposals: 0, skipped: 0, reproposed: 0 };
  const programId = extraction.programId ?? options.programId;
  const derived = deriveLinks(extraction.facts, meta.publishedOn);
  warnings.push(...derived.warnings);
  const facts = withRegion(derived.facts);
  // Node id → the proposal that introduces it (this batch first, then pending proposals in the graph).
  const introduced = new Map<string, string>();
  const file = async (fact: ExtractedFact, body: Parameters<typeof createProposal>[1]['node'] | null) => {
    const target = body ? body.id : edgeId(fact.type!, fact.from!.id, fact.to!.id);
    if (!options.force && (await alreadyProposed(tx, target, sourceId))) {
      counts.skipped++;
      return null;
    }
    const ends = body ? regionOf(body.properties) : [fact.from!, fact.to!].filter((r) => !r.existing).map((r) => r.id);
    const dependsOn: string[] = [];
    for (const end of ends) {
      const dependency = introduced.get(end) ?? (await pendingProposalOf(tx, end));
      if (dependency) dependsOn.push(dependency);
    }
    if (!body && dependsOn.length < ends.length) {
      counts.skipped++; // an end no proposal introduces: nothing to confirm it with
      return null;
    }
    const earlierRejection = await findEarlierRejection(tx, target, sourceId);
    const filed = await createProposal(
      tx,
      {
        node: body,
        relationship: body
          ? null
          : { type: fact.type!, from: fact.from!.id, to: fact.to!.id, properties: fact.properties },
        sources: [sourceId],
        quote: fact.quote,
        confidence: confidenceOf(fact.score, options.thresholds),
      },
      {
        programId,
        sourceId,
        jobId: options.jobId,
        start: fact.start,
        end: fact.end,
        rule: fact.rule,
        score: fact.score,
        dependsOn,
        earlierRejection,
      },
      new Set([...introduced.keys(), ...ends]),
    ).catch((error: unknown) => {
      // The model's own checks (an end the extractor thought existed, a type that does not fit) skip
      // the fact; anything else (the database) fails the job.
      if (error instanceof GraphError && ['BAD_USER_INPUT', 'NOT_FOUND'].includes(error.code)) {
        warnings.push(`Not filed: ${fact.quote.slice(0, 40)}… (${error.message})`);
        return null;
      }
      throw error;
    });
    if (!filed) {
      counts.skipped++;
      return null;
    }
    const { proposal, change } = filed;
    if (earlierRejection) counts.reproposed++;
    counts.proposals++;
    changes.push(change);
    return proposal.id;
  };
  // Nodes first (districts before programs, so a program can depend on its region), then relationships.
  const nodes = facts.filter((f) => f.kind === 'NODE').sort((a, b) => rank(a) - rank(b));
  for (const fact of nodes) {
    if (!fact.node || fact.node.existing) {
      counts.skipped++;
      continue;
    }
    const id = await file(fact, { id: fact.node.id, properties: { name: fact.node.name, ...fact.properties } });
    if (id) introduced.set(fact.node.id, id);
  }
  // Program-scoped nodes are matched only within the document's program: an existing chain or post of
  // another program (Changchun's, for a document about Luzhou) is never linked to.
  const scope = programId ? await programScope(tx, programId) : null;
  const foreign = (ref: ExtractedRef) =>
    ref.existing && SCOPED.has(ref.label) && !(scope && inScope(scope, ref.label, ref.id));
  for (const fact of facts.filter((f) => f.kind === 'RELATIONSHIP')) {
    if (!fact.type || !fact.from || !fact.to) counts.skipped++;
    else if (foreign(fact.from) || foreign(fact.to)) {
      counts.skipped++;
      warnings.push(
        `Not filed: ${fact.type} ${fact.from.name} → ${fact.to.name} links a chain or post of another program.`,
      );
    } else await file(fact, null);
  }
  return { sourceId, counts, changes, warnings };
}

const SCOPED = new Set(['Program', 'Chain', 'Segment', 'Leader']);

const rank = (fact: ExtractedFact) => (fact.label === 'District' ? 0 : fact.label === 'Program' ? 2 : 1);

const regionOf = (properties: Record<string, unknown>) =>
  typeof properties.region === 'string' ? [properties.region] : [];

async function pendingProposalOf(tx: ManagedTransaction, nodeId: string): Promise<string | null> {
  const result = await tx.run(
    "MATCH (p:Proposal {target: $id, status: 'proposed', kind: 'NODE'}) RETURN p.id AS id ORDER BY p.proposedAt LIMIT 1",
    { id: nodeId },
  );
  return (result.records[0]?.get('id') as string) ?? null;
}

/**
 * A new Program without a region gets the one city or province the same document introduces or names
 * (its region is what makes firms local to it); with none or several, the region stays unknown.
 */
function withRegion(facts: ExtractedFact[]): ExtractedFact[] {
  const regions = facts.filter(
    (f) => f.kind === 'NODE' && f.label === 'District' && ['city', 'province'].includes(String(f.properties.kind)),
  );
  if (regions.length !== 1 || !regions[0].node) return facts;
  const region = regions[0].node.id;
  return facts.map((f) =>
    f.kind === 'NODE' && f.label === 'Program' && f.node && !f.node.existing && f.properties.region === undefined
      ? { ...f, properties: { ...f.properties, region } }
      : f,
  );
}
