// Registry writes (ingestion contract §3): the file's dataset Source, its firms, their districts and
// placements. One call = one batch in the caller's write transaction; idempotent, so a rerun with no
// reviews in between changes nothing, and a person's confirmation or rejection is never overwritten.
import type { ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../executor.js';
import { edgeId } from '../model.js';
import type { Change } from './curation.js';
import { confidenceOf } from './proposals.js';
import { type BulkRelationshipProposal, createRelationshipProposals } from './proposals-bulk.js';
import { currentImages, lockedImages } from './stamps.js';

export interface RegistryPlacement {
  segmentId: string;
  score: number;
  because: string;
  quote: string;
  confident: boolean;
  /** Below the floor after learning: written only as kept-confirmed / kept-rejected when reviewed. */
  dropped?: boolean;
}

export interface RegistryFirm {
  id: string;
  name: string;
  uscc: string;
  registrationStatus: string | null;
  formerNames: string[];
  tags: string[];
  local: boolean;
  districtId: string | null;
  placements: RegistryPlacement[];
}

export interface RegistryBatchMeta {
  jobId: string;
  sourceId: string;
  programId: string | null;
  /** Maps a score to the stored confidence (KG_CONFIDENCE_HIGH / _MEDIUM). */
  confidence: { high: number; medium: number };
}

export type PlacementWritten = 'IN_SEGMENT' | 'proposal' | 'kept-confirmed' | 'kept-rejected' | 'dropped';

export interface FirmOutcome {
  action: 'created' | 'updated' | 'unchanged';
  written: PlacementWritten[];
}

/** The file as a Source of kind dataset, one per SHA-256 (a rerun of the same bytes finds it). */
export async function upsertDatasetSource(
  tx: ManagedTransaction,
  input: { id: string; name: string; sha256: string; jobId: string },
): Promise<void> {
  await runRows(
    tx,
    `MERGE (s:Source {id: $id})
     ON CREATE SET s.name = $name, s.kind = 'dataset', s.sha256 = $sha256, s.jobId = $jobId, s.createdAt = datetime(),
                   s.updatedAt = s.createdAt, s.writtenBy = $jobId`,
    input,
  );
}

const FIRM_FIELDS = ['name', 'uscc', 'registrationStatus', 'formerNames', 'tags', 'local'] as const;

/** Writes one batch of firms; returns one outcome per firm (same order) and the changes to audit. */
export async function writeRegistryBatch(
  tx: ManagedTransaction,
  firms: RegistryFirm[],
  meta: RegistryBatchMeta,
): Promise<{ outcomes: FirmOutcome[]; changes: Change[] }> {
  // Before-images under the write lock, so each firm's audit entry chains on the previous committed one.
  const firmIds = [...new Set(firms.map((f) => f.id))];
  const beforeFirms = await lockedImages(tx, firmIds);
  // A confirmed firm keeps every property it has; only empty ones are filled.
  const sets = FIRM_FIELDS.map(
    (k) =>
      `e.${k} = CASE WHEN e.${k} IS NULL OR (coalesce(e.status, '') <> 'confirmed' AND NOT e.${k} = f.${k}) THEN f.${k} ELSE e.${k} END`,
  ).join(', ');
  const changed = FIRM_FIELDS.map(
    (k) =>
      `(f.${k} IS NOT NULL AND (old.${k} IS NULL OR (coalesce(old.status, '') <> 'confirmed' AND NOT old.${k} = f.${k})))`,
  ).join(' OR ');
  const firmRows = await runRows(
    tx,
    `UNWIND range(0, size($firms) - 1) AS i
     WITH i, $firms[i] AS f
     OPTIONAL MATCH (old:Enterprise {id: f.id})
     WITH i, f, old IS NULL AS isNew, CASE WHEN old IS NULL THEN false ELSE ${changed} END AS isChanged
     MERGE (e:Enterprise {id: f.id})
     ON CREATE SET e.sources = [$sourceId], e.quote = f.name, e.confidence = 'high', e.status = 'unverified',
                   e.jobId = $jobId, e.createdAt = datetime(), e.updatedAt = e.createdAt, e.writtenBy = $jobId
     SET ${sets}
     FOREACH (_ IN CASE WHEN isChanged THEN [1] ELSE [] END |
       SET e.updatedByJob = $jobId, e.writtenBy = $jobId, e.updatedAt = datetime(), e.sources = CASE WHEN $sourceId IN e.sources THEN e.sources ELSE e.sources + $sourceId END)
     WITH i, f, e, isNew, isChanged
     OPTIONAL MATCH (d:District {id: f.districtId})
     FOREACH (_ IN CASE WHEN d IS NULL THEN [] ELSE [1] END |
       MERGE (e)-[l:LOCATED_IN]->(d)
       ON CREATE SET l.sources = [$sourceId], l.quote = f.name, l.confidence = 'high', l.status = 'unverified',
                     l.jobId = $jobId, l.createdAt = datetime(), l.updatedAt = l.createdAt, l.writtenBy = $jobId,
                     l.newlyLocated = true)
     WITH i, e, isNew, isChanged
     OPTIONAL MATCH (e)-[nl:LOCATED_IN {newlyLocated: true}]->(nd:District)
     REMOVE nl.newlyLocated
     WITH i, e, isNew, isChanged, collect(nd.id) AS locatedTo
     RETURN i, e.id AS id, isNew, isChanged OR size(locatedTo) > 0 AS isChanged, locatedTo ORDER BY i`,
    { firms, sourceId: meta.sourceId, jobId: meta.jobId },
  );
  const outcomes: FirmOutcome[] = firmRows.map((r) => ({
    action: r.isNew ? 'created' : r.isChanged ? 'updated' : 'unchanged',
    written: [],
  }));
  const newRelationships = firmRows.flatMap((r) =>
    (r.locatedTo as string[]).map((d) => edgeId('LOCATED_IN', r.id as string, d)),
  );
  const changes: Change[] = [];

  // What people said about each placement already: a relationship's status, or a reviewed proposal.
  const pairs = firms.flatMap((f, i) => f.placements.map((p, j) => ({ i, j, from: f.id, to: p.segmentId })));
  const known = await runRows(
    tx,
    `UNWIND $pairs AS p
     OPTIONAL MATCH (:Enterprise {id: p.from})-[r:IN_SEGMENT]->(:Segment {id: p.to})
     OPTIONAL MATCH (q:Proposal {target: p.target}) WHERE q.status IN ['confirmed', 'rejected']
     WITH p, r, q ORDER BY q.reviewedAt DESC
     WITH p, head(collect(r.status)) AS relStatus, head(collect(r.method)) AS method, head(collect(q.status)) AS reviewed
     RETURN p.i AS i, p.j AS j, relStatus, method, reviewed,
       EXISTS { MATCH (o:Proposal {target: p.target, status: 'proposed'}) } AS open,
       EXISTS { MATCH (o:Proposal {target: p.target}) WHERE o.sourceId = $sourceId } AS filed`,
    { pairs: pairs.map((p) => ({ ...p, target: edgeId('IN_SEGMENT', p.from, p.to) })), sourceId: meta.sourceId },
  );
  const toWrite: Record<string, unknown>[] = [];
  const toPropose: BulkRelationshipProposal[] = [];
  // One code under two names gives two rows of one firm: its placement is written or filed once.
  const taken = new Set<string>();
  for (const k of known) {
    const i = Number(k.i);
    const j = Number(k.j);
    const firm = firms[i];
    const p = firm.placements[j];
    const out = outcomes[i];
    let written: PlacementWritten;
    if (k.relStatus === 'confirmed' || (k.reviewed === 'confirmed' && k.relStatus !== 'rejected'))
      written = 'kept-confirmed';
    else if (k.relStatus === 'rejected' || k.reviewed === 'rejected') written = 'kept-rejected';
    else if (k.relStatus)
      written = 'IN_SEGMENT'; // already machine-placed: left as it is
    else if (p.dropped)
      written = 'dropped'; // below the floor after learning, and nobody reviewed it
    else if (k.open)
      written = 'proposal'; // waiting for review: a later, higher score does not bypass it
    else if (taken.has(`${firm.id}>${p.segmentId}`)) written = p.confident ? 'IN_SEGMENT' : 'proposal';
    else if (p.confident) {
      written = 'IN_SEGMENT';
      taken.add(`${firm.id}>${p.segmentId}`);
      toWrite.push({ from: firm.id, to: p.segmentId, score: p.score, because: p.because, quote: p.quote });
      if (out.action === 'unchanged') out.action = 'updated';
    } else {
      written = 'proposal';
      // this file filed it before (a rerun files nothing twice)
      if (!k.filed) {
        taken.add(`${firm.id}>${p.segmentId}`);
        toPropose.push({
          type: 'IN_SEGMENT',
          from: firm.id,
          to: p.segmentId,
          properties: { role: 'member' },
          quote: p.quote,
          confidence: confidenceOf(p.score, meta.confidence),
          comment: p.because,
          meta: {
            programId: meta.programId,
            sourceId: meta.sourceId,
            jobId: meta.jobId,
            rule: p.because,
            score: p.score,
          },
        });
        if (out.action === 'unchanged') out.action = 'updated';
      }
    }
    out.written[j] = written;
  }
  changes.push(...(await createRelationshipProposals(tx, meta.sourceId, toPropose)));
  if (toWrite.length)
    await runRows(
      tx,
      `UNWIND $rows AS w
       MATCH (e:Enterprise {id: w.from}), (s:Segment {id: w.to})
       CREATE (e)-[:IN_SEGMENT {role: 'member', status: 'unverified', method: 'classifier', score: w.score,
                                because: w.because, quote: w.quote, sources: [$sourceId], confidence: $confidence,
                                jobId: $jobId, writtenBy: $jobId, createdAt: datetime(), updatedAt: datetime()}]->(s)`,
      { rows: toWrite, sourceId: meta.sourceId, jobId: meta.jobId, confidence: 'medium' },
    );
  for (const w of toWrite) newRelationships.push(edgeId('IN_SEGMENT', w.from as string, w.to as string));
  // One change per firm (a firm twice in a batch is one change) and per new relationship; the caller
  // stamps them (graph/queries/stamps.ts), which leaves unchanged firms as they are.
  const afterFirms = await currentImages(tx, firmIds);
  for (const id of firmIds)
    changes.push({ target: id, before: beforeFirms.get(id) ?? null, after: afterFirms.get(id) ?? null });
  const afterRelationships = await currentImages(tx, newRelationships);
  for (const [target, after] of afterRelationships) changes.push({ target, before: null, after });
  return { outcomes, changes };
}

/**
 * Removes what a job wrote that no person reviewed: its unreviewed proposals, its unreviewed
 * relationships (a person's rejection stays, so later imports still learn from it), the unconfirmed
 * firms it created that no review holds (with whatever they still hang on) and its Source when nothing
 * else cites it. Properties it changed on older firms stay (their earlier values were not kept).
 */
export async function undoRegistryJob(tx: ManagedTransaction, jobId: string): Promise<Record<string, number>> {
  const [p] = await runRows(
    tx,
    `OPTIONAL MATCH (q:Proposal {jobId: $jobId, status: 'proposed'}) DETACH DELETE q RETURN count(q) AS n`,
    { jobId },
  );
  const [r] = await runRows(
    tx,
    // a firm a person's review keeps keeps the location the file gave it (local is derived from it)
    `OPTIONAL MATCH (a)-[r {jobId: $jobId}]->() WHERE NOT coalesce(r.status, '') IN ['confirmed', 'rejected']
       AND NOT (type(r) = 'LOCATED_IN' AND EXISTS { MATCH (a)-[x]-() WHERE x.status IN ['confirmed', 'rejected'] })
     DELETE r RETURN count(r) AS n`,
    { jobId },
  );
  const [e] = await runRows(
    tx,
    `OPTIONAL MATCH (e:Enterprise {jobId: $jobId}) WHERE coalesce(e.status, '') <> 'confirmed'
       AND NOT EXISTS { MATCH (e)-[x]-() WHERE x.status IN ['confirmed', 'rejected'] }
     DETACH DELETE e RETURN count(e) AS n`,
    { jobId },
  );
  const [s] = await runRows(
    tx,
    `OPTIONAL MATCH (s:Source {jobId: $jobId})
     WHERE NOT EXISTS { MATCH (n) WHERE s.id IN n.sources AND n <> s }
       AND NOT EXISTS { MATCH ()-[x]->() WHERE s.id IN x.sources }
       AND NOT EXISTS { MATCH (q:Proposal {sourceId: s.id}) }
     DETACH DELETE s RETURN count(s) AS n`,
    { jobId },
  );
  return { proposals: Number(p.n), relationships: Number(r.n), enterprises: Number(e.n), sources: Number(s.n) };
}
