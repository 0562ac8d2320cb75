import { sql } from "drizzle-orm";
import { withTx } from "./db";
import { unsupportedReasons, type FunctionConfig } from "./function-config";
import { forgetFunctions } from "./registry";

export type RegisterBody = { url: string; appName: string; functions: FunctionConfig[] };

export class RegistrationError extends Error {}

/**
 * The server side of the SDK's sync (`POST /fn/register`): validates every function against what this executor
 * supports and replaces the app's function list. One unsupported option fails the whole sync, loudly.
 */
export async function registerApp(body: RegisterBody): Promise<void> {
  if (!body || typeof body.appName !== "string" || !Array.isArray(body.functions)) {
    throw new RegistrationError("Registration body must have appName and functions");
  }
  const problems = body.functions.flatMap((fn) =>
    unsupportedReasons(fn).map((reason) => `function "${fn.id}": ${reason}`),
  );
  if (problems.length > 0) {
    throw new RegistrationError(`Papo's embedded Inngest executor cannot run these functions:\n- ${problems.join("\n- ")}`);
  }
  await withTx(async (tx) => {
    const ids = body.functions.map((f) => f.id);
    await tx.execute(sql`delete from inngest_functions where app_id = ${body.appName}
        and not (id = any(${`{${ids.map((i) => `"${i}"`).join(",")}}`}::text[]))`);
    for (const fn of body.functions) {
      await tx.execute(sql`insert into inngest_functions (id, app_id, url, config, updated_at)
          values (${fn.id}, ${body.appName}, ${fn.steps.step.runtime.url}, ${JSON.stringify(fn)}::jsonb, now())
          on conflict (id) do update set app_id = excluded.app_id, url = excluded.url, config = excluded.config,
          updated_at = now()`);
    }
  });
  forgetFunctions();
}
