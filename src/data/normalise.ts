/**
 * Normalise geometries for output: 6-decimal coordinates, no repeated consecutive
 * positions, RFC 7946 winding (exterior counter-clockwise, holes clockwise).
 * Returns new objects; inputs are never mutated.
 */
import type { Geometry, Position } from 'geojson';
import { round6, signedRingArea } from '../core/geo';

function roundLine(coords: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of coords) {
    const q = [round6(p[0]!), round6(p[1]!)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

function normaliseRing(ring: Position[], exterior: boolean): Position[] {
  const r = roundLine(ring);
  const first = r[0];
  const last = r[r.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) r.push([...first]);
  const ccw = signedRingArea(r) > 0;
  return ccw === exterior ? r : r.reverse();
}

function normalisePolygon(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => normaliseRing(ring, i === 0)).filter((ring) => ring.length >= 4);
}

/** A rounded, rewound copy of a geometry. */
export function normaliseGeometry<G extends Geometry>(geometry: G): G {
  switch (geometry.type) {
    case 'Point':
      return {
        type: 'Point',
        coordinates: [round6(geometry.coordinates[0]!), round6(geometry.coordinates[1]!)],
      } as G;
    case 'MultiPoint':
      return {
        type: 'MultiPoint',
        coordinates: geometry.coordinates.map((p) => [round6(p[0]!), round6(p[1]!)]),
      } as G;
    case 'LineString':
      return { type: 'LineString', coordinates: roundLine(geometry.coordinates) } as G;
    case 'MultiLineString':
      return {
        type: 'MultiLineString',
        coordinates: geometry.coordinates.map(roundLine).filter((l) => l.length >= 2),
      } as G;
    case 'Polygon':
      return { type: 'Polygon', coordinates: normalisePolygon(geometry.coordinates) } as G;
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map(normalisePolygon).filter((p) => p.length > 0),
      } as G;
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: geometry.geometries.map(normaliseGeometry) } as G;
  }
}
