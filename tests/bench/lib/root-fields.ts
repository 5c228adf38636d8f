// One realistic operation per root field of the API (the selection a page or a researcher would ask
// for), with the ids it needs picked from the loaded data.
import type { Executor } from '../../../graph/executor.js';
import { CHAIN_VIEW_QUERY } from '../../../web/src/api/chain.js';

/** The web page's own chain view query (what a planner's browser asks for). */
export const CHAIN_VIEW = CHAIN_VIEW_QUERY;

export interface RootFieldCase {
  field: string;
  query: string;
  variables: Record<string, unknown>;
  /** Needs the analyst role. */
  analyst?: boolean;
}

export interface BenchIds {
  programId: string;
  chainId: string;
  segmentId: string;
  enterpriseId: string;
  otherEnterpriseId: string;
  searchText: string;
}

const ENTITY = 'id type name nameEn aliases confidence status citations { quote source { id name url } }';
const ROLE = 'relation role confidence status citations { quote source { id name } }';
const SLICE = 'nodes { id type label data } edges { id source target type data } truncated';

/** Ids of a chain with many firms (the heaviest views), a deep segment of it, and two firms in it. */
export async function pickIds(executor: Executor): Promise<BenchIds> {
  const [row] = await executor.query(
    `MATCH (c:Chain)-[:PART_OF]->(p:Program)
     CALL (c) { MATCH (e:Enterprise)-[:IN_SEGMENT]->(:Segment)-[:PART_OF*1..]->(c) RETURN count(DISTINCT e) AS firms }
     WITH c, p, firms ORDER BY firms DESC, c.id LIMIT 1
     MATCH (s:Segment)-[:PART_OF*1..]->(c)
     CALL (s) { MATCH (e:Enterprise)-[:IN_SEGMENT]->(s) RETURN count(e) AS inSeg }
     WITH c, p, s, inSeg ORDER BY inSeg DESC, s.id LIMIT 1
     MATCH (e:Enterprise)-[:IN_SEGMENT]->(s)
     WITH c, p, s, e ORDER BY e.id LIMIT 2
     WITH c, p, s, collect(e) AS firms
     RETURN p.id AS programId, c.id AS chainId, s.id AS segmentId, firms[0].id AS a, firms[-1].id AS b, firms[0].name AS name`,
  );
  if (!row?.chainId || !row.a)
    throw new Error('The loaded data has no chain with segments and enterprises to measure on.');
  return {
    programId: row.programId as string,
    chainId: row.chainId as string,
    segmentId: row.segmentId as string,
    enterpriseId: row.a as string,
    otherEnterpriseId: row.b as string,
    searchText: String(row.name).slice(0, 4),
  };
}

export function rootFieldCases(ids: BenchIds): RootFieldCase[] {
  return [
    {
      field: 'node',
      query: `query($id: ID!) { node(id: $id) { ${ENTITY} ... on Enterprise { local tags segments { ${ROLE} entity { id name } } districts { ${ROLE} entity { id name } } } } }`,
      variables: { id: ids.enterpriseId },
    },
    {
      field: 'search',
      query: `query($t: String!) { search(text: $t, first: 20, includeSynthetic: true) { score matchedOn entity { id type name } } }`,
      variables: { t: ids.searchText },
    },
    {
      field: 'search (1 character)',
      query: `query($t: String!) { search(text: $t, first: 20, includeSynthetic: true) { score matchedOn entity { id type name } } }`,
      variables: { t: ids.searchText.slice(0, 1) },
    },
    {
      field: 'programs',
      query: `{ programs(includeSynthetic: true) { ${ENTITY} chains { id name kind identified } } }`,
      variables: {},
    },
    {
      field: 'chains',
      query: `query($p: ID) { chains(programId: $p, includeSynthetic: true) { id name kind identified enterpriseCount localEnterpriseCount owners { leader { id title } } } }`,
      variables: { p: ids.programId },
    },
    {
      field: 'chain',
      query: `query($id: ID!) { chain(id: $id) { ${ENTITY} kind identified enterpriseCount
        patrons { relation leader { id title } citations { quote } } owners { relation leader { id title } }
        segments { id name level stage enterpriseCount children { id name level enterpriseCount feeds { id } } feeds { id } }
        districts { ${ROLE} entity { id name } } supporters { ${ROLE} entity { id name } } leadEnterprises { ${ROLE} entity { id name } } } }`,
      variables: { id: ids.chainId },
    },
    { field: 'leaders', query: `{ leaders(includeSynthetic: true) { ${ENTITY} title body } }`, variables: {} },
    {
      field: 'neighborhood',
      query: `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 200) { ${SLICE} } }`,
      variables: { id: ids.enterpriseId },
    },
    {
      field: 'path',
      query: `query($a: ID!, $b: ID!) { path(from: $a, to: $b, maxHops: 6) { ${SLICE} } }`,
      variables: { a: ids.enterpriseId, b: ids.otherEnterpriseId },
    },
    {
      field: 'responsibility',
      query: `query($id: ID!) { responsibility(id: $id) { relation hops leader { id title } via { id name } path { ${SLICE} } } }`,
      variables: { id: ids.enterpriseId },
    },
    {
      field: 'gaps',
      query: `query($id: ID!) { gaps(chainId: $id) { status localEnterprises externalSuppliers targetsInPipeline explanation segment { id name level } evidence { ${SLICE} } } }`,
      variables: { id: ids.chainId },
    },
    {
      field: 'recommendTargets',
      query: `query($id: ID!) { recommendTargets(segmentId: $id, first: 10) { score enterprise { id name } reasons { kind weight text path { ${SLICE} } } } }`,
      variables: { id: ids.segmentId },
      analyst: true,
    },
    {
      field: 'goals',
      query: `query($id: ID) { goals(chainId: $id) { metric targetValue unit deadline basis progress coverage goal { id name } latest { value asOf } } }`,
      variables: { id: ids.chainId },
    },
    {
      field: 'cypher',
      query: `query($q: String!, $p: JSON) { cypher(query: $q, params: $p) { columns rows truncated } }`,
      variables: {
        q: 'MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment {id: $s}) RETURN e.id AS id, e.name AS name ORDER BY id LIMIT 100',
        p: { s: ids.segmentId },
      },
      analyst: true,
    },
  ];
}

/** The chain view of the web page, used for the throughput figure (a real query). */
export function chainViewCase(ids: BenchIds): RootFieldCase {
  return { field: 'chain (web chain view)', query: CHAIN_VIEW, variables: { id: ids.chainId } };
}
