CREATE TABLE "inbox_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"reply_assigns" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "is_test" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "inbox_settings" ADD CONSTRAINT "inbox_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_org_assignee_status_activity_idx" ON "conversations" USING btree ("organization_id","assignee_id","status","last_message_at","id");--> statement-breakpoint
-- hand-written: a conversation of a flow's test customer is a test conversation, whichever path inserts it (the test panel, or ingest starting a new one after a long close), at the cost of one primary-key lookup per new conversation, none per message
CREATE OR REPLACE FUNCTION papo_mark_test_conversation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT NEW.is_test THEN
    NEW.is_test := EXISTS (SELECT 1 FROM contacts WHERE id = NEW.contact_id AND attributes ? 'papoTestFlowId');
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER conversations_mark_test BEFORE INSERT ON conversations FOR EACH ROW EXECUTE FUNCTION papo_mark_test_conversation();--> statement-breakpoint
-- hand-written: backfill the test conversations created before the column
UPDATE conversations SET is_test = true FROM contacts WHERE contacts.id = conversations.contact_id AND contacts.attributes ? 'papoTestFlowId';--> statement-breakpoint
-- hand-written: the searchable text of a message, whatever its type (lib/inbox/message-search-text.ts reads the same fields to highlight the hit); IMMUTABLE so it can be indexed
CREATE OR REPLACE FUNCTION papo_message_search_text(content jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT concat_ws(' ', content->'text'->>'body', content->>'body', content->>'caption', content->'image'->>'caption', content->'video'->>'caption', content->'document'->>'caption', content->'document'->>'filename', content->>'filename', content->'interactive'->'button_reply'->>'title', content->'interactive'->'list_reply'->>'title', content->'button'->>'text', content->>'renderedText', content->'location'->>'name', content->'location'->>'address')
$$;--> statement-breakpoint
-- hand-written: trigram indexes so "words a customer wrote" (ILIKE '%…%', 3+ characters) are found without reading every message or note
CREATE INDEX "messages_search_trgm_idx" ON "messages" USING gin (papo_message_search_text("content") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "conversation_events_note_trgm_idx" ON "conversation_events" USING gin ("body" gin_trgm_ops) WHERE kind = 'note';
