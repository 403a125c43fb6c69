import pino from 'pino';
import { config } from './config.js';

// Structured JSON logs on stderr; never log API key secrets (they are redacted if they slip into a header).
export const logger = pino(
  {
    level: config.env === 'test' ? (process.env.LOG_LEVEL ?? 'silent') : config.logLevel,
    redact: ['req.headers.authorization', '*.authorization', '*.secret'],
  },
  pino.destination(2),
);
export type Logger = typeof logger;
