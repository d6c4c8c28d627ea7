/**
 * Walking networks: GeoJSON lines (LineString, MultiLineString; lines with a `highway` tag
 * are filtered by the same walk rules as an OSM extract, lines without one are taken as the
 * planner's own network) or an OSM XML file (the pipeline's reader: walkable ways by the
 * rules, the file's bounds as the extent). Kept: lines near Yangpu, clipped to the district
 * plus 1 km. The extent — where the network is complete — is the OSM file's bounds, or the
 * lines' bounding box, inside the district plus 1 km.
 */
import type { Feature, FeatureCollection, LineString, Polygon, Position } from 'geojson';
import { type BBox, expandBBox, IMPORT_BBOX, inBBox } from '../../core/extent';
import { geometryBBox, lineLength } from '../../core/geo';
import { type Crs, toWgs84 } from '../crs';
import { boxPolygon, positionsBBox } from '../osm/clip';
import { extractOsm } from '../osm/extract';
import { walkRule } from '../osm/rules';
import { parseOsmXml, type XmlParserLike } from '../osm/xml';
import { parseFeatures } from './geojsonRoot';
import { cleanText } from './text';
import { featureAt, fileIssue, type ImportOptions, type ImportResult, m } from './types';

/** A walking network read from a file (WGS-84). */
export interface ImportedNetwork {
  lines: FeatureCollection<LineString, { id: string | null; highway: string | null; name: string | null }>;
  /** where the network is complete */
  extent: Polygon;
  /** km of line */
  lengthKm: number;
  /** lines dropped by the walk rules, per rule */
  dropped: Record<string, number>;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The region kept: the district's box plus 1 km (the whole import area when there is no district). */
function clipBox(o: ImportOptions): BBox {
  return o.district ? expandBBox(geometryBBox(o.district), 1000) : IMPORT_BBOX;
}

/** The extent (a box) as a polygon, clipped to the kept region; null when they do not meet. */
function extentWithin(box: BBox, clip: BBox): Polygon | null {
  const b: BBox = [
    Math.max(box[0], clip[0]),
    Math.max(box[1], clip[1]),
    Math.min(box[2], clip[2]),
    Math.min(box[3], clip[3]),
  ];
  return b[0] < b[2] && b[1] < b[3] ? boxPolygon(b) : null;
}

function finish(
  result: ImportResult,
  lines: ImportedNetwork['lines']['features'],
  extent: Polygon | null,
  dropped: Record<string, number>,
) {
  if (lines.length === 0 || !extent) {
    result.fatal = m('文件中没有杨浦附近的步行线', 'The file has no walkable lines near Yangpu');
    return;
  }
  const lengthKm = Math.round(lines.reduce((s, f) => s + lineLength(f.geometry.coordinates), 0)) / 1000;
  result.network = { lines: { type: 'FeatureCollection', features: lines }, extent, lengthKm, dropped };
  const rules = Object.entries(dropped).filter(([, n]) => n > 0);
  if (rules.length)
    result.warnings.push(
      fileIssue(
        m(
          `按步行规则去掉了：${rules.map(([r, n]) => `${r} ${n}`).join('、')}`,
          `dropped by the walk rules: ${rules.map(([r, n]) => `${r} ${n}`).join(', ')}`,
        ),
      ),
    );
}

/** An OSM XML file: walkable ways by the pipeline's rules; the file's bounds as the extent. */
export function importNetworkOsm(
  text: string,
  name: string,
  o: ImportOptions,
  result: ImportResult,
  parser: XmlParserLike,
): void {
  result.format = 'osm';
  if (o.crs !== 'WGS84')
    result.warnings.push(
      fileIssue(m('OSM 文件总是 WGS-84：已按 WGS-84 读取', 'OSM files are always WGS-84: read as WGS-84')),
    );
  const data = parseOsmXml(text, name, parser);
  const clip = clipBox(o);
  const extract = extractOsm([data], { clip: boxPolygon(clip) });
  const lines = extract.layers.walk.features.map((f) => ({
    type: 'Feature' as const,
    properties: {
      id: f.properties.osm_id ?? null,
      highway: f.properties.highway ?? null,
      name: f.properties.name ?? null,
    },
    geometry: f.geometry,
  }));
  const extent = extract.layers.extent.features[0]?.geometry;
  const box = extent ? geometryBBox(extent) : null;
  finish(result, lines, box ? extentWithin(box, clip) : null, { ...extract.stats.walk.dropped });
}

/** GeoJSON lines, converted from the stated system; `highway`-tagged lines pass the walk rules. */
export function importNetworkGeoJson(text: string, o: ImportOptions, result: ImportResult): void {
  const features = parseFeatures(text, result);
  if (!features) return;
  result.format = 'geojson';
  const clip = clipBox(o);
  const convert = (p: Position): Position => (o.crs === 'WGS84' ? p : toWgs84(p, o.crs as Crs));
  const lines: ImportedNetwork['lines']['features'] = [];
  const dropped: Record<string, number> = {};
  const readFeature = (f: unknown, i: number) => {
    const reject = (en: string, zh: string): void => {
      result.rejected.push({ where: featureAt(i), index: i, message: m(zh, en) });
    };
    const g = isObject(f) && isObject(f.geometry) ? f.geometry : null;
    if (!g || (g.type !== 'LineString' && g.type !== 'MultiLineString'))
      return reject('not a line (LineString or MultiLineString)', '不是线（LineString 或 MultiLineString）');
    const props = isObject(f) && isObject(f.properties) ? f.properties : {};
    const highway = cleanText(props.highway);
    if (highway) {
      const tags = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, String(v)]));
      const rule = walkRule(tags);
      if (rule && rule !== 'keep') {
        dropped[rule] = (dropped[rule] ?? 0) + 1;
        return;
      }
    }
    const parts = (g.type === 'LineString' ? [g.coordinates] : g.coordinates) as unknown[];
    for (const part of Array.isArray(parts) ? parts : []) {
      const ok =
        Array.isArray(part) &&
        part.length >= 2 &&
        part.every((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]));
      if (!ok)
        return reject('a line needs at least two [lon, lat] positions', '线至少需要两个[经度, 纬度]坐标');
      const coords = (part as Position[]).map((p) => convert([p[0]!, p[1]!]));
      const [w, s, e, n] = positionsBBox(coords);
      if (!(inBBox([e, n], clip) || inBBox([w, s], clip) || inBBox([(w + e) / 2, (s + n) / 2], clip)))
        return reject('not near Yangpu (wrong coordinate system?)', '不在杨浦附近（坐标系是否选错？）');
      const id = cleanText(props.osm_id ?? props.id ?? (isObject(f) ? f.id : null));
      lines.push({
        type: 'Feature',
        properties: { id, highway, name: cleanText(props.name) },
        geometry: {
          type: 'LineString',
          coordinates: coords.map((p) => [Math.round(p[0]! * 1e6) / 1e6, Math.round(p[1]! * 1e6) / 1e6]),
        },
      });
    }
  };
  features.forEach(readFeature);
  const box = lines.length ? positionsBBox(lines.flatMap((f) => f.geometry.coordinates)) : null;
  finish(result, lines, box ? extentWithin(box, clip) : null, dropped);
  if (result.network)
    result.warnings.push(
      fileIssue(
        m(
          '网络范围取所有线的外包矩形：请确认这一范围内的步行路都已画出',
          'The network’s extent is the lines’ bounding box: make sure every walk inside it is drawn',
        ),
      ),
    );
}

export type { Feature };
