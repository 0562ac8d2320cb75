import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { HttpClient } from "../support/http-client";
import { startServer, tempDataDir } from "../support/start-server";

/** The README's promise: the first start on an empty embedded database seeds a demo and prints a login that works. */
describe("first start on the embedded database", () => {
  it("seeds the demo once, prints a working login, and a second start seeds nothing", async () => {
    const dataDir = tempDataDir();
    const env = { DATABASE_URL: "", PAPO_DATA_DIR: dataDir, PAPO_SECRET: "", PAPO_SEED_DEMO: "auto" };
    try {
      const first = await startServer({ env });
      let password: string;
      try {
        expect(first.output()).toContain("Papo demo created");
        expect(first.output()).toMatch(/Sandbox\s+http:\/\/\S+\/sandbox\/[0-9a-f-]{36}/);
        password = /Password\s+(\S+)/.exec(first.output())![1];
        const email = /Email\s+(\S+)/.exec(first.output())![1];
        const client = new HttpClient(first.url);
        await client.signIn(email, password);
        const me = await client.get<{ organizations: { slug: string }[] }>("/api/v1/me");
        expect(me.body.organizations).toHaveLength(1);
        const channels = await client.get<{ channels: { provider: string }[] }>(`/api/v1/orgs/${me.body.organizations[0].slug}/channels`);
        expect(channels.body.channels.map((c) => c.provider)).toEqual(["sandbox"]);
        // No PAPO_SECRET: a key was generated into the data directory.
        expect(fs.existsSync(`${dataDir}/secret.key`)).toBe(true);
      } finally {
        await first.stop();
      }

      const second = await startServer({ env });
      try {
        expect(second.output()).not.toContain("Papo demo created");
        expect(second.output()).toContain(`Password  ${password}`);
        const client = new HttpClient(second.url);
        await client.signIn("demo@papo.local", password);
        const me = await client.get<{ organizations: unknown[] }>("/api/v1/me");
        expect(me.body.organizations).toHaveLength(1);
      } finally {
        await second.stop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
