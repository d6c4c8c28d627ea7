/**
 * The resident surface: residents per grid cell, one surface for the derived circles, the
 * coverage engine and every report.
 *
 * Each subdistrict's census total is spread over its land cells in proportion to a weight,
 * the residential floor area (m²) the cell holds:
 * - inside the OSM extent: the floor area of the population-model features overlapping the
 *   cell (residential buildings: footprint × floors; residential areas without mapped
 *   buildings: area × the observed floor-area ratio), exact overlap areas;
 * - outside it: the floor area per m² of land observed inside the extent, on every land cell
 *   (land use unknown there);
 * - a subdistrict left with no weight at all is spread evenly over its land.
 * Subdistrict totals are kept exactly (up to float rounding).
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { PopulationModelProps } from '../../core/schema';
import { cellCount, type Grid, rasterizePolygon } from '../coverage/grid';
import { spreadOverCells } from './cellAreas';

/** How a cell's residents were placed. */
export const METHOD = { none: 0, land: 1, landuse: 2, buildings: 3 } as const;
export type MethodCode = (typeof METHOD)[keyof typeof METHOD];

export type PopulationModelFeature = Feature<Polygon | MultiPolygon, PopulationModelProps>;

export interface SurfaceInput {
  grid: Grid;
  /** 1 where the cell is district land */
  land: Uint8Array;
  /** subdistrict index per cell, -1 outside every subdistrict */
  subdistrictOf: Int16Array;
  /** census total of each subdistrict, residents */
  totals: number[];
  /** the population-model layer (none: residents spread evenly over land) */
  features?: PopulationModelFeature[];
}

export interface ResidentSurface {
  /** residents per cell */
  population: Float32Array;
  /** METHOD code per cell */
  method: Uint8Array;
  /** floor area per m² of land inside the extent, applied to land outside it (0 without an extent) */
  landFloorAreaRatio: number;
}

/** Residential floor area per cell (m²) from the weighted features, split by method. */
function featureWeights(grid: Grid, features: PopulationModelFeature[]) {
  const n = cellCount(grid);
  const buildings = new Float64Array(n);
  const landuse = new Float64Array(n);
  const extent = new Uint8Array(n);
  for (const f of features) {
    const { method, weightM2 } = f.properties;
    if (method === 'extent') rasterizePolygon(grid, f.geometry, extent, 1);
    if (!(weightM2 > 0) || (method !== 'building' && method !== 'landuse')) continue;
    spreadOverCells(grid, f.geometry, weightM2, method === 'building' ? buildings : landuse);
  }
  return { buildings, landuse, extent };
}

/**
 * Build the resident surface.
 *
 * Input: the grid, land and subdistrict of each cell, the census totals (residents), the
 * population-model features (floor areas in m²). Output: residents per cell, the method per
 * cell, and the land floor-area ratio used outside the extent.
 */
export function buildResidentSurface(input: SurfaceInput): ResidentSurface {
  const { grid, land, subdistrictOf, totals } = input;
  const n = cellCount(grid);
  const cellArea = grid.cellM * grid.cellM;
  const { buildings, landuse, extent } = featureWeights(grid, input.features ?? []);
  let detailWeight = 0;
  let detailCells = 0;
  for (let c = 0; c < n; c++) {
    if (!land[c] || !extent[c]) continue;
    detailCells++;
    detailWeight += buildings[c]! + landuse[c]!;
  }
  const ratio = detailCells > 0 ? detailWeight / (detailCells * cellArea) : 0;
  const weight = new Float64Array(n);
  const method = new Uint8Array(n);
  const sums = new Float64Array(totals.length);
  for (let c = 0; c < n; c++) {
    const s = subdistrictOf[c]!;
    if (!land[c] || s < 0) continue;
    if (extent[c]) {
      weight[c] = buildings[c]! + landuse[c]!;
      if (weight[c]! > 0) method[c] = buildings[c]! >= landuse[c]! ? METHOD.buildings : METHOD.landuse;
    } else {
      weight[c] = detailCells > 0 ? ratio * cellArea : 1;
      method[c] = METHOD.land;
    }
    sums[s]! += weight[c]!;
  }
  const population = new Float32Array(n);
  // A subdistrict with land but no weight (all of it in the extent, no homes mapped): even spread.
  const even = totals.map((_, s) => !(sums[s]! > 0));
  if (even.some(Boolean)) {
    for (let c = 0; c < n; c++) {
      const s = subdistrictOf[c]!;
      if (land[c] && s >= 0 && even[s]) {
        weight[c] = 1;
        method[c] = METHOD.land;
        sums[s]! += 1;
      }
    }
  }
  for (let c = 0; c < n; c++) {
    const s = subdistrictOf[c]!;
    if (weight[c]! > 0 && sums[s]! > 0) population[c] = (totals[s]! * weight[c]!) / sums[s]!;
  }
  return { population, method, landFloorAreaRatio: ratio };
}
