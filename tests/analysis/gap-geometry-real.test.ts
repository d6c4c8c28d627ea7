/**
 * The Turf gap polygons on the real data, a seeded sample of circles × every category at its
 * default radius, as the app draws and exports them (contours of the distance field):
 * - agreement with the engine, every pair within 1 %: gap residents (of the circle's
 *   residents), gap area on the engine's cells (of the circle's resident land; see
 *   tests/helpers/gapAgreement.ts), and, where the engine's cells are all resident land
 *   (circles outside the OSM extent), the engine's own gap area (of its residential area);
 * - validity: no self-intersection (@turf/kinks), valid rings and holes (@turf/boolean-valid),
 *   6-decimal coordinates, every property set;
 * - the two Turf methods (contours, exact discs) agree with each other within 0.1 %.
 *
 * Sized to seconds (docs/testing.md): SAMPLE circles drawn with SEED, always with one inside
 * and one outside the OSM extent; GAPCHECK_ALL=1 checks all 33.
 */
import type { FeatureCollection, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCoverageData } from '../../scripts/bench/coverage-data';
import { CoverageEngine, type GapProps } from '../../src/analysis/coverage/engine';
import { type GapMethod, turfGaps } from '../../src/analysis/coverage/gapGeometry';
import { buildPopulationModel, inputsFromCollections } from '../../src/analysis/coverage/model';
import { type Area, ResidentLand } from '../../src/analysis/coverage/residentLand';
import { DEFAULT_STANDARDS } from '../../src/analysis/standards';
import { COVERAGE_CATEGORIES, type CoverageCategory } from '../../src/core/categories';
import { geometryArea } from '../../src/core/geo';
import { areaByCircle, expectValidGap, gapAgreement, homeAreaByCell } from '../helpers/gapAgreement';
import { seededSample } from '../helpers/sample';

const SEED = 21;
const SAMPLE = process.env.GAPCHECK_ALL ? Infinity : 6;

const { layers, facilities, riverfront } = loadCoverageData();
const inputs = inputsFromCollections(layers);
const model = buildPopulationModel(inputs);
const engine = new CoverageEngine(model, facilities, riverfront);
let land: (Area | null)[] = [];
/** the sampled circles (index in model.circles) */
let sample: number[] = [];
const gapsOf = new Map<CoverageCategory, FeatureCollection<Polygon, GapProps>>();
const radius = (c: CoverageCategory) => DEFAULT_STANDARDS[c].radiusM;

beforeAll(() => {
  const resident = new ResidentLand(inputs, model.grid);
  sample = seededSample(
    model.circles.map((_, k) => k),
    SAMPLE,
    SEED,
  );
  // the resident land of the sampled circles only (the others stay null: no gaps, not compared)
  land = model.circles.map((_, k) => (sample.includes(k) ? resident.of(k) : null));
  for (const c of COVERAGE_CATEGORIES)
    gapsOf.set(c, turfGaps(engine, land, c, radius(c), { circles: sample }));
});

describe(`Turf gap polygons on the real data (a seeded sample of circles × every category, default radii, seed ${SEED})`, () => {
  it('the sample holds circles inside and outside the OSM extent', () => {
    const inExtent = gapAgreement(
      engine,
      land,
      land.map((home, k) => homeAreaByCell(engine, home, k)),
      gapsOf.get('elder-canteen')!,
      engine.table('elder-canteen', radius('elder-canteen')),
      engine.coveredMask('elder-canteen', radius('elder-canteen')),
    )
      .filter((_, k) => sample.includes(k))
      .map((a) => a.inExtent);
    console.log(`sample: ${sample.map((k) => model.circles[k]!.name).join(', ')}`);
    expect(inExtent).toContain(true);
    expect(inExtent).toContain(false);
  });

  it('agree with the engine within 1 %: gap residents, gap area (and the cell gap area outside the OSM extent)', () => {
    const homeCells = land.map((home, k) => homeAreaByCell(engine, home, k));
    const worst = { residents: [0, ''], area: [0, ''], cells: [0, ''] } as Record<string, [number, string]>;
    const note = (key: string, v: number, where: string) => {
      if (v > worst[key]![0]) worst[key] = [v, where];
    };
    let outside = 0;
    for (const category of COVERAGE_CATEGORIES) {
      const r = radius(category);
      const table = engine.table(category, r);
      const rows = gapAgreement(
        engine,
        land,
        homeCells,
        gapsOf.get(category)!,
        table,
        engine.coveredMask(category, r),
      );
      for (const k of sample) {
        const a = rows[k]!;
        const where = `${category} ${a.name}`;
        note('residents', a.residentsPct, where);
        note('area', a.areaPct, where);
        expect(a.residentsPct, `${where}: gap residents`).toBeLessThanOrEqual(1);
        expect(a.areaPct, `${where}: gap area on the engine's cells`).toBeLessThanOrEqual(1);
        if (!a.inExtent) {
          outside++;
          note('cells', a.cellAreaPct, where);
          expect(a.cellAreaPct, `${where}: the engine's gap area`).toBeLessThanOrEqual(1);
        }
      }
    }
    const f = ([v, w]: [number, string]) => `${v.toFixed(2)} % (${w})`;
    console.log(
      `agreement, ${COVERAGE_CATEGORIES.length * sample.length} pairs: largest |Turf − engine| gap residents ${f(worst.residents!)} of residents; gap area on the engine's cells ${f(worst.area!)} of resident land; engine gap area, ${outside} pairs outside the OSM extent, ${f(worst.cells!)} of residential area`,
    );
  });

  it('are valid polygons: no self-intersections, holes inside shells, 6 decimals, properties set', () => {
    let count = 0;
    for (const category of COVERAGE_CATEGORIES) {
      for (const f of gapsOf.get(category)!.features) {
        count++;
        const where = `${category} ${f.properties.circleId}`;
        expectValidGap(f, where);
        const p = f.properties;
        expect(p).toMatchObject({ category, radiusM: radius(category), distance: 'straight' });
        expect(land.some((_, k) => model.circles[k]!.id === p.circleId)).toBe(true);
        expect(p.areaM2).toBeGreaterThan(0);
        expect(Math.abs(p.areaM2 - geometryArea(f.geometry))).toBeLessThanOrEqual(0.5);
        expect(p.population).toBeGreaterThanOrEqual(0);
      }
    }
    console.log(`validity: ${count} gap polygons checked`);
  });

  it('contours and exact discs agree within 0.1 % of resident land', () => {
    const residential = new Map(
      land.map((home, k) => [model.circles[k]!.id, home ? geometryArea(home.geometry) : 0] as const),
    );
    let worst = 0;
    for (const category of ['elder-canteen', 'nursing-station', 'health-centre', 'riverfront'] as const) {
      const by = (method: GapMethod) =>
        areaByCircle(turfGaps(engine, land, category, radius(category), { method }));
      const contour = by('contour');
      const exact = by('exact');
      for (const [id, res] of residential) {
        if (res <= 0) continue;
        const pct = (Math.abs((contour.get(id) ?? 0) - (exact.get(id) ?? 0)) / res) * 100;
        worst = Math.max(worst, pct);
        expect(pct, `${category} ${id}`).toBeLessThan(0.1);
      }
    }
    console.log(`contour vs exact: largest difference ${worst.toFixed(3)} % of resident land`);
  });
});
