/**
 * From OSM files to our layers: merge the files (newest version of each object), build line and
 * area geometry, sort objects into layers by their tags (rules.ts), clip everything to the
 * clip region (the district plus 1 km in the pipeline), normalise,
 * check, and count what was kept and dropped, and why.
 *
 * Pure: no file system, no DOM. The caller parses the files (xml.ts, pbf.ts, geojson.ts).
 */
import { feature, featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import type { Feature, FeatureCollection, Geometry, LineString, Position } from 'geojson';
import type { BBox } from '../../core/extent';
import { geometryArea, lineLength } from '../../core/geo';
import { normaliseGeometry } from '../normalise';
import { type LayerRules, validateFeatureCollection } from '../validate';
import { areaBBox, boxPolygon, ClipRegion, positionsBBox } from './clip';
import { areaFeatures, lineFeatures } from './geometry';
import { mergeElements, mergeFeatures } from './merge';
import { buildingProps, greenProps, residentialProps, walkProps, waterProps } from './properties';
import {
  isBuilding,
  isGreen,
  isResidential,
  isWantedArea,
  isWaterArea,
  isWaterwayLine,
  WALK_DROP_RULES,
  type WalkDropRule,
  walkRule,
} from './rules';
import {
  type AreaGeometry,
  type OsmData,
  type OsmElement,
  type OsmFeature,
  type OsmFileInfo,
  type OsmInput,
  type OsmLayers,
  type OsmNode,
  type OsmWay,
  osmIdString,
} from './types';

export interface ExtractOptions {
  /** the region to keep, lon/lat: the district plus 1 km in the pipeline */
  clip: AreaGeometry;
}

/** What happened to one layer's candidates. */
export interface LayerStats {
  /** features written */
  features: number;
  /** candidates near the clip region (bounding boxes meet) with no part inside it */
  outside: number;
  /** features dropped because their geometry fails the layer checks (e.g. a self-intersecting ring) */
  invalid: number;
  /** ids of the first 10 invalid ones */
  invalidIds: string[];
}

export interface WalkStats extends LayerStats {
  /** OSM ways (or GeoJSON lines) with a highway tag whose bounding box meets the clip region's */
  candidates: number;
  /** of those, ways the rules keep (before clipping) */
  kept: number;
  /** ways dropped, per rule */
  dropped: Record<WalkDropRule, number>;
  /** the first 5 ids dropped by each rule, e.g. "w39150988" */
  examples: Record<WalkDropRule, string[]>;
  /** total length of the walk lines written, km (3 decimals) */
  lengthKm: number;
}

export interface OsmExtractStats {
  files: OsmFileInfo[];
  /** objects after merging the files; `replaced`: older versions dropped */
  merged: { nodes: number; ways: number; relations: number; features: number; replaced: number };
  walk: WalkStats;
  residential: LayerStats;
  buildings: LayerStats;
  water: LayerStats;
  green: LayerStats;
  /** wanted areas left out because the files lack some of their member ways or nodes */
  incompleteAreas: number;
  /** the extent's area (km², 3 decimals); boundsEstimated: a file gave no bounds */
  extent: { areaKm2: number; boundsEstimated: boolean };
}

export interface OsmExtract {
  layers: OsmLayers;
  stats: OsmExtractStats;
}

const LINE_CHECK: LayerRules = { geometryTypes: ['LineString'] };
const AREA_CHECK: LayerRules = { geometryTypes: ['Polygon', 'MultiPolygon'], checkOrientation: true };
const WATER_CHECK: LayerRules = { ...AREA_CHECK, geometryTypes: ['Polygon', 'MultiPolygon', 'LineString'] };

const isElementInput = (i: OsmInput): i is OsmData => 'elements' in i;
const isFeatureInput = (i: OsmInput): i is Exclude<OsmInput, OsmData> => !isElementInput(i);

/** Collects one layer's features: normalised, checked (failures counted, not written). */
class LayerBuilder<G extends Geometry, P> {
  readonly features: Feature<G, P>[] = [];
  readonly stats: LayerStats = { features: 0, outside: 0, invalid: 0, invalidIds: [] };

  constructor(private readonly rules: LayerRules) {}

  add<H extends G>(geometry: H, id: string | null, props: (g: H) => P): void {
    const g = normaliseGeometry(geometry);
    const f: Feature<G, P> = { type: 'Feature', properties: props(g), geometry: g };
    if (validateFeatureCollection({ type: 'FeatureCollection', features: [f] }, this.rules).length > 0) {
      this.stats.invalid++;
      if (this.stats.invalidIds.length < 10) this.stats.invalidIds.push(id ?? '(no id)');
      return;
    }
    this.features.push(f);
    this.stats.features++;
  }

  collection(): FeatureCollection<G, P> {
    return { type: 'FeatureCollection', features: this.features };
  }
}

/** The box a file's data is complete in: its stated bounds, else the bounding box of its data. */
function fileBox(input: OsmInput): { box: BBox; estimated: boolean } {
  if (input.info.bounds) return { box: input.info.bounds, estimated: false };
  const points: Position[] = isElementInput(input)
    ? input.elements.filter((e): e is OsmNode => e.type === 'node').map((n) => [n.lon, n.lat])
    : input.features.flatMap((f) =>
        f.geometry.type === 'LineString'
          ? f.geometry.coordinates
          : f.geometry.type === 'Polygon'
            ? f.geometry.coordinates.flat()
            : f.geometry.coordinates.flat(2),
      );
  return { box: positionsBBox(points), estimated: true };
}

/**
 * Where the extract's data is complete: the union of the files' boxes, intersected with the
 * clip region. Null when they do not meet.
 */
export function extentOf(
  inputs: OsmInput[],
  clip: AreaGeometry,
): { geometry: AreaGeometry | null; estimated: boolean } {
  const boxes = inputs.map(fileBox);
  const polys = boxes
    .filter(({ box }) => box[0] <= box[2] && box[1] <= box[3])
    .map(({ box }) => feature(boxPolygon(box)));
  const estimated = boxes.some((b) => b.estimated);
  if (polys.length === 0) return { geometry: null, estimated };
  const covered = polys.length === 1 ? polys[0]! : union(featureCollection(polys));
  const inside = covered ? intersect(featureCollection([covered, feature(clip)])) : null;
  return { geometry: inside ? normaliseGeometry(inside.geometry) : null, estimated };
}

/**
 * The elements worth building geometry for: every node and relation; ways whose bounding box
 * meets `near` (the clip region's box, degrees), and every member way of a multipolygon so that
 * large areas reaching into the region stay whole.
 */
function elementsNear(elements: OsmElement[], nodes: Map<number, OsmNode>, near: BBox): OsmElement[] {
  const members = new Set<number>();
  for (const e of elements)
    if (e.type === 'relation' && e.tags?.type === 'multipolygon')
      for (const m of e.members) if (m.type === 'way') members.add(m.ref);
  const meets = (w: OsmWay) => {
    const b = positionsBBox(
      w.nodes.flatMap((id) => {
        const n = nodes.get(id);
        return n ? [[n.lon, n.lat]] : [];
      }),
    );
    return b[0] <= near[2] && b[2] >= near[0] && b[1] <= near[3] && b[3] >= near[1];
  };
  return elements.filter((e) => e.type !== 'way' || members.has(e.id) || meets(e));
}

/** Every object of the inputs as a feature, merged across files (newest version), sorted by type and id. */
function mergedFeatures(
  inputs: OsmInput[],
  near: BBox,
): {
  features: OsmFeature[];
  merged: OsmExtractStats['merged'];
  incomplete: number;
} {
  const elementInputs = inputs.filter(isElementInput);
  const elements = mergeElements(elementInputs.map((d) => d.elements));
  const nodes = new Map<number, OsmNode>();
  const count = { node: 0, way: 0, relation: 0 };
  for (const e of elements.items) {
    count[e.type]++;
    if (e.type === 'node') nodes.set(e.id, e);
  }
  const used = elementsNear(elements.items, nodes, near);
  const lines = lineFeatures(used, nodes, (t) => t.highway !== undefined || isWaterwayLine(t));
  const areas = areaFeatures(used, isWantedArea);
  const features = mergeFeatures([
    [...lines, ...areas.features],
    ...inputs.filter(isFeatureInput).map((i) => i.features),
  ]);
  return {
    features: features.items,
    merged: {
      nodes: count.node,
      ways: count.way,
      relations: count.relation,
      features: features.items.length,
      replaced: elements.replaced + features.replaced,
    },
    incomplete: areas.incomplete.length,
  };
}

/** Counts the walk rules once per OSM way (a way may give several line parts). */
class WalkCounter {
  private readonly seen = new Map<string, boolean>();
  /** kept way → whether any part of it is inside the clip region */
  private readonly keptInside = new Map<string, boolean>();
  readonly dropped = Object.fromEntries(WALK_DROP_RULES.map((r) => [r, 0])) as Record<WalkDropRule, number>;
  readonly examples = Object.fromEntries(WALK_DROP_RULES.map((r) => [r, [] as string[]])) as Record<
    WalkDropRule,
    string[]
  >;
  candidates = 0;
  kept = 0;
  private anonymous = 0;

  /** Record a line's rule; `inside` whether any of its parts is inside the clip region. */
  count(f: OsmFeature, rule: 'keep' | WalkDropRule, inside: boolean): void {
    const id = osmIdString(f.osmType, f.id) ?? `(line ${++this.anonymous})`;
    const before = this.seen.get(id);
    if (rule === 'keep') this.keptInside.set(id, (this.keptInside.get(id) ?? false) || inside);
    this.seen.set(id, true);
    if (before !== undefined) return;
    this.candidates++;
    if (rule === 'keep') this.kept++;
    else {
      this.dropped[rule]++;
      if (this.examples[rule].length < 5) this.examples[rule].push(id);
    }
  }

  /** Kept ways with no part inside the clip region. */
  outside(): number {
    let n = 0;
    for (const inside of this.keptInside.values()) if (!inside) n++;
    return n;
  }
}

/** What `Layers.area` needs of a layer builder. */
interface AreaSink {
  readonly stats: LayerStats;
  add(geometry: AreaGeometry, id: string | null, props: (g: AreaGeometry) => unknown): void;
}

/** The layer builders and the walk counter, filled feature by feature. */
class Layers {
  readonly walk = new LayerBuilder<LineString, ReturnType<typeof walkProps>>(LINE_CHECK);
  readonly residential = new LayerBuilder<AreaGeometry, ReturnType<typeof residentialProps>>(AREA_CHECK);
  readonly buildings = new LayerBuilder<AreaGeometry, ReturnType<typeof buildingProps>>(AREA_CHECK);
  readonly water = new LayerBuilder<AreaGeometry | LineString, ReturnType<typeof waterProps>>(WATER_CHECK);
  readonly green = new LayerBuilder<AreaGeometry, ReturnType<typeof greenProps>>(AREA_CHECK);
  readonly walkCount = new WalkCounter();

  constructor(private readonly region: ClipRegion) {}

  private line(f: OsmFeature & { geometry: LineString }): void {
    const id = osmIdString(f.osmType, f.id);
    const rule = f.tags.highway !== undefined ? walkRule(f.tags) : null;
    const wantWater = isWaterwayLine(f.tags);
    const parts = rule === 'keep' || wantWater ? this.region.clipLine(f.geometry.coordinates) : [];
    if (rule) this.walkCount.count(f, rule, parts.length > 0);
    for (const coordinates of parts) {
      const g: LineString = { type: 'LineString', coordinates };
      if (rule === 'keep') this.walk.add(g, id, () => walkProps(f));
      if (wantWater) this.water.add(g, id, () => waterProps(f, null));
    }
    if (wantWater && parts.length === 0) this.water.stats.outside++;
  }

  private area(f: OsmFeature & { geometry: AreaGeometry }): void {
    const id = osmIdString(f.osmType, f.id);
    const targets: [boolean, AreaSink, (areaM2: number) => unknown][] = [
      [isResidential(f.tags), this.residential, (a) => residentialProps(f, a)],
      [isBuilding(f.tags), this.buildings, (a) => buildingProps(f, a)],
      [isWaterArea(f.tags), this.water, (a) => waterProps(f, a)],
      [isGreen(f.tags), this.green, (a) => greenProps(f, a)],
    ];
    if (!targets.some(([wanted]) => wanted)) return;
    const clipped = this.region.clipArea(f.geometry);
    for (const [wanted, layer, props] of targets) {
      if (!wanted) continue;
      if (!clipped) layer.stats.outside++;
      else layer.add(clipped, id, (g) => props(geometryArea(g)));
    }
  }

  add(f: OsmFeature): void {
    if (f.geometry.type === 'LineString') this.line(f as OsmFeature & { geometry: LineString });
    else this.area(f as OsmFeature & { geometry: AreaGeometry });
  }
}

function walkStats(layers: Layers): WalkStats {
  const c = layers.walkCount;
  const km = layers.walk.features.reduce((s, f) => s + lineLength(f.geometry.coordinates), 0) / 1000;
  return {
    ...layers.walk.stats,
    outside: c.outside(),
    candidates: c.candidates,
    kept: c.kept,
    dropped: c.dropped,
    examples: c.examples,
    lengthKm: Math.round(km * 1000) / 1000,
  };
}

/**
 * Build our layers from OSM files.
 *
 * Input: the parsed files (any mix of XML, PBF and GeoJSON; where they overlap the newest
 * version of each object wins) and the clip region. Output: the walk lines, residential areas,
 * buildings, water and green layers, all clipped to the clip region (lines cut at its edge); the
 * extent, where the files' data is complete (their bounds ∩ the clip region: outside it, but
 * inside the region, a file holds only the parts of ways that reach into its bounds); and the
 * counts of what was kept and dropped by which rule.
 */
export function extractOsm(inputs: OsmInput[], options: ExtractOptions): OsmExtract {
  const extent = extentOf(inputs, options.clip);
  const near = areaBBox(options.clip);
  const { features, merged, incomplete } = mergedFeatures(inputs, near);
  const layers = new Layers(new ClipRegion(options.clip));
  for (const f of features) layers.add(f);
  const extentKm2 = extent.geometry ? Math.round(geometryArea(extent.geometry) / 1e3) / 1e3 : 0;
  const extentLayer: OsmLayers['extent'] = {
    type: 'FeatureCollection',
    features: extent.geometry
      ? [
          {
            type: 'Feature',
            properties: {
              files: inputs.map((i) => i.info.label),
              boundsEstimated: extent.estimated,
              area_km2: extentKm2,
            },
            geometry: extent.geometry,
          },
        ]
      : [],
  };
  return {
    layers: {
      walk: layers.walk.collection(),
      residential: layers.residential.collection(),
      buildings: layers.buildings.collection(),
      water: layers.water.collection(),
      green: layers.green.collection(),
      extent: extentLayer,
    },
    stats: {
      files: inputs.map((i) => i.info),
      merged,
      walk: walkStats(layers),
      residential: layers.residential.stats,
      buildings: layers.buildings.stats,
      water: layers.water.stats,
      green: layers.green.stats,
      incompleteAreas: incomplete,
      extent: { areaKm2: extentKm2, boundsEstimated: extent.estimated },
    },
  };
}
