/**
 * The reports' data assembly (pure): rows per area, the weakest and weak categories,
 * rankings, heat tables, gaps, eldercare supply, sources, target outcomes, the district
 * targets' facts, and the small maps' geometry — on a small fixture of coverage tables
 * (3 circles in 2 subdistricts, 5 categories; tests/fixtures/report/tables.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { CoverageTable } from '../../src/analysis/coverage/engine';
import { MAX_SUGGESTED_SITES } from '../../src/analysis/coverage/siting';
import { DEFAULT_STANDARDS } from '../../src/analysis/standards';
import { isCoverageCategory } from '../../src/core/categories';
import type { FacilityProps } from '../../src/core/schema';
import { t } from '../../src/ui/i18n';
import {
  circleHeat,
  circleRows,
  dateSpan,
  districtRows,
  eldercareSupply,
  eldersIn,
  facilitySources,
  hasData,
  missingCategories,
  networkShare,
  rankCircles,
  shownCategories,
  subdistrictHeat,
  subdistrictRows,
  targetOutcome,
  weakCategories,
  weakestCategory,
  worstGaps,
} from '../../src/ui/report/assemble';
import { CENSUS_2020, elderShare } from '../../src/ui/report/facts';
import { boundsOf, frameFor, padBounds, pathOf, scaleBar } from '../../src/ui/report/mapGeometry';
import { findSubdistrict, nameBook } from '../../src/ui/report/names';
import { boundaryNotice, type ReportContext } from '../../src/ui/report/parts';
import { s } from '../../src/ui/report/strings';
import { DISTRICT_TARGETS, TARGET_ANALYSES, TARGET_KINDS, TARGET_SOURCES } from '../../src/ui/report/targets';

const tables = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'report', 'tables.json'), 'utf8'),
) as CoverageTable[];
/** nursing homes, canteens and meal points have lists; baby rooms none (as in the real sources) */
const counts = new Map([
  ['nursing-home', 3],
  ['elder-canteen', 5],
  ['meal-point', 4],
]);

function facility(id: string, category: FacilityProps['category'], extra: Partial<FacilityProps> = {}) {
  return {
    id,
    name: id,
    category,
    family: 'eldercare',
    address: null,
    subdistrict: '甲街道',
    subdistrictStated: null,
    capacity: null,
    capacityUnit: null,
    capacityNote: null,
    locationQuality: 'high',
    sourceIds: [id],
    source: 'list A',
    sourceDate: '2024-09-30',
    crsOriginal: 'WGS84',
    ...extra,
  } as FacilityProps;
}

describe('rows per area', () => {
  it('a circle has one row per category, with its distances and facilities', () => {
    const rows = circleRows(tables, 'A-1', counts);
    expect(rows.map((r) => r.category)).toEqual([
      'nursing-home',
      'elder-canteen',
      'meal-point',
      'baby-room',
      'riverfront',
    ]);
    const canteen = rows[1]!;
    expect(canteen).toMatchObject({
      radiusM: 300,
      facilities: 5,
      population: 10000,
      covered: 2000,
      gap: 8000,
      share: 0.2,
      medianM: 120,
      maxM: 900,
      inside: ['elder-canteen-A-1'],
      edge: false,
    });
    expect(canteen.inReach).toHaveLength(2);
    expect(rows[3]!.facilities).toBe(0);
    expect(circleRows(tables, 'nope', counts)).toEqual([]);
  });

  it('subdistrict and district rows are the tables’ totals', () => {
    const sub = subdistrictRows(tables, '甲街道', counts);
    expect(sub.map((r) => [r.category, r.population, r.covered])).toEqual([
      ['nursing-home', 30000, 28000],
      ['elder-canteen', 30000, 12000],
      ['meal-point', 30000, 18000],
      ['baby-room', 30000, 0],
      ['riverfront', 30000, 2500],
    ]);
    expect(subdistrictRows(tables, '丙街道', counts)).toEqual([]);
    const d = districtRows(tables, counts);
    expect(d[0]).toMatchObject({ population: 60000, covered: 58000 });
  });
});

describe('distance model', () => {
  const fig = (residents: number, all: number) => ({
    residents,
    residentsShare: residents / all,
    covered: 0,
    share: null,
    straightCovered: 0,
    straightShare: null,
    medianNetworkM: null,
    medianStraightM: null,
  });
  it('straight-line tables have no network share', () => {
    expect(networkShare(tables)).toBeNull();
    expect(networkShare(tables, ['A-1'])).toBeNull();
  });
  it('network mode: the district’s share, or the circles’ residents in the network over all of theirs', () => {
    const net = tables.map((t, i) => ({
      ...t,
      distance: 'network' as const,
      // the riverfront (last) stays straight-line: no network figures
      network: i === tables.length - 1 ? null : fig(15000, 60000),
      circles: t.circles.map((c) => ({
        ...c,
        network: c.id === 'A-1' ? fig(6000, c.population) : c.id === 'B-1' ? fig(9000, c.population) : null,
      })),
    })) as unknown as CoverageTable[];
    expect(networkShare(net)).toBe(0.25);
    const pop = (id: string) => tables[0]!.circles.find((c) => c.id === id)!.population;
    expect(networkShare(net, ['A-1'])).toBeCloseTo(6000 / pop('A-1'), 12);
    expect(networkShare(net, ['A-1', 'A-2'])).toBeCloseTo(6000 / (pop('A-1') + pop('A-2')), 12);
    expect(networkShare(net, ['A-2'])).toBe(0);
    expect(networkShare(net, ['nope'])).toBeNull();
  });
});

describe('weakest and weak categories', () => {
  it('the weakest is the lowest share among categories with a list (no list and the riverfront never count)', () => {
    // baby rooms 0 % (no list) and riverfront 5 % are lower, but do not count;
    // canteens and meal points tie at 20 % with the same gap: the tables' order decides.
    expect(weakestCategory(circleRows(tables, 'A-1', counts))?.category).toBe('elder-canteen');
    expect(weakestCategory(circleRows(tables, 'B-1', counts))?.category).toBe('elder-canteen');
    expect(weakestCategory(circleRows(tables, 'A-2', counts))?.category).toBe('elder-canteen');
  });

  it('with the baby rooms listed, their 0 % is the weakest', () => {
    const withBabyRooms = new Map([...counts, ['baby-room', 1]]);
    expect(weakestCategory(circleRows(tables, 'A-1', withBabyRooms))?.category).toBe('baby-room');
  });

  it('none without any listed category', () => {
    expect(weakestCategory(circleRows(tables, 'A-1', new Map()))).toBeNull();
  });

  it('weak categories are below 85 %, weakest first, at most the limit', () => {
    const rows = subdistrictRows(tables, '甲街道', counts);
    expect(weakCategories(rows).map((r) => [r.category, r.share])).toEqual([
      ['elder-canteen', 0.4],
      ['meal-point', 0.6],
    ]);
    expect(weakCategories(rows, 1)).toHaveLength(1);
    expect(weakCategories(subdistrictRows(tables, '乙街道', counts)).map((r) => r.category)).toEqual([
      'elder-canteen',
    ]);
  });
});

describe('tables across areas', () => {
  it('categories shown and missing', () => {
    expect(shownCategories(tables, counts)).toEqual([
      'nursing-home',
      'elder-canteen',
      'meal-point',
      'riverfront',
    ]);
    expect(missingCategories(tables, counts)).toEqual(['baby-room']);
    expect(hasData('riverfront', new Map())).toBe(true);
    expect(hasData('park', new Map([['park', 0]]))).toBe(false);
  });

  it('circle heat: one row per circle, shares in the categories’ order', () => {
    const heat = circleHeat(tables, ['A-2', 'A-1'], ['meal-point', 'nursing-home', 'park' as 'meal-point']);
    expect(heat).toEqual([
      { id: 'A-2', shares: [0.8, 0.95, null], population: 20000 },
      { id: 'A-1', shares: [0.2, 0.9, null], population: 10000 },
    ]);
  });

  it('subdistrict heat: every subdistrict of the tables', () => {
    const heat = subdistrictHeat(tables, ['elder-canteen']);
    expect(heat.map((r) => [r.id, r.shares, r.population])).toEqual([
      ['甲街道', [0.4], 30000],
      ['乙街道', [0.3], 30000],
    ]);
  });

  it('worst gaps: circle × category by residents uncovered, only the circles asked and categories with a list', () => {
    const g = worstGaps(tables, ['A-1', 'A-2'], counts, 4);
    expect(g.map((x) => [x.circleId, x.category, x.gap])).toEqual([
      ['A-2', 'elder-canteen', 10000],
      ['A-1', 'elder-canteen', 8000],
      ['A-1', 'meal-point', 8000],
      ['A-2', 'meal-point', 4000],
    ]);
    expect(g.every((x) => x.circleId !== 'B-1')).toBe(true);
  });

  it('ranks circles by the mean share over the listed categories (each once), best first', () => {
    const r = rankCircles(tables, counts);
    expect(r.map((x) => x.circleId)).toEqual(['A-2', 'B-1', 'A-1']);
    expect(r[0]!.meanShare).toBeCloseTo((0.95 + 0.5 + 0.8) / 3, 9);
    expect(r.map((x) => x.below85)).toEqual([2, 1, 2]);
    expect(r[2]).toMatchObject({ subdistrict: '甲街道', population: 10000, weakest: 'elder-canteen' });
  });
});

describe('eldercare supply', () => {
  it('counts institutions, listed beds and beds per 100 residents aged 60+', () => {
    const list = [
      facility('h1', 'nursing-home', { capacity: 100, capacityUnit: 'beds' }),
      facility('h2', 'nursing-home', { capacity: 50, capacityUnit: 'beds' }),
      facility('h3', 'nursing-home'),
      facility('c1', 'care-home'),
      facility('x1', 'elder-canteen', { capacity: 999, capacityUnit: 'beds' }),
      facility('h4', 'nursing-home', { capacity: 30, capacityUnit: 'seats' }),
    ];
    const s = eldercareSupply(list, 1000, 0.3);
    expect(s).toMatchObject({
      institutions: 5,
      nursingHomes: 4,
      careHomes: 1,
      withBeds: 2,
      beds: 150,
      elders: 300,
      elderShare: 0.3,
    });
    expect(s.bedsPer100Elders).toBeCloseTo(50, 9);
    expect(eldercareSupply([], 0, 0.3).bedsPer100Elders).toBeNull();
    // the tables' own 60+ count wins over residents × share
    const counted = eldercareSupply(list, 1000, 0.3, 250);
    expect(counted).toMatchObject({ elders: 250, elderShare: 0.25 });
    expect(counted.bedsPer100Elders).toBeCloseTo(60, 9);
  });

  it('residents aged 60+ are the eldercare tables’ target group: the district or a subdistrict', () => {
    expect(eldersIn(tables)).toBeNull(); // the fixture's tables carry no age groups
    const withGroups = tables.map((t) => ({
      ...t,
      targetGroup: t.category === 'nursing-home' ? 'age60plus' : null,
      district: { ...t.district, target: { population: 600, covered: 500, gap: 100 } },
      subdistricts: t.subdistricts.map((x) => ({ ...x, target: { population: 300, covered: 280, gap: 20 } })),
    })) as CoverageTable[];
    expect(eldersIn(withGroups)).toBe(600);
    expect(eldersIn(withGroups, '甲街道')).toBe(300);
    expect(eldersIn(withGroups, '丙街道')).toBeNull();
  });

  it('the elder share is the census district share unless the data carries age groups', () => {
    expect(elderShare(undefined)).toEqual({ share: CENSUS_2020.share60plus, fromData: false });
    const district = (props: object): FeatureCollection => ({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [0, 0] } }],
    });
    expect(elderShare(district({ population2020: 1000 })).fromData).toBe(false);
    expect(elderShare(district({ population2020: 1000, ageGroups2020: { age60plus: 250 } }))).toEqual({
      share: 0.25,
      fromData: true,
    });
    // nonsense counts are not used
    expect(elderShare(district({ population2020: 1000, ageGroups2020: { age60plus: 5000 } })).fromData).toBe(
      false,
    );
    expect(CENSUS_2020.age60plus / CENSUS_2020.residents).toBeCloseTo(CENSUS_2020.share60plus, 4);
  });
});

describe('sources and dates', () => {
  it('groups the facility lists with their categories and distinct dates', () => {
    const rows = facilitySources([
      facility('a', 'nursing-home'),
      facility('b', 'care-home', { sourceDate: '2024-09-30' }),
      facility('c', 'meal-point', { source: 'platform', sourceDate: '≤ 2024-07' }),
      facility('d', 'nursing-home', { sourceDate: '2023-01-01' }),
    ]);
    expect(rows).toEqual([
      {
        source: 'list A',
        categories: ['nursing-home', 'care-home'],
        dates: ['2023-01-01', '2024-09-30'],
        records: 3,
      },
      { source: 'platform', categories: ['meal-point'], dates: ['≤ 2024-07'], records: 1 },
    ]);
  });

  it('date spans', () => {
    expect(dateSpan([])).toBe('—');
    expect(dateSpan(['2024'])).toBe('2024');
    expect(dateSpan(['a', 'b', 'c'])).toBe('a … c (3)');
  });
});

describe('target runs', () => {
  it('the outcome is the district before and after, and the residents newly covered', () => {
    const before = tables[1]!;
    const after: CoverageTable = {
      ...before,
      district: { ...before.district, coveredPopulation: before.district.coveredPopulation + 1234 },
    };
    const o = targetOutcome(
      'meals',
      before,
      after,
      [{ lonLat: [121.5, 31.3], gain: 1234, circleId: 'A-1' }],
      9,
    );
    expect(o).toMatchObject({ id: 'meals', existing: 9, newlyCovered: 1234 });
    expect(o.before).toBe(before.district);
    expect(o.after.coveredPopulation).toBe(before.district.coveredPopulation + 1234);
    expect([o.group, o.newlyCoveredTarget]).toEqual([null, null]);
    // with a target group: its residents newly covered too
    const t = (covered: number) => ({ population: 1000, covered, gap: 1000 - covered });
    const b = { ...before, targetGroup: 'age60plus', district: { ...before.district, target: t(400) } };
    const a = { ...after, targetGroup: 'age60plus', district: { ...after.district, target: t(790) } };
    const g = targetOutcome('meals', b as CoverageTable, a as CoverageTable, [], 9);
    expect([g.group, g.newlyCoveredTarget]).toEqual(['age60plus', 390]);
  });

  it('the district’s figures are as its reports give them', () => {
    const byId = new Map(DISTRICT_TARGETS.map((t) => [t.id, t]));
    expect(byId.size).toBe(DISTRICT_TARGETS.length);
    const figure = (id: string) => [byId.get(id)!.year, byId.get(id)!.status, byId.get(id)!.count];
    expect(figure('2022-beds')).toEqual([2022, 'done', 350]);
    expect(figure('2023p-beds')).toEqual([2023, 'planned', 250]);
    expect(figure('2023-beds')).toEqual([2023, 'done', 537]);
    expect(figure('2023-doorstep')).toEqual([2023, 'done', 13]);
    expect(figure('2023-baby')).toEqual([2023, 'done', 12]);
    expect(figure('2023p-baby')).toEqual([2023, 'planned', 6]);
    expect(figure('2023-meals')).toEqual([2023, 'done', 6]);
    expect(figure('2022-places')).toEqual([2022, 'done', 280]);
    // 2022 and the 2023 plan from the 2023 plan report; 2023's results from the 2024 work report
    for (const t of DISTRICT_TARGETS)
      expect(t.source).toBe(t.year === 2023 && t.status === 'done' ? 'gwr2024' : 'plan2023');
    for (const t of DISTRICT_TARGETS) expect(TARGET_KINDS[t.kind].zh && TARGET_KINDS[t.kind].en).toBeTruthy();
    expect(Object.keys(TARGET_SOURCES)).toEqual(['plan2023', 'gwr2024']);
  });

  it('every run stands for a figure, places a number the siting engine accepts, and runs at a standard', () => {
    for (const a of TARGET_ANALYSES) {
      expect(
        DISTRICT_TARGETS.some((t) => t.id === a.target),
        a.id,
      ).toBe(true);
      expect(isCoverageCategory(a.category)).toBe(true);
      expect(DEFAULT_STANDARDS[a.category].radiusM).toBeGreaterThan(0);
      expect(a.count).toBeGreaterThanOrEqual(1);
      expect(a.count).toBeLessThanOrEqual(MAX_SUGGESTED_SITES);
      for (const c of a.alsoServing) expect(c).not.toBe(a.category);
    }
    // the runs the issue asks for: meal points, doorstep stations, baby rooms/childcare points, beds
    expect(TARGET_ANALYSES.map((a) => a.id)).toEqual([
      'centres',
      'meals',
      'doorstep',
      'baby-rooms',
      'childcare',
      'homes',
    ]);
    const byId = new Map(TARGET_ANALYSES.map((a) => [a.id, a]));
    expect(byId.get('meals')!.alsoServing).toEqual(['elder-canteen']);
    expect(byId.get('baby-rooms')).toMatchObject({ count: 12, noList: true, category: 'baby-room' });
    expect(byId.get('doorstep')).toMatchObject({ count: 13, noList: false });
  });
});

describe('names', () => {
  const subdistricts: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { name: '定海路街道', nameEn: 'Dinghai Road Subdistrict', code: '310110001' },
        geometry: { type: 'Polygon', coordinates: [] },
      },
    ],
  };

  it('a subdistrict is found by its Chinese name, short name, English name or code', () => {
    for (const q of ['定海路街道', '定海路', 'Dinghai Road Subdistrict', 'dinghai road', '310110001'])
      expect(findSubdistrict(subdistricts, q)?.name, q).toBe('定海路街道');
    for (const q of ['', '定海', 'Dinghai', '__proto__', '街道'])
      expect(findSubdistrict(subdistricts, q), q).toBeNull();
  });

  it('names in both languages, with the id when unknown', () => {
    const names = nameBook({
      circles: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'c1', name: '定海路-1', nameEn: 'Dinghai Rd-1' },
            geometry: { type: 'Polygon', coordinates: [] },
          },
        ],
      },
      subdistricts,
      facilities: [],
    });
    expect(names.circle('c1')).toEqual({ zh: '定海路-1', en: 'Dinghai Rd-1' });
    expect(names.circle('zz')).toEqual({ zh: 'zz', en: 'zz' });
    expect(names.subdistrict('定海路街道').en).toBe('Dinghai Road Subdistrict');
    expect(names.facility('EC1')).toBe('EC1');
  });
});

describe('small maps', () => {
  // a 1 km square around the projection origin
  const dLon = 1000 / 95_230; // ≈ m per degree of longitude at 31.3° N, only roughly
  const square = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [121.525, 31.3],
        [121.525 + dLon, 31.3],
        [121.525 + dLon, 31.309],
        [121.525, 31.309],
        [121.525, 31.3],
      ],
    ],
  };

  it('fits an area into the width, north up, centred', () => {
    const b = boundsOf([square])!;
    expect(b).toEqual([121.525, 31.3, 121.525 + dLon, 31.309]);
    const f = frameFor(b, 120, 1000, 10);
    const [x0, y0] = f.project([b[0], b[1]]);
    const [x1, y1] = f.project([b[2], b[3]]);
    expect(x0).toBeCloseTo(10, 0);
    expect(x1).toBeCloseTo(110, 0);
    expect(y1).toBeLessThan(y0); // north is up
    expect(f.height).toBeCloseTo(y0 - y1 + 20, 0);
    expect(f.metresPerUnit).toBeGreaterThan(9);
    expect(f.metresPerUnit).toBeLessThan(11);
  });

  it('a tall area is limited by the height', () => {
    const f = frameFor([121.5, 31.2, 121.501, 31.4], 200, 100, 10);
    expect(f.height).toBe(100);
    const [, top] = f.project([121.5, 31.4]);
    expect(top).toBeCloseTo(10, 0);
  });

  it('paths: closed rings for polygons, open for lines, nothing for points', () => {
    const f = frameFor(boundsOf([square])!, 100, 100, 0);
    const d = pathOf(square, f);
    expect(d.startsWith('M')).toBe(true);
    expect(d.endsWith('Z')).toBe(true);
    expect(d.match(/L/g)).toHaveLength(4);
    expect(pathOf({ type: 'LineString', coordinates: square.coordinates[0]! }, f).endsWith('Z')).toBe(false);
    expect(
      pathOf({ type: 'MultiPolygon', coordinates: [square.coordinates, square.coordinates] }, f).match(/M/g),
    ).toHaveLength(2);
    expect(pathOf({ type: 'Point', coordinates: [121.5, 31.3] }, f)).toBe('');
    expect(pathOf(null, f)).toBe('');
  });

  it('padding and scale bars', () => {
    const b = padBounds([121.5, 31.3, 121.5, 31.3], 1000);
    expect((b[2] - b[0]) / 2).toBeCloseTo(dLon, 3);
    const f = frameFor(boundsOf([square])!, 100, 100, 0);
    const bar = scaleBar(f, 40);
    expect(bar.metres).toBe(250);
    expect(bar.units).toBeLessThanOrEqual(40);
    expect(boundsOf([])).toBeNull();
  });
});

describe('boundary notice', () => {
  const circle = (id: string, derived: boolean, method: string) => ({
    type: 'Feature' as const,
    properties: {
      id,
      name: id,
      nameEn: id,
      subdistrict: '甲街道',
      areaKm2: 1,
      population: 1,
      derived,
      method,
    },
    geometry: { type: 'Polygon' as const, coordinates: [] },
  });
  const ctx = (features: ReturnType<typeof circle>[], lang: 'zh' | 'en' = 'en') =>
    ({ lang, layers: { circles: { type: 'FeatureCollection', features } } }) as unknown as ReportContext;
  it('derived circles say so (one circle, or the 33)', () => {
    const c = ctx([circle('A-1', true, 'derived'), circle('A-2', true, 'derived')]);
    expect(boundaryNotice(c, ['A-1'])).toBe(t('derivedCircle', 'en'));
    expect(boundaryNotice(c)).toBe(t('derivedNotice', 'en'));
  });
  it('imported circles name the file instead', () => {
    const c = ctx([circle('X-1', false, 'imported from 规划圈.geojson')], 'zh');
    expect(boundaryNotice(c, ['X-1'])).toBe(`${s('importedBoundary', 'zh')} 规划圈.geojson.`);
    expect(boundaryNotice(c)).not.toContain(t('derivedNotice', 'zh'));
  });
});
