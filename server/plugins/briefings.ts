// The briefing routes: GET /briefings/<token> hands out a rendered briefing once (a browser link, so
// no bearer header: the token is the permission, short-lived and single-use), and GET
// /briefings/print/<token> gives the print page its model once.
import type { Plugin } from 'graphql-yoga';
import type { BriefingService } from '../briefing/service.js';

const gone = (what: string) =>
  new Response(
    `This ${what} link was already used or has expired (links live 5 minutes and work once). Export the briefing again.`,
    {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    },
  );

export function useBriefings(service: BriefingService): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (request.method !== 'GET' || !url.pathname.startsWith('/briefings/')) return;
      const rest = url.pathname.slice('/briefings/'.length);
      const noStore = { 'cache-control': 'no-store' };
      if (rest.startsWith('print/')) {
        const model = service.prints.take(rest.slice('print/'.length));
        endResponse(
          model
            ? new Response(JSON.stringify(model), {
                headers: { 'content-type': 'application/json; charset=utf-8', ...noStore },
              })
            : gone('print'),
        );
        return;
      }
      const file = service.downloads.take(rest);
      if (!file) return endResponse(gone('briefing'));
      endResponse(
        new Response(new Uint8Array(file.bytes), {
          headers: {
            'content-type': file.contentType,
            'content-disposition': `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
            ...noStore,
          },
        }),
      );
    },
  };
}
