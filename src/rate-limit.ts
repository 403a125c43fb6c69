// Per-caller rate limits counted in PostgreSQL, so they hold however many API processes share the database: a
// token bucket per (limit, caller) in "RateLimitBucket", taken from by one atomic upsert. Concurrent takes for the
// same caller queue on the row's lock, so two processes can never both spend the last token.
import { prisma, type Db } from './db.js';
import { RateLimitedError } from './errors.js';
import { rejections } from './metrics.js';

export interface RateLimit {
  /** tokens added per minute (fractions allowed: 0.5 is one every two minutes) */
  perMinute: number;
  /** tokens a caller may spend at once */
  burst: number;
}

/** A bucket refilled to `burst` is the same as no bucket: rows idle that long are swept now and then. */
const SWEEP_EVERY_TAKES = 500;

export class SharedRateLimiter {
  private takes = 0;

  /**
   * @param name  which limit ("jobs", "uploads"): callers have one bucket per limit
   * @param what  what is being limited, for the error message ("jobs started")
   * @param db    the database the buckets live in (the app's Prisma client; tests pass independent ones)
   */
  constructor(
    private readonly name: string,
    private readonly what: string,
    private readonly limit: RateLimit,
    private readonly db: Pick<Db, '$queryRaw' | '$executeRaw'> = prisma,
  ) {}

  /** Takes one token for `caller`, or throws RateLimitedError saying how long until the next one. */
  async take(caller: string): Promise<void> {
    const key = `${this.name}:${caller}`;
    const perSecond = this.limit.perMinute / 60;
    const burst = this.limit.burst;
    if (++this.takes % SWEEP_EVERY_TAKES === 0) await this.sweep(perSecond);
    // The refill since the last take, capped at burst; a bucket seen for the first time is full. GREATEST keeps
    // the clock from running backwards when a concurrent take that read the clock later committed first.
    const taken = await this.db.$queryRaw<{ tokens: number }[]>`
      INSERT INTO "RateLimitBucket" AS b ("key", "tokens", "updatedAt")
      VALUES (${key}, ${burst}::float8 - 1, clock_timestamp() AT TIME ZONE 'UTC')
      ON CONFLICT ("key") DO UPDATE
        SET "tokens" = LEAST(${burst}::float8, b."tokens" + ${perSecond}::float8 * GREATEST(0, EXTRACT(EPOCH FROM EXCLUDED."updatedAt" - b."updatedAt"))) - 1,
            "updatedAt" = GREATEST(EXCLUDED."updatedAt", b."updatedAt")
        WHERE LEAST(${burst}::float8, b."tokens" + ${perSecond}::float8 * GREATEST(0, EXTRACT(EPOCH FROM EXCLUDED."updatedAt" - b."updatedAt"))) >= 1
      RETURNING "tokens"`;
    if (taken.length) return;

    rejections.inc({ reason: 'rate_limited' });
    const [bucket] = await this.db.$queryRaw<{ tokens: number }[]>`
      SELECT LEAST(${burst}::float8, "tokens" + ${perSecond}::float8 * GREATEST(0, EXTRACT(EPOCH FROM (clock_timestamp() AT TIME ZONE 'UTC') - "updatedAt")))::float8 AS "tokens"
      FROM "RateLimitBucket" WHERE "key" = ${key}`;
    const missing = 1 - Math.min(1, bucket?.tokens ?? 0);
    const retryAfterSeconds = Math.max(1, Math.ceil(missing / perSecond));
    throw new RateLimitedError(`Too many ${this.what}; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
  }

  /** Deletes this limit's buckets that have refilled completely (indistinguishable from absent ones). */
  private async sweep(perSecond: number) {
    const fullAfterSeconds = this.limit.burst / perSecond;
    await this.db.$executeRaw`
      DELETE FROM "RateLimitBucket"
      WHERE starts_with("key", ${`${this.name}:`})
        AND "updatedAt" < (clock_timestamp() AT TIME ZONE 'UTC') - make_interval(secs => ${fullAfterSeconds}::float8)`;
  }
}
