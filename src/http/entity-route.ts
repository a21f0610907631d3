/**
 * `GET /entities/{id}[?depth=N]`: an entity and its neighbourhood (depth 1 by default, up to
 * MAX_NEIGHBORHOOD_DEPTH) in the export format the `Accept` header asks for (src/export): the knowledge file
 * (application/json, also for a missing Accept or `*` / `*`), JSON-LD, N-Triples, GraphML or CSV (the relations
 * table, or `?table=entities`). 406 lists the types there are; 404 an unknown id. The same credentials and rate
 * limits as /graphql reads. The RDF IRIs of entities are this route's own URLs, so they can be dereferenced.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { Limits } from '../config/config.ts';
import type { Database } from '../database/database.ts';
import { CSV_TABLES, EXPORT_FORMATS, exportText, FORMATS, neighborhoodExport, type CsvTable, type ExportFormat } from '../export/index.ts';
import { ErrorCode, errorBody } from '../graphql/errors.ts';
import { sendError } from './credentials.ts';

export const ENTITY_ROUTE = '/entities/:id';

/** The media types served, in order of preference when the client has none (`*` / `*`). */
const OFFERED = EXPORT_FORMATS.map((format) => ({ format, mediaType: FORMATS[format].mediaType }));

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface EntityRouteOptions {
  db: Database;
  limits: Limits;
  /** The credential and rate-limit hooks of /graphql, in the same order (src/http/credentials.ts). */
  onRequest: onRequestAsyncHookHandler;
  preHandler: preHandlerAsyncHookHandler[];
}

export function registerEntityRoute(app: FastifyInstance, options: EntityRouteOptions): void {
  app.get<{ Params: { id: string }; Querystring: Record<string, string | string[] | undefined> }>(ENTITY_ROUTE, {
    onRequest: options.onRequest,
    preHandler: options.preHandler,
    handler: async (request, reply) => {
      const format = negotiate(request.headers.accept);
      if (!format) {
        const message = `None of the types in Accept (${request.headers.accept}) is served here: ask for one of ${OFFERED.map((o) => o.mediaType).join(', ')}.`;
        const body = errorBody(message, ErrorCode.NOT_ACCEPTABLE);
        (body.errors[0]!.extensions as Record<string, unknown>).available = OFFERED.map((o) => o.mediaType);
        return reply.status(406).header('vary', 'accept').type('application/json; charset=utf-8').send(JSON.stringify(body));
      }
      const depth = depthOf(request.query.depth, options.limits.maxNeighborhoodDepth);
      if (typeof depth === 'string') return sendError(reply, 400, depth, ErrorCode.BAD_REQUEST);
      const table = tableOf(request.query.table);
      if (table === undefined) return sendError(reply, 400, `table must be one of ${CSV_TABLES.join(', ')} (text/csv only; relations by default).`, ErrorCode.BAD_REQUEST);
      const { id } = request.params;
      const stream = SLUG.test(id) ? await neighborhoodExport(options.db, id, depth, options.limits.maxNeighborhoodNodes) : null;
      if (!stream) return sendError(reply.header('vary', 'accept'), 404, `No entity with id ${JSON.stringify(id)} (ids are slugs such as elon-musk).`, ErrorCode.NOT_FOUND);
      return send(reply, format, Readable.from(exportText(format, stream, { baseIri: baseIriOf(request), table: table ?? 'relations' })), stream.header.truncated);
    },
  });
}

function send(reply: FastifyReply, format: ExportFormat, body: Readable, truncated: boolean): FastifyReply {
  const type = format === 'csv' ? 'text/csv; charset=utf-8; header=present' : `${FORMATS[format].mediaType}; charset=utf-8`;
  // Says when MAX_NEIGHBORHOOD_NODES (or the per-layer edge bound) cut the neighbourhood.
  if (truncated) void reply.header('x-neighborhood-truncated', 'true');
  return reply.header('vary', 'accept').type(type).send(body);
}

/**
 * The format the Accept header prefers (RFC 9110 §12.5.1: the highest q, then the most specific range, then
 * our order); null when it accepts none of ours. No header, or `*` / `*`, is the knowledge file.
 */
export function negotiate(accept: string | undefined): ExportFormat | null {
  if (!accept?.trim()) return 'json';
  const ranges = accept.split(',').map((part) => {
    const [range = '', ...params] = part.trim().toLowerCase().split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    return { range, q: q ? Number(q.slice(2)) : 1 };
  });
  let best: { format: ExportFormat; q: number; specificity: number } | null = null;
  for (const { format, mediaType } of OFFERED) {
    const [type] = mediaType.split('/');
    // The most specific range that matches this type decides its q.
    const matching = ranges
      .map((r) => ({ ...r, specificity: r.range === mediaType ? 2 : r.range === `${type}/*` ? 1 : r.range === '*/*' ? 0 : -1 }))
      .filter((r) => r.specificity >= 0)
      .sort((a, b) => b.specificity - a.specificity)[0];
    if (!matching || !(matching.q > 0)) continue;
    if (!best || matching.q > best.q || (matching.q === best.q && matching.specificity > best.specificity)) best = { format, q: matching.q, specificity: matching.specificity };
  }
  return best?.format ?? null;
}

function depthOf(value: string | string[] | undefined, max: number): number | string {
  if (value === undefined) return 1;
  const depth = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return depth >= 1 && depth <= max ? depth : `depth must be a whole number from 1 to ${max} (MAX_NEIGHBORHOOD_DEPTH), not ${JSON.stringify(value)}.`;
}

/** null: the default table; undefined: not a table. */
function tableOf(value: string | string[] | undefined): CsvTable | null | undefined {
  if (value === undefined) return null;
  return typeof value === 'string' && (CSV_TABLES as readonly string[]).includes(value) ? (value as CsvTable) : undefined;
}

/** The server's own origin, so an entity's IRI is the URL that serves it. */
function baseIriOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}/`;
}
