/**
 * Shared by the real-data gap tests (straight-line and network mode): the Turf gap area per
 * circle, and the population model on grids shifted by part of a cell, whose spread of the
 * engine's own gap area bounds what a 20 m raster can tell.
 */
import type { FeatureCollection, Polygon } from 'geojson';
import type { GapProps } from '../../src/analysis/coverage/engine';
import {
  buildPopulationModel,
  type ModelInputs,
  type PopulationModel,
} from '../../src/analysis/coverage/model';
import { createProjection, geometryArea, yangpuProjection } from '../../src/core/geo';

/** Turf gap area per circle id (m²). */
export function areaByCircle(fc: FeatureCollection<Polygon, GapProps>): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of fc.features)
    out.set(f.properties.circleId, (out.get(f.properties.circleId) ?? 0) + geometryArea(f.geometry));
  return out;
}

/** Grid shifts (m east, m north), each part of a 20 m cell. */
export const SHIFTS: [number, number][] = [
  [10, 10],
  [5, 15],
  [15, 5],
  [10, 0],
  [0, 10],
  [5, 5],
  [15, 15],
  [3, 12],
];

/** The population model on the grid shifted by (dx, dy) m. */
export function shiftedModel(inputs: ModelInputs, [dx, dy]: [number, number]): PopulationModel {
  const o = yangpuProjection.origin as [number, number];
  return buildPopulationModel(inputs, {
    proj: createProjection([
      o[0] + dx / yangpuProjection.mPerDegLon,
      o[1] + dy / yangpuProjection.mPerDegLat,
    ]),
  });
}
