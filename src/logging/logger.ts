/** Structured JSON logs (pino). Secrets are redacted by path so they never reach a log line. */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'kg-graphql-server' },
    redact: { paths: ['password', '*.password', 'req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  });
}
