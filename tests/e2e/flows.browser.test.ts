import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signUpInBrowser } from "../support/browser-session";

const run = browserAvailable();

/** An attribute of the first match, or null while there is none (never waits: expect.poll does the waiting). */
const attr = (l: Locator, name: string) => l.first().getAttribute(name, { timeout: 500 }).catch(() => null);

/** Drags from one handle to another with the mouse, the way a person connects two nodes. */
async function connect(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 10, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** Drags a palette entry onto the canvas with the mouse (HTML5 drag and drop, as a person does). */
async function dragFromPalette(page: Page, type: string, canvas: Locator, at: { x: number; y: number }) {
  const from = (await page.getByTestId(`palette-${type}`).boundingBox())!;
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + at.x / 2, box.y + at.y / 2, { steps: 5 });
  await page.mouse.move(box.x + at.x, box.y + at.y, { steps: 5 });
  await page.mouse.up();
}

describe.skipIf(!run)("the flow editor", () => {
  let browser: Browser;
  const baseUrl = inject("baseUrl");
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("build a flow by dragging nodes, see and fix a validation error, publish, and chat with the draft in the test phone", async () => {
    const { context, page } = await newPage(browser);
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    const { slug } = await signUpInBrowser(page, baseUrl, "Flow Builders");
    const created = await page.request.post(`${baseUrl}/api/v1/orgs/${slug}/channels`, {
      data: { provider: "sandbox", name: "Loja Sandbox", displayPhoneNumber: "+15550002222" },
    });
    expect(created.status()).toBe(201);

    // The sidebar leads to the flow list; "New flow" opens the editor on a draft holding a start node.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Flows" }).click();
    await page.waitForURL(new RegExp(`/${slug}/flows$`));
    await page.getByRole("button", { name: "New flow" }).click();
    await page.getByLabel("Name").fill("Boas-vindas");
    await page.getByRole("dialog").getByRole("button", { name: "New flow" }).click();
    await page.waitForURL(new RegExp(`/${slug}/flows/[0-9a-f-]{36}$`));
    const flowId = page.url().split("/").pop()!;
    const start = page.getByTestId("flow-node-start");
    await start.waitFor();

    // The start node: trigger keyword "oi".
    await start.click();
    if ((await page.getByLabel("Keywords").count()) === 0) await page.getByRole("button", { name: "Add trigger" }).click();
    await page.getByLabel("Keywords").fill("oi");

    // Drag a question and an end node from the palette onto the canvas.
    const canvas = page.getByTestId("flow-canvas");
    await dragFromPalette(page, "question", canvas, { x: 120, y: 560 });
    const question = page.locator('[data-node-type="question"]');
    await question.waitFor();
    await dragFromPalette(page, "end", canvas, { x: 380, y: 680 });
    const end = page.locator('[data-node-type="end"]');
    await end.waitFor();
    expect(await page.locator(".react-flow__node").count()).toBe(3);

    // The question is not connected yet: the node itself says so (red border + message).
    await expect.poll(() => attr(question, "data-invalid")).toBe("true");
    expect(await question.getByTestId("node-issues").innerText()).toContain("No path from the start node leads here");

    // Publishing now is refused, with the server's reasons.
    await page.getByRole("button", { name: "Publish" }).click();
    const refusal = page.getByTestId("publish-refusal");
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain("No path from the start node leads here");
    await refusal.getByRole("button", { name: "Dismiss" }).click();

    // Tidy up (dagre) lays the nodes out and fits them in view.
    await page.getByRole("button", { name: "Tidy up" }).click();

    // Fill the question and the end message, then wire start → question → end.
    await question.click();
    await page.getByLabel("Question", { exact: true }).fill("Olá! Qual é o seu nome?");
    await page.getByLabel("Save the answer as").fill("nome");
    await end.click();
    await page.getByLabel("Last message (optional)").fill("Prazer, {{nome}}! Até logo.");
    await connect(page, start.locator(".react-flow__handle.source"), question.locator(".react-flow__handle.target"));
    await connect(page, question.getByTestId("exit-next").locator(".react-flow__handle"), end.locator(".react-flow__handle.target"));
    await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(2);
    await expect.poll(() => attr(question, "data-invalid")).toBe(null);
    expect(await page.locator('[data-invalid="true"]').count()).toBe(0);
    expect(await page.getByTestId("issues-list").count()).toBe(0); // a node is selected: its settings show instead

    // Undo removes the last connection (the question is then missing its exit again); redo brings it back.
    await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Control+z");
    await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(1);
    await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(2);
    // Only a warning is left (the question's "Gave up" exit may stay open: the conversation ends there).
    await expect.poll(() => page.getByTestId("issues-list").innerText({ timeout: 500 }).catch(() => "")).toContain("0 errors and 1 warning");

    // Copy/paste duplicates the selected node (new id, offset); undo takes the paste back.
    await question.click();
    await page.keyboard.press("Control+c");
    await page.keyboard.press("Control+v");
    await expect.poll(() => page.locator('[data-node-type="question"]').count()).toBe(2);
    await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Control+z");
    await expect.poll(() => page.locator('[data-node-type="question"]').count()).toBe(1);

    // Autosave reaches the server.
    await expect.poll(() => attr(page.getByTestId("save-status"), "data-status"), { timeout: 10_000 }).toBe("saved");
    const draft = await (await page.request.get(`${baseUrl}/api/v1/orgs/${slug}/flows/${flowId}/draft`)).json();
    expect(draft.draft.graph.nodes.map((n: { type: string }) => n.type).sort()).toEqual(["end", "question", "start"]);
    expect(draft.draft.graph.edges).toHaveLength(2);

    // Publish: version 1.
    await page.getByRole("button", { name: "Publish" }).click();
    await expect.poll(() => page.getByTestId("editor-notice").innerText({ timeout: 500 }).catch(() => "")).toContain("Published as version 1");

    // Test panel: a test customer on the sandbox number chats with the draft; the node it waits on lights up.
    await page.getByRole("button", { name: "Test", exact: true }).click();
    await page.getByRole("button", { name: "Start a test conversation" }).click();
    const panel = page.getByTestId("test-panel");
    await panel.getByLabel("Type a message").fill("oi");
    await panel.getByRole("button", { name: "Send", exact: true }).click();
    const bubbles = panel.getByTestId("sandbox-message");
    await expect.poll(() => bubbles.filter({ hasText: "Olá! Qual é o seu nome?" }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => attr(question, "data-active"), { timeout: 10_000 }).toBe("true");
    await panel.getByLabel("Type a message").fill("Ana");
    await panel.getByRole("button", { name: "Send", exact: true }).click();
    await expect.poll(() => bubbles.filter({ hasText: "Prazer, Ana! Até logo." }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => attr(question, "data-active"), { timeout: 10_000 }).toBe(null);

    // A real customer (not the test one) talks to the published version; its counters appear on the nodes.
    const channelId = (await created.json()).channel.id as string;
    const customer = { name: "Cliente Real", phone: "+5511987651234" };
    const sent = await page.request.post(`${baseUrl}/api/v1/orgs/${slug}/sandbox/${channelId}/customer-messages`, {
      data: { customer, message: { type: "text", body: "oi" } },
    });
    expect(sent.status()).toBe(201);
    const chatUrl = `${baseUrl}/api/v1/orgs/${slug}/sandbox/${channelId}/chat?phone=5511987651234`;
    await expect
      .poll(async () => JSON.stringify(await (await page.request.get(chatUrl)).json()), { timeout: 20_000 })
      .toContain("Olá! Qual é o seu nome?");
    await page.reload();
    await expect.poll(() => question.getByTestId("node-counters").innerText({ timeout: 500 }).catch(() => ""), { timeout: 10_000 }).toContain("▶1");

    // Version history lists the published version as live.
    await page.getByRole("button", { name: "Versions" }).click();
    const versions = page.getByTestId("versions-list");
    await expect.poll(() => versions.innerText({ timeout: 500 }).catch(() => "")).toContain("v1");
    expect(await versions.innerText()).toContain("Live");

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("the flow list renames, duplicates and deletes (with confirmation)", async () => {
    const { context, page } = await newPage(browser);
    const { slug } = await signUpInBrowser(page, baseUrl, "Flow Lists");
    const res = await page.request.post(`${baseUrl}/api/v1/orgs/${slug}/flows`, { data: { name: "Menu" } });
    expect(res.status()).toBe(201);
    await page.goto(`${baseUrl}/${slug}/flows`);
    const rows = page.getByTestId("flow-row");
    await rows.first().waitFor();

    await page.getByRole("button", { name: "Rename Menu" }).click();
    await page.getByRole("dialog").getByLabel("Name").fill("Menu principal");
    await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await expect.poll(() => rows.first().innerText({ timeout: 500 }).catch(() => "")).toContain("Menu principal");

    await rows.first().getByRole("button", { name: "Duplicate" }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByText("Menu principal (copy)").count()).toBe(1);

    await rows.filter({ hasText: "(copy)" }).getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => rows.count()).toBe(1);

    // Import JSON: the exported file of a flow comes back as a new flow; a file that is not JSON is refused.
    const flowId = (await res.json()).flow.id as string;
    const exported = await (await page.request.get(`${baseUrl}/api/v1/orgs/${slug}/flows/${flowId}/export`)).json();
    const file = page.getByTestId("import-flow-file");
    await file.setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from("{not json") });
    await expect.poll(() => page.getByText("This file is not JSON").count()).toBe(1);
    await file.setInputFiles({ name: "menu.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...exported, name: "Menu importado" })) });
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByText("Menu importado").count()).toBe(1);
    await context.close();
  });
});
