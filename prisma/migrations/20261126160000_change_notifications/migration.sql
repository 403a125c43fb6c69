-- Every committed change to a table the API reads is announced on channel "fde_change" (payload: the table's
-- name), so each API process can drop the responses it cached (src/http/response-cache.ts), whoever wrote:
-- a mutation, a job worker in another process, the CLI or hand-written SQL. The notification is sent when the
-- writing transaction commits, never for a rolled-back one. Triggers are per statement (one notification per
-- statement, however many rows), and PostgreSQL folds identical notifications of one transaction into one.
CREATE FUNCTION "fde_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('fde_change', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Company', 'Ticker', 'Document', 'Extraction', 'ExtractionColumn', 'ExtractedLine',
                           'ExtractedValue', 'CompiledStatement', 'CompiledRow', 'CompiledCell', 'Job'] LOOP
    EXECUTE format('CREATE TRIGGER "fde_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION "fde_notify_change"()', t);
  END LOOP;
END
$$;

-- A key's scopes or revocation change what its requests may see; its lastUsedAt bookkeeping does not.
CREATE TRIGGER "fde_change" AFTER INSERT OR UPDATE OF "name", "scopes", "revokedAt" OR DELETE OR TRUNCATE ON "ApiKey"
  FOR EACH STATEMENT EXECUTE FUNCTION "fde_notify_change"();
