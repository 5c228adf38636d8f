// A chain's structure as graph elements: the chain, its segments at every level (PART_OF to the
// parent), FEEDS between segments, gap status as a class per segment; and a segment's firms.
import type { ChainViewQuery, SegmentFirmsQuery } from '../../api/generated.js';
import { t, tOr } from '../../i18n/index.js';
import { type ElementDefinition, edgeElement, nodeElement } from '../../canvas/elements.js';

export type ChainData = NonNullable<ChainViewQuery['chain']>;
export type SegmentData = ChainData['allSegments'][number];
type FirmRole = Extract<NonNullable<SegmentFirmsQuery['node']>, { enterprises: unknown }>['enterprises'][number];

/** Layout hint: these relationships point from child to parent, so hierarchical layouts reverse them. */
export const CHILD_TO_PARENT = ['PART_OF', 'IN_SEGMENT'] as const;

export function segmentSubtitle(segment: SegmentData, gap: string | undefined): string {
  const figures = t('chain.segmentFigures', { n: segment.enterpriseCount, local: segment.localEnterpriseCount });
  return gap ? `${tOr(`gap.${gap}`, gap)} · ${figures}` : figures;
}

export function chainElements(chain: ChainData, gaps: Map<string, string>): ElementDefinition[] {
  const els: ElementDefinition[] = [
    nodeElement({
      id: chain.id,
      type: 'CHAIN',
      name: chain.name,
      nameEn: chain.nameEn,
      subtitle: t('chain.chainFigures', { n: chain.enterpriseCount, local: chain.localEnterpriseCount }),
      props: {
        kind: chain.kind.toLowerCase(),
        identified: chain.identified,
        status: chain.status,
        confidence: chain.confidence,
      },
    }),
  ];
  const ids = new Set(chain.allSegments.map((s) => s.id));
  for (const segment of chain.allSegments) {
    const gap = gaps.get(segment.id);
    els.push(
      nodeElement({
        id: segment.id,
        type: 'SEGMENT',
        name: segment.name,
        nameEn: segment.nameEn,
        subtitle: segmentSubtitle(segment, gap),
        props: {
          level: segment.level,
          stage: segment.stage,
          status: segment.status,
          confidence: segment.confidence,
          enterpriseCount: segment.enterpriseCount,
          localEnterpriseCount: segment.localEnterpriseCount,
          gap: gap ?? null,
        },
        classes: gap ? [`gap-${gap}`, `level-${segment.level}`] : [`level-${segment.level}`],
      }),
    );
    const parent = segment.parent && ids.has(segment.parent.id) ? segment.parent.id : chain.id;
    els.push(
      edgeElement({ id: `PART_OF:${segment.id}->${parent}`, source: segment.id, target: parent, type: 'PART_OF' }),
    );
    for (const fed of segment.feeds)
      if (ids.has(fed.id))
        els.push(
          edgeElement({ id: `FEEDS:${segment.id}->${fed.id}`, source: segment.id, target: fed.id, type: 'FEEDS' }),
        );
  }
  return els;
}

export function firmElements(segmentId: string, firms: readonly FirmRole[]): ElementDefinition[] {
  const els: ElementDefinition[] = [];
  for (const role of firms) {
    const firm = role.entity;
    const props: Record<string, unknown> = { status: firm.status, confidence: firm.confidence };
    if ('local' in firm) Object.assign(props, { local: firm.local, tags: firm.tags });
    els.push(
      nodeElement({
        id: firm.id,
        type: firm.type,
        name: firm.name,
        nameEn: firm.nameEn,
        props,
        classes: [`in-${segmentId.replace(/[^a-z0-9-]/gi, '_')}`],
      }),
    );
    els.push(
      edgeElement({
        id: `IN_SEGMENT:${firm.id}->${segmentId}`,
        source: firm.id,
        target: segmentId,
        type: 'IN_SEGMENT',
        props: { role: role.role, status: role.status, confidence: role.confidence },
      }),
    );
  }
  return els;
}

export function moreElement(segmentId: string): ElementDefinition[] {
  const id = `more:${segmentId}`;
  return [
    {
      group: 'nodes',
      data: { id, type: 'MORE', label: t('chain.showMore'), segment: segmentId, w: 80, h: 20 },
      classes: 'more helper',
    },
    {
      group: 'edges',
      data: { id: `more-edge:${segmentId}`, source: id, target: segmentId, type: 'IN_SEGMENT' },
      classes: 'helper',
    },
  ];
}
