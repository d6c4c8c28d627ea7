/**
 * The URL module: every parameter parsed from hostile input falls back to a default, never
 * throws; serialising and parsing round-trips; share links from the first wave still work.
 */
import { describe, expect, it } from 'vitest';
import { category, radiusM, selectedCircle } from '../../src/ui/coverage/state';
import { residentPoint } from '../../src/ui/nearby/state';
import { decodeScenarios, encodeScenarios, type Scenario } from '../../src/ui/scenarios/codec';
import { scenarios } from '../../src/ui/scenarios/state';
import {
  parseReport,
  parseUrlState,
  safeStyleUrl,
  serialiseUrlState,
  validCategory,
  validId,
  validLonLat,
  validRadius,
  viewLink,
} from '../../src/ui/url';

/** A link made by the first wave's share button (version 1: categories by index), kept verbatim. */
const V1_LINK =
  'W1si5paw5pa55qGIIDEiLFtbNCwxMjYzNywxMDcxMiwi6ZW_6ICF6aOf5aCCICMxIl0sWzksMTA1MTIsNzc4OCwi5bm85YS_5ZutICMyIl1dXSxbIlBsYW4gQiIsW1sxMiwxNDMyMSwxMTIzNCwiQmFieSByb29tIl1dXV0';

describe('parseUrlState', () => {
  it('reads every parameter of a full link', () => {
    const s = parseUrlState(
      '?lang=en&cat=kindergarten&r=750&layers=circles,gaps&tab=nearby&circle=wjc-1&f=EC001&at=121.51,31.3&v=14.5/31.3/121.52&embed=1&test=1&pixels=1',
    );
    expect(s).toMatchObject({
      lang: 'en',
      category: 'kindergarten',
      radiusM: 750,
      tab: 'nearby',
      circle: 'wjc-1',
      facility: 'EC001',
      at: [121.51, 31.3],
      view: { zoom: 14.5, lat: 31.3, lon: 121.52 },
      embed: true,
      test: true,
      pixels: true,
    });
    expect(
      Object.entries(s.visible)
        .filter(([, on]) => on)
        .map(([g]) => g),
    ).toEqual(['circles', 'gaps']);
  });

  it('gives the defaults for an empty query', () => {
    const s = parseUrlState('');
    expect(s).toMatchObject({
      lang: 'zh',
      category: 'elder-canteen',
      radiusM: null,
      tab: 'coverage',
      at: null,
    });
    expect(s.scenarios).toEqual([]);
    expect(s.visible.osm).toBe(true);
    expect(s.visible.circles).toBe(true);
  });

  it.each([
    ['-300', null],
    ['0', null],
    ['49', null],
    ['3001', null],
    ['1e9', null],
    ['9'.repeat(400), null], // 400 digits
    ['NaN', null],
    ['Infinity', null],
    ['0x1F4', null],
    [' 500', null],
    ['500.4', 500],
    ['50', 50],
    ['3000', 3000],
  ])('radius #%# → %s', (r, expected) => {
    expect(parseUrlState(`?r=${encodeURIComponent(r)}`).radiusM).toBe(expected);
  });

  it.each([
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'nursing',
    'KINDERGARTEN',
    '',
    'riverfront ',
  ])('unknown category %j → the default', (cat) => {
    expect(parseUrlState(`?cat=${encodeURIComponent(cat)}`).category).toBe('elder-canteen');
  });

  it('accepts the riverfront pseudo-category', () => {
    expect(parseUrlState('?cat=riverfront').category).toBe('riverfront');
  });

  it.each([
    'NaN,NaN',
    '121.5',
    '121.5,31.3,5',
    'Infinity,31.3',
    '121.5,',
    ',31.3',
    '0,0',
    '116.4,39.9',
    '121.5e0,31.3',
    '__proto__',
  ])('hostile point at=%j → none', (at) => {
    expect(parseUrlState(`?at=${encodeURIComponent(at)}`).at).toBeNull();
  });

  it.each([
    '9/31.3/121.5',
    '19/31.3/121.5',
    'NaN/31.3/121.5',
    '14/31.3',
    '14/0/0',
    '14/31.3/121.5/1',
  ])('hostile view v=%j → none', (v) => {
    expect(parseUrlState(`?v=${encodeURIComponent(v)}`).view).toBeNull();
  });

  it('ids are short and plain; anything else is dropped', () => {
    expect(parseUrlState('?circle=<img src=x onerror=alert(1)>').circle).toBeNull();
    expect(parseUrlState(`?f=${'a'.repeat(200)}`).facility).toBeNull();
    expect(parseUrlState('?circle=__proto__').circle).toBeNull();
    expect(parseUrlState('?f=IMPl3x:F12').facility).toBe('IMPl3x:F12');
  });

  it('tabs and languages outside the list fall back', () => {
    expect(parseUrlState('?tab=__proto__&lang=fr').tab).toBe('coverage');
    expect(parseUrlState('?lang=fr').lang).toBe('zh');
  });

  it('a basemap must be an http(s) URL; "none" turns the build-time one off', () => {
    expect(parseUrlState('?basemap=javascript:alert(1)').basemap).toBeNull();
    expect(parseUrlState('?basemap=data:text/html,hi').basemap).toBeNull();
    expect(parseUrlState('?basemap=https://tiles.example/style.json').basemap).toBe(
      'https://tiles.example/style.json',
    );
    expect(parseUrlState('?basemap=none', 'https://env.example/s.json').basemap).toBeNull();
    expect(parseUrlState('', 'https://env.example/s.json').basemap).toBe('https://env.example/s.json');
    expect(safeStyleUrl('ftp://x/y')).toBeNull();
  });

  it('pixels only with test', () => {
    expect(parseUrlState('?pixels=1').pixels).toBe(false);
  });

  it('layers=, an empty list, hides every group; unknown groups are ignored', () => {
    const s = parseUrlState('?layers=__proto__,nope');
    expect(Object.values(s.visible).every((on) => !on)).toBe(true);
    expect(Object.keys(s.visible)).not.toContain('__proto__');
  });
});

describe('serialiseUrlState', () => {
  it('round-trips a state and keeps parameters that are not ours', () => {
    const s = parseUrlState('?lang=en&cat=park&r=800&tab=layers&circle=ks-2&at=121.5,31.29&v=13/31.3/121.52');
    const text = serialiseUrlState(s, '?test=1&embed=1');
    expect(text).toContain('test=1');
    expect(text).toContain('embed=1');
    const again = parseUrlState(text);
    expect(again).toMatchObject({
      lang: 'en',
      category: 'park',
      radiusM: 800,
      tab: 'layers',
      circle: 'ks-2',
      at: [121.5, 31.29],
      view: { zoom: 13, lat: 31.3, lon: 121.52 },
    });
  });

  it('writes nothing for the defaults', () => {
    expect(serialiseUrlState(parseUrlState(''), '')).toBe('');
  });
});

describe('report=', () => {
  it.each([
    ['district', { kind: 'district' }],
    ['circle:310110001-1', { kind: 'circle', id: '310110001-1' }],
    ['circle:IMPl3x:F12', { kind: 'circle', id: 'IMPl3x:F12' }],
    ['subdistrict:定海路街道', { kind: 'subdistrict', name: '定海路街道' }],
    ['subdistrict:Dinghai Road Subdistrict', { kind: 'subdistrict', name: 'Dinghai Road Subdistrict' }],
    ['subdistrict:310110001', { kind: 'subdistrict', name: '310110001' }],
  ])('reads %j', (text, expected) => {
    expect(parseUrlState(`?report=${encodeURIComponent(text)}`).report).toEqual(expected);
  });

  it.each([
    '',
    'district:1',
    'District',
    'circle',
    'circle:',
    'circle:../../etc/passwd',
    'circle:<img src=x onerror=alert(1)>',
    `circle:${'a'.repeat(61)}`,
    'circle:__proto__ ',
    'subdistrict:',
    'subdistrict: 定海路街道',
    'subdistrict:定海路街道 ',
    'subdistrict:<script>alert(1)</script>',
    'subdistrict:javascript:alert(1)',
    'subdistrict:定海路\u0000',
    `subdistrict:${'定'.repeat(41)}`,
    'subdistrict:a/b',
    'subdistrict:"quoted"',
    'park:1',
    '__proto__',
    'constructor:x',
    ':district',
  ])('hostile report=%j → no report (the map)', (text) => {
    expect(parseUrlState(`?report=${encodeURIComponent(text)}`).report).toBeNull();
    expect(() => parseReport(text)).not.toThrow();
  });

  it('a repeated parameter: the first one counts', () => {
    expect(parseUrlState('?report=district&report=circle:x').report).toEqual({ kind: 'district' });
  });

  it('round-trips with the other parameters and leaves them as they are', () => {
    const s = parseUrlState(
      '?lang=en&dist=network&report=subdistrict%3A%E5%AE%9A%E6%B5%B7%E8%B7%AF%E8%A1%97%E9%81%93',
    );
    const text = serialiseUrlState(s, '?test=1');
    expect(text).toContain('lang=en');
    expect(text).toContain('dist=network');
    expect(text).toContain('test=1');
    expect(parseUrlState(text).report).toEqual({ kind: 'subdistrict', name: '定海路街道' });
    expect(serialiseUrlState({ ...s, report: null }, text)).not.toContain('report=');
    expect(serialiseUrlState({ ...s, report: { kind: 'circle', id: 'a-1' } }, '')).toContain(
      'report=circle%3Aa-1',
    );
  });
});

describe('share links (sc=)', () => {
  const scenarios: Scenario[] = [
    {
      id: 'S1',
      name: '方案 A',
      sites: [
        { id: 'P1', name: '食堂 #1', category: 'elder-canteen', lonLat: [121.52637, 31.30712] },
        { id: 'P2', name: 'Baby room', category: 'baby-room', lonLat: [121.5, 31.28] },
      ],
    },
  ];

  it('are versioned (2.) and name categories by id', () => {
    const text = encodeScenarios(scenarios);
    expect(text.startsWith('2.')).toBe(true);
    const json = atob(text.slice(2).replace(/-/g, '+').replace(/_/g, '/'));
    const utf8 = new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)));
    expect(utf8).toContain('"elder-canteen"');
    expect(utf8).toContain('"baby-room"');
    const back = decodeScenarios(text);
    expect(back[0]!.sites.map((s) => [s.category, s.lonLat, s.name])).toEqual(
      scenarios[0]!.sites.map((s) => [s.category, s.lonLat, s.name]),
    );
  });

  it('a link made by the first wave (version 1) still opens with the same sites', () => {
    const s = parseUrlState(`?sc=${V1_LINK}`).scenarios;
    expect(s.map((x) => x.name)).toEqual(['新方案 1', 'Plan B']);
    expect(s[0]!.sites.map((x) => [x.category, x.lonLat, x.name])).toEqual([
      ['elder-canteen', [121.52637, 31.30712], '长者食堂 #1'],
      ['kindergarten', [121.50512, 31.27788], '幼儿园 #2'],
    ]);
    expect(s[1]!.sites.map((x) => x.category)).toEqual(['baby-room']);
  });

  it.each([
    ['malformed base64', '%%%'],
    ['base64 of non-JSON', btoa('not json')],
    ['base64 of an object', btoa('{"a":1}')],
    ['invalid UTF-8', btoa('\xff\xfe')],
    ['version 2 with an unknown category', `2.${btoa(JSON.stringify([['x', [['__proto__', 1, 1, 'n']]]]))}`],
    ['version 1 with an index out of range', btoa(JSON.stringify([['x', [[99, 1, 1, 'n']]]]))],
    ['coordinates not integers', `2.${btoa(JSON.stringify([['x', [['park', 1.5, 'a', 'n']]]]))}`],
    ['a site far away', `2.${btoa(JSON.stringify([['x', [['park', -9000000, 0, 'n']]]]))}`],
    ['too long', 'A'.repeat(30_000)],
  ])('%s gives no sites', (_what, text) => {
    const s = decodeScenarios(text.replace(/=+$/, ''));
    expect(s.flatMap((x) => x.sites)).toEqual([]);
  });

  it('caps names, scenarios and sites', () => {
    const many = Array.from({ length: 30 }, (_, i) => [
      `s${i}`.repeat(40),
      [['park', 12000, 8000, 'x'.repeat(100)]],
    ]);
    const s = decodeScenarios(`2.${btoa(JSON.stringify(many))}`);
    expect(s).toHaveLength(10);
    expect(s[0]!.name.length).toBeLessThanOrEqual(60);
    expect(s[0]!.sites[0]!.name.length).toBe(60);
  });
});

describe('the validators shared with the embed API', () => {
  it.each([
    [500, 500],
    [50, 50],
    [3000, 3000],
    [500.4, 500],
    [49.9, null],
    [3000.1, null],
    [-300, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    ['500', null],
    [null, null],
    [undefined, null],
    [true, null],
    [[500], null],
    [{ valueOf: () => 500 }, null],
  ])('radius #%# %j → %j', (value, expected) => {
    expect(validRadius(value)).toBe(expected);
  });

  it.each([
    [
      [121.5, 31.3],
      [121.5, 31.3],
    ],
    [[0, 0], null],
    [[116.4, 39.9], null],
    [[Number.NaN, 31.3], null],
    [[121.5, Number.POSITIVE_INFINITY], null],
    [['121.5', '31.3'], null],
    [[null, null], null],
    [[{}, []], null],
  ])('point #%# %j → %j', ([lon, lat], expected) => {
    expect(validLonLat(lon, lat)).toEqual(expected);
  });

  it.each([
    '__proto__',
    'constructor',
    'toString',
    'KINDERGARTEN',
    '',
    ' park',
    42,
    null,
    {},
    ['park'],
  ])('category %j → null', (value) => {
    expect(validCategory(value)).toBeNull();
  });

  it('categories and ids that a link accepts are accepted', () => {
    expect(validCategory('kindergarten')).toBe('kindergarten');
    expect(validCategory('riverfront')).toBe('riverfront');
    expect(validId('310110001-1')).toBe('310110001-1');
    for (const bad of ['', 'a b', '<img>', '../x', 'a'.repeat(61), 7, null, ['x'], { id: 'x' }])
      expect(validId(bad)).toBeNull();
  });
});

describe('viewLink', () => {
  const HREF = 'https://example.org/map/?test=1&pixels=1&embed=1&basemap=none&sc=2.W10&keep=me#frag';

  it('links the current view for someone else: no test flags, no embed, no fragment', () => {
    category.value = 'kindergarten';
    radiusM.value = 500;
    selectedCircle.value = '310110001-1';
    residentPoint.value = null;
    const url = new URL(viewLink(false, HREF));
    expect(url.origin + url.pathname).toBe('https://example.org/map/');
    expect(url.searchParams.get('cat')).toBe('kindergarten');
    expect(url.searchParams.get('r')).toBe('500');
    expect(url.searchParams.get('circle')).toBe('310110001-1');
    expect(url.searchParams.get('basemap')).toBe('none');
    expect(url.searchParams.get('keep')).toBe('me');
    for (const k of ['test', 'pixels', 'embed']) expect(url.searchParams.has(k)).toBe(false);
    expect(url.hash).toBe('');
  });

  it('an embed link starts with embed=1 and leaves out the scenarios kept in this browser', () => {
    scenarios.value = [{ id: 'S1', name: 'A', sites: [] }];
    residentPoint.value = [121.5, 31.29];
    const embed = viewLink(true, HREF);
    expect(new URL(embed).search.startsWith('?embed=1&')).toBe(true);
    const params = new URL(embed).searchParams;
    expect(params.has('sc')).toBe(false);
    expect(params.has('test')).toBe(false);
    expect(params.get('at')).toBe('121.5,31.29');
    expect(new URL(viewLink(false, HREF)).searchParams.has('sc')).toBe(true);
    scenarios.value = [];
    residentPoint.value = null;
  });
});
