import { z } from "zod";
import { readJson, withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { setContactTag } from "@/lib/inbox/set-contact-tag";

const input = z.object({ tagId: z.uuid() });

export const POST = withOrg<{ orgSlug: string; contactId: string }>("contacts.write", async ({ req, params, ctx }) =>
  setContactTag(ctx, parseId(params.contactId, "Contact"), (await readJson(req, input)).tagId, true),
);
