-- The active plan (one row), what a stored alert is about, and a key that names its condition so
-- that the same condition is not raised twice across restarts.

CREATE TABLE active_plan (
    id            INTEGER PRIMARY KEY,
    area_id       BIGINT NOT NULL REFERENCES areas (id),
    version       INTEGER NOT NULL,
    activated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE alerts ADD COLUMN street_id BIGINT;
ALTER TABLE alerts ADD COLUMN alert_key VARCHAR(300);
CREATE INDEX alerts_by_key ON alerts (alert_key);
CREATE INDEX alerts_by_time ON alerts (raised_at);
