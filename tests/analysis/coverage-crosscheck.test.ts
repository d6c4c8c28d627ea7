/**
 * The grid engine against the naive exact-geometry reference (Turf discs, union,
 * intersect) on the real data: on a seeded sample of circles, for every category at its
 * default radius, the covered share of the circle's land agrees within 0.5 percentage points.
 *
 * Sized to seconds (docs/testing.md): the sample is SAMPLE circles drawn with SEED, and the
 * reference unions, per circle, only the discs that can reach it (facilities within the
 * radius of the circle's box), which gives the same covered land inside those circles. The full
 * run over all 33 circles is `npm run bench` (naive reference) or CROSSCHECK_ALL=1.
 */
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadCoverageData } from '../../scripts/bench/coverage-data';
import { naiveCircle, naiveLand, naiveReach } from '../../scripts/lib/naiveReference';
import { CoverageEngine } from '../../src/analysis/coverage/engine';
import { buildPopulationModel, inputsFromCollections } from '../../src/analysis/coverage/model';
import { DEFAULT_STANDARDS } from '../../src/analysis/standards';
import { COVERAGE_CATEGORIES, RIVERFRONT } from '../../src/core/categories';
import { geometryBBox, yangpuProjection } from '../../src/core/geo';
import { seededSample } from '../helpers/sample';

const SEED = 21;
const SAMPLE = process.env.CROSSCHECK_ALL ? Infinity : 6;

const { layers, facilities, riverfront } = loadCoverageData();
const model = buildPopulationModel(inputsFromCollections(layers));
const engine = new CoverageEngine(model, facilities, riverfront);
const land = naiveLand(
  layers.district.features[0] as Feature<Polygon>,
  layers.riverEdge.features as Feature<LineString>[],
  200,
);
// Categories with no facility (托育, 宝宝屋) are 0% in both and need no geometry.
const categories = COVERAGE_CATEGORIES.filter(
  (c) => c === RIVERFRONT || facilities.some((f) => f.category === c),
);
const all = layers.circles.features.map((circle, k) => ({
  circle: circle as Feature<Polygon | MultiPolygon>,
  k,
}));
const sample = seededSample(all, SAMPLE, SEED);

/** The circle's box in projected metres. */
function boxOf(circle: Feature<Polygon | MultiPolygon>) {
  const [w, s, e, n] = geometryBBox(circle.geometry);
  const [x0, y0] = yangpuProjection.toXY([w, s]);
  const [x1, y1] = yangpuProjection.toXY([e, n]);
  return { x0, y0, x1, y1 };
}

/** Facilities whose disc of `radiusM` can touch the circle (the others cover none of its land). */
function near(circle: Feature<Polygon | MultiPolygon>, radiusM: number) {
  const box = boxOf(circle);
  const m = radiusM + 1;
  return facilities.filter((f) => {
    const [x, y] = yangpuProjection.toXY(f.lonLat);
    return x >= box.x0 - m && x <= box.x1 + m && y >= box.y0 - m && y <= box.y1 + m;
  });
}

describe(`coverage engine vs naive Turf reference (real data, ${sample.length} circles, seed ${SEED})`, () => {
  it('the sample is several circles', () => {
    expect(sample.length).toBeGreaterThanOrEqual(Math.min(6, all.length));
  });

  for (const category of categories) {
    it(`${category}: every sampled circle within 0.5 percentage points`, () => {
      const radiusM = DEFAULT_STANDARDS[category as keyof typeof DEFAULT_STANDARDS].radiusM;
      const table = engine.table(category, radiusM);
      // the riverfront buffer is one shape for every circle
      const river = category === RIVERFRONT ? naiveReach(category, [], riverfront, radiusM) : null;
      let worst = 0;
      for (const { circle, k } of sample) {
        const discs = river ?? naiveReach(category, near(circle, radiusM), riverfront, radiusM);
        const ref = naiveCircle(circle, land, discs);
        const row = table.circles[k]!;
        const ours = row.coveredLandAreaM2 / row.landAreaM2;
        worst = Math.max(worst, Math.abs(ours - ref.landShare) * 100);
        expect(Math.abs(ours - ref.landShare) * 100, `${row.name}`).toBeLessThan(0.5);
      }
      console.log(`cross-check ${category} @ ${radiusM} m: largest difference ${worst.toFixed(3)} pp`);
    });
  }
});
