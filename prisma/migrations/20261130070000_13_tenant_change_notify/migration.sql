-- Issue 13: per-instance tenant caches are invalidated by PostgreSQL notifications (lib/tenants/tenant-cache.ts).
-- Every statement that writes a tenant, its email domains or its keys sends one `tenant_changed` notification
-- (no payload), whoever runs it: an app instance, the tenant CLI, a manual fix in psql.

CREATE FUNCTION "notify_tenant_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tenant_changed', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Tenant_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Tenant"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_tenant_changed"();

CREATE TRIGGER "TenantEmailDomain_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TenantEmailDomain"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_tenant_changed"();

CREATE TRIGGER "TenantKey_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TenantKey"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_tenant_changed"();
