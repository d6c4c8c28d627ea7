/**
 * The planner's walkthrough of issue 22, headless (items 7, 8, 10, 12): the circle report
 * leads with the type and distance chosen and its live-view link keeps them; the coverage
 * notes and legend name the distance model in force; the circle profile's facility lists
 * say they are of the selected type only; the worker's timing shows only with ?debug=1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { categoryLabel } from '../../src/core/categories';
import { distanceModelName } from '../../src/ui/distanceModel';
import { s as rs } from '../../src/ui/report/strings';
import { bootApp, type HarnessApp, POLL } from './app';
import { $, $$, text } from './dom';

let app: HarnessApp;
afterEach(() => app?.stop());

const CIRCLE = '310110001-1'; // 定海路-1

async function reportReady(): Promise<HTMLElement> {
  await expect
    .poll(() => document.querySelector('[data-report-ready="true"] [data-report]'), POLL)
    .not.toBeNull();
  return $('[data-report]');
}

describe('the circle report leads with the type and distance chosen (item 7)', () => {
  it('day care at 500 m: the focus row, the suggested sites and the live link are day care at 500 m', async () => {
    app = await bootApp(`cat=day-care&r=500&dist=straight&report=circle:${CIRCLE}`, { coverage: false });
    const article = await reportReady();
    expect(article.getAttribute('data-focus')).toBe('day-care');
    const label = categoryLabel('day-care', 'zh');
    // the summary leads with it, named with the distance and the model
    const focus = $('[data-focus-row]', article);
    expect(focus.getAttribute('data-focus-row')).toBe('day-care');
    expect(text(focus)).toContain(`${label} · 500 米 · ${distanceModelName('straight', 'zh')}：`);
    expect(text($('#report-focus', article))).toBe(rs('focus', 'zh'));
    expect(text(article)).toContain(`${rs('suggestedFor', 'zh')}: ${label}`);
    // the table's first row is the chosen one (500 m; day care's standard is another distance)
    const first = $$('.category-table tbody tr', article)[0]!;
    expect([first.getAttribute('data-category'), first.getAttribute('data-focus')]).toEqual([
      'day-care',
      'true',
    ]);
    expect(text(first.querySelector('td'))).toBe('500');
    // the weakest of the other types is never the focus type
    expect($('[data-other-weakest]', article).getAttribute('data-other-weakest')).not.toBe('day-care');
    // the live-view link keeps the type, the distance and the model
    const live = new URL($('a[data-live-link]', article).getAttribute('href')!);
    expect([live.searchParams.get('cat'), live.searchParams.get('r'), live.searchParams.get('dist')]).toEqual(
      ['day-care', '500', 'straight'],
    );
    expect([live.searchParams.get('report'), live.searchParams.get('test')]).toEqual([null, null]);
    expect(app.errors).toEqual([]);
  });

  it('canteens at 300 m (today’s defaults): the link still names cat=, r= and dist=', async () => {
    app = await bootApp(`report=circle:${CIRCLE}&dist=straight`, { coverage: false });
    const article = await reportReady();
    expect(article.getAttribute('data-focus')).toBe('elder-canteen');
    const live = new URL($('a[data-live-link]', article).getAttribute('href')!);
    expect([live.searchParams.get('cat'), live.searchParams.get('r'), live.searchParams.get('dist')]).toEqual(
      ['elder-canteen', '300', 'straight'],
    );
  });
});

describe('the coverage notes and legend name the distance model in force (item 8)', () => {
  it('straight line, then the walking network: the tiers note and the legend follow', async () => {
    for (const dist of ['straight', 'network'] as const) {
      app = await bootApp(`dist=${dist}`);
      const name = distanceModelName(dist, 'zh');
      await expect.poll(() => text($('[data-testid=distance-note]')), POLL).toContain(name);
      expect(text($('.coverage-legend'))).toContain(name);
      const other = distanceModelName(dist === 'straight' ? 'network' : 'straight', 'zh');
      expect(text($('[data-testid=distance-note]'))).not.toContain(other);
      app.stop();
    }
  });
});

describe('the circle profile lists the selected type only (item 10)', () => {
  it('its headings name the type and say so; an empty list says “none of the selected type”', async () => {
    app = await bootApp(`cat=nursing-home&circle=${CIRCLE}`);
    const label = categoryLabel('nursing-home', 'zh');
    const card = await expect
      .poll(() => document.querySelector('section[aria-labelledby=circle-title]'), POLL)
      .not.toBeNull()
      .then(() => $('section[aria-labelledby=circle-title]'));
    const heads = $$('h4', card).map(text);
    expect(heads).toContain(`圈内的${label}（仅所选类型）`);
    expect(heads).toContain(`步行范围内可达的${label}（含圈外；仅所选类型）`);
    expect(heads).not.toContain('步行范围内可达的设施（含圈外）');
    for (const none of $$('[data-none]', card)) expect(text(none)).toMatch(/^无（仅指所选类型/);
  });
});

describe('the worker’s timing is for developers (item 12)', () => {
  it('hidden by default, shown with ?debug=1, and a shared link never carries debug', async () => {
    app = await bootApp();
    expect(document.querySelector('.timing')).toBeNull();
    expect(text(document.body)).not.toMatch(/计算用时/);
    app.stop();
    app = await bootApp('debug=1');
    await expect.poll(() => text(document.querySelector('.timing')), POLL).toMatch(/^计算用时 \d+ ms$/);
    const { viewLink } = await app.mod<typeof import('../../src/ui/url')>('../../src/ui/url');
    expect(new URL(viewLink(false)).searchParams.get('debug')).toBeNull();
  });
});
