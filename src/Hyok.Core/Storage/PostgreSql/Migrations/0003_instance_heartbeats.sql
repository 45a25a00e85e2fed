-- Migration 3: heartbeats of the fleet's instances (InstanceHeartbeat.cs) and the time of each audit record for
-- reads across the fleet (PostgreSqlAuditReader.cs). Times are Unix milliseconds of the DATABASE clock.

-- A random value per process: a second live process with the same instance id is refused (InstanceHeartbeat).
ALTER TABLE instances ADD COLUMN nonce text NOT NULL DEFAULT '';

-- Set when the instance stopped cleanly; null while it runs (or when it died: then its heartbeat goes stale).
ALTER TABLE instances ADD COLUMN stopped_at bigint;

-- The record's time as written in its line ("time", ISO-8601 UTC with milliseconds, fixed width: sorts in time order),
-- taken from the line so the audit writer does not change; null for a line that is not an audit record.
ALTER TABLE audit_records ADD COLUMN line_time text COLLATE "C"
    GENERATED ALWAYS AS (substring(line from '^\{"seq":[0-9]+,"prev":"[0-9a-f]{64}","time":"([^"]*)"')) STORED;
CREATE INDEX audit_records_by_time ON audit_records (line_time, instance_id COLLATE "C", seq);
