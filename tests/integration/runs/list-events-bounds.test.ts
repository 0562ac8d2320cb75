import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { inngestEvents } from "@/db/schema";
import { getEventOrThrow } from "@/lib/runs/get-event-or-throw";
import { EVENT_PREVIEW_CHARS, listEvents } from "@/lib/runs/list-events";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db.drop());

describe("events list: bounded summaries, the payload on the detail", () => {
  it("200 events of 100 KB each list in well under 200 KB; the detail has the whole payload; other organizations get 404", async () => {
    const org = randomUUID();
    const big = "x".repeat(100 * 1024);
    const rows = Array.from({ length: 200 }, (_, i) => ({
      id: `evt-${i}-${randomUUID()}`,
      name: "papo/test.ping",
      data: { organizationId: org, message: big, i },
      ts: Date.now(),
      organizationId: org,
    }));
    await getDb().insert(inngestEvents).values(rows);

    const page = await listEvents(org, { limit: 200 });
    expect(page.events).toHaveLength(200);
    const size = JSON.stringify(page).length;
    expect(size).toBeLessThan(200 * 1024);
    for (const e of page.events) {
      expect(e).not.toHaveProperty("data");
      expect(e.preview.length).toBe(EVENT_PREVIEW_CHARS);
      expect(e.dataChars).toBeGreaterThan(big.length);
      expect(e.preview.startsWith("{")).toBe(true);
    }

    const one = await getEventOrThrow(org, page.events[0].id);
    expect(one.data).toMatchObject({ message: big });
    await expect(getEventOrThrow(randomUUID(), page.events[0].id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getEventOrThrow(org, "e".repeat(5000))).rejects.toMatchObject({ code: "not_found" });
  });

  it("a small payload is previewed whole (dataChars equals the preview's length)", async () => {
    const org = randomUUID();
    await getDb().insert(inngestEvents).values({ id: `evt-small-${randomUUID()}`, name: "papo/test.ping", data: { organizationId: org, n: 1 }, ts: Date.now(), organizationId: org });
    const [e] = (await listEvents(org)).events;
    expect(JSON.parse(e.preview)).toEqual({ organizationId: org, n: 1 });
    expect(e.dataChars).toBe(e.preview.length);
  });
});
