import type { Page } from "playwright-core";

/** Two visible interactive elements whose boxes intersect, named the way a person would find them. */
export type Overlap = { a: string; b: string; width: number; height: number };

/** Everything a person clicks, taps or types into. */
const INTERACTIVE = 'button, a[href], input:not([type="hidden"]), select, textarea, [role="tab"], [role="button"], [role="combobox"], [role="link"], [role="menuitem"]';

/**
 * The pairs of visible interactive elements (buttons, links, inputs, selects, tabs) whose bounding boxes intersect
 * by more than `tolerance` px both ways. "Visible" is the part of each box not clipped by the viewport or a
 * scrolling/overflow-hidden ancestor, so a row scrolled out of its list does not count; an element inside another
 * (an icon button in a link) is not an overlap; screen-reader-only text is not visible.
 */
export async function findOverlaps(page: Page, tolerance = 1): Promise<Overlap[]> {
  return page.evaluate(
    ({ selector, tolerance }) => {
      type Box = { left: number; top: number; right: number; bottom: number };
      const intersect = (a: Box, b: Box): Box => ({ left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) });
      const name = (el: Element) => {
        const label = el.getAttribute("aria-label") || (el as HTMLElement).innerText || (el as HTMLInputElement).placeholder || el.getAttribute("title") || "";
        const testId = el.getAttribute("data-testid");
        return `<${el.tagName.toLowerCase()}${testId ? ` data-testid="${testId}"` : ""}> "${label.trim().replace(/\s+/g, " ").slice(0, 40)}"`;
      };
      const visibleBox = (el: Element): Box | null => {
        const r = el.getBoundingClientRect();
        let box: Box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        box = intersect(box, { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight });
        for (let p = el as Element | null; p; p = p.parentElement) {
          const style = getComputedStyle(p);
          if (style.display === "none" || style.visibility === "hidden" || Number(style.opacity) === 0) return null;
          if (style.clip === "rect(0px, 0px, 0px, 0px)" || style.clipPath === "inset(50%)") return null;
          if (p !== el && (style.overflowX !== "visible" || style.overflowY !== "visible")) {
            const c = p.getBoundingClientRect();
            box = intersect(box, { left: c.left, top: c.top, right: c.right, bottom: c.bottom });
          }
        }
        return box.right - box.left > 2 && box.bottom - box.top > 2 ? box : null;
      };
      const items = [...document.querySelectorAll(selector)]
        .filter((el) => !el.closest('[aria-hidden="true"], [inert]'))
        .map((el) => ({ el, box: visibleBox(el) }))
        .filter((x): x is { el: Element; box: Box } => x.box !== null);
      const overlaps: { a: string; b: string; width: number; height: number }[] = [];
      for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length; j++) {
          const a = items[i];
          const b = items[j];
          if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
          const o = intersect(a.box, b.box);
          const width = o.right - o.left;
          const height = o.bottom - o.top;
          if (width > tolerance && height > tolerance) overlaps.push({ a: name(a.el), b: name(b.el), width: Math.round(width), height: Math.round(height) });
        }
      }
      return overlaps;
    },
    { selector: INTERACTIVE, tolerance },
  );
}

/** How far the page scrolls sideways (0 when it fits the window). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth);
}

/** Labels whose text is cut by their own box (an ellipsis or a hidden overflow), e.g. "All departmer". */
export async function clippedLabels(page: Page, selector = 'button, [role="tab"], select, label'): Promise<string[]> {
  return page.evaluate((selector) => {
    return [...document.querySelectorAll(selector)]
      .filter((el) => {
        const h = el as HTMLElement;
        if (!h.offsetParent || h.closest('[aria-hidden="true"]')) return false;
        if (h.tagName === "SELECT") {
          // A select shows its chosen option: cut when that text is wider than the box leaves for it.
          const s = h as HTMLSelectElement;
          const text = s.options[s.selectedIndex]?.text ?? "";
          const canvas = document.createElement("canvas").getContext("2d")!;
          const style = getComputedStyle(s);
          canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16; // the arrow
          return canvas.measureText(text).width > room + 1;
        }
        return h.scrollWidth > h.clientWidth + 1 && getComputedStyle(h).overflowX !== "visible";
      })
      .map((el) => `<${el.tagName.toLowerCase()}> "${(el as HTMLElement).innerText?.trim().slice(0, 40) || (el as HTMLSelectElement).value}"`);
  }, selector);
}
