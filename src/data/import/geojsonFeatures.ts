/**
 * GeoJSON files: facilities (Point; a MultiPoint becomes one facility per point) and life
 * circles (Polygon, MultiPolygon). Properties are mapped by meaning like CSV columns; a file
 * with no properties at all (a bare geometry) is named after the file.
 */
import { type PolygonRecord, readCircles } from './circles';
import { planColumns } from './columns';
import { missingFields } from './csvRows';
import { type PointRecord, readFacilities } from './facilities';
import { parseFeatures } from './geojsonRoot';
import { KINDS, mappableFields } from './kinds';
import {
  type Field,
  featureAt,
  fileIssue,
  type ImportOptions,
  type ImportResult,
  type Message,
  m,
} from './types';

type Geometry = { type?: unknown; coordinates?: unknown; geometries?: unknown };

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Members of a geometry of the wanted kind ("Point"s or "Polygon"s), flattened; or why not. */
function parts(g: Geometry, want: 'point' | 'polygon'): unknown[] | Message {
  const single = want === 'point' ? 'Point' : 'Polygon';
  const multi = want === 'point' ? 'MultiPoint' : 'MultiPolygon';
  if (g.type === 'GeometryCollection') {
    if (!Array.isArray(g.geometries))
      return m('GeometryCollection缺少geometries数组', 'the GeometryCollection has no "geometries" array');
    const out: unknown[] = [];
    for (const member of g.geometries as unknown[]) {
      const p = isObject(member) ? parts(member, want) : m('不是GeoJSON几何', 'not a GeoJSON geometry');
      if (!Array.isArray(p)) return p;
      out.push(...p);
    }
    return out;
  }
  if (g.type !== single && g.type !== multi) {
    const t = String(g.type);
    return want === 'point'
      ? m(`设施须为点（此为${t}）`, `facilities must be Points (this is ${t})`)
      : m(`生活圈须为面（此为${t}）`, `circles must be Polygons (this is ${t})`);
  }
  if (g.coordinates === undefined) return m('几何没有coordinates', 'the geometry has no coordinates');
  if (g.type === single) return [g.coordinates];
  return Array.isArray(g.coordinates)
    ? g.coordinates
    : m(`${multi}的coordinates不是数组`, `the ${multi} coordinates are not an array`);
}

/** The position as written (its numbers are checked with the facility), or why it is not one. */
const positionOf = (p: unknown): [number, number] | Message =>
  Array.isArray(p) && p.length >= 2
    ? (p as [number, number])
    : m('坐标不是[经度, 纬度]数组', 'a coordinate is not a [lon, lat] array');

export function importGeoJson(text: string, o: ImportOptions, result: ImportResult, fileName: string): void {
  const spec = KINDS[o.kind];
  if (!(spec.formats as readonly string[]).includes('geojson')) {
    result.fatal = m(`${spec.label.zh}需用CSV导入`, `Import ${spec.label.en} as CSV, not GeoJSON`);
    return;
  }
  const features = parseFeatures(text, result);
  if (!features) return;
  if (features.length === 0) {
    result.fatal = m('文件中没有要素', 'The file has no features');
    return;
  }
  result.format = 'geojson';
  const propsOf = (f: unknown): Record<string, unknown> =>
    isObject(f) && isObject(f.properties) ? f.properties : {};
  const header = [...new Set(features.slice(0, 1000).flatMap((f) => Object.keys(propsOf(f))))].slice(0, 200);
  const sampleRows = features
    .slice(0, 200)
    .map((f) =>
      Object.fromEntries(
        Object.entries(propsOf(f)).map(([k, v]) => [k, typeof v === 'object' ? '' : String(v)]),
      ),
    );
  const plan = planColumns(header, sampleRows, mappableFields(o.kind, 'geojson'), o.kind, o.crs, o.columns);
  result.header = header;
  result.columns = plan.columns;
  let missing = missingFields(o, plan.columns).filter((f) => f !== 'lon' && f !== 'lat');
  // A file with no properties at all (a bare geometry, a GeometryCollection) is named after the file.
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'import';
  const fallbackName = header.length === 0 && missing.includes('name');
  if (fallbackName) missing = missing.filter((f) => f !== 'name');
  const value = (props: Record<string, unknown>, f: Field) => {
    const col = plan.columns[f];
    return col ? props[col] : undefined;
  };
  const types = new Set<string>();
  let multiParts = 0;
  const points: PointRecord[] = [];
  const polygons: PolygonRecord[] = [];
  for (const [i, f] of features.entries()) {
    const whereAt = (field?: string) => featureAt(i, field);
    const broken = (message: Message, field?: string): void => {
      const where = () => whereAt(field);
      if (spec.geometry === 'point') points.push({ index: i, where, p: message, props: {} });
      else polygons.push({ index: i, where, polys: message, props: {} });
    };
    if (!isObject(f) || f.type !== 'Feature') {
      const t = isObject(f) ? `type ${JSON.stringify(f.type) ?? 'missing'}` : f === null ? 'null' : typeof f;
      broken(m(`不是GeoJSON Feature（${t}）`, `not a GeoJSON Feature (${t})`));
      continue;
    }
    const props = propsOf(f);
    const g = f.geometry;
    if (!isObject(g)) {
      const v = JSON.stringify(g);
      broken(
        g === null || g === undefined
          ? m('没有几何', 'no geometry')
          : m(`几何不是GeoJSON对象（${v}）`, `the geometry is not a GeoJSON object (${v})`),
        'geometry',
      );
      continue;
    }
    types.add(String(g.type));
    const name = fallbackName ? (features.length === 1 ? stem : `${stem} ${i + 1}`) : value(props, 'name');
    const id =
      value(props, 'id') ?? (typeof f.id === 'string' || typeof f.id === 'number' ? f.id : undefined);
    const got = parts(g, spec.geometry === 'point' ? 'point' : 'polygon');
    if (!Array.isArray(got)) {
      broken(got, 'geometry');
      continue;
    }
    if (spec.geometry === 'polygon') {
      polygons.push({
        index: i,
        where: whereAt,
        polys: got,
        props: {
          name,
          id,
          population: value(props, 'population'),
          subdistrict: props.subdistrict ?? props.街道 ?? props.所属街道,
        },
      });
      continue;
    }
    if (g.type !== 'Point') multiParts += got.length;
    got.forEach((pos, k) => {
      points.push({
        index: i,
        where: g.type === 'Point' ? whereAt : (field) => featureAt(i, field, k + 1),
        p: positionOf(pos),
        part: g.type === 'Point' ? undefined : k,
        props: {
          id,
          name,
          address: value(props, 'address'),
          category: value(props, 'category'),
          capacity: value(props, 'capacity'),
        },
      });
    });
  }
  if (multiParts > 0)
    result.warnings.push(
      fileIssue(
        m(
          `多点（MultiPoint）已拆分：每个点作为一个设施（共${multiParts}个）`,
          `MultiPoints split: one facility per point (${multiParts} in all)`,
        ),
      ),
    );
  if (types.size > 1)
    result.warnings.push(
      fileIssue(
        m(
          `文件混有多种几何类型：${[...types].join('、')}`,
          `the file mixes geometry types: ${[...types].join(', ')}`,
        ),
      ),
    );
  if (spec.geometry === 'point') readFacilities(points, o, result, null, missing);
  else readCircles(polygons, o, result, missing);
  if (fallbackName && result.facilities.length + result.circles.length > 0)
    result.warnings.push(
      fileIssue(
        m(
          `文件没有属性：要素以文件名“${stem}”命名`,
          `The file has no properties: features are named after the file ("${stem}")`,
        ),
      ),
    );
}
