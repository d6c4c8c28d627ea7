/**
 * The walking graph as lines to draw (lon/lat, 6 decimals): one feature per source line,
 * its edges chained into as few parts as they allow. What network distances walk on — the
 * largest component, after the walk rules — so the map shows exactly that. Pure.
 */
import type { Feature, FeatureCollection, MultiLineString, Position } from 'geojson';
import { round6 } from '../../core/geo';
import type { WalkGraph } from './graph';

export interface GraphLineProps {
  /** the OSM way's name, when it has one */
  name?: string;
}

export function graphLines(g: WalkGraph): FeatureCollection<MultiLineString, GraphLineProps> {
  const at = (n: number): Position => {
    const [lon, lat] = g.proj.toLonLat(g.x[n]!, g.y[n]!);
    return [round6(lon!), round6(lat!)];
  };
  // node chains per source line, in the order the edges were made (along the line)
  const parts = new Map<number, number[][]>();
  for (let e = 0; e < g.from.length; e++) {
    const line = g.line[e]!;
    let chains = parts.get(line);
    if (!chains) {
      chains = [];
      parts.set(line, chains);
    }
    const last = chains[chains.length - 1];
    const a = g.from[e]!;
    const b = g.to[e]!;
    if (last && last[last.length - 1] === a) last.push(b);
    else if (last && last[last.length - 1] === b) last.push(a);
    else chains.push([a, b]);
  }
  const features: Feature<MultiLineString, GraphLineProps>[] = [];
  for (const [line, chains] of parts) {
    const name = g.lines[line]?.name;
    features.push({
      type: 'Feature',
      properties: name ? { name } : {},
      geometry: { type: 'MultiLineString', coordinates: chains.map((c) => c.map(at)) },
    });
  }
  return { type: 'FeatureCollection', features };
}
