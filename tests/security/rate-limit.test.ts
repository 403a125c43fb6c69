// The job rate limit holds across API processes: two limiters on two independent connection pools (as two
// processes behind a load balancer would have) together allow one caller `burst` tokens, not twice that.
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../src/errors.js';
import { PrismaClient } from '../../src/generated/prisma/client.js';
import { SharedRateLimiter, type RateLimit } from '../../src/rate-limit.js';

const clients = [0, 1].map(() => new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 5 }) }));
afterAll(() => Promise.all(clients.map((c) => c.$disconnect())));

// One token a day: nothing refills while a test runs, so the counts below are exact.
const SLOW: RateLimit = { perMinute: 1 / 1440, burst: 10 };
const processes = (name: string, limit = SLOW) => clients.map((db) => new SharedRateLimiter(name, 'jobs started', limit, db));

/** Takes `n` tokens for `caller`, spread over the limiters, all at once; returns how many were granted. */
async function takeConcurrently(limiters: SharedRateLimiter[], caller: string, n: number) {
  const outcomes = await Promise.allSettled(Array.from({ length: n }, (_, i) => limiters[i % limiters.length]!.take(caller)));
  for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(RateLimitedError);
  return outcomes.filter((o) => o.status === 'fulfilled').length;
}

describe('SharedRateLimiter', () => {
  it('allows one caller `burst` tokens in total across two processes taking at once', async () => {
    expect(await takeConcurrently(processes('jobs'), 'key:1', 30)).toBe(SLOW.burst);
    // and afterwards, through either process, nothing more
    for (const limiter of processes('jobs')) await expect(limiter.take('key:1')).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('says how long until the next token', async () => {
    const [a] = processes('hourly', { perMinute: 1 / 60, burst: 1 });
    await a!.take('key:1');
    const refused = await a!.take('key:1').catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(RateLimitedError);
    // one token an hour, just spent: close to an hour
    expect((refused as RateLimitedError).retryAfterSeconds).toBeGreaterThan(3500);
    expect((refused as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(3600);
  });

  it('keeps a bucket per caller and per limit', async () => {
    const [jobs] = processes('separate');
    const [uploads] = processes('separate-uploads');
    expect(await takeConcurrently([jobs!], 'key:2', 12)).toBe(SLOW.burst);
    expect(await takeConcurrently([jobs!], 'key:3', 3)).toBe(3);
    expect(await takeConcurrently([uploads!], 'key:2', 3)).toBe(3);
  });

  it('refills with time', async () => {
    // 6,000 a minute is one token every 10 ms: spent now, available again shortly after
    const [fast] = processes('fast', { perMinute: 6000, burst: 1 });
    await fast!.take('key:4');
    await new Promise((r) => setTimeout(r, 50));
    await expect(fast!.take('key:4')).resolves.toBeUndefined();
  });
});
