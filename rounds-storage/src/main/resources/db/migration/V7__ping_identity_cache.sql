-- V5's cache of 4,096 ids still let H2 save the pings sequence every four batches of 1,000, and
-- each save commits every changed page of the open ingest transaction (a tenth of the CPU of batch
-- ingest in a profile). ${bulkIdentityCache} is 1 (no change) on PostgreSQL; on H2 a crash leaves
-- a gap of at most that many ids, which carry no meaning beyond identity.
ALTER TABLE pings ALTER COLUMN id SET CACHE ${bulkIdentityCache};
ALTER TABLE traversals ALTER COLUMN id SET CACHE ${bulkIdentityCache};
