-- Token buckets of the per-caller rate limits (src/rate-limit.ts), shared by every API process: a limit counted in
-- each process's memory would let N processes behind a load balancer allow N times the limit. Not announced on
-- "fde_change": no cached answer depends on it.
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);
