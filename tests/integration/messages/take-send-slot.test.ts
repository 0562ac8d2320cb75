import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { getDb, type Db } from "@/db";
import * as schema from "@/db/schema";
import { takeSendSlot } from "@/lib/messages/take-send-slot";
import { createOrgWithChannel } from "@/tests/integration/whatsapp/helpers";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let db: TestDatabase;
let other: { db: Db; close: () => Promise<void> };

beforeAll(async () => {
  db = await createTestDatabase();
  // A second, independent handle — what another Papo process would hold. PGlite allows one handle per directory
  // (one process), so there the "other process" is the same handle; on PostgreSQL it is its own connection pool.
  if (db.url) {
    const client = postgres(db.url, { max: 4, onnotice: () => {} });
    other = { db: drizzle(client, { schema }) as unknown as Db, close: () => client.end() };
  } else {
    other = { db: getDb(), close: async () => {} };
  }
}, 60_000);
afterAll(async () => {
  await other?.close();
  await db?.drop();
});

describe("takeSendSlot: one send rate per channel, shared by every process", () => {
  it("concurrent takers on two handles share one bucket: exactly the slots the rate allows are granted", async () => {
    const { channelId } = await createOrgWithChannel("slots");
    // One send per 100 s and no in-process wait allowed: of 20 simultaneous takers only the first gets a slot,
    // whichever handle it came from (the row is the lock; time hardly matters at this rate).
    const rate = 0.01;
    const takes = await Promise.all(Array.from({ length: 20 }, (_, i) => takeSendSlot(i % 2 ? other.db : getDb(), channelId, rate, 0)));
    expect(takes.filter((w) => w === 0)).toHaveLength(1);
    expect(takes.filter((w) => w === null)).toHaveLength(19);
    // A taker willing to wait gets the next slot, about one interval away, from either handle — and reserves it.
    const next = await takeSendSlot(other.db, channelId, rate, 1_000_000);
    expect(next).toBeGreaterThan(50_000);
    const after = await takeSendSlot(getDb(), channelId, rate, 1_000_000);
    expect(after).toBeGreaterThan(next! + 50_000);
  });

  it("another channel is not held back by a busy one", async () => {
    const a = await createOrgWithChannel("slots-a");
    const b = await createOrgWithChannel("slots-b");
    expect(await takeSendSlot(getDb(), a.channelId, 0.01, 0)).toBe(0);
    expect(await takeSendSlot(other.db, a.channelId, 0.01, 0)).toBeNull();
    expect(await takeSendSlot(other.db, b.channelId, 0.01, 0)).toBe(0);
  });
});
