/**
 * Stage: the Huangpu riverfront. Two derived lines from the raw package: the riverfront
 * corridor (south and north sections) and the district's mid-channel edge along the river.
 */
import type { FeatureCollection, LineString } from 'geojson';
import { lineLength } from '../../../src/core/geo';
import { LAYER_FILES, type RiverfrontLayer, type RiverfrontProps } from '../../../src/core/schema';
import { collection, feature, round } from '../geojson';
import type { SourceReader } from '../source-reader';
import { LINE_RULES, type OutputLayer } from '../stage';

/** Assumed half-width of the Huangpu here (m): the district edge runs mid-channel. */
export const RIVER_HALF_WIDTH_M = 200;
/** Accuracy (± m) of the derived corridor against the real bank. */
const CORRIDOR_ACCURACY_M = 150;

/** Properties of river-edge.geojson. */
export interface RiverEdgeProps {
  name: string;
  /** km, 2 decimals */
  lengthKm: number;
  /** m */
  halfWidthM: number;
}

export interface RiverfrontInput {
  /** the raw package */
  src: SourceReader;
}

export interface RiverfrontOutput {
  /** the corridor's sections, lengthKm in km */
  riverfront: RiverfrontLayer;
  /** the district edge in the river, lengthKm in km, halfWidthM in m */
  riverEdge: FeatureCollection<LineString, RiverEdgeProps>;
  /** riverfront.geojson and river-edge.geojson */
  layers: OutputLayer[];
}

function readCorridor(src: SourceReader): RiverfrontLayer {
  const raw = src.layer<FeatureCollection<LineString>>(
    'riverfront/yangpu_riverfront_corridor_derived.geojson',
    {
      ...LINE_RULES,
      geometryTypes: ['LineString'],
      requiredProps: ['section'],
    },
  );
  return collection(
    raw.features.map((f) => {
      const p = f.properties as Record<string, unknown>;
      const section = p.section === 'south' ? 'south' : 'north';
      return feature<LineString, RiverfrontProps>(f.geometry, {
        name: section === 'south' ? '杨浦滨江 南段 (秦皇岛路—定海路)' : '杨浦滨江 北段 (定海路—军工路)',
        section,
        lengthKm: round(lineLength(f.geometry.coordinates) / 1000, 2),
        nominalLengthKm: Number(p.nominal_length_km),
        derived: true,
        accuracyM: CORRIDOR_ACCURACY_M,
        method:
          'derived from the district boundary shared with Pudong (mid-channel), offset 200 m towards land; not an observed river bank',
      });
    }),
  );
}

function readRiverEdge(src: SourceReader): FeatureCollection<LineString, RiverEdgeProps> {
  const raw = src.layer<FeatureCollection<LineString>>('riverfront/yangpu_huangpu_district_edge.geojson', {
    ...LINE_RULES,
    geometryTypes: ['LineString'],
  });
  return collection(
    raw.features.map((f) =>
      feature(f.geometry, {
        name: '黄浦江 区界 (mid-channel)',
        lengthKm: round(lineLength(f.geometry.coordinates) / 1000, 2),
        halfWidthM: RIVER_HALF_WIDTH_M,
      }),
    ),
  );
}

/**
 * Build the riverfront layers.
 *
 * Input: the raw package. Output: the riverfront corridor (lengths in km, accuracy ± m) and
 * the mid-channel district edge (length km, assumed river half-width RIVER_HALF_WIDTH_M in m).
 */
export function buildRiverfront({ src }: RiverfrontInput): RiverfrontOutput {
  const riverfront = readCorridor(src);
  const riverEdge = readRiverEdge(src);
  return {
    riverfront,
    riverEdge,
    layers: [
      {
        file: LAYER_FILES.riverfront,
        collection: riverfront,
        rules: { ...LINE_RULES, requiredProps: ['section'] },
      },
      { file: LAYER_FILES.riverEdge, collection: riverEdge, rules: LINE_RULES },
    ],
  };
}
