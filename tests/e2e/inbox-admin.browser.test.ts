import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signInInBrowser } from "../support/browser-session";
import { addMemberViaInvitation, signUpOwner, type SignedUp } from "../support/http-client";
import { startServer, tempDataDir, testSecret, type RunningServer } from "../support/start-server";
import { createPostgresDatabase, dropPostgresDatabase } from "../support/test-database";

// The inbox's admin side in a real Chromium against the production build: Settings → Departments and Canned
// replies (through the existing API), and the notice an agent gets when a bot hands a conversation to them or
// someone assigns one to them.
const run = browserAvailable();

type Member = SignedUp & { name: string };
type Department = { id: string; name: string; autoAssign: boolean; members: { userId: string }[] };

const attr = (l: Locator, name: string) => l.first().getAttribute(name, { timeout: 500 }).catch(() => null);


describe.skipIf(!run)("inbox administration and handoff notices", () => {
  let server: RunningServer;
  let browser: Browser;
  let baseUrl: string;
  let databaseUrl: string | undefined;
  const dataDir = tempDataDir();
  let owner: SignedUp;
  let agent: Member;
  let viewer: Member;
  let channelId: string;
  const contexts: BrowserContext[] = [];
  const org = (p: string) => `/api/v1/orgs/${owner.orgSlug}${p}`;

  beforeAll(async () => {
    const base = process.env.DATABASE_URL;
    databaseUrl = base ? await createPostgresDatabase(base) : undefined;
    server = await startServer({ env: { DATABASE_URL: databaseUrl ?? "", PAPO_DATA_DIR: dataDir, PAPO_SECRET: testSecret() } });
    baseUrl = server.url;
    browser = await launchBrowser();
    owner = await signUpOwner(baseUrl, "Admin Inbox Co");
    agent = await addMemberViaInvitation(owner, "agent", "Ana Agent");
    viewer = await addMemberViaInvitation(owner, "viewer", "Vera Viewer");
    const channel = await owner.client.post<{ channel: { id: string } }>(org("/channels"), { provider: "sandbox", name: "Loja", displayPhoneNumber: "+15550003333" });
    expect(channel.status).toBe(201);
    channelId = channel.body.channel.id;
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
    if (process.env.PAPO_PRINT_SERVER_LOG) console.log(server?.output());
    if (process.env.DATABASE_URL && databaseUrl) await dropPostgresDatabase(process.env.DATABASE_URL, databaseUrl);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function signedIn(email: string, path: string, setup?: (context: BrowserContext) => Promise<void>): Promise<Page> {
    const { context, page } = await newPage(browser);
    contexts.push(context);
    await setup?.(context);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    (page as Page & { errors?: string[] }).errors = errors;
    await signInInBrowser(page, baseUrl, email);
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    await page.goto(`${baseUrl}/${owner.orgSlug}${path}`);
    return page;
  }
  const errorsOf = (page: Page) => (page as Page & { errors?: string[] }).errors;

  async function openInbox(email: string, setup?: (context: BrowserContext) => Promise<void>) {
    const page = await signedIn(email, "/inbox", setup);
    await expect.poll(() => attr(page.getByTestId("connection-indicator"), "data-state"), { timeout: 15_000 }).toBe("live");
    return page;
  }

  const say = async (name: string, phone: string, body: string) => {
    const res = await owner.client.post(org(`/sandbox/${channelId}/customer-messages`), { customer: { name, phone }, message: { type: "text", body } });
    expect(res.status).toBe(201);
  };
  const departments = async () => (await owner.client.get<{ departments: Department[] }>(org("/departments"))).body.departments;
  const rowOf = (page: Page, text: string) => page.getByTestId("conversation-row").filter({ hasText: text });

  it("departments: create with a member and auto-assign, rename, toggle, delete; read-only for an agent", async () => {
    const page = await signedIn(owner.email, "/settings/departments");
    await page.getByRole("link", { name: "Departments" }).waitFor();
    await page.getByRole("link", { name: "Canned replies" }).waitFor();

    await page.getByRole("button", { name: "New department" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Suporte");
    await dialog.getByRole("checkbox", { name: /Ana Agent/ }).check();
    await dialog.getByRole("checkbox", { name: /Assign automatically/ }).check();
    await dialog.getByRole("button", { name: "Create department" }).click();
    const row = page.getByTestId("department-row").filter({ hasText: "Suporte" });
    await row.waitFor();
    expect(await row.getByTestId("department-members").textContent()).toBe("Ana Agent");
    expect(await row.getByRole("switch").getAttribute("aria-checked")).toBe("true");
    let [dep] = await departments();
    expect(dep).toMatchObject({ name: "Suporte", autoAssign: true, members: [{ userId: agent.userId }] });

    // Rename (and keep the member) through the edit dialog.
    await row.getByRole("button", { name: "Edit Suporte" }).click();
    await page.getByRole("dialog").getByLabel("Name").fill("Suporte VIP");
    await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await page.getByTestId("department-name").filter({ hasText: "Suporte VIP" }).waitFor();
    [dep] = await departments();
    expect(dep).toMatchObject({ name: "Suporte VIP", autoAssign: true, members: [{ userId: agent.userId }] });

    // The switch saves at once: off, then on again.
    const vip = page.getByTestId("department-row").filter({ hasText: "Suporte VIP" });
    await vip.getByRole("switch", { name: "Assign automatically in Suporte VIP" }).click();
    await expect.poll(async () => (await departments())[0].autoAssign).toBe(false);
    await expect.poll(() => attr(vip.getByRole("switch"), "aria-checked")).toBe("false");
    await vip.getByRole("switch").click();
    await expect.poll(async () => (await departments())[0].autoAssign).toBe(true);

    // A second department, to delete.
    await page.getByRole("button", { name: "New department" }).click();
    await page.getByRole("dialog").getByLabel("Name").fill("Vendas");
    await page.getByRole("dialog").getByRole("button", { name: "Create department" }).click();
    const vendas = page.getByTestId("department-row").filter({ hasText: "Vendas" });
    await vendas.waitFor();
    expect((await departments()).map((d) => d.name)).toEqual(["Suporte VIP", "Vendas"]);

    // Delete, confirmed.
    await vendas.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => vendas.count()).toBe(0);
    expect((await departments()).map((d) => d.name)).toEqual(["Suporte VIP"]);
    expect(errorsOf(page)).toEqual([]);

    // An agent sees the departments but cannot change them (the API would say 403 too).
    const agentPage = await signedIn(agent.email, "/settings/departments");
    const agentRow = agentPage.getByTestId("department-row").filter({ hasText: "Suporte VIP" });
    await agentRow.waitFor();
    expect(await agentPage.getByRole("button", { name: "New department" }).count()).toBe(0);
    expect(await agentRow.getByRole("button", { name: /Edit|Delete/ }).count()).toBe(0);
    expect(await agentRow.getByRole("switch").isDisabled()).toBe(true);
    expect((await agent.client.post(org("/departments"), { name: "Nope" })).status).toBe(403);
  }, 120_000);

  it("canned replies: create, edit, use /shortcut in the composer, delete; read-only for a viewer", async () => {
    const page = await signedIn(owner.email, "/settings/canned-replies");
    await page.getByRole("button", { name: "New canned reply" }).click();
    await page.getByRole("dialog").getByLabel("Shortcut").fill("/obrigado");
    await page.getByRole("dialog").getByLabel("Text", { exact: true }).fill("Obrigado pelo contato!");
    await page.getByRole("dialog").getByRole("button", { name: "Create canned reply" }).click();
    const row = page.getByTestId("canned-reply-row").filter({ hasText: "/obrigado" });
    await row.waitFor();

    // A second one with the same shortcut: 409, shown in the dialog, nothing stored.
    await page.getByRole("button", { name: "New canned reply" }).click();
    await page.getByRole("dialog").getByLabel("Shortcut").fill("obrigado");
    await page.getByRole("dialog").getByLabel("Text", { exact: true }).fill("Outro");
    await page.getByRole("dialog").getByRole("button", { name: "Create canned reply" }).click();
    await page.getByRole("dialog").getByRole("alert").waitFor();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

    await row.getByRole("button", { name: "Edit /obrigado" }).click();
    await page.getByRole("dialog").getByLabel("Text", { exact: true }).fill("Obrigado pelo contato! Até logo.");
    await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await expect.poll(() => row.textContent()).toContain("Até logo.");
    const list = await owner.client.get<{ cannedReplies: { shortcut: string; body: string }[] }>(org("/canned-replies"));
    expect(list.body.cannedReplies.map(({ shortcut, body }) => ({ shortcut, body }))).toEqual([{ shortcut: "obrigado", body: "Obrigado pelo contato! Até logo." }]);

    // Agents use it in the inbox composer.
    await say("Carla Cliente", "+55 11 90000-2001", "Era só isso");
    const inbox = await openInbox(owner.email);
    await rowOf(inbox, "Carla Cliente").click();
    const composer = inbox.getByRole("textbox", { name: /Type a reply/ });
    await composer.fill("/obri");
    await inbox.getByTestId("canned-suggestions").getByRole("option", { name: /\/obrigado/ }).waitFor();
    await composer.press("Enter");
    await expect.poll(() => composer.inputValue()).toBe("Obrigado pelo contato! Até logo.");

    // A viewer (who reads Portuguese) sees the list without the buttons, and the departments read-only.
    expect((await viewer.client.patch("/api/v1/me", { locale: "pt-BR" })).status).toBe(200);
    const viewerPage = await signedIn(viewer.email, "/settings/canned-replies");
    await viewerPage.getByRole("heading", { name: "Respostas prontas" }).waitFor();
    await viewerPage.getByTestId("canned-reply-row").filter({ hasText: "/obrigado" }).waitFor();
    expect(await viewerPage.getByRole("button", { name: /Nova resposta pronta|Editar|Excluir/ }).count()).toBe(0);
    await viewerPage.getByRole("link", { name: "Departamentos" }).click();
    await viewerPage.getByRole("heading", { name: "Departamentos" }).waitFor();
    await viewerPage.getByRole("switch", { name: "Atribuir automaticamente em Suporte VIP" }).waitFor();
    expect(await viewerPage.getByRole("switch").isDisabled()).toBe(true);
    expect(await viewerPage.getByRole("button", { name: /Novo departamento|Editar|Excluir/ }).count()).toBe(0);

    await row.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect((await owner.client.get<{ cannedReplies: unknown[] }>(org("/canned-replies"))).body.cannedReplies).toEqual([]);
    expect(errorsOf(page)).toEqual([]);
    expect(errorsOf(inbox)).toEqual([]);
  }, 120_000);

  it("a bot handoff and an assignment to me show a notice with the contact and a link, and a browser notification", async () => {
    const [dep] = await departments();
    // Record the browser notifications the page raises (permission granted to the origin).
    const page = await openInbox(agent.email, async (context) => {
      await context.grantPermissions(["notifications"], { origin: baseUrl });
      await context.addInitScript(() => {
        const w = window as unknown as { __notes: { title: string; body?: string }[]; Notification: unknown };
        w.__notes = [];
        class Recorded {
          static permission = "granted";
          static requestPermission = async () => "granted";
          onclick: (() => void) | null = null;
          constructor(title: string, options?: { body?: string }) {
            w.__notes.push({ title, body: options?.body });
          }
          close() {}
        }
        w.Notification = Recorded;
      });
    });
    const notes = () => page.evaluate(() => (window as unknown as { __notes: { title: string; body?: string }[] }).__notes);

    // A published flow hands "atendente" to the department (auto-assign on, Ana online).
    const created = await owner.client.post<{ flow: { id: string } }>(org("/flows"), { name: "Handoff" });
    expect(created.status).toBe(201);
    const flowId = created.body.flow.id;
    const draft = await owner.client.get<{ draft: { revision: string } }>(org(`/flows/${flowId}/draft`));
    const graph = {
      nodes: [
        { id: "start", type: "start", position: { x: 0, y: 0 }, data: { triggers: [{ kind: "keyword", match: "exact", keywords: ["atendente"], caseSensitive: false }] } },
        { id: "h", type: "handoff", position: { x: 0, y: 150 }, data: { message: "Um momento, por favor.", departmentId: dep.id, assigneeId: "", note: "Cliente pediu atendente" } },
      ],
      edges: [{ id: "e1", source: "start", sourceHandle: "next", target: "h" }],
    };
    const saved = await owner.client.patch(org(`/flows/${flowId}/draft`), { graph, revision: draft.body.draft.revision });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await owner.client.post(org(`/flows/${flowId}/publish`))).status).toBe(201);

    await say("Hugo Handoff", "+55 11 90000-3001", "atendente");
    const toast = page.getByTestId("handoff-toast").filter({ hasText: "Hugo Handoff" });
    await toast.waitFor({ timeout: 20_000 });
    // The handoff is pushed before its auto-assignment (apply-handoff.ts; order asserted by seq in
    // tests/integration/flows/runtime.test.ts), but the notice looks up each event's contact name on its own, so
    // either lookup may land first: one notice per conversation settles on "handoff" (use-handoff-notices.ts).
    await expect.poll(() => toast.getAttribute("data-kind")).toBe("handoff");
    await expect.poll(() => toast.textContent()).toContain("Handed off by the bot");
    await expect.poll(notes).toContainEqual({ title: "Handed off by the bot", body: "Hugo Handoff" });
    await toast.getByRole("link", { name: "Open conversation" }).click();
    await expect.poll(() => page.getByTestId("conversation-title").textContent()).toBe("Hugo Handoff");
    expect(new URL(page.url()).searchParams.get("c")).toBeTruthy();
    await expect.poll(() => toast.count()).toBe(0);

    // Someone else assigns a conversation to Ana: "Assigned to you".
    await say("Iris Atribuída", "+55 11 90000-3002", "Bom dia");
    await rowOf(page, "Iris Atribuída").waitFor();
    const conversationId = await rowOf(page, "Iris Atribuída").getAttribute("data-conversation-id");
    const assigned = await owner.client.post(org(`/conversations/${conversationId}/assign`), { assigneeId: agent.userId });
    expect(assigned.status).toBe(200);
    const assignedToast = page.getByTestId("handoff-toast").filter({ hasText: "Iris Atribuída" });
    await assignedToast.waitFor({ timeout: 10_000 });
    expect(await assignedToast.getAttribute("data-kind")).toBe("assigned");
    await expect.poll(notes).toContainEqual({ title: "Assigned to you", body: "Iris Atribuída" });
    await assignedToast.getByRole("button", { name: "Dismiss" }).click();
    await expect.poll(() => assignedToast.count()).toBe(0);

    // Ana assigning to herself is no news to her.
    await say("João Próprio", "+55 11 90000-3003", "Olá");
    await rowOf(page, "João Próprio").waitFor();
    const own = await rowOf(page, "João Próprio").getAttribute("data-conversation-id");
    expect((await agent.client.post(org(`/conversations/${own}/assign`), { assigneeId: agent.userId })).status).toBe(200);
    await expect.poll(() => attr(rowOf(page, "João Próprio"), "data-conversation-id")).toBe(own);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await page.getByTestId("handoff-toast").filter({ hasText: "João Próprio" }).count()).toBe(0);
    expect(errorsOf(page)).toEqual([]);
  }, 120_000);
});
