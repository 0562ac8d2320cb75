import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signUpInBrowser } from "../support/browser-session";

const run = browserAvailable();

/** As Excel writes it in Brazil: BOM, semicolons, a quoted line break, a bad number and a duplicate number. */
const messyCsv = [
  "\ufeffNome;Telefone;Cidade;Aceite",
  "Maria Souza;(11) 98888-7777;Recife;sim",
  '"João\nLima";+55 21 8777-6666;Olinda;não',
  "Sem número;12345;Natal;",
  "Maria de novo;11988887777;;sim",
].join("\r\n");

describe.skipIf(!run)("the contacts page", () => {
  let browser: Browser;
  const baseUrl = inject("baseUrl");
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("imports a messy CSV through the mapping screen with a live progress bar, downloads the failed rows, filters by a custom field and saves a segment", async () => {
    const { context, page } = await newPage(browser);
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    const { slug } = await signUpInBrowser(page, baseUrl, "Contatos Ltda");
    const api = `${baseUrl}/api/v1/orgs/${slug}`;
    expect((await page.request.post(`${api}/channels`, { data: { provider: "sandbox", name: "Loja", displayPhoneNumber: "+15550003333" } })).status()).toBe(201);
    expect((await page.request.post(`${api}/contact-fields`, { data: { key: "city", label: "City", type: "text" } })).status()).toBe(201);

    // Sidebar → Contacts → Import CSV.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
    await page.waitForURL(new RegExp(`/${slug}/contacts$`));
    await page.getByRole("link", { name: "Import CSV" }).click();
    await page.waitForURL(new RegExp(`/${slug}/contacts/import$`));
    await page.getByLabel("CSV file").setInputFiles({ name: "contatos.csv", mimeType: "text/csv", buffer: Buffer.from(messyCsv, "utf-8") });
    await page.getByRole("button", { name: "Read file" }).click();

    // The mapping screen: the format was detected, the phone and name columns guessed; map "Cidade" to City.
    await expect.poll(() => page.getByTestId("import-detected").textContent()).toContain("“;” separated, UTF-8, 4 rows");
    expect(await page.getByLabel("Import “Telefone” as").inputValue()).toBe("phone");
    expect(await page.getByLabel("Import “Nome” as").inputValue()).toBe("name");
    await page.getByLabel("Import “Cidade” as").selectOption({ label: "City" });
    await page.getByLabel("Import “Aceite” as").selectOption({ label: "Consent (yes/no)" });
    await expect.poll(() => page.getByRole("cell", { name: "Maria Souza" }).count()).toBe(1);
    await page.getByRole("button", { name: "Import", exact: true }).click();

    // The bar fills and the import ends: 2 contacts (the duplicate merged), 1 failed row.
    const bar = page.getByRole("progressbar");
    await expect.poll(() => bar.getAttribute("aria-valuenow"), { timeout: 30_000 }).toBe("100");
    await expect.poll(() => page.getByTestId("import-status").textContent(), { timeout: 30_000 }).toBe("Done");
    expect(await page.getByTestId("import-summary").textContent()).toBe("2 created, 1 updated, 0 unchanged, 1 with errors");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download rows with errors" }).click()]);
    const errors = fs.readFileSync((await download.path())!, "utf-8");
    expect(errors).toContain("row,Nome,Telefone,Cidade,Aceite,reason");
    expect(errors).toContain("3,Sem número,12345,Natal,,Not a valid phone number: 12345");
    expect(errors).not.toContain("Maria");

    // Back to the list: both contacts, the number folded to the ninth digit.
    await page.getByRole("link", { name: "Back to contacts" }).click();
    await page.waitForURL(new RegExp(`/${slug}/contacts$`));
    await expect.poll(() => page.getByTestId("contacts-count").textContent()).toBe("2 contacts");
    await expect.poll(() => page.getByRole("row").filter({ hasText: "+5521987776666" }).count()).toBe(1);

    // Filter by the custom field and save it as a segment.
    await page.getByRole("button", { name: "Filters" }).click();
    await page.getByRole("button", { name: "Add a condition" }).click();
    await page.getByLabel("Value").fill("olinda");
    await expect.poll(() => page.getByTestId("contacts-count").textContent()).toBe("1 contact");
    await expect.poll(() => page.getByRole("row").filter({ hasText: "Maria" }).count()).toBe(0);
    await page.getByRole("textbox", { name: "Segment name" }).fill("Olinda");
    await page.getByRole("button", { name: "Save as segment" }).click();
    await expect.poll(() => page.getByLabel("Segment", { exact: true }).locator("option:checked").textContent()).toBe("Olinda");

    const segments = (await (await page.request.get(`${api}/segments`)).json()) as { segments: { id: string; name: string }[] };
    const saved = segments.segments.find((s) => s.name === "Olinda")!;
    expect((await (await page.request.get(`${api}/segments/${saved.id}/count`)).json()).count).toBe(1);

    // A phone: the page does not scroll sideways (the table scrolls inside its frame).
    await page.setViewportSize({ width: 390, height: 800 });
    await page.reload();
    await page.getByTestId("contacts-table").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("Settings → Consent edits the opt-out and opt-in keywords and confirmations, refusing a word on both lists", async () => {
    const { context, page } = await newPage(browser);
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    const { slug } = await signUpInBrowser(page, baseUrl, "Consentimento Ltda");
    await page.goto(`${baseUrl}/${slug}/settings/organization`);
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Consent and opt-out" }).click();
    await page.waitForURL(new RegExp(`/${slug}/settings/consent$`));
    // The defaults, EN and PT words together.
    expect(await page.getByLabel("Opt-out keywords").inputValue()).toBe("STOP, UNSUBSCRIBE, SAIR, PARAR, CANCELAR, DESCADASTRAR");
    expect(await page.getByLabel("Opt-in keywords").inputValue()).toBe("START, VOLTAR");

    await page.getByLabel("Opt-out keywords").fill("SAIR, Basta");
    await page.getByLabel("Opt-in keywords").fill("VOLTAR, básta");
    await page.getByLabel("Opt-out confirmation").fill("Pronto, você não receberá mais promoções.");
    await page.getByRole("button", { name: "Save" }).click();
    // Under the field it belongs to (expect.poll's 1 s default is too short for a loaded machine).
    await page.locator("#optInKeywords-error").getByText("Also an opt-out keyword: básta").waitFor();

    await page.getByLabel("Opt-in keywords").fill("VOLTAR");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Consent settings saved").waitFor();
    await page.reload();
    expect(await page.getByLabel("Opt-out keywords").inputValue()).toBe("SAIR, Basta");
    expect(await page.getByLabel("Opt-in keywords").inputValue()).toBe("VOLTAR");
    expect(await page.getByLabel("Opt-out confirmation").inputValue()).toBe("Pronto, você não receberá mais promoções.");
    const saved = (await (await page.request.get(`${baseUrl}/api/v1/orgs/${slug}/consent-settings`)).json()) as { settings: { optOutKeywords: string[] } };
    expect(saved.settings.optOutKeywords).toEqual(["SAIR", "Basta"]);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
