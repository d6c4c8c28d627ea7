/**
 * Map layers of per-cell results, as polygons: the cells of each class (a basket count, a
 * ratio class, newly covered) traced along cell edges (coverage/gapPolygons.ts), one
 * feature per class and circle. Exact: a class's polygons hold exactly its cells. Pure.
 */
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { traceCells } from '../coverage/gapPolygons';
import type { PopulationModel } from '../coverage/model';

export interface CellClassProps {
  circleId: string;
  /** the class (its meaning is the layer's) */
  value: number;
  /** residents in the class's cells of the circle */
  population: number;
  /** m² */
  areaM2: number;
}

/**
 * One MultiPolygon feature per circle and class: the circle's resident cells whose `classOf`
 * is that class (classes < 0 are not drawn). With `circles`, only those circle indices.
 */
export function classPolygons(
  model: PopulationModel,
  classOf: (cell: number) => number,
  circles?: number[],
  residentsOnly = true,
): FeatureCollection<MultiPolygon, CellClassProps> {
  const { grid, population, windows } = model;
  const features: Feature<MultiPolygon, CellClassProps>[] = [];
  const cellArea = grid.cellM * grid.cellM;
  for (const k of circles ?? model.circles.map((_, k) => k)) {
    const win = windows[k];
    if (!win || win.i0 > win.i1) continue;
    const stats = new Map<number, { population: number; cells: number }>();
    // the class of each of the circle's window cells (-1: not drawn), once
    const W = win.i1 - win.i0 + 1;
    const cls = new Int16Array(W * (win.j1 - win.j0 + 1)).fill(-1);
    for (const c of model.cellsOfCircle[k]!) {
      if (!model.land[c] || (residentsOnly && !(population[c]! > 0))) continue;
      const v = classOf(c);
      if (v < 0) continue;
      const i = c % grid.cols;
      cls[((c - i) / grid.cols - win.j0) * W + (i - win.i0)] = v;
      const s = stats.get(v) ?? { population: 0, cells: 0 };
      s.population += population[c]!;
      s.cells++;
      stats.set(v, s);
    }
    for (const [value, s] of [...stats].sort((a, b) => a[0] - b[0])) {
      const geometry = traceCells(grid, (i, j) => cls[(j - win.j0) * W + (i - win.i0)] === value, win);
      features.push({
        type: 'Feature',
        properties: {
          circleId: model.circles[k]!.id,
          value,
          population: Math.round(s.population),
          areaM2: s.cells * cellArea,
        },
        geometry,
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
