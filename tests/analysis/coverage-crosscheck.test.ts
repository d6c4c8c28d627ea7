/**
 * The grid engine against the naive exact-geometry reference (Turf discs, union,
 * intersect) on the real data: for every circle × category at its default radius, the
 * covered share of the circle's land agrees within 0.5 percentage points.
 */
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadCoverageData } from '../../scripts/bench/coverage-data';
import { naiveCircle, naiveLand, naiveReach } from '../../scripts/lib/naiveReference';
import { CoverageEngine } from '../../src/analysis/coverage/engine';
import { buildPopulationModel, inputsFromCollections } from '../../src/analysis/coverage/model';
import { DEFAULT_STANDARDS } from '../../src/analysis/standards';
import { COVERAGE_CATEGORIES, RIVERFRONT } from '../../src/core/categories';

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

describe('coverage engine vs naive Turf reference (real data)', () => {
  for (const category of categories) {
    it(`${category}: every circle within 0.5 percentage points`, () => {
      const radiusM = DEFAULT_STANDARDS[category as keyof typeof DEFAULT_STANDARDS].radiusM;
      const discs = naiveReach(category, facilities, riverfront, radiusM);
      const table = engine.table(category, radiusM);
      let worst = 0;
      layers.circles.features.forEach((circle, k) => {
        const ref = naiveCircle(circle as Feature<Polygon | MultiPolygon>, land, discs);
        const row = table.circles[k]!;
        const ours = row.coveredLandAreaM2 / row.landAreaM2;
        worst = Math.max(worst, Math.abs(ours - ref.landShare) * 100);
        expect(Math.abs(ours - ref.landShare) * 100, `${row.name}`).toBeLessThan(0.5);
      });
      console.log(`cross-check ${category} @ ${radiusM} m: largest difference ${worst.toFixed(3)} pp`);
    }, 60_000);
  }
});
