/**
 * The GraphQL playground: GraphiQL 5 (editor, docs, history, explorer) served by this server, with no CDN.
 *
 * Why this package: `@graphql-yoga/render-graphiql` ships GraphiQL, its CSS, fonts and Monaco's workers
 * prebuilt as strings, so the playground works offline and behind firewalls without a bundler step at
 * install. Apollo's own landing page loads from Apollo's CDN, so it is disabled.
 *
 * Rather than inlining 9 MB into one HTML page, each part is served as a static asset under a
 * content-hashed URL (cached for good by browsers), and the page runs no inline script, so the
 * Content-Security-Policy can forbid inline and foreign scripts.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import * as graphiql from '@graphql-yoga/render-graphiql/graphiql';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from '../graphql/errors.ts';
import { PLAYGROUND_EXAMPLES } from './playground-examples.ts';

export const PLAYGROUND_ASSETS_PATH = '/playground';

/** Styles are inline because GraphiQL's components set them at run time; scripts are never inline. */
export const PLAYGROUND_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface Asset {
  /** URL path, with a content hash so it can be cached as immutable. */
  url: string;
  contentType: string;
  body: Buffer;
  gzipped?: Buffer;
}

/** Where the playground keeps the API key entered: this browser tab only, gone when it closes. */
export const PLAYGROUND_KEY_STORAGE = 'kg-playground-api-key';

/**
 * Runs in the browser: the API key bar (the key is kept in sessionStorage and sent as `Authorization: Bearer`
 * on the playground's requests to the endpoint, unless the headers editor sets its own), then Monaco's workers,
 * then GraphiQL with the page's options.
 */
const BOOT_SCRIPT = `'use strict';
(function () {
  var options = JSON.parse(document.getElementById('playground-options').textContent);
  var endpoint = new URL(options.endpoint, location.href).href;
  var STORAGE = ${JSON.stringify(PLAYGROUND_KEY_STORAGE)};
  var input = document.getElementById('api-key');
  var status = document.getElementById('api-key-status');
  function storedKey() { try { return sessionStorage.getItem(STORAGE) || ''; } catch (e) { return ''; } }
  function show() {
    var key = storedKey();
    status.textContent = key
      ? 'Requests carry Authorization: Bearer ' + key.slice(0, 7) + '\u2026 (this tab only).'
      : 'No key: reads only. Writes need a key with scope write (npm run keys -- create).';
    document.getElementById('api-key-forget').disabled = !key;
  }
  document.getElementById('api-key-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var key = input.value.trim();
    if (key) sessionStorage.setItem(STORAGE, key);
    input.value = '';
    show();
  });
  document.getElementById('api-key-forget').addEventListener('click', function () {
    sessionStorage.removeItem(STORAGE);
    show();
  });
  show();
  var originalFetch = window.fetch.bind(window);
  window.fetch = function (resource, init) {
    var key = storedKey();
    var url = typeof resource === 'string' ? resource : resource instanceof URL ? resource.href : resource.url;
    if (!key || new URL(url, location.href).href.split('?')[0] !== endpoint) return originalFetch(resource, init);
    var headers = new Headers((init && init.headers) || (resource instanceof Request ? resource.headers : undefined));
    if (!headers.has('authorization')) headers.set('authorization', 'Bearer ' + key);
    return originalFetch(resource, Object.assign({}, init, { headers: headers }));
  };
  var workers = options.workers;
  delete options.workers;
  self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: function (_moduleId, label) { return workers[label] || workers.editorWorkerService; } };
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
})();
`;

/** The API key bar above GraphiQL (its behaviour is in the boot script: the page runs no inline script). */
const KEY_BAR = `<form id="api-key-form" style="display: flex; gap: 8px; align-items: center; height: 40px; padding: 0 12px; box-sizing: border-box; font: 13px system-ui, sans-serif; border-bottom: 1px solid #ddd">
      <label for="api-key">API key</label>
      <input id="api-key" type="password" autocomplete="off" spellcheck="false" placeholder="kg_…" style="width: 28em; font: inherit" />
      <button id="api-key-use" type="submit">Use key</button>
      <button id="api-key-forget" type="button">Forget</button>
      <span id="api-key-status" role="status" style="color: #555"></span>
    </form>`;

function asset(name: string, contentType: string, content: string): Asset {
  const body = Buffer.from(content, 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { url: `${PLAYGROUND_ASSETS_PATH}/${hash}/${name}`, contentType, body };
}

function buildAssets() {
  const js = 'application/javascript; charset=utf-8';
  return {
    graphiqlJs: asset('graphiql.js', js, graphiql.js),
    graphiqlCss: asset('graphiql.css', 'text/css; charset=utf-8', graphiql.css),
    editorWorker: asset('editor.worker.js', js, graphiql.editorWorkerService),
    jsonWorker: asset('json.worker.js', js, graphiql.jsonWorker),
    graphqlWorker: asset('graphql.worker.js', js, graphiql.graphqlWorker),
    boot: asset('boot.js', js, BOOT_SCRIPT),
  };
}

/** JSON placed in a `<script type="application/json">`: `<` is escaped so no text can close the tag. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function renderPage(graphqlPath: string, assets: ReturnType<typeof buildAssets>): string {
  const [first] = PLAYGROUND_EXAMPLES;
  const options = {
    title: 'Knowledge graph · GraphQL playground',
    endpoint: graphqlPath,
    defaultQuery: first?.query,
    defaultTabs: PLAYGROUND_EXAMPLES.map((example) => ({
      query: example.query,
      variables: example.variables ? JSON.stringify(example.variables, null, 2) : undefined,
    })),
    favicon: graphiql.favicon,
    workers: {
      editorWorkerService: assets.editorWorker.url,
      json: assets.jsonWorker.url,
      graphql: assets.graphqlWorker.url,
    },
  };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${options.title}</title>
    <link rel="icon" href="${graphiql.favicon}" />
    <link rel="stylesheet" href="${assets.graphiqlCss.url}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>The playground needs JavaScript. GraphQL itself answers POST ${graphqlPath} without it.</noscript>
    ${KEY_BAR}
    <div id="root" style="height: calc(100vh - 40px)"></div>
    <script type="application/json" id="playground-options">${jsonForHtml(options)}</script>
    <script src="${assets.graphiqlJs.url}"></script>
    <script src="${assets.boot.url}"></script>
  </body>
</html>
`;
}

let page: { html: string; assets: Map<string, Asset> } | undefined;

/** Built on first use: the assets are large strings that tests of the API alone never need. */
function playground(graphqlPath: string) {
  if (!page) {
    const assets = buildAssets();
    page = { html: renderPage(graphqlPath, assets), assets: new Map(Object.values(assets).map((a) => [a.url, a])) };
  }
  return page;
}

/** A browser navigating to the GraphQL URL (HTML accepted, no `query` parameter) gets the playground. */
export function wantsPlayground(request: FastifyRequest): boolean {
  const query = request.query as Record<string, unknown> | undefined;
  if (query && 'query' in query) return false;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}

export function sendPlayground(reply: FastifyReply, graphqlPath: string) {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', PLAYGROUND_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-cache')
    .send(playground(graphqlPath).html);
}

/** Serves the playground's static assets, gzipped when the client accepts it. */
export async function registerPlayground(app: FastifyInstance, { graphqlPath }: { graphqlPath: string }) {
  app.get(`${PLAYGROUND_ASSETS_PATH}/:hash/:name`, async (request, reply) => {
    const found = playground(graphqlPath).assets.get(request.url.split('?')[0] ?? '');
    if (!found) {
      return reply.status(404).send({ errors: [{ message: `No playground asset at ${request.url}`, extensions: { code: ErrorCode.NOT_FOUND } }] });
    }
    void reply
      .header('content-type', found.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff');
    if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      found.gzipped ??= gzipSync(found.body);
      return reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding').send(found.gzipped);
    }
    return reply.send(found.body);
  });
}
