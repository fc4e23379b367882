-- Issue 13: a tenant as the app reads it carries its consent flag and logo (lib/tenants/tenant.ts), so per-instance
-- tenant caches must also hear about writes to "ConsentPolicy" (same channel, same function as 13_tenant_change_notify).

CREATE TRIGGER "ConsentPolicy_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ConsentPolicy"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_tenant_changed"();
