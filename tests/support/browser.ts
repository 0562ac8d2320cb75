import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function chromiumPath(): string | undefined {
  const candidates = [process.env.PAPO_CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  return candidates.find((p): p is string => !!p && fs.existsSync(p));
}

/**
 * Whether browser tests can run here. Without a Chromium they are announced loudly and not run — unless
 * PAPO_REQUIRE_BROWSER=1 (CI), where a missing browser fails the run.
 */
export function browserAvailable(): boolean {
  if (chromiumPath()) return true;
  if (process.env.PAPO_REQUIRE_BROWSER === "1") {
    throw new Error("PAPO_REQUIRE_BROWSER=1 but no Chromium was found (install Debian's `chromium` or set PAPO_CHROMIUM_PATH)");
  }
  const bar = "!".repeat(78);
  console.warn(`\n${bar}\n!! NO CHROMIUM FOUND: the browser end-to-end tests are NOT running.\n!! Install it (apt-get install chromium) or set PAPO_CHROMIUM_PATH. CI sets PAPO_REQUIRE_BROWSER=1.\n${bar}\n`);
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: FLAGS, headless: true });
}
