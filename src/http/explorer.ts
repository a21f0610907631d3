/**
 * The graph explorer: a static page built by Vite from explorer/ into dist/explorer (at `npm install`, by the
 * `prepare` script, or `npm run build:explorer`), served at /explorer/. It reads data only through the
 * public GraphQL API. Scripts come from this server only (Content-Security-Policy).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { PROJECT_ROOT } from '../config/config.ts';
import { ErrorCode } from '../graphql/errors.ts';

export const EXPLORER_PATH = '/explorer/';
export const EXPLORER_DIR = path.join(PROJECT_ROOT, 'dist/explorer');

/** Cytoscape draws on a canvas and sets element styles from script; exports are blob: and data: URLs. */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export async function registerExplorer(app: FastifyInstance, dir: string = EXPLORER_DIR): Promise<void> {
  if (!existsSync(path.join(dir, 'index.html'))) {
    app.get(`${EXPLORER_PATH}*`, async (_request, reply) =>
      reply.status(503).send({ errors: [{ message: 'The explorer is not built: run `npm run build:explorer` (npm install does it).', extensions: { code: ErrorCode.NOT_FOUND } }] }),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: EXPLORER_PATH,
    // Hashed asset names can be cached for good; the page itself is revalidated.
    setHeaders: (reply, filePath) => {
      void reply
        .header('content-security-policy', EXPLORER_CSP)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
