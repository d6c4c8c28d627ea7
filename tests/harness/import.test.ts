/**
 * Bring your own data, headless (was in tests/browser/import.test.ts), with the import
 * worker's handlers in-process: a broken file is refused with its message, a hostile file runs
 * no script, official-style circles replace the derived ones in the dashboard and on the map,
 * reset returns to the defaults; planners' files (a Baidu-geocoded list, a list without a
 * name column, circles in GCJ-02) get their evidence and suggestion. What needs Chromium stays
 * there: the MapLibre attribution, keeping imports in IndexedDB across a reload, axe.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/geodata/paths';
import { FIXTURES } from '../helpers/golden';
import { circlesIn, geocodedList, ourFacilities } from '../helpers/plannerFiles';
import { bootApp, type HarnessApp, POLL } from './app';
import {
  $,
  $$,
  byLabel,
  byRole,
  choose,
  click,
  fill,
  find,
  findRole,
  press,
  rendered,
  setFile,
  text,
} from './dom';

let app: HarnessApp;
afterEach(() => app?.stop());

/** 33 polygons with other names: our circles renamed, as an official file would come. */
function officialCircles(): string {
  const fc = JSON.parse(readFileSync(join(REPO_ROOT, 'geodata', 'circles.geojson'), 'utf8'));
  fc.features = fc.features.map(
    (f: { properties: { subdistrict: string }; geometry: unknown }, i: number) => ({
      type: 'Feature',
      properties: { id: `OFF-${i + 1}`, name: `官方生活圈${i + 1}`, subdistrict: f.properties.subdistrict },
      geometry: f.geometry,
    }),
  );
  return JSON.stringify(fc);
}

async function importFile(name: string, content: string | Uint8Array, kind: 'facilities' | 'circles') {
  click(await findRole('tab', /图层与数据|Layers & data/));
  await find('.dropzone');
  choose(byLabel(/数据类型|Data type/), kind);
  await rendered();
  setFile($('.dropzone input[type=file]'), name, content);
  return find('[data-testid=import-preview]');
}

const firstCircleName = () => window.__yangpuCoverage?.table.circles[0]?.name ?? '';

async function importOfficialCircles() {
  await importFile('official-circles.geojson', officialCircles(), 'circles');
  await expect.poll(() => text(document.querySelector('[data-testid=import-accepted]')), POLL).toBe('33');
  click(byRole('button', '确认导入'));
  click(await findRole('tab', '覆盖分析'));
  await expect.poll(firstCircleName, POLL).toMatch(/^官方生活圈/);
}

describe('import', () => {
  it('refuses a broken file with its message and keeps the current layers', async () => {
    app = await bootApp();
    await importFile(
      'truncated.geojson',
      readFileSync(join(FIXTURES, 'bad', 'truncated.geojson')),
      'facilities',
    );
    await expect.poll(() => text(document.querySelector('[role=alert]')), POLL).toMatch(/不是有效的JSON/);
    expect((byRole('button', '确认导入') as HTMLButtonElement).disabled).toBe(true);
    click(byRole('button', '取消'));
    await rendered();
    expect($$('[data-testid=imported-layers]')).toHaveLength(0);
  });

  it('imports a hostile file as text: no script runs, the name shows literally', async () => {
    app = await bootApp();
    await importFile(
      'xss-name.geojson',
      readFileSync(join(FIXTURES, 'bad', 'xss-name.geojson')),
      'facilities',
    );
    await expect.poll(() => text(document.querySelector('[data-testid=import-accepted]')), POLL).toBe('1');
    click(byRole('button', '确认导入'));
    await find('[data-testid=imported-layers]');
    const box = byRole('combobox', /搜索/);
    fill(box, '<img');
    await rendered();
    press(box, 'Enter');
    // the card's heading: the name as text (then the "imported" mark)
    await findRole('heading', /^<img src=x onerror="window\.__xss=1">(导入)?$/);
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
    expect($$('img[src="x"]')).toHaveLength(0);
  });

  it('imports official circle boundaries: the dashboard and the map use them', async () => {
    app = await bootApp();
    await importOfficialCircles();
    await expect
      .poll(() => text(document.querySelector('[data-testid=circles-origin]')), POLL)
      .toMatch(/已导入/);
    await expect
      .poll(() => text(document.querySelector('table.dashboard tbody tr th button')), POLL)
      .toMatch(/官方生活圈/);
    await expect
      .poll(() => app.map.drawn.data.circles.features.some((f) => f.properties?.id === 'OFF-1'), POLL)
      .toBe(true);
    expect(app.map.drawn.data.circles.features[0]?.properties?.derived).not.toBe(true);
  });

  it('removes the imports with reset: the dashboard and the map return to the derived circles', async () => {
    app = await bootApp();
    await importOfficialCircles();
    click(await findRole('tab', '图层与数据'));
    click(await findRole('button', '恢复默认数据'));
    click(await findRole('tab', '覆盖分析'));
    await expect.poll(firstCircleName, POLL).toMatch(/-\d$/);
    await expect
      .poll(() => text(document.querySelector('[data-testid=circles-origin]')), POLL)
      .toMatch(/推导/);
    await expect
      .poll(
        () => app.map.drawn.data.circles.features.every((f) => !String(f.properties?.id).startsWith('OFF-')),
        POLL,
      )
      .toBe(true);
  });
});

describe("import: planners' files", () => {
  it('a Baidu-geocoded list declared as WGS-84: evidence and a one-click suggestion, never applied by itself', async () => {
    app = await bootApp();
    const file = geocodedList('BD09');
    await importFile(file.name, file.text, 'facilities');
    const evidence = await find('[data-testid=crs-evidence]');
    await expect
      .poll(() => text(evidence), POLL)
      .toContain(`${file.rows}个点中距已知设施30米以内的：按BD-09为${file.rows}个`);
    expect(text($('[data-testid=import-read-as]'))).toBe('WGS-84 (GPS/OSM)');
    expect(text($('[data-testid=crs-suggestion]'))).toMatch(/建议改用 ?BD-09 \(百度\)/);
    // the user's choice is kept until they click
    expect((byLabel('文件坐标系') as HTMLSelectElement).value).toBe('WGS84');
    click(byRole('button', 'English'));
    await expect
      .poll(() => text($('[data-testid=crs-evidence]')), POLL)
      .toContain(`Of ${file.rows} points, within 30 m of a known facility: ${file.rows} as BD-09`);
    click(byRole('button', 'Use it and read again'));
    await expect
      .poll(() => text(document.querySelector('[data-testid=import-read-as]')), POLL)
      .toContain('BD-09 (百度)');
    expect($$('[data-testid=crs-suggestion]')).toHaveLength(0);
    await expect
      .poll(() => text($('[data-testid=crs-evidence]')), POLL)
      .toContain('The stated BD-09 fits best.');
    expect((byLabel('Coordinate system of the file') as HTMLSelectElement).value).toBe('BD09');
    const accepted = file.rows - file.dropped - file.repeats;
    expect(text($('[data-testid=import-accepted]'))).toBe(String(accepted));
    click(byRole('button', 'Accept the import'));
    await expect
      .poll(() => text(document.querySelector('[data-testid=imported-layers]')), POLL)
      .toContain(file.name);
    expect(app.errors).toEqual([]);
  });

  it('a list without a name column: one message at the top, the column picker open; choosing the column reads every row', async () => {
    app = await bootApp();
    const rows = ourFacilities(['services'])
      .slice(0, 5)
      .map((f) => `${f.name},${f.lonLat.join(',')}`);
    await importFile('no-name.csv', `单位,经度,纬度\n${rows.join('\n')}\n`, 'facilities');
    await expect
      .poll(() => text(document.querySelector('[data-testid=import-missing]')), POLL)
      .toBe('未找到名称列——请在下面选择');
    expect($('[data-testid=import-mapping]').getAttribute('open')).not.toBeNull();
    expect($$('[data-testid=import-issues]')).toHaveLength(0);
    expect((byRole('button', '确认导入') as HTMLButtonElement).disabled).toBe(true);
    choose(byLabel('名称', $('[data-testid=import-mapping]')), '单位');
    await expect.poll(() => text(document.querySelector('[data-testid=import-accepted]')), POLL).toBe('5');
    expect($$('[data-testid=import-missing]')).toHaveLength(0);
    expect((byRole('button', '确认导入') as HTMLButtonElement).disabled).toBe(false);
  });

  it('circles exported in GCJ-02, declared as WGS-84: outline overlap evidence and the suggestion', async () => {
    app = await bootApp('lang=en');
    const file = circlesIn('GCJ02');
    await importFile(file.name, file.text, 'circles');
    await expect
      .poll(() => text(document.querySelector('[data-testid=crs-evidence]')), POLL)
      .toMatch(
        /33 polygons; median overlap \(IoU\) with the best-matching district, subdistrict or circle outline: 1\.00 as GCJ-02/,
      );
    expect(text($('[data-testid=crs-suggestion]'))).toMatch(/Suggested: ?GCJ-02/);
  });
});
