-- Identity values of the tables written on every ping are handed out from a larger cache.
-- On H2 a sequence that runs out of cached values saves its state with a commit of its own, and
-- with WRITE_DELAY=0 that commit writes every changed page to the file, the open ingest
-- transaction's pages included: with H2's default cache of 32 a batch of 1,000 pings wrote its
-- pages 31 times over (half the store stage's CPU in a profile; see docs/BENCHMARKS.md, Ingest).
-- ${identityCache} is 1 (the default, no change) on PostgreSQL, where a cache is per session and
-- would only make ids of concurrent sessions interleave. A crash leaves a gap in ids; ids carry
-- no meaning beyond identity.
ALTER TABLE pings ALTER COLUMN id SET CACHE ${identityCache};
ALTER TABLE traversals ALTER COLUMN id SET CACHE ${identityCache};
