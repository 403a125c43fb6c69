// The LLM provider's settings, validated once. src/config.ts calls llmOptionsFromEnv; tests build them directly.
import { z } from 'zod';

export const llmOptionsSchema = z.object({
  /** an OpenAI-compatible API root, e.g. https://openrouter.ai/api/v1 */
  baseURL: z.url(),
  apiKey: z.string().min(1),
  model: z.string().min(1),
  /** per HTTP attempt, not per extraction */
  timeoutMs: z.int().positive().default(120_000),
  /** the SDK's retries for 408/409/429/5xx, timeouts and connection errors */
  maxRetries: z.int().min(0).max(10).default(2),
  /** requests in flight at once across every extraction using this provider */
  concurrency: z.int().positive().max(64).default(2),
  /** a 429 asking us to wait longer than this fails fast as RATE_LIMITED instead of blocking a worker */
  maxRetryAfterSeconds: z.number().positive().default(60),
});

export type LlmOptions = z.infer<typeof llmOptionsSchema>;
export type LlmOptionsInput = z.input<typeof llmOptionsSchema>;

const envSchema = z.object({
  LLM_BASE_URL: z.url().default('https://api.openai.com/v1'),
  LLM_API_KEY: z.string().min(1, 'LLM_API_KEY is required for the LLM provider'),
  LLM_MODEL: z.string().min(1, 'LLM_MODEL is required for the LLM provider'),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).optional(),
  LLM_CONCURRENCY: z.coerce.number().int().positive().max(64).optional(),
});

/** Reads LLM_* variables; throws a ZodError naming each missing or malformed one. */
export function llmOptionsFromEnv(env: Record<string, string | undefined> = process.env): LlmOptions {
  // An empty variable means "not set", as in a .env file with `LLM_TIMEOUT_MS=`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const e = envSchema.parse(present);
  return llmOptionsSchema.parse({
    baseURL: e.LLM_BASE_URL,
    apiKey: e.LLM_API_KEY,
    model: e.LLM_MODEL,
    timeoutMs: e.LLM_TIMEOUT_MS,
    maxRetries: e.LLM_MAX_RETRIES,
    concurrency: e.LLM_CONCURRENCY,
  });
}
