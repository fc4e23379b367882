/**
 * The checks the accessibility suite runs on every page, as soft assertions (every page and every check is
 * reported, not only the first failure): axe-core's WCAG 2.2 A/AA rules at 1280×800 and 390×844 in light and
 * dark, no sideways scrolling at 390 px, a non-empty <title>, exactly one h1, a skip link that moves focus to
 * #main, and a focus ring of at least 2 px on a link or button reached with Tab.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from '../fixtures/axe';
import { describeActiveElement, focusRingOf } from '../fixtures/keyboard';

export const VIEWPORTS = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } } as const;
const SCHEMES = ['light', 'dark'] as const;

/** A checked page: its name in the table, the group of names that are one page in several states, its title. */
export type CheckedPage = { name: string; group: string; path: string; title: string };

/**
 * Runs every check on the page as it is now (it may be the result of a form post: nothing reloads it) and
 * returns what it found for the title comparison across pages. `group` names the page when several rows
 * show one page in different states (they may share a title).
 */
export async function checkPage(page: Page, name: string, group = name): Promise<CheckedPage> {
  const pathname = new URL(page.url()).pathname;
  const where = `${name} (${pathname})`;
  return test.step(`check ${where}`, async () => {
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme });
        expect.soft(await axeViolations(page), `axe violations on ${where} at ${viewport.width} px, ${colorScheme}`).toEqual([]);
      }
      if (size === 'mobile') {
        const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
        expect.soft(overflow, `horizontal overflow (px) on ${where} at 390 px`).toBeLessThanOrEqual(1);
      }
    }
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.emulateMedia({ colorScheme: 'light' });

    const title = (await page.title()).trim();
    expect.soft(title, `<title> of ${where}`).not.toBe('');
    expect.soft(await page.getByRole('heading', { level: 1 }).count(), `number of h1 on ${where}`).toBe(1);
    await checkKeyboard(page, where);
    return { name, group, path: pathname, title };
  });
}

/** The first Tab reaches the skip link, Enter on it focuses #main, and links and buttons show a ≥ 2 px ring. */
async function checkKeyboard(page: Page, where: string) {
  // Start the tab order at the top of the page: a focused placeholder before everything else.
  await page.evaluate(() => {
    const start = document.createElement('span');
    start.id = 'a11y-tab-start';
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
  });
  await page.keyboard.press('Tab');
  await page.evaluate(() => document.getElementById('a11y-tab-start')?.remove());
  const focused = page.locator(':focus');
  const first = await describeActiveElement(page);
  const onSkipLink = await focused.evaluate((e) => e.tagName === 'A' && (e.getAttribute('href') ?? '').endsWith('#main')).catch(() => false);
  expect.soft(onSkipLink, `the first Tab on ${where} reaches a skip link to #main (got ${first})`).toBe(true);
  if (!onSkipLink) return;
  await expectRing(page, `skip link on ${where}`);

  await page.keyboard.press('Enter');
  expect.soft(await page.evaluate(() => document.activeElement?.id ?? ''), `the skip link on ${where} moves focus to #main`).toBe('main');

  // The first link or button inside the main content, reached with Tab from #main.
  for (let presses = 0; presses < 15; presses++) {
    await page.keyboard.press('Tab');
    const kind = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || !e.closest('main')) return 'outside';
      return e.matches('a[href], button') ? 'control' : 'other';
    });
    if (kind === 'outside') return;
    if (kind === 'control') return expectRing(page, `first link or button in the main content of ${where}`);
  }
}

async function expectRing(page: Page, what: string) {
  const ring = await focusRingOf(page.locator(':focus'));
  const element = await describeActiveElement(page);
  expect.soft(ring.matchesFocusVisible && ring.style !== 'none' ? ring.width : 0, `focus ring width (px) of ${what}: ${element}`).toBeGreaterThanOrEqual(2);
}

/**
 * Adds this test's pages to the run's list (a file in the run's output directory, which Playwright empties at
 * the start of a run, so the list survives the worker restart after a failed test) and asserts that no two
 * distinct pages share a title. The last test of the run compares every page of the run.
 */
export function expectUniqueTitles(pages: CheckedPage[]) {
  const file = path.join(test.info().project.outputDir, 'accessibility-titles.json');
  let seen: CheckedPage[] = [];
  try {
    seen = JSON.parse(readFileSync(file, 'utf8')) as CheckedPage[];
  } catch {
    // First test of the run.
  }
  const all = [...seen.filter((s) => !pages.some((p) => p.name === s.name)), ...pages];
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(all, null, 2));
  const byTitle = new Map<string, Set<string>>();
  for (const p of all) byTitle.set(p.title, (byTitle.get(p.title) ?? new Set()).add(p.group));
  const shared = [...byTitle].filter(([, groups]) => groups.size > 1).map(([title, groups]) => `"${title}": ${[...groups].join(' | ')}`);
  expect.soft(shared, 'distinct pages with the same <title>').toEqual([]);
}
