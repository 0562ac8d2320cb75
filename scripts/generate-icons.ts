/**
 * Draws the app's icons from app/icon.svg with the Chromium the browser tests use (no download, no image
 * library): the PNGs the web app manifest lists, the Apple touch icon, and a favicon.ico holding PNG images.
 * Run it after changing the SVG: `npx tsx scripts/generate-icons.ts`.
 */
import fs from "node:fs";
import path from "node:path";
import { launchBrowser } from "../tests/support/browser";

const root = path.resolve(import.meta.dirname, "..");
const svg = fs.readFileSync(path.join(root, "app/icon.svg"), "utf8");

async function main() {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const draw = async (size: number, padding = 0) => {
      await page.setViewportSize({ width: size, height: size });
      // A maskable icon keeps its drawing inside the central safe zone, on a full-bleed background.
      const inner = size - 2 * padding;
      const bg = padding ? "#128c4a" : "transparent";
      await page.setContent(
        `<html><body style="margin:0;background:${bg}"><div style="width:${inner}px;height:${inner}px;margin:${padding}px">${svg.replace("<svg ", `<svg width="${inner}" height="${inner}" `)}</div></body></html>`,
      );
      return page.screenshot({ omitBackground: !padding, type: "png" });
    };
    const out = (rel: string, bytes: Buffer) => {
      fs.writeFileSync(path.join(root, rel), bytes);
      console.log(`${rel}: ${bytes.length} bytes`);
    };
    out("public/icons/icon-192.png", await draw(192));
    out("public/icons/icon-512.png", await draw(512));
    out("public/icons/maskable-512.png", await draw(512, 64));
    out("app/apple-icon.png", await draw(180));
    const small: Buffer[] = [];
    for (const size of [16, 32, 48]) small.push(await draw(size)); // one page: one size at a time
    out("app/favicon.ico", ico(small));
  } finally {
    await browser.close();
  }
}

/** An ICO file whose images are PNGs (supported by every browser since Windows Vista-era icon formats). */
function ico(pngs: Buffer[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * pngs.length;
  for (const png of pngs) {
    const size = png.readUInt32BE(16); // IHDR width
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...pngs]);
}

void main();
