/**
 * The resident surface and the engine against an independent point reference
 * (tests/oracles/pointResidents.ts: random points in every residential building and area,
 * exact areas with Turf, plain distances) on the circles that reach the OSM extent, where the
 * dasymetric model matters (a seeded sample of them): the share of residents covered agrees within 1.5 percentage
 * points (20 m cells against exact footprints).
 */
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadCoverageData } from '../../scripts/bench/coverage-data';
import { naiveLand } from '../../scripts/lib/naiveReference';
import { CoverageEngine } from '../../src/analysis/coverage/engine';
import { buildPopulationModel, inputsFromCollections } from '../../src/analysis/coverage/model';
import { geometryBBox } from '../../src/core/geo';
import type { PopulationModelProps } from '../../src/core/schema';
import { seededSample } from '../helpers/sample';
import { pointShare, residentPoints } from '../oracles/pointResidents';

const { layers, facilities, riverfront } = loadCoverageData();
const engine = new CoverageEngine(
  buildPopulationModel(inputsFromCollections(layers)),
  facilities,
  riverfront,
);
const features = layers.populationModel.features as Feature<Polygon | MultiPolygon, PopulationModelProps>[];
const extent = features.find((f) => f.properties.method === 'extent')!;
const [ew, es, ee, en] = geometryBBox(extent.geometry);
const reaching = (layers.circles.features as Feature<Polygon | MultiPolygon, { id: string }>[]).filter(
  (c) => {
    const [w, s, e, n] = geometryBBox(c.geometry);
    return w < ee && e > ew && s < en && n > es;
  },
);
/** Sized to seconds (docs/testing.md): a seeded sample of those circles; POPCHECK_ALL=1 for all. */
const SEED = 21;
const circles = seededSample(reaching, process.env.POPCHECK_ALL ? Infinity : 4, SEED);
const land = naiveLand(
  layers.district.features[0] as Feature<Polygon>,
  layers.riverEdge.features as Feature<LineString>[],
  200,
);

describe(`population surface vs an independent point reference (${circles.length} of the circles reaching the OSM extent, seed ${SEED})`, () => {
  // The sampled circles, whole: the box around them all.
  const boxes = circles.map((c) => geometryBBox(c.geometry));
  const w = Math.min(...boxes.map((b) => b[0]));
  const s = Math.min(...boxes.map((b) => b[1]));
  const e = Math.max(...boxes.map((b) => b[2]));
  const n = Math.max(...boxes.map((b) => b[3]));
  const ring = [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
  const within: Feature<Polygon> = {
    type: 'Feature',
    properties: {},
    geometry: { type: 'Polygon', coordinates: [ring] },
  };
  const { points, residentsPerM2 } = residentPoints({
    land,
    subdistricts: layers.subdistricts.features as Feature<Polygon, { population2020: number }>[],
    features,
    within,
    spacingM2: 60,
  });

  for (const [category, radiusM] of [
    ['elder-canteen', 300],
    ['kindergarten', 300],
  ] as const) {
    it(`${category} @ ${radiusM} m: every such circle within 1.5 percentage points`, () => {
      const sites = facilities.filter((f) => f.category === category).map((f) => f.lonLat);
      const table = engine.table(category, radiusM);
      let worst = 0;
      for (const c of circles) {
        const ref = pointShare(c, points, residentsPerM2, sites, radiusM);
        const ours = table.circles.find((r) => r.id === c.properties.id)!.populationShare!;
        worst = Math.max(worst, Math.abs(ours - ref) * 100);
        expect(Math.abs(ours - ref) * 100, c.properties.id).toBeLessThan(1.5);
      }
      console.log(
        `point reference ${category} @ ${radiusM} m on ${circles.length} circles: largest difference ${worst.toFixed(2)} pp`,
      );
    });
  }
});
