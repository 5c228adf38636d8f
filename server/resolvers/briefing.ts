// The briefing mutation and the formats query: the caller's role decides whether targets are in the
// document; the file waits for one download at the returned URL (no bearer header needed there).
import { BriefingUnavailable } from '../briefing/pdf.js';
import { noChromiumMessage } from '../briefing/chromium.js';
import { badUserInput } from '../errors.js';
import type { MutationResolvers, QueryResolvers } from '../generated/graphql.js';

const KINDS = { CHAIN: 'chain', LEADER: 'leader', DISTRICT: 'district' } as const;

export const briefingQuery: Pick<QueryResolvers, 'briefingFormats'> = {
  briefingFormats: (_parent, _args, context) => {
    const chromium = context.config.chromium;
    return { docx: true, pdf: chromium.path !== null, pdfMessage: chromium.path ? null : noChromiumMessage(chromium) };
  },
};

export const briefingMutation: Pick<MutationResolvers, 'briefing'> = {
  briefing: async (_parent, { scope, asOf, since, lang, format }, context) => {
    if (asOf && since && since > asOf)
      throw badUserInput(`since (${since}) is after asOf (${asOf}): give a start before the briefing's date.`);
    const fmt = format === 'PDF' ? 'pdf' : 'docx';
    if (fmt === 'pdf' && !context.config.chromium.path) throw badUserInput(noChromiumMessage(context.config.chromium));
    try {
      const made = await context.briefings.create(
        {
          scope: { kind: KINDS[scope.kind], id: scope.id },
          asOf: asOf ?? null,
          since: since ?? null,
          lang: lang === 'EN' ? 'en' : 'zh',
          canSeeTargets: context.access.canSeeTargets,
        },
        fmt,
        new URL(context.request.url).origin,
      );
      return {
        url: made.path,
        expiresAt: made.expiresAt.toISOString(),
        fileName: made.fileName,
        format,
        bytes: made.bytes,
      };
    } catch (error) {
      if (error instanceof BriefingUnavailable) throw badUserInput(error.message);
      throw error;
    }
  },
};
