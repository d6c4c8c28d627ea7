/**
 * The one population surface on the real data (geodata/, built by `npm run data`):
 * circles.geojson carries the engine's count for every circle, subdistrict totals are the
 * census, the derived circles are balanced on modelled residents, and on the 五角场/复旦/同济
 * OSM extract nobody lives in campus teaching buildings or in the water.
 */

import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadCoverageData, readLayer } from '../../scripts/bench/coverage-data';
import { CoverageEngine } from '../../src/analysis/coverage/engine';
import { indexCells } from '../../src/analysis/coverage/grid';
import { buildPopulationModel, inputsFromCollections } from '../../src/analysis/coverage/model';
import { METHOD } from '../../src/analysis/population/surface';
import { geometryArea, geometryBBox } from '../../src/core/geo';
import { LAYER_FILES, type PopulationModelProps } from '../../src/core/schema';

const { layers, facilities, riverfront } = loadCoverageData();
const model = buildPopulationModel(inputsFromCollections(layers));
const engine = new CoverageEngine(model, facilities, riverfront);
const table = engine.table('elder-canteen', 300);
const circles = layers.circles.features as Feature<
  Polygon | MultiPolygon,
  { id: string; population: number; subdistrict: string }
>[];
const subdistricts = layers.subdistricts.features as Feature<
  Polygon,
  { name: string; population2020: number }
>[];
const popModel = layers.populationModel.features as Feature<Polygon | MultiPolygon, PopulationModelProps>[];

/** Residents on the cells whose centre lies inside any of the polygons. */
function residentsInside(polygons: (Polygon | MultiPolygon)[]): number {
  const inside = indexCells(model.grid, polygons);
  let sum = 0;
  for (let c = 0; c < inside.length; c++) if (inside[c]! >= 0) sum += model.population[c]!;
  return sum;
}

describe('one population per circle', () => {
  it('circles.geojson population equals the coverage engine’s count for all 33 circles (rounding aside)', () => {
    expect(circles).toHaveLength(33);
    circles.forEach((c, k) => {
      const row = table.circles[k]!;
      expect(row.id).toBe(c.properties.id);
      expect(Math.abs(c.properties.population - row.population), c.properties.id).toBeLessThan(1);
    });
  });

  it('subdistrict totals are exactly the census figures, and each subdistrict’s circles sum to it', () => {
    for (const s of subdistricts) {
      const row = table.subdistricts.find((r) => r.name === s.properties.name)!;
      expect(row.population).toBeCloseTo(s.properties.population2020, 1);
      const sum = circles
        .filter((c) => c.properties.subdistrict === s.properties.name)
        .reduce((t, c) => t + c.properties.population, 0);
      expect(sum, s.properties.name).toBe(s.properties.population2020);
    }
  });

  it('the derived circles are balanced on modelled residents (every circle within ±20 % of its subdistrict’s mean)', () => {
    let worst = 0;
    for (const s of subdistricts) {
      const mine = circles.filter((c) => c.properties.subdistrict === s.properties.name);
      const mean = s.properties.population2020 / mine.length;
      for (const c of mine) {
        const dev = c.properties.population / mean - 1;
        worst = Math.max(worst, Math.abs(dev));
        expect(Math.abs(dev), c.properties.id).toBeLessThan(0.2);
      }
    }
    console.log(`largest deviation of a circle from its subdistrict's mean: ${(worst * 100).toFixed(2)} %`);
  });
});

describe('dasymetric model on the 五角场/复旦/同济 extract', () => {
  const counted = popModel.filter((f) => f.properties.method === 'building');
  const teaching = popModel.filter(
    (f) =>
      f.properties.method === 'other-building' &&
      /^(university|college|school)$/.test(f.properties.building ?? ''),
  );

  it('counts the residential buildings and places residents by method', () => {
    const byMethod = new Float64Array(4);
    model.population.forEach((v, c) => {
      byMethod[model.method[c]!]! += v;
    });
    console.log(
      `buildings counted: ${counted.length}; residents placed by buildings ${Math.round(byMethod[METHOD.buildings]!)}, ` +
        `by residential land use ${Math.round(byMethod[METHOD.landuse]!)}, by land ${Math.round(byMethod[METHOD.land]!)}; ` +
        `campus/school buildings with no residents: ${teaching.length}`,
    );
    expect(counted.length).toBeGreaterThan(500);
    expect(byMethod[METHOD.buildings]!).toBeGreaterThan(50_000);
    expect(byMethod[METHOD.none]!).toBe(0);
  });

  it('gives campus and school buildings no floor area: no weighted feature overlaps them', () => {
    const weighted = popModel.filter((f) => f.properties.weightM2 > 0);
    const boxes = weighted.map((f) => geometryBBox(f.geometry));
    let worst = 0;
    for (const t of teaching) {
      const b = geometryBBox(t.geometry);
      weighted.forEach((w, k) => {
        const o = boxes[k]!;
        if (o[0] > b[2] || o[2] < b[0] || o[1] > b[3] || o[3] < b[1]) return;
        const both = intersect(featureCollection([t, w]));
        if (both) worst = Math.max(worst, geometryArea(both.geometry));
      });
    }
    expect(worst).toBeLessThan(1); // m², rounding of shared edges
  });

  it('puts no resident on the 20 m cells of the campus teaching buildings (光华楼, 文远楼, 教学南楼 …)', () => {
    // Campus = not touching OSM residential land. A staff compound that tags its blocks
    // `university` and a school beside a compound share cells with homes; the test above
    // shows those buildings carry no floor area themselves.
    const residential = readLayer<FeatureCollection<Polygon | MultiPolygon>>(
      LAYER_FILES.residential,
    ).features;
    const onCampus = teaching.filter((t) => !residential.some((r) => intersect(featureCollection([t, r]))));
    const named = new Map(onCampus.filter((f) => f.properties.name).map((f) => [f.properties.name!, f]));
    const landmarks = [
      '光华楼',
      '文远楼（A楼）',
      '教学南楼',
      '教学北楼',
      '第五教学楼',
      '第六教学楼',
      '同济大学图书馆',
    ];
    for (const name of landmarks) expect(residentsInside([named.get(name)!.geometry]), name).toBe(0);
    expect(onCampus.length).toBeGreaterThan(100);
    const total = residentsInside(onCampus.map((f) => f.geometry));
    console.log(
      `residents on cells centred in ${onCampus.length} campus buildings: ${total.toFixed(1)} (cells shared with homes next door)`,
    );
    expect(total).toBeLessThan(10);
  });

  it('puts no resident in the water: the Huangpu (non-land cells) and the extract’s canals and ponds', () => {
    let onRiver = 0;
    model.population.forEach((v, c) => {
      if (!model.land[c]) onRiver += v;
    });
    expect(onRiver).toBe(0);
    const water = readLayer<FeatureCollection>(LAYER_FILES.water).features.filter(
      (f): f is Feature<Polygon | MultiPolygon> =>
        f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon',
    );
    expect(water.length).toBeGreaterThan(5);
    expect(residentsInside(water.map((f) => f.geometry))).toBe(0);
  });
});
