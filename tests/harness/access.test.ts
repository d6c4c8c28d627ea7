/**
 * The access analysis of issue 20 in the app, headless (the browser test keeps the real
 * worker, the MapLibre layer and the SVG's rendering): the circle profile's capacity and
 * basket, the dashboard's capacity & basket view sorted with unknown never 0, the walk time
 * in one click and in the URL, the access layer drawn through the map controller's
 * MapView.setAccessLayer and hidden in the resident's view, and the URL's acc/decay/bk.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bootApp, type HarnessApp, POLL } from './app';
import { $, $$, check, click, text } from './dom';

let app: HarnessApp;
afterEach(() => app?.stop());

const shown = (id: string) => document.querySelector(`[data-testid=${id}]`);

describe('access in the app (headless)', () => {
  it('the circle profile shows its beds per 100 elders in reach beside the district and both baskets', async () => {
    app = await bootApp('cat=nursing-home&circle=310110001-1');
    await expect.poll(() => shown('circle-capacity'), POLL).not.toBeNull();
    // "≥ x.xx (district ≥ 1.33)": a lower bound (homes without beds are in reach), never a bare 0
    expect(text($('[data-testid=circle-capacity]'))).toMatch(/\d\.\d\d.*\(.*≥ 1\.33\)/);
    for (const side of ['elder', 'child'])
      expect(text($(`[data-testid=circle-basket-${side}]`))).toMatch(/^\d+(\.\d)?%/);
    expect(app.errors).toEqual([]);
  });

  it('the dashboard’s capacity & basket view sorts by capacity; unknown reads “capacity unknown”, never 0', async () => {
    app = await bootApp('cat=care-home&lang=en');
    await expect
      .poll(() => document.querySelector('.dashboard-views button[data-view=extra]'), POLL)
      .not.toBeNull();
    click($('.dashboard-views button[data-view=extra]'));
    await expect.poll(() => $$('table.dashboard thead th').map(text).join('|'), POLL).toMatch(/Capacity/);
    const cells = () => $$('table.dashboard tbody tr').map((r) => text(r.querySelectorAll('td')[1]));
    expect(cells()).toHaveLength(33);
    // care homes have no beds on the official list: every circle they reach is unknown
    expect(cells().filter((c) => c === 'capacity unknown').length).toBeGreaterThan(20);
    // the rest are circles no care home reaches: 0 in reach, a true zero
    expect(cells().filter((c) => c !== 'capacity unknown' && c !== '0.00')).toEqual([]);
  });

  it('sorts the capacity column both ways (nursing homes)', async () => {
    app = await bootApp('cat=nursing-home&lang=en');
    await expect
      .poll(() => document.querySelector('.dashboard-views button[data-view=extra]'), POLL)
      .not.toBeNull();
    click($('.dashboard-views button[data-view=extra]'));
    const header = () => $$('table.dashboard thead button').find((b) => /Capacity/.test(text(b)))!;
    await expect.poll(() => header() ?? null, POLL).not.toBeNull();
    const values = () =>
      $$('table.dashboard tbody tr')
        .map((r) => text(r.querySelectorAll('td')[1]))
        .filter((v) => /\d/.test(v))
        .map((v) => Number(v.replace(/[^\d.]/g, '')));
    const sorted = (asc: boolean) => {
      const v = values();
      return v.length > 20 && v.every((x, i) => i === 0 || (asc ? v[i - 1]! <= x : v[i - 1]! >= x));
    };
    // the view opens sorted by its first column, ascending; a click turns it
    expect(sorted(true)).toBe(true);
    click(header());
    await expect.poll(() => sorted(false), POLL).toBe(true);
  });

  it('15 minutes at an elder’s pace is one click: 720 m, min=15&pace=elder, and a reload keeps it', async () => {
    app = await bootApp('cat=nursing-home');
    await expect.poll(() => shown('elder-15'), POLL).not.toBeNull();
    const t0 = performance.now();
    click($('[data-testid=elder-15]'));
    await app.coverage({ category: 'nursing-home', radiusM: 720, since: t0 });
    expect(app.search).toMatch(/min=15/);
    expect(app.search).toMatch(/pace=elder/);
    expect(text($('[data-testid=walk-time-label]'))).toContain('720');
    const query = app.search.slice(1).replace('test=1&', '');
    app.stop();
    app = await bootApp(query);
    expect((await app.coverage()).table.radiusM).toBe(720);
    await expect.poll(() => text(shown('walk-time-label')), POLL).toContain('720');
  });

  it('the capacity layer is drawn through MapView.setAccessLayer, carried in acc=, hidden in the resident’s view', async () => {
    app = await bootApp('cat=nursing-home');
    // the capacity choice appears once the type's capacity figures are in
    const radio = () =>
      document.querySelector<HTMLElement>('[data-testid=access-layer] input[value=capacity]');
    await expect.poll(radio, POLL).not.toBeNull();
    check(radio()!);
    await expect.poll(() => app.map.accessState.kind, POLL).toBe('capacity');
    expect(app.map.accessState.features).toBeGreaterThan(30);
    expect(app.map.drawn.access.hidden).toBe(false);
    expect(app.search).toMatch(/acc=capacity/);
    // the legend: none, four classes around the district's figure, unknown
    expect($$('[data-testid=access-legend] li').length).toBe(6);
    // the resident's view hides it; back on the coverage tab it is there again
    click($('#tab-nearby'));
    await expect.poll(() => app.map.drawn.access.hidden, POLL).toBe(true);
    // choosing "none" removes it
    app.stop();
    app = await bootApp('cat=nursing-home&acc=capacity');
    await expect.poll(() => app.map.accessState.kind, POLL).toBe('capacity');
    check($$('[data-testid=access-layer] input[type=radio]')[0]!);
    await expect.poll(() => app.map.accessState.kind, POLL).toBeNull();
    expect(app.search).not.toMatch(/acc=/);
  });

  it('decay=gaussian comes from the URL, is the chosen radio, and stays in the URL', async () => {
    app = await bootApp('cat=nursing-home&decay=gaussian');
    await expect.poll(() => shown('district-capacity'), POLL).not.toBeNull();
    const gaussian = $$('[data-testid=capacity-summary] input[type=radio]')[1] as HTMLInputElement;
    expect(gaussian.checked).toBe(true);
    expect(app.search).toMatch(/decay=gaussian/);
  });
});

describe('the reports’ access section (headless)', () => {
  const ready = (id: string) =>
    expect
      .poll(() => document.querySelector(`[data-report-ready="true"] [data-testid=${id}]`), {
        ...POLL,
        timeout: 300_000,
      })
      .not.toBeNull();

  it('a circle’s report (zh): beds per 100 elders in reach beside the district, unknown homes named, both baskets', async () => {
    app = await bootApp('report=circle:310110001-1', { coverage: false });
    await ready('report-capacity');
    const rows = $$('[data-testid=report-capacity] tbody tr');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const nursing = rows.find((r) => /养老机构|养老院/.test(text(r.querySelector('th'))))!;
    expect(nursing).toBeDefined();
    // the circle, the district (a lower bound: 16 homes without beds), the unknown homes named
    expect(text(nursing)).toMatch(/每百名.*床位/);
    expect(text(nursing.querySelectorAll('td')[1])).toBe('≥ 1.33');
    expect(text(nursing.querySelectorAll('td')[2])).toMatch(/^16: /);
    expect(text($('[data-testid=report-basket-elder]'))).toMatch(/%/);
    expect(text($('[data-testid=report-basket-child]'))).toMatch(/%/);
    expect(text($('.access-section'))).toContain('估计值');
  });

  it('a subdistrict’s report (en) has its own figures beside the district’s', async () => {
    app = await bootApp('report=subdistrict:五角场街道&lang=en', { coverage: false });
    await ready('report-capacity');
    const nursing = $$('[data-testid=report-capacity] tbody tr').find((r) => /Nursing/i.test(text(r)))!;
    expect(text(nursing)).toMatch(/beds per 100 /);
    expect(text(nursing.querySelectorAll('td')[0])).toMatch(/\d/);
    expect(text($('[data-testid=report-basket-elder]'))).toMatch(/district/);
  });

  it('the district report (en): every type’s Gini and worst tenth, two Lorenz plots; zh too', async () => {
    app = await bootApp('report=district&lang=en', { coverage: false });
    await ready('report-fairness');
    const rows = $$('[data-testid=report-fairness] tbody tr');
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const r of rows) expect(text(r.querySelectorAll('td')[0])).toMatch(/^0\.\d{3}$/);
    // the nursing homes' capacity Gini is a lower bound (homes without beds): starred
    const nursing = rows.find((r) => /Nursing/i.test(text(r)))!;
    expect(text(nursing.querySelectorAll('td')[1])).toMatch(/^0\.\d{3}\*$/);
    const plots = $$('.access-section [data-testid=lorenz]');
    expect(plots).toHaveLength(2);
    for (const p of plots) expect(p.querySelectorAll('path.curve').length).toBeGreaterThan(0);
    expect(text($('.access-section'))).toMatch(/Gini/);
    app.stop();
    app = await bootApp('report=district', { coverage: false });
    await ready('report-fairness');
    expect(text($('.access-section'))).toMatch(/基尼/);
    expect($$('.access-section [data-testid=lorenz]')).toHaveLength(2);
  });
});
