/**
 * The population model on a grid of ≤ 20 m cells: which circle and subdistrict each cell
 * belongs to, whether it is land, and how many residents live there.
 *
 * Land = inside the district and more than `riverHalfWidthM` from the Huangpu's mid-channel
 * line (the district edge runs mid-river). Residents per cell come from the one resident
 * surface (src/analysis/population/surface.ts): each subdistrict's census total spread by
 * residential floor area — OSM residential buildings where mapped, residential land use where
 * only that is mapped, land elsewhere. Each subdistrict's total is exact. The derived circles
 * are balanced on this same surface and circles.geojson carries its counts.
 */
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { AgeGroup, AgeGroupCounts } from '../../core/ageGroups';
import { geometryBBox, type LocalProjection, yangpuProjection } from '../../core/geo';
import { bucketAgeShares } from '../population/ageShares';
import { buildResidentSurface, type PopulationModelFeature } from '../population/surface';
import { straightLineDistance } from './distanceField';
import { cellCount, createGrid, type Grid, indexCells, rasterizePolygon } from './grid';

export interface CircleInput {
  id: string;
  name: string;
  nameEn?: string;
  subdistrict: string;
  /** residents of this circle from a planner's data: its cells are rescaled to this total */
  populationOverride?: number;
  /** residents per age group in this circle from a planner's data */
  ageGroupsOverride?: AgeGroupCounts;
}

export interface SubdistrictInput {
  name: string;
  nameEn?: string;
  /** census residents */
  population2020: number;
  /** residents per age group, when known for the subdistrict */
  ageGroups?: AgeGroupCounts;
}

export interface DistrictInput {
  population2020?: number;
  /** the district's residents per age group (2020 census) */
  ageGroups2020?: AgeGroupCounts;
}

export interface ModelInputs {
  district: Feature<Polygon | MultiPolygon, DistrictInput | null>;
  subdistricts: Feature<Polygon | MultiPolygon, SubdistrictInput>[];
  circles: Feature<Polygon | MultiPolygon, CircleInput>[];
  /** the derived population-model layer (buildings, residential areas, the OSM extent); none = even over land */
  populationModel?: PopulationModelFeature[];
  /** mid-channel lines of the river along the district edge */
  riverEdge?: Feature<LineString>[];
}

export interface ModelOptions {
  /** cell side, m (default 20) */
  cellM?: number;
  /** assumed half-width of the river (m) beside riverEdge (default 200) */
  riverHalfWidthM?: number;
  proj?: LocalProjection;
}

export interface PopulationModel {
  grid: Grid;
  circles: CircleInput[];
  subdistrictNames: string[];
  /** the same in English (the Chinese name where none is given) */
  subdistrictNamesEn: string[];
  /** circle index per cell, -1 outside every circle */
  circleOf: Int16Array;
  /** subdistrict index per cell, -1 outside the district */
  subdistrictOf: Int16Array;
  /** 1 where the cell is land inside the district */
  land: Uint8Array;
  /** indices of the land cells, ascending (the only cells any statistic reads) */
  landCells: Int32Array;
  /** per cell: its (circle, subdistrict) bucket, -1 off land; buckets[b] = [circle, subdistrict] (-1 = none) */
  bucketOf: Int32Array;
  buckets: [number, number][];
  /** per bucket: land area (m²), residents, residential area (m²) */
  bucketLandM2: Float64Array;
  bucketPopulation: Float64Array;
  bucketResidentialM2: Float64Array;
  /** per age group: its share (0–1) in each bucket, null where the figures do not give it */
  bucketAgeShare: Record<AgeGroup, Float64Array | null>;
  /**
   * The distance sample: land cells on every other row and column (a 2·cellM grid).
   * sampleWeight = residents of the 2×2 block the sample cell stands for.
   */
  sampleCells: Int32Array;
  sampleWeight: Float32Array;
  /** circle of each sample (that of the first land cell of its block), -1 for none */
  sampleCircle: Int16Array;
  /** for block (i >> 1, j >> 1) at index (j >> 1) * blockCols + (i >> 1): its sample's index, -1 for none */
  sampleOfBlock: Int32Array;
  blockCols: number;

  /** residents per cell (0 where the model puts no homes) */
  population: Float32Array;
  /** how each cell's residents were placed (METHOD codes of population/surface.ts) */
  method: Uint8Array;
  /** residential floor area per m² of land observed inside the OSM extent, used on land outside it */
  landFloorAreaRatio: number;
  /** distance (m) from each cell to the district's land border with other districts */
  landBorderDistance: Float32Array;
  /** per circle: bounding window of its cells */
  windows: { i0: number; i1: number; j0: number; j1: number }[];
  /** cell indices of each circle, for fast per-circle passes */
  cellsOfCircle: Int32Array[];
}

/** Points every `stepM` metres along lines, projected. */
export function sampleLines(lines: Position[][], stepM: number, proj: LocalProjection): [number, number][] {
  const out: [number, number][] = [];
  for (const line of lines) {
    for (let k = 0; k + 1 < line.length; k++) {
      const [ax, ay] = proj.toXY(line[k]!);
      const [bx, by] = proj.toXY(line[k + 1]!);
      const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / stepM));
      for (let s = 0; s < n; s++) out.push([ax + ((bx - ax) * s) / n, ay + ((by - ay) * s) / n]);
    }
    const last = line[line.length - 1];
    if (last) out.push(proj.toXY(last));
  }
  return out;
}

function outlineLines(f: Feature<Polygon | MultiPolygon>): Position[][] {
  return f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
}

/** The resident surface on its grid, without circles: what the derived circles are balanced on. */
export interface ResidentGrid {
  grid: Grid;
  /** subdistrict index per cell, -1 outside the district */
  subdistrictOf: Int16Array;
  /** 1 where the cell is land inside the district */
  land: Uint8Array;
  /** residents per cell */
  population: Float32Array;
  /** METHOD code per cell (population/surface.ts) */
  method: Uint8Array;
  /** floor area per m² of land observed inside the OSM extent */
  landFloorAreaRatio: number;
  /** distance (m) of each cell to the river's mid-channel line, null without a river */
  riverDistance: Float32Array | null;
}

/**
 * The grid, land and resident surface of the inputs (circles are not read): the part of the
 * population model the pipeline needs to balance circles, and the start of the full model.
 */
export function buildResidentGrid(
  inputs: Omit<ModelInputs, 'circles'>,
  options: ModelOptions = {},
): ResidentGrid {
  const proj = options.proj ?? yangpuProjection;
  const cellM = options.cellM ?? 20;
  const halfWidth = options.riverHalfWidthM ?? 200;
  const grid = createGrid(geometryBBox(inputs.district.geometry), cellM, 2 * cellM, proj);
  const n = cellCount(grid);
  const subdistrictOf = indexCells(
    grid,
    inputs.subdistricts.map((f) => f.geometry),
  );
  const inDistrict = new Uint8Array(n);
  rasterizePolygon(grid, inputs.district.geometry, inDistrict, 1);
  // River: cells within halfWidth of the mid-channel line are water.
  const riverLines = (inputs.riverEdge ?? []).map((f) => f.geometry.coordinates);
  const riverPoints = sampleLines(riverLines, cellM / 2, proj);
  const riverDistance = riverPoints.length ? straightLineDistance.field(grid, riverPoints).distance : null;
  const land = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    land[c] =
      inDistrict[c] && subdistrictOf[c]! >= 0 && (!riverDistance || riverDistance[c]! > halfWidth) ? 1 : 0;
  }
  const surface = buildResidentSurface({
    grid,
    land,
    subdistrictOf,
    totals: inputs.subdistricts.map((f) => f.properties.population2020),
    features: inputs.populationModel,
  });
  return { grid, subdistrictOf, land, ...surface, riverDistance };
}

export function buildPopulationModel(inputs: ModelInputs, options: ModelOptions = {}): PopulationModel {
  const { grid, subdistrictOf, land, population, method, landFloorAreaRatio, riverDistance } =
    buildResidentGrid(inputs, options);
  const { proj, cellM } = grid;
  const n = cellCount(grid);
  const circleOf = indexCells(
    grid,
    inputs.circles.map((f) => f.geometry),
  );

  // A circle population supplied by the user replaces the model's total for that circle.
  inputs.circles.forEach((f, k) => {
    const target = f.properties.populationOverride;
    if (target === undefined || !(target >= 0)) return;
    let sum = 0;
    for (let c = 0; c < n; c++) if (circleOf[c] === k) sum += population[c]!;
    if (sum <= 0) return;
    const factor = target / sum;
    for (let c = 0; c < n; c++) if (circleOf[c] === k) population[c]! *= factor;
  });

  // Land border: the district outline except where it runs along the river.
  const riverNear = (p: Position) => {
    if (!riverDistance) return false;
    const [x, y] = proj.toXY(p);
    const i = Math.round((x - grid.x0) / cellM);
    const j = Math.round((y - grid.y0) / cellM);
    if (i < 0 || j < 0 || i >= grid.cols || j >= grid.rows) return false;
    return riverDistance[j * grid.cols + i]! < 2 * cellM;
  };
  const borderLines: Position[][] = [];
  for (const ring of outlineLines(inputs.district)) {
    let current: Position[] = [];
    for (const p of ring) {
      if (riverNear(p)) {
        if (current.length > 1) borderLines.push(current);
        current = [];
      } else current.push(p);
    }
    if (current.length > 1) borderLines.push(current);
  }
  const borderField = straightLineDistance.field(grid, sampleLines(borderLines, cellM / 2, proj));

  const windows = inputs.circles.map(() => ({ i0: Infinity, i1: -Infinity, j0: Infinity, j1: -Infinity }));
  const counts = new Int32Array(inputs.circles.length);
  for (let c = 0; c < n; c++) {
    const k = circleOf[c]!;
    if (k < 0) continue;
    counts[k]! += 1;
    const i = c % grid.cols;
    const j = (c - i) / grid.cols;
    const wdw = windows[k]!;
    if (i < wdw.i0) wdw.i0 = i;
    if (i > wdw.i1) wdw.i1 = i;
    if (j < wdw.j0) wdw.j0 = j;
    if (j > wdw.j1) wdw.j1 = j;
  }
  const cellsOfCircle = inputs.circles.map((_, k) => new Int32Array(counts[k]!));
  const fill = new Int32Array(inputs.circles.length);
  for (let c = 0; c < n; c++) {
    const k = circleOf[c]!;
    if (k >= 0) cellsOfCircle[k]![fill[k]!++] = c;
  }
  let landCount = 0;
  for (let c = 0; c < n; c++) landCount += land[c]!;
  const landCells = new Int32Array(landCount);
  for (let c = 0, t = 0; c < n; c++) if (land[c]) landCells[t++] = c;
  const bucketIds = new Map<number, number>();
  const buckets: [number, number][] = [];
  const bucketOf = new Int32Array(n).fill(-1);
  for (const c of landCells) {
    const key = (circleOf[c]! + 1) * 4096 + (subdistrictOf[c]! + 1);
    let b = bucketIds.get(key);
    if (b === undefined) {
      b = buckets.length;
      bucketIds.set(key, b);
      buckets.push([circleOf[c]!, subdistrictOf[c]!]);
    }
    bucketOf[c] = b;
  }
  const cellArea = cellM * cellM;
  const bucketLandM2 = new Float64Array(buckets.length);
  const bucketPopulation = new Float64Array(buckets.length);
  const bucketResidentialM2 = new Float64Array(buckets.length);
  for (const c of landCells) {
    const b = bucketOf[c]!;
    bucketLandM2[b]! += cellArea;
    if (population[c]! > 0) {
      bucketPopulation[b]! += population[c]!;
      bucketResidentialM2[b]! += cellArea;
    }
  }
  const circlePopulation = new Float64Array(inputs.circles.length);
  buckets.forEach(([k], b) => {
    if (k >= 0) circlePopulation[k]! += bucketPopulation[b]!;
  });
  const bucketAgeShare = bucketAgeShares(buckets, {
    circles: inputs.circles.map((f, k) =>
      f.properties.ageGroupsOverride
        ? { population: circlePopulation[k]!, ageGroups: f.properties.ageGroupsOverride }
        : undefined,
    ),
    subdistricts: inputs.subdistricts.map((f) => ({
      population: f.properties.population2020,
      ageGroups: f.properties.ageGroups,
    })),
    district: inputs.district.properties?.ageGroups2020
      ? {
          population: inputs.district.properties.population2020 ?? 0,
          ageGroups: inputs.district.properties.ageGroups2020,
        }
      : undefined,
  });
  // Distance sample: every other row and column; each sample carries its 2×2 block's residents.
  const blockCols = Math.ceil(grid.cols / 2);
  const sampleOfBlock = new Int32Array(blockCols * Math.ceil(grid.rows / 2)).fill(-1);
  const sampleList: number[] = [];
  const weights: number[] = [];
  const sampleCircleList: number[] = [];
  for (let j = 0; j < grid.rows; j += 2) {
    for (let i = 0; i < grid.cols; i += 2) {
      let w = 0;
      let any = false;
      let circle = -1;
      for (let dj = 0; dj < 2 && j + dj < grid.rows; dj++) {
        for (let di = 0; di < 2 && i + di < grid.cols; di++) {
          const c = (j + dj) * grid.cols + i + di;
          if (land[c]) {
            if (!any) circle = circleOf[c]!;
            any = true;
            w += population[c]!;
          }
        }
      }
      if (!any) continue;
      const c = j * grid.cols + i;
      sampleOfBlock[(j >> 1) * blockCols + (i >> 1)] = sampleList.length;
      sampleList.push(c);
      weights.push(w);
      sampleCircleList.push(circle);
    }
  }
  return {
    grid,
    landCells,
    bucketOf,
    buckets,
    bucketLandM2,
    bucketPopulation,
    bucketResidentialM2,
    bucketAgeShare,
    sampleCells: Int32Array.from(sampleList),
    sampleWeight: Float32Array.from(weights),
    sampleCircle: Int16Array.from(sampleCircleList),
    sampleOfBlock,
    blockCols,
    circles: inputs.circles.map((f) => ({ ...f.properties })),
    subdistrictNames: inputs.subdistricts.map((f) => f.properties.name),
    subdistrictNamesEn: inputs.subdistricts.map((f) => f.properties.nameEn ?? f.properties.name),
    circleOf,
    subdistrictOf,
    land,
    population,
    method,
    landFloorAreaRatio,
    landBorderDistance: borderField.distance,
    windows,
    cellsOfCircle,
  };
}

/** Convenience: model inputs from the app's FeatureCollections. */
export function inputsFromCollections(layers: {
  district: FeatureCollection;
  subdistricts: FeatureCollection;
  circles: FeatureCollection;
  populationModel?: FeatureCollection;
  riverEdge?: FeatureCollection;
}): ModelInputs {
  return {
    district: layers.district.features[0] as ModelInputs['district'],
    subdistricts: layers.subdistricts.features as ModelInputs['subdistricts'],
    circles: layers.circles.features as ModelInputs['circles'],
    populationModel: layers.populationModel?.features as ModelInputs['populationModel'],
    riverEdge: layers.riverEdge?.features as ModelInputs['riverEdge'],
  };
}
