CREATE INDEX "contacts_org_opt_in_idx" ON "contacts" USING btree ("organization_id","opt_in") WHERE deleted_at is null;--> statement-breakpoint
-- hand-written: one searchable term per custom-field value, prefixed with the organization, so a segment's
-- "field equals" condition is answered by a GIN posting list of exactly that organization's matching contacts
-- (no btree_gin extension needed; lib/contacts/contact-filter-sql.ts builds the same term for the query)
CREATE OR REPLACE FUNCTION papo_contact_attribute_term(organization_id uuid, key text, value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT left(organization_id::text || ':' || key || '=' || lower(value), 400)
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION papo_contact_attribute_terms(organization_id uuid, attributes jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(papo_contact_attribute_term(organization_id, v.key, v.value)), '{}'::text[])
  FROM jsonb_each_text(CASE WHEN jsonb_typeof(attributes) = 'object' THEN attributes ELSE '{}'::jsonb END) AS v
  WHERE v.value IS NOT NULL
$$;--> statement-breakpoint
CREATE INDEX "contacts_attribute_terms_idx" ON "contacts" USING gin (papo_contact_attribute_terms("organization_id", "attributes")) WHERE deleted_at IS NULL;
