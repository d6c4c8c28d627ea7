/**
 * Geometry of OSM objects: ways as lines (built here, split where the file lacks a node) and
 * areas — closed ways and multipolygon relations — assembled by osmtogeojson from only the
 * objects the layers need.
 */
import type { Position } from 'geojson';
import osmtogeojson from 'osmtogeojson';
import type { OsmElement, OsmFeature, OsmNode, OsmRelation, OsmTags, OsmWay } from './types';

/** Lines of a way: its nodes in order, split where a node is missing from the file (cut extracts). */
export function wayLines(way: OsmWay, nodes: Map<number, OsmNode>): Position[][] {
  const parts: Position[][] = [];
  let current: Position[] = [];
  for (const ref of way.nodes) {
    const n = nodes.get(ref);
    if (n) current.push([n.lon, n.lat]);
    else {
      if (current.length >= 2) parts.push(current);
      current = [];
    }
  }
  if (current.length >= 2) parts.push(current);
  return parts;
}

/** Ways used as lines, each as one feature per part. */
export function lineFeatures(
  elements: OsmElement[],
  nodes: Map<number, OsmNode>,
  wanted: (tags: OsmTags) => boolean,
): OsmFeature[] {
  const out: OsmFeature[] = [];
  for (const e of elements) {
    if (e.type !== 'way' || !e.tags || !wanted(e.tags)) continue;
    for (const coordinates of wayLines(e, nodes)) {
      out.push({
        osmType: 'way',
        id: e.id,
        version: e.version,
        timestamp: e.timestamp,
        tags: e.tags,
        geometry: { type: 'LineString', coordinates },
      });
    }
  }
  return out;
}

const isClosed = (w: OsmWay) => w.nodes.length >= 4 && w.nodes[0] === w.nodes[w.nodes.length - 1];

/** Tags with nothing but type=multipolygon: an old-style multipolygon whose outer way carries the tags. */
const onlyType = (tags: OsmTags | undefined) => !tags || Object.keys(tags).every((k) => k === 'type');

/** The multipolygon relations that are (or, old style, whose outer way is) a wanted area. */
function wantedRelations(elements: OsmElement[], ways: Map<number, OsmWay>, wanted: (t: OsmTags) => boolean) {
  return elements.filter((e): e is OsmRelation => {
    if (e.type !== 'relation' || e.tags?.type !== 'multipolygon') return false;
    if (wanted(e.tags)) return true;
    return (
      onlyType(e.tags) &&
      e.members.some((m) => m.type === 'way' && m.role === 'outer' && wanted(ways.get(m.ref)?.tags ?? {}))
    );
  });
}

/**
 * The OSM objects osmtogeojson needs for the wanted areas: those closed ways and multipolygon
 * relations, every member way of the relations, and the nodes of all these ways (without tags,
 * so that no point features are made).
 */
export function areaInput(elements: OsmElement[], wanted: (tags: OsmTags) => boolean): OsmElement[] {
  const ways = new Map<number, OsmWay>();
  const nodes = new Map<number, OsmNode>();
  for (const e of elements) {
    if (e.type === 'way') ways.set(e.id, e);
    else if (e.type === 'node') nodes.set(e.id, e);
  }
  const relations = wantedRelations(elements, ways, wanted);
  const needed = new Map<number, OsmWay>();
  for (const w of ways.values()) if (w.tags && isClosed(w) && wanted(w.tags)) needed.set(w.id, w);
  for (const r of relations)
    for (const m of r.members) {
      const w = m.type === 'way' ? ways.get(m.ref) : undefined;
      if (w) needed.set(w.id, w);
    }
  const nodeIds = new Set<number>();
  for (const w of needed.values()) for (const id of w.nodes) nodeIds.add(id);
  const out: OsmElement[] = [];
  for (const id of nodeIds) {
    const n = nodes.get(id);
    if (n) out.push({ type: 'node', id, lat: n.lat, lon: n.lon });
  }
  return [...out, ...needed.values(), ...relations];
}

export interface AreaFeatures {
  features: OsmFeature[];
  /** ids ("w1", "r2") of wanted areas left out because the file lacks some of their ways or nodes */
  incomplete: string[];
}

/**
 * Areas: closed ways and multipolygon relations whose tags are `wanted`, as Polygon or
 * MultiPolygon (osmtogeojson; "simple" old-style multipolygons take their outer way's id and
 * tags). Incomplete ones (a member way or node missing from the file) are left out and named.
 */
export function areaFeatures(elements: OsmElement[], wanted: (tags: OsmTags) => boolean): AreaFeatures {
  const input = areaInput(elements, wanted);
  const fc = osmtogeojson({ elements: input }, { flatProperties: false, polygonFeatures: wanted });
  const features: OsmFeature[] = [];
  const incomplete: string[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    const p = f.properties;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    if (!wanted(p.tags)) continue;
    if (p.tainted) {
      incomplete.push(`${p.type[0]}${p.id}`);
      continue;
    }
    features.push({
      osmType: p.type,
      id: p.id,
      version: p.meta.version,
      timestamp: p.meta.timestamp,
      tags: p.tags,
      geometry: g,
    });
  }
  return { features, incomplete };
}
