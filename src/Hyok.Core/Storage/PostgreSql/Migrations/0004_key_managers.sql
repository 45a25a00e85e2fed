-- Migration 4: the key manager each instance uses and the status of its last deep health probe, stamped with every
-- heartbeat, so that every instance's GetHealthStatus lists the key managers of the live fleet (xks-spec.md §4.4
-- ekmFleetDetails: one entry per key manager, at most 10). Null until the instance has reported one.
ALTER TABLE instances ADD COLUMN key_manager_id text;
ALTER TABLE instances ADD COLUMN key_manager_model text;
ALTER TABLE instances ADD COLUMN key_manager_status text;
