import { createServer } from 'node:http';
import {
  AdminInputError,
  defineMock,
  EWS_MAX_CONTENT,
  IIS_DEFAULT_MAX_CONTENT,
  listenOn,
  parseJson,
  serveHandlers,
  unmatchedRequests,
} from '../admin';
import { poxAutodiscover, soapAutodiscover } from './autodiscover';
import { parseDirectoryStream, recipientsFromJson } from './directory';
import { ewsHandler } from './ews';
import { OAB_SCHEDULES } from './oab-schedule';
import { oabVirtualDirectory } from './oab-vdir';
import { ExchangeState } from './state';
import { XML_BYTES_TO_KEEP } from './xml';

/**
 * Exchange Online as Lync Online's clients saw it in 2014: Autodiscover (POX and SOAP), EWS
 * ResolveNames against the Unified Contact Store, and the OAB virtual directory, on one loopback
 * HTTP port next to the admin API.
 */
export const startExchangeMock = defineMock({
  name: 'exchange',
  setup({ clock, journal, faults }) {
    const state = new ExchangeState(clock, journal, faults);
    const handlers = [
      poxAutodiscover(state),
      soapAutodiscover(state),
      ewsHandler(state),
      oabVirtualDirectory(state),
    ];
    const unmatched = unmatchedRequests(
      journal,
      'http.unmatched',
      (method, path) => new Response(`[mock:exchange] no handler for ${method} ${path}`, { status: 404 }),
    );
    return {
      admin: {
        reset: () => {
          state.mechanism.reset();
          state.reset();
        },
        loadStream: async (body) => {
          const { recipients, password } = await parseDirectoryStream(body);
          state.load(recipients, password);
          return { loaded: state.fixtures.length, oab: state.oab.state() };
        },
        routes: {
          'GET /__admin/oab': () => ({ json: state.oab.state() }),
          'PUT /__admin/mechanism': state.mechanism.route,
          'PUT /__admin/oab/schedule': (req) => {
            const { profile } = parseJson(req.body) as { profile?: string };
            const chosen = profile ? state.setOabSchedule(profile) : undefined;
            if (!chosen)
              throw new AdminInputError(
                `unknown OAB schedule profile "${profile}" (${Object.keys(OAB_SCHEDULES).join(', ')})`,
                'bad-profile',
              );
            return { json: state.oab.state() };
          },
          'POST /__admin/recipients': (req) => {
            const added = recipientsFromJson(req.body);
            state.upsert(added);
            return { json: { upserted: added.length, total: state.recipients.length } };
          },
          'DELETE /__admin/recipients': (req) => ({
            json: { removed: state.remove(req.query.get('dn') ?? '') },
          }),
        },
      },
      async listen({ host, port, routes }) {
        const server = createServer();
        serveHandlers(server, {
          label: 'mock:exchange',
          journal,
          // EWS takes what its web.config allows; the rest of the site the IIS default (mocks/admin/http-limits.ts).
          limit: (_method, url) =>
            /^\/ews\//i.test(url.pathname) ? EWS_MAX_CONTENT : IIS_DEFAULT_MAX_CONTENT,
          // Every body here is XML the mock parses up to MAX_XML_CHARS: it counts to the limit, keeps less.
          keep: XML_BYTES_TO_KEEP,
          handlers,
          admin: routes,
          unmatched,
        });
        const { base, close } = await listenOn(server, { host, port });
        return {
          urls: { http: base, autodiscover: `${base}/autodiscover/autodiscover.xml` },
          adminUrl: base,
          close,
        };
      },
    };
  },
});
