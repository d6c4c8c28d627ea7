/**
 * What a coverage engine keeps between queries: a coverage (mask and covered totals), and the
 * straight-line results an engine shares with the engines `withOverlay` makes from it.
 */
import type { Position } from 'geojson';
import { type PopulationModel, sampleLines } from './model';

export interface Coverage {
  /** 1 where a land cell is covered */
  mask: Uint8Array;
  /** per bucket: covered land m², covered residents, covered residential m² */
  coveredLand: Float64Array;
  coveredPop: Float64Array;
  coveredRes: Float64Array;
  /** per circle: indices (into the category's points) of facilities within reach of residents */
  reach: Set<number>[];
}

/**
 * What depends only on the model, the facilities and the corridor, never on a scenario's
 * gates: an engine made by `withOverlay` shares it instead of computing it again.
 */
export interface StraightCache {
  targets: Map<string, { points: [number, number][]; ids: string[] }>;
  samples: Map<string, Float32Array | null>;
  /** straight-line coverages by category and radius */
  coverages: Map<string, Coverage>;
  edges: Map<number, Float64Array>;
  /** projected corridor segments, 4 numbers each (ax, ay, bx, by), m */
  riverfrontSegments: Float64Array;
  /** corridor points every half cell, projected (m) */
  riverfrontPoints: [number, number][];
}

export function straightCache(model: PopulationModel, riverfrontLines: Position[][]): StraightCache {
  const segs: number[] = [];
  for (const line of riverfrontLines) {
    for (let k = 1; k < line.length; k++) {
      segs.push(...model.grid.proj.toXY(line[k - 1]!), ...model.grid.proj.toXY(line[k]!));
    }
  }
  return {
    targets: new Map(),
    samples: new Map(),
    coverages: new Map(),
    edges: new Map(),
    riverfrontSegments: Float64Array.from(segs),
    riverfrontPoints: sampleLines(riverfrontLines, model.grid.cellM / 2, model.grid.proj),
  };
}
