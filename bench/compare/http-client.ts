/**
 * POSTs GraphQL operations over keep-alive HTTP/1.1 (node:http, no client library in the way), one agent per
 * target so each server gets `concurrency` reused connections, as autocannon would open.
 */
import http from 'node:http';

/**
 * A request that did not come back as an answer, with its cause in a few words a table can count by:
 * `HTTP 503 SERVER_BUSY`, `GraphQL DATABASE_TIMEOUT`, `network ECONNRESET` (a socket hang up).
 */
export class RequestFailure extends Error {
  override name = 'RequestFailure';
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

/** The first error's code in a GraphQL response body, if the body is one. */
function firstCode(text: string): string | undefined {
  try {
    const code = (JSON.parse(text) as { errors?: { extensions?: { code?: unknown } }[] }).errors?.[0]?.extensions?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

export interface GraphQLClient {
  /** The parsed response body; rejects on a non-2xx status or a GraphQL error (a fast wrong answer is a failure). */
  post(query: string, variables: Record<string, unknown>): Promise<unknown>;
  close(): void;
}

/** `headers` go with every request (the benchmark's `authorization` for writes). */
export function graphqlClient(baseUrl: string, path: string, concurrency: number, headers: Record<string, string> = {}): GraphQLClient {
  const url = new URL(path, baseUrl);
  // Idle sockets are dropped after 4 s, before the server's 5 s keep-alive ends them: a request sent on a socket
  // the server is closing at that moment fails ("socket hang up"), which a cell starting after a pause did.
  // (On a socket in use, the agent's timeout only emits an event, which nothing here listens to.)
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, timeout: 4_000 });
  const post = (query: string, variables: Record<string, unknown>) =>
    new Promise<unknown>((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      const request = http.request(url, {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', 'content-length': Buffer.byteLength(body) },
      });
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 0;
          if (status >= 300) return reject(new RequestFailure(`HTTP ${status}: ${text.slice(0, 300)}`, `HTTP ${status} ${firstCode(text) ?? 'without a code'}`));
          const parsed = JSON.parse(text) as { errors?: { message: string }[] };
          if (parsed.errors?.length) return reject(new RequestFailure(`GraphQL error: ${parsed.errors[0]!.message}`, `GraphQL ${firstCode(text) ?? 'without a code'}`));
          resolve(parsed);
        });
        response.on('error', (error: NodeJS.ErrnoException) => reject(networkFailure(error)));
      });
      request.on('error', (error: NodeJS.ErrnoException) => reject(networkFailure(error)));
      request.end(body);
    });
  return { post, close: () => agent.destroy() };
}

/** A socket-level failure (no answer at all): `network ECONNRESET` for a hang up, `network ECONNREFUSED`. */
function networkFailure(error: NodeJS.ErrnoException): RequestFailure {
  return new RequestFailure(error.message, `network ${error.code ?? error.message}`);
}
