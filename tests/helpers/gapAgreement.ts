/**
 * Shared by the real-data gap tests (straight-line and network mode): how far the Turf gap
 * polygons of each circle are from the engine's numbers.
 *
 * - Residents: the polygons' `population` summed against the engine's gap residents, in %
 *   of the circle's residents.
 * - Area, on the same footing: the engine counts a circle's resident cells (a cell belongs
 *   to the circle holding its centre) as covered or not by the cell centre; each such cell
 *   is measured by the area of resident land it holds (exact overlaps, as the resident
 *   surface spreads residents). The Turf gap area in those same cells is set against the
 *   resident land of the engine's uncovered cells, in % of the circle's resident land.
 *   (The engine's own `gapAreaM2` counts whole 20 m cells: the same thing outside the OSM
 *   extent, where every land cell is resident land; inside it, every cell a home touches.)
 */
import { booleanValid } from '@turf/boolean-valid';
import { kinks } from '@turf/kinks';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { expect } from 'vitest';
import type { CoverageEngine, CoverageTable, GapProps } from '../../src/analysis/coverage/engine';
import type { Area } from '../../src/analysis/coverage/residentLand';
import { cellOverlaps } from '../../src/analysis/population/cellAreas';
import { METHOD } from '../../src/analysis/population/surface';
import { geometryArea } from '../../src/core/geo';

export interface CircleAgreement {
  id: string;
  name: string;
  /** |Turf − engine| gap residents, % of the circle's residents */
  residentsPct: number;
  /** |Turf − engine| gap area on the engine's cells, % of the circle's resident land */
  areaPct: number;
  /** |Turf gap area − engine gapAreaM2|, % of the engine's residential area */
  cellAreaPct: number;
  /** whether the circle has cells inside the OSM extent (homes placed by buildings or land use) */
  inExtent: boolean;
}

/** A valid gap polygon: no self-intersection, holes inside the shell, closed rings, 6 decimals, some area. */
export function expectValidGap(f: Feature<Polygon, GapProps>, where: string): void {
  expect(kinks(f).features, where).toHaveLength(0);
  expect(booleanValid(f), where).toBe(true);
  for (const ring of f.geometry.coordinates) {
    expect(ring[0], where).toEqual(ring[ring.length - 1]);
    for (const [x, y] of ring) {
      expect(Math.round(x! * 1e6) / 1e6, where).toBe(x);
      expect(Math.round(y! * 1e6) / 1e6, where).toBe(y);
    }
  }
  expect(f.properties.areaM2, where).toBeGreaterThan(0);
}

/** Turf gap area per circle id (m²). */
export function areaByCircle(fc: FeatureCollection<Polygon, GapProps>): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of fc.features)
    out.set(f.properties.circleId, (out.get(f.properties.circleId) ?? 0) + geometryArea(f.geometry));
  return out;
}

/** Resident-land area (m²) per resident cell of circle k, from the circle's resident land. */
export function homeAreaByCell(engine: CoverageEngine, home: Area | null, k: number): Map<number, number> {
  const { grid, circleOf, population } = engine.model;
  const out = new Map<number, number>();
  if (!home) return out;
  const o = cellOverlaps(grid, home.geometry);
  o.cells.forEach((c, i) => {
    if (circleOf[c] === k && population[c]! > 0) out.set(c, (out.get(c) ?? 0) + o.areas[i]!);
  });
  return out;
}

/** Per circle: the Turf gaps of one query set against the engine's table and covered mask. */
export function gapAgreement(
  engine: CoverageEngine,
  land: (Area | null)[],
  homeCells: Map<number, number>[],
  gaps: FeatureCollection<Polygon, GapProps>,
  table: CoverageTable,
  mask: Uint8Array,
): CircleAgreement[] {
  const { grid, circleOf, method } = engine.model;
  const index = new Map(engine.model.circles.map((c, k) => [c.id, k]));
  const turfArea = new Float64Array(land.length);
  const turfAreaOnCells = new Float64Array(land.length);
  const turfResidents = new Float64Array(land.length);
  for (const f of gaps.features) {
    const k = index.get(f.properties.circleId)!;
    turfArea[k]! += geometryArea(f.geometry);
    turfResidents[k]! += f.properties.population;
    const o = cellOverlaps(grid, f.geometry);
    o.cells.forEach((c, i) => {
      if (circleOf[c] === k && homeCells[k]!.has(c)) turfAreaOnCells[k]! += o.areas[i]!;
    });
  }
  return table.circles.map((row, k) => {
    let engineArea = 0;
    let homeArea = 0;
    let inExtent = false;
    for (const [c, a] of homeCells[k]!) {
      homeArea += a;
      if (!mask[c]) engineArea += a;
      if (method[c] === METHOD.buildings || method[c] === METHOD.landuse) inExtent = true;
    }
    return {
      id: row.id,
      name: row.name,
      residentsPct:
        row.population > 0 ? (Math.abs(turfResidents[k]! - row.gapPopulation) / row.population) * 100 : 0,
      areaPct: homeArea > 0 ? (Math.abs(turfAreaOnCells[k]! - engineArea) / homeArea) * 100 : 0,
      cellAreaPct:
        row.residentialAreaM2 > 0
          ? (Math.abs(turfArea[k]! - row.gapAreaM2) / row.residentialAreaM2) * 100
          : 0,
      inExtent,
    };
  });
}
