/**
 * The population module on made-up fixtures: OSM building tags, exact cell overlaps, and a
 * block of known buildings whose residents follow from the floor areas by hand.
 */
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createGrid } from '../../src/analysis/coverage/grid';
import { buildPopulationModel } from '../../src/analysis/coverage/model';
import {
  type BuildingTags,
  buildingLevels,
  buildingRole,
  tagNumber,
} from '../../src/analysis/population/buildings';
import { cellOverlaps, spreadOverCells } from '../../src/analysis/population/cellAreas';
import { ABSORBED_REASON, classifyDasymetric } from '../../src/analysis/population/dasymetric';
import { METHOD } from '../../src/analysis/population/surface';
import { geometryArea, geometryBBox } from '../../src/core/geo';
import { feature as f, rect } from '../helpers/shapes';

describe('OSM building tags', () => {
  it('reads floors from building:levels, else height ÷ 3 m, else the default', () => {
    expect(buildingLevels({ building: 'apartments', 'building:levels': '14' })).toEqual({
      levels: 14,
      from: 'levels',
    });
    expect(buildingLevels({ building: 'apartments', 'building:levels': '5;6' })).toEqual({
      levels: 5,
      from: 'levels',
    });
    expect(buildingLevels({ building: 'residential', height: '30' })).toEqual({ levels: 10, from: 'height' });
    expect(buildingLevels({ building: 'residential', height: '18 m' })).toEqual({
      levels: 6,
      from: 'height',
    });
    expect(buildingLevels({ building: 'apartments' })).toEqual({ levels: 6, from: 'default' });
    expect(buildingLevels({ building: 'house' })).toEqual({ levels: 2, from: 'default' });
    expect(buildingLevels({ building: 'apartments', 'building:levels': 'many' }).from).toBe('default');
    expect(buildingLevels({ building: 'apartments', 'building:levels': '0' }).from).toBe('default');
    expect(tagNumber(undefined)).toBeNull();
  });

  it('counts residential types anywhere, untyped ones only on residential land, never schools or offices', () => {
    const role = (tags: BuildingTags, onRes: boolean) => buildingRole(tags, onRes);
    for (const b of ['apartments', 'residential', 'dormitory', 'house', 'detached'])
      expect(role({ building: b }, false)).toBe('residential');
    expect(role({ building: 'yes' }, true)).toBe('untyped-in-residential');
    expect(role({ building: 'yes' }, false)).toBe('untyped');
    expect(role({}, true)).toBe('untyped-in-residential');
    for (const b of ['university', 'college', 'school', 'office', 'commercial', 'retail', 'industrial'])
      expect(role({ building: b }, true)).toBe('not-residential');
  });
});

describe('exact cell overlaps', () => {
  const grid = createGrid(geometryBBox(rect(0, 0, 200, 200)), 20, 40);

  it('sum to the polygon area, holes subtracted, for a shape off the cell lattice', () => {
    const outer = rect(13.3, 7.1, 171.9, 133.7).coordinates[0]!;
    const hole = rect(50.5, 40.2, 90.1, 80.8).coordinates[0]!.slice().reverse();
    const { areas } = cellOverlaps(grid, { type: 'Polygon', coordinates: [outer, hole] });
    const total = areas.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(158.6 * 126.6 - 39.6 * 40.6, 3);
  });

  it('a 6 m × 6 m shed holding no cell centre still lands in its cells, amount kept', () => {
    const target = new Float64Array(grid.cols * grid.rows);
    expect(spreadOverCells(grid, rect(17, 17, 23, 23), 72, target)).toBe(4);
    expect(target.reduce((a, b) => a + b, 0)).toBeCloseTo(72, 9);
  });

  it('slivers from rounded coordinates (< 0.25 m wide) get nothing; their share stays in the feature', () => {
    const target = new Float64Array(grid.cols * grid.rows);
    // 20.1 m tall: 0.1 m spills into the next row of cells
    expect(spreadOverCells(grid, rect(0, 0, 40, 20.1), 100, target)).toBe(2);
    expect(target.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
  });
});

/**
 * One subdistrict, 1 km × 1 km, 10,000 residents; the OSM extent is its west half.
 * Residential area A (150 × 100 m) holds an apartment block (800 m², 6 floors tagged), a
 * residential block (800 m², height 30 m → 10 floors), an untyped building (400 m², default
 * 6) and an office; area B (100 × 100 m) has no residential buildings mapped, only a school
 * (20 × 20 m). Outside residential land: a university building, an untyped building, and a
 * dormitory (800 m², default 6).
 */
function block() {
  const buildings = {
    apartment: f(rect(113, 117, 153, 137), { building: 'apartments', 'building:levels': '6' }),
    residential: f(rect(173, 117, 213, 137), { building: 'residential', height: '30' }),
    untypedInA: f(rect(113, 157, 133, 177), { building: 'yes' }),
    office: f(rect(173, 157, 213, 177), { building: 'office', 'building:levels': '12' }),
    university: f(rect(100, 400, 160, 460), {
      building: 'university',
      'building:levels': '5',
      name: '教学楼',
    }),
    untypedOutside: f(rect(300, 400, 340, 440), { building: 'yes' }),
    dormitory: f(rect(200, 600, 240, 620), { building: 'dormitory' }),
    schoolInB: f(rect(320, 120, 340, 140), { building: 'school' }),
  };
  const classified = classifyDasymetric({
    buildings: Object.values(buildings),
    residential: [f(rect(100, 100, 250, 200), { name: 'A' }), f(rect(300, 100, 400, 200), { name: 'B' })],
    extent: [f(rect(0, 0, 500, 1000), {})],
  });
  const square = rect(0, 0, 1000, 1000);
  const model = buildPopulationModel({
    district: f(square, null),
    subdistricts: [f(square, { name: 'S', population2020: 10_000 })],
    circles: [],
    populationModel: classified.features,
  });
  /** Residents on the cells a polygon overlaps by 1 m² or more (not slivers of rounded edges). */
  const residentsOn = (g: Polygon) => {
    const { cells, areas } = cellOverlaps(model.grid, g);
    return cells.reduce((s, c, k) => s + (areas[k]! >= 1 ? model.population[c]! : 0), 0);
  };
  return { buildings, classified, model, residentsOn };
}

describe('dasymetric model on a block of known buildings', () => {
  const { buildings, classified, model, residentsOn } = block();
  // Floor areas: 4,800 + 8,000 + 2,400 (in A) + 4,800 (dormitory) = 20,000 m²; A's ratio
  // 15,200 / 15,000; B carries 10,000 × that; the west half 500,000 m² of land holds
  // 30,133.3 m², so the east half gets the same: each half 5,000 residents.
  const totalWeight = 2 * (20_000 + 10_000 * (15_200 / 15_000));
  const expected = (floorM2: number) => (10_000 * floorM2) / totalWeight;

  it('classifies the buildings and the two residential areas', () => {
    const s = classified.summary;
    expect(s.counted).toBe(4);
    expect(s.levelsFrom).toEqual({ levels: 1, height: 1, default: 2 });
    expect(s.countedFloorAreaM2).toBeCloseTo(20_000, 3);
    expect(s.areasByBuildings).toBe(1);
    expect(s.areasByLanduse).toBe(1);
    expect(s.floorAreaRatio).toBeCloseTo(15_200 / 15_000, 6);
    expect(Object.values(s.notCounted).reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('keeps the subdistrict total exactly and splits the halves by observed floor area per m² of land', () => {
    let total = 0;
    let east = 0;
    model.population.forEach((v, c) => {
      total += v;
      if (model.grid.x0 + (c % model.grid.cols) * model.grid.cellM > 500) east += v;
    });
    expect(total).toBeCloseTo(10_000, 2);
    expect(east).toBeCloseTo(5_000, 1);
  });

  it('gives each residential building residents in proportion to footprint × floors', () => {
    expect(residentsOn(buildings.apartment.geometry)).toBeCloseTo(expected(4_800), 2);
    expect(residentsOn(buildings.residential.geometry)).toBeCloseTo(expected(8_000), 2);
    expect(residentsOn(buildings.untypedInA.geometry)).toBeCloseTo(expected(2_400), 2);
    expect(residentsOn(buildings.dormitory.geometry)).toBeCloseTo(expected(4_800), 2);
    expect(residentsOn(rect(300, 100, 400, 200))).toBeCloseTo(expected(10_000 * (15_200 / 15_000)), 2);
  });

  it('puts nobody in the university, the office or untyped buildings off residential land', () => {
    expect(residentsOn(buildings.university.geometry)).toBe(0);
    expect(residentsOn(buildings.office.geometry)).toBe(0);
    expect(residentsOn(buildings.untypedOutside.geometry)).toBe(0);
  });

  it('spreads an area without residential buildings over its land but not over its school', () => {
    expect(residentsOn(buildings.schoolInB.geometry)).toBe(0);
    const b = classified.features.find((x) => x.properties.name === 'B')!;
    expect(b.properties.method).toBe('landuse');
    expect(geometryArea(b.geometry)).toBeCloseTo(10_000 - 400, 0);
  });

  it('marks the method of each cell', () => {
    const at = (x: number, y: number) =>
      model.method[
        Math.round((y - model.grid.y0) / 20) * model.grid.cols + Math.round((x - model.grid.x0) / 20)
      ];
    expect(at(750, 500)).toBe(METHOD.land);
    expect(at(350, 150)).toBe(METHOD.landuse);
    expect(at(130, 130)).toBe(METHOD.buildings);
    expect(at(130, 430)).toBe(METHOD.none);
  });

  it('falls back to land use where a residential area has too few buildings mapped (< 10% of it)', () => {
    const r = classifyDasymetric({
      buildings: [f(rect(10, 10, 30, 30), { building: 'apartments' })],
      residential: [f(rect(0, 0, 100, 100), {})],
      extent: [f(rect(0, 0, 500, 500), {})],
    });
    const methods = r.features.map((x) => x.properties.method);
    expect(methods).toEqual(['extent', 'landuse', 'other-building']);
    expect(r.features[2]!.properties.reason).toBe(ABSORBED_REASON);
    expect(r.summary.counted).toBe(0);
  });
});
