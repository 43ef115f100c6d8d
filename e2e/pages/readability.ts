/** What a person checks on the run view, measured in the page: text size on screen, what is in view. */
import type { Locator, Page } from '@playwright/test';

/** On-screen font size (px) of every element matching `selector` in the graph: CSS size x flow zoom x CSS zoom. */
export async function screenFontSizes(page: Page, selector: string): Promise<number[]> {
  return page
    .getByTestId('run-graph')
    .locator(selector)
    .evaluateAll((els) =>
      els
        .filter((el) => (el as HTMLElement).offsetWidth > 0)
        .map((el) => {
          const e = el as HTMLElement;
          const scale = e.getBoundingClientRect().width / e.offsetWidth;
          return Math.round(parseFloat(getComputedStyle(e).fontSize) * scale * 10) / 10;
        }),
    );
}

/** The smallest on-screen text of the graph's nodes (names, effect lines, lane labels, badges). */
export async function smallestGraphText(page: Page): Promise<number> {
  const sizes = await screenFontSizes(
    page,
    '.react-flow__node .hs-node-title, .react-flow__node .hs-node-says, .react-flow__node .hs-phase-event, .react-flow__node .hs-badge, .react-flow__node .hs-duration, .react-flow__node .hs-decided, .react-flow__node .hs-phase-empty',
  );
  if (sizes.length === 0) throw new Error('no graph text found');
  return Math.min(...sizes);
}

/**
 * Graph text a node cuts off: a line that ends in an ellipsis (wider than its box), or text that
 * reaches past its node's box (a second line below the bottom edge). The handler's line-clamped
 * effect text counts only when its clamped lines do not fit the node.
 */
export async function clippedGraphText(page: Page): Promise<string[]> {
  return page
    .getByTestId('run-graph')
    .locator('.react-flow__node')
    .evaluateAll((nodes) => {
      const out: string[] = [];
      for (const node of nodes) {
        const box = node.getBoundingClientRect();
        for (const el of node.querySelectorAll<HTMLElement>('.hs-node-title, .hs-node-says, .hs-phase-event, .hs-phase-empty, .hs-badge, .hs-duration')) {
          if (el.offsetWidth === 0) continue;
          const r = el.getBoundingClientRect();
          const text = (el.textContent ?? '').trim();
          const clamped = el.classList.contains('hs-node-says');
          if (!clamped && el.scrollWidth > el.clientWidth + 1) out.push(`${text}: wider than its box`);
          // The effect line is clamped to 2 lines: squeezed below what it shows, its last line is cut.
          const lines = clamped ? Math.min(el.scrollHeight, 2 * parseFloat(getComputedStyle(el).lineHeight)) : 0;
          if (clamped && el.clientHeight < lines - 1) out.push(`${text}: cut at the bottom`);
          if (r.right > box.right + 1 || r.bottom > box.bottom + 1) out.push(`${text}: past its node's edge`);
        }
      }
      return out;
    });
}

export async function inWindow(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width + 0.5 && box.y + box.height <= size.height + 0.5;
}

/** Whether `inner` lies inside `outer` on screen (both fully drawn). */
export async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const a = await inner.boundingBox();
  const b = await outer.boundingBox();
  if (!a || !b) return false;
  return a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
}

/** The page does not scroll sideways and no element reaches past the window's right edge. */
export async function widerThanWindow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window.innerWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > w) out.push(`page scrollWidth ${document.documentElement.scrollWidth} > ${w}`);
    for (const el of document.querySelectorAll('body *')) {
      // Inside scrolling or clipping containers (Monaco, the canvas) content may be wider; only what reaches past the window counts.
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= w + 1) continue;
      let clipped = false;
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if ((o === 'hidden' || o === 'auto' || o === 'scroll' || o === 'clip') && p.getBoundingClientRect().right <= w + 1) {
          clipped = true;
          break;
        }
      }
      if (!clipped)
        out.push(
          `${el.tagName.toLowerCase()}${(el as HTMLElement).dataset['testid'] ? `[${(el as HTMLElement).dataset['testid']}]` : ''}.${String((el as HTMLElement).className).slice(0, 40)} right=${Math.round(r.right)}`,
        );
    }
    return out;
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env['HOOKSCOPE_SHOTS_DIR'];
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}

/** The focusable graph node (React Flow's wrapper) of a handler, as Tab and the arrows reach it. */
export function focusableNode(page: Page, event: string, appId: string): Locator {
  return page.getByTestId('run-graph').locator(`.react-flow__node[data-id="handler:${event}:${appId}"]`);
}

/**
 * Words of `locator`'s text that the browser split across two lines at a point that is not a
 * break opportunity of the text (a space, a hyphen, a <wbr>): each run of non-space characters
 * of one text node must sit on one line.
 */
export async function wordsBrokenMidWord(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((roots) => {
    const out: string[] = [];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        for (const m of text.matchAll(/[^\s-]+/g)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) out.push(m[0]);
        }
      }
    }
    return out;
  });
}
