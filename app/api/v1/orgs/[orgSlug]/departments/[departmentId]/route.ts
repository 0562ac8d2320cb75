import { readJson, withOrg } from "@/lib/api/route";
import { departmentPatch } from "@/lib/api/openapi/organization";
import { parseId } from "@/lib/api/parse-id";
import { deleteDepartment } from "@/lib/inbox/delete-department";
import { saveDepartment } from "@/lib/inbox/save-department";

type P = { orgSlug: string; departmentId: string };

export const PATCH = withOrg<P>("departments.manage", async ({ req, params, ctx }) => ({
  department: await saveDepartment(ctx, await readJson(req, departmentPatch), parseId(params.departmentId, "Department")),
}));

export const DELETE = withOrg<P>("departments.manage", async ({ params, ctx }) => {
  await deleteDepartment(ctx, parseId(params.departmentId, "Department"));
  return { ok: true };
});
