-- Migration 2: change propagation (issue 8, docs/deployment.md). Every statement that changes the store's state (keys,
-- credentials, hardware key records, blocks, policies, meta) bumps one generation number and notifies the channel
-- 'hyok_store' when its transaction commits, whoever made it (an instance's CLI, a migration, an operator with psql).
-- Each instance LISTENs to wake at once and also reads the generation every 200 ms: a missed notification (a dropped
-- listening connection) delays a change by at most that. Not on audit_records or instances: they change all the time
-- and are not part of the served state.
CREATE TABLE store_generation (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    generation bigint NOT NULL);
INSERT INTO store_generation (id, generation) VALUES (true, 1);

CREATE FUNCTION hyok_store_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE store_generation SET generation = generation + 1;
    PERFORM pg_notify('hyok_store', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER meta_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meta FOR EACH STATEMENT EXECUTE FUNCTION hyok_store_changed();
CREATE TRIGGER keys_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON keys FOR EACH STATEMENT EXECUTE FUNCTION hyok_store_changed();
CREATE TRIGGER key_versions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON key_versions FOR EACH STATEMENT EXECUTE FUNCTION hyok_store_changed();
CREATE TRIGGER credentials_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credentials FOR EACH STATEMENT EXECUTE FUNCTION hyok_store_changed();
CREATE TRIGGER hardware_keys_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hardware_keys FOR EACH STATEMENT EXECUTE FUNCTION hyok_store_changed();
CREATE TRIGGER hardware_key_versions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hardware_key_versions FOR EACH STATEMENT EXECUTE FUNCTION hyok_store_changed();
CREATE TRIGGER blocks_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON blocks FOR EACH STATEMENT EXECUTE FUNCTION hyok_store_changed();
CREATE TRIGGER policies_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON policies FOR EACH STATEMENT EXECUTE FUNCTION hyok_store_changed();
CREATE TRIGGER policy_versions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON policy_versions FOR EACH STATEMENT EXECUTE FUNCTION hyok_store_changed();
