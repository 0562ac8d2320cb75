ALTER TABLE "contacts" ADD COLUMN "person_id" uuid;--> statement-breakpoint
CREATE INDEX "contacts_org_person_idx" ON "contacts" USING btree ("organization_id","person_id") WHERE person_id is not null;--> statement-breakpoint
CREATE INDEX "contacts_org_opt_in_idx" ON "contacts" USING btree ("organization_id","opt_in") WHERE deleted_at is null;--> statement-breakpoint
-- hand-written: every custom-field value of a contact as one term "<organization>:<key>=<lower value>" (cut at 400
-- characters), so a segment's "field equals" condition is answered by a GIN posting list of exactly that
-- organization's matching contacts (no btree_gin needed). lib/contacts/contact-filter-sql.ts builds the same term for
-- the query. Built-ins only: CREATE INDEX runs the expression with search_path = pg_catalog (PG 17, PGlite).
CREATE OR REPLACE FUNCTION papo_contact_attribute_terms(organization_id uuid, attributes jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(left(organization_id::text || ':' || v.key || '=' || lower(v.value), 400)), '{}'::text[])
  FROM jsonb_each_text(CASE WHEN jsonb_typeof(attributes) = 'object' THEN attributes ELSE '{}'::jsonb END) AS v
  WHERE v.value IS NOT NULL
$$;--> statement-breakpoint
CREATE INDEX "contacts_attribute_terms_idx" ON "contacts" USING gin (papo_contact_attribute_terms("organization_id", "attributes")) WHERE deleted_at IS NULL;
