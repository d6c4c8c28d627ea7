/**
 * A resident's walkthrough headless (issue 22 items 1–4): the panel fold resizes the map and
 * comes back in one tap, an at= link opens on the point and its nearest sites with each
 * straight line labelled, picking a site in the list highlights its line, the place is said in
 * words, and a street or crossing search shows the places on a street (never a street position).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bootApp, type HarnessApp, POLL } from './app';
import { $, $$, click, fill, find, rendered, text } from './dom';

let app: HarnessApp;
afterEach(() => app?.stop());

const AT: [number, number] = [121.5335, 31.287];

describe('resident', () => {
  it('folds the panel: the map is resized, and one tap brings the panel back', async () => {
    app = await bootApp('', { coverage: false });
    const toggle = await find('.panel-toggle');
    const before = app.map.drawn.resized;
    click(toggle);
    await rendered();
    expect($('main').className).toContain('collapsed');
    await expect.poll(() => app.map.drawn.resized, POLL).toBeGreaterThan(before);
    const folded = app.map.drawn.resized;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    click(toggle);
    await rendered();
    expect($('main').className).not.toContain('collapsed');
    await expect.poll(() => app.map.drawn.resized, POLL).toBeGreaterThan(folded);
  });

  it('an at= link opens on the point and its nearest sites, lines labelled, the place in words', async () => {
    app = await bootApp(`tab=nearby&at=${AT.join(',')}`, { coverage: false });
    await expect.poll(() => app.map.drawn.fitted?.points[0], POLL).toEqual(AT);
    expect(app.map.drawn.fitted!.points.length).toBeGreaterThanOrEqual(4);
    expect(app.map.calls).not.toContain('jumpTo');
    await expect.poll(() => app.map.drawn.resident.targets.length, POLL).toBeGreaterThan(3);
    for (const x of app.map.drawn.resident.targets) expect(x.label).toMatch(/^.+ · 直线 [\d,]+ 米$/);
    const place = text(await find('[data-testid=nearby-point]'));
    expect(place).toMatch(/街道 · .+ 生活圈 · .*最近的地点：/);
    // picking a site in the list: its line is the picked one, the view fits the point and it
    const first = $$('ul.nearby li button')[0]!;
    const li = first.closest('li')!;
    click(first);
    await rendered();
    expect(li.getAttribute('aria-current')).toBe('true');
    await expect.poll(() => app.map.drawn.resident.targets.filter((x) => x.picked).length, POLL).toBe(1);
    expect(app.map.drawn.fitted!.points).toHaveLength(2);
    expect(app.map.drawn.fitted!.points[0]).toEqual(AT);
  });

  it('a crossing it cannot place says why and offers the streets; a street shows the places on it', async () => {
    app = await bootApp('', { coverage: false });
    const input = await find('[role=combobox]');
    fill(input, '控江路延吉中路');
    await rendered();
    expect(text(await find('[data-testid=search-note]'))).toMatch(/无法确定路口位置.*可查看各条路上的地点/);
    const options = $$('[role=option]');
    expect(options.slice(0, 2).map((o) => text(o.querySelector('span')))).toEqual(['控江路', '延吉中路']);
    options[0]!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    await rendered();
    const card = await find('[data-testid=place-card]');
    expect(text(card)).toContain('控江路的地点');
    expect(text(card)).toContain('不标注道路本身的位置');
    const items = $$('.place-list li', card);
    expect(items.length).toBeGreaterThan(0);
    // the map shows the facilities' points only (no OSM line for 控江路), and fits them
    const drawnPlace = app.map.drawn.place.features;
    expect(drawnPlace.length).toBe(items.length);
    expect(drawnPlace.every((f) => f.geometry.type === 'Point')).toBe(true);
    expect(app.map.drawn.fitted!.points).toEqual(
      drawnPlace.map((f) => (f.geometry as GeoJSON.Point).coordinates),
    );
  });
});
