import { readJson, withOrg } from "@/lib/api/route";
import { listDepartments } from "@/lib/inbox/list-departments";
import { departmentInput, saveDepartment } from "@/lib/inbox/save-department";

export const GET = withOrg("conversations.read", async ({ ctx }) => ({ departments: await listDepartments(ctx.org.id) }));

export const POST = withOrg("departments.manage", async ({ req, ctx }) =>
  Response.json({ department: await saveDepartment(ctx, await readJson(req, departmentInput)) }, { status: 201 }), { idempotent: true });
