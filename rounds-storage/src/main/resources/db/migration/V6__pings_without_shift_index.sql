-- The pings of a shift are found through the device's unique (device_id, fix_time) index instead
-- of an index of their own: a device belongs to one patroller for good, and a shift's pings lie in
-- its patroller's devices from the shift's start on (JdbcRoundsStore.pingsOfShift). Every ping
-- written and committed updated this index too; on H2, whose commits rewrite each changed B-tree
-- page, it cost a third of the pings table's index writes (see docs/BENCHMARKS.md, Ingest).
DROP INDEX pings_by_shift;
