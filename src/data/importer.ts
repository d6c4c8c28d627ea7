/**
 * Bring-your-own-data loader (pure; runs in the page or a worker): decode bytes (UTF-8,
 * UTF-16 with BOM, GBK/GB18030), parse GeoJSON or CSV, convert from the stated CRS, and
 * check every feature or row. It never throws on bad input: it returns what it accepted,
 * what it rejected (with the feature index or CSV row and field), warnings, and a CRS
 * suggestion. File contents are data: strings stay strings, prototype keys are dropped,
 * script URLs are not kept.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { pointInGeometry, signedRingArea } from '../core/geo';
import { type Crs, toWgs84 } from './crs';
import { parseCsv } from './csv';
import { findRingSelfIntersection } from './validate';

/** Files larger than this are refused before reading (bytes). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Coordinates must fall here after conversion (a generous box around Yangpu). */
export const NEAR_YANGPU: [number, number, number, number] = [121.3, 31.1, 121.8, 31.5];

export interface Message {
  zh: string;
  en: string;
}

export interface Issue {
  /** "feature 3", "row 12, field lat", or null for the whole file */
  where: string | null;
  message: Message;
}

export type ImportKind = 'facilities' | 'circles' | 'population';

/** CSV columns the loader reads; the user can override the detected mapping. */
export type Field = 'lon' | 'lat' | 'name' | 'address' | 'category' | 'id' | 'population';

export interface ImportOptions {
  kind: ImportKind;
  /** the coordinate system the user states for the file */
  crs: Crs;
  /** category for facilities when the file has none */
  category?: string;
  /** the district outline, for the CRS suggestion and the "near Yangpu" check */
  district?: Polygon | MultiPolygon;
  /** explicit CSV column for a field (else detected from common names) */
  columns?: Partial<Record<Field, string>>;
  /** for population imports: the circles and subdistricts rows may name */
  targets?: { circles: { id: string; name: string }[]; subdistricts: string[] };
}

/** A population figure for a circle (by id) or a subdistrict (by name). */
export interface ImportedPopulation {
  target: 'circle' | 'subdistrict';
  key: string;
  population: number;
}

export interface ImportedFacility {
  id: string;
  name: string;
  category: string;
  address: string | null;
  lonLat: [number, number];
}

export interface ImportedCircle {
  id: string;
  name: string;
  subdistrict: string | null;
  population: number | null;
  geometry: Polygon | MultiPolygon;
}

export interface ImportResult {
  /** a problem with the whole file (nothing accepted), else null */
  fatal: Message | null;
  encoding: string | null;
  facilities: ImportedFacility[];
  circles: ImportedCircle[];
  population: ImportedPopulation[];
  /** CSV only: the header and the column used for each field */
  header: string[];
  columns: Partial<Record<Field, string | null>>;
  rejected: Issue[];
  warnings: Issue[];
  /** the CRS under which most points fall inside the district, when it differs from the stated one */
  suggestedCrs: Crs | null;
}

const m = (zh: string, en: string): Message => ({ zh, en });
const empty = (): ImportResult => ({
  fatal: null,
  encoding: null,
  facilities: [],
  circles: [],
  population: [],
  header: [],
  columns: {},
  rejected: [],
  warnings: [],
  suggestedCrs: null,
});

/** Decode file bytes: BOMs first, then strict UTF-8, else GB18030 (a superset of GBK). */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: string } | { error: Message } {
  if (bytes.length === 0) return { error: m('文件为空（0字节）', 'The file is empty (0 bytes)') };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 (BOM)' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  let zeros = 0;
  for (let i = 0; i < Math.min(bytes.length, 1000); i++) if (bytes[i] === 0) zeros++;
  if (zeros > 0) {
    return {
      error: m(
        '文件含空字节：可能是无BOM的UTF-16或二进制文件，请另存为UTF-8',
        'The file contains NUL bytes: UTF-16 without a BOM or a binary file; save it as UTF-8',
      ),
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GBK/GB18030' };
  }
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse that drops prototype-polluting keys. */
export function safeJsonParse(text: string): unknown {
  return JSON.parse(text, (key, value) => (FORBIDDEN_KEYS.has(key) ? undefined : value));
}

/** A property value as plain text (numbers kept), at most 200 characters; script URLs dropped. */
export function cleanText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim().slice(0, 200);
  if (!text) return null;
  if (/^\s*(javascript|data|vbscript):/i.test(text)) return null;
  return text;
}

const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x', '经度'];
const LAT_NAMES = ['lat', 'latitude', 'y', '纬度'];
const NAME_NAMES = ['name', '名称', '机构名称', '设施名称', 'title'];
const ADDRESS_NAMES = ['address', '地址', 'addr'];
const CATEGORY_NAMES = ['category', '类型', '类别', 'type'];
const ID_NAMES = ['id', '编号', 'code'];
const POPULATION_NAMES = ['population', '人口', '常住人口', 'residents', 'pop'];

function pick(header: string[], names: string[]): string | null {
  const lower = header.map((h) => h.toLowerCase());
  for (const n of names) {
    const i = lower.indexOf(n.toLowerCase());
    if (i >= 0) return header[i]!;
  }
  return null;
}

function finiteNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function convert(p: [number, number], crs: Crs): [number, number] {
  return crs === 'WGS84' ? p : toWgs84(p, crs);
}

function near([lon, lat]: Position): boolean {
  const [w, s, e, n] = NEAR_YANGPU;
  return lon! >= w && lon! <= e && lat! >= s && lat! <= n;
}

/** Which CRS puts most of the raw points inside the district? Null when the stated one is as good. */
export function suggestCrs(
  raw: [number, number][],
  stated: Crs,
  district?: Polygon | MultiPolygon,
): Crs | null {
  if (!district || raw.length === 0) return null;
  const sample = raw.slice(0, 500);
  const score = (crs: Crs) => sample.filter((p) => pointInGeometry(convert(p, crs), district)).length;
  const scores = (['WGS84', 'GCJ02', 'BD09'] as Crs[]).map((crs) => ({ crs, s: score(crs) }));
  const best = scores.reduce((a, b) => (b.s > a.s ? b : a));
  const statedScore = scores.find((x) => x.crs === stated)!.s;
  // Inside/outside barely differs between CRSs for points deep inside; ask for a clear margin.
  return best.crs !== stated && best.s > statedScore + Math.max(2, sample.length * 0.05) ? best.crs : null;
}

function rawPointOf(f: Feature): [number, number] | null {
  const g = f.geometry;
  if (!g) return null;
  if (g.type === 'Point') return [g.coordinates[0]!, g.coordinates[1]!];
  if (g.type === 'Polygon' && g.coordinates[0]?.[0])
    return [g.coordinates[0][0][0]!, g.coordinates[0][0][1]!];
  if (g.type === 'MultiPolygon' && g.coordinates[0]?.[0]?.[0])
    return [g.coordinates[0][0][0][0]!, g.coordinates[0][0][0][1]!];
  return null;
}

function checkPosition(p: unknown): Message | null {
  if (!Array.isArray(p) || p.length < 2)
    return m('坐标不是[经度, 纬度]数组', 'a coordinate is not a [lon, lat] array');
  const [lon, lat] = p as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number')
    return m('坐标不是数字', 'a coordinate is not a number');
  if (!Number.isFinite(lon) || !Number.isFinite(lat))
    return m('坐标不是有限数', 'a coordinate is not finite');
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90)
    return m(`坐标[${lon}, ${lat}]超出经纬度范围`, `coordinate [${lon}, ${lat}] is out of range`);
  return null;
}

/** Check and normalise one polygon's rings: closed, ≥ 4 positions, no self-intersection; fix winding. */
function checkPolygon(rings: unknown, fixed: { count: number }): Position[][] | Message {
  if (!Array.isArray(rings) || rings.length === 0) return m('多边形没有环', 'the polygon has no rings');
  const out: Position[][] = [];
  for (const [r, ring] of (rings as unknown[]).entries()) {
    if (!Array.isArray(ring)) return m(`第${r}个环不是坐标数组`, `ring ${r} is not an array`);
    for (const p of ring) {
      const bad = checkPosition(p);
      if (bad) return bad;
    }
    const pts = ring as Position[];
    if (pts.length < 4) return m(`第${r}个环少于4个点`, `ring ${r} has fewer than 4 positions`);
    const a = pts[0]!;
    const b = pts[pts.length - 1]!;
    if (a[0] !== b[0] || a[1] !== b[1]) return m(`第${r}个环未闭合`, `ring ${r} is not closed`);
    if (findRingSelfIntersection(pts))
      return m(`第${r}个环自相交（如“蝴蝶结”形）`, `ring ${r} intersects itself (a bow-tie)`);
    const area = signedRingArea(pts);
    if (area === 0) return m(`第${r}个环面积为零`, `ring ${r} has zero area`);
    const wantCcw = r === 0;
    if (area > 0 !== wantCcw) {
      fixed.count++;
      out.push([...pts].reverse().map((p) => [p[0]!, p[1]!]));
    } else out.push(pts.map((p) => [p[0]!, p[1]!]));
  }
  return out;
}

/** The result when the parser itself failed (the worker crashed): nothing is accepted. */
export function workerFailed(reason: string): ImportResult {
  return { ...empty(), fatal: m(`文件无法读取（${reason}）`, `The file could not be read (${reason})`) };
}

/** The result for a file over MAX_IMPORT_BYTES (also used before reading it). */
export function tooLarge(size: number): ImportResult {
  const result = empty();
  result.fatal = m(
    `文件过大（${(size / 1048576).toFixed(1)} MB，上限 50 MB）`,
    `The file is too large (${(size / 1048576).toFixed(1)} MB; the limit is 50 MB)`,
  );
  return result;
}

/** Import a file's bytes. `name` is the file name (its extension picks the parser). */
export function importFile(bytes: Uint8Array, name: string, o: ImportOptions): ImportResult {
  if (bytes.length > MAX_IMPORT_BYTES) return tooLarge(bytes.length);
  const result = empty();
  const decoded = decodeBytes(bytes);
  if ('error' in decoded) {
    result.fatal = decoded.error;
    return result;
  }
  result.encoding = decoded.encoding;
  const isCsv =
    /\.csv$/i.test(name) || (!/\.(geo)?json$/i.test(name) && !decoded.text.trimStart().startsWith('{'));
  try {
    if (isCsv) importCsv(decoded.text, o, result);
    else importGeoJson(decoded.text, o, result);
  } catch (e) {
    result.fatal = m(
      `无法读取文件：${(e as Error).message}`,
      `The file could not be read: ${(e as Error).message}`,
    );
    result.facilities = [];
    result.circles = [];
  }
  return result;
}

function importCsv(text: string, o: ImportOptions, result: ImportResult): void {
  if (o.kind === 'circles') {
    result.fatal = m('生活圈边界需用GeoJSON导入', 'Life-circle boundaries must be imported as GeoJSON');
    return;
  }
  let table: ReturnType<typeof parseCsv>;
  try {
    table = parseCsv(text, 'file');
  } catch (e) {
    result.fatal = m(`CSV格式错误：${(e as Error).message}`, `Malformed CSV: ${(e as Error).message}`);
    return;
  }
  if (table.rows.length === 0) {
    result.fatal = m('CSV没有数据行', 'The CSV has no data rows');
    return;
  }
  result.header = table.header;
  const column = (field: Field, names: string[]) => {
    const chosen = o.columns?.[field];
    const col = chosen && table.header.includes(chosen) ? chosen : pick(table.header, names);
    result.columns[field] = col;
    return col;
  };
  if (o.kind === 'population') {
    importPopulationRows(table, o, result, column);
    return;
  }
  const lonCol = column('lon', LON_NAMES);
  const latCol = column('lat', LAT_NAMES);
  if (!lonCol || !latCol) {
    result.fatal = m(
      `缺少经纬度列（需要 lon/lng/longitude/经度 和 lat/latitude/纬度；现有：${table.header.join('、')}）`,
      `Missing coordinate columns (need lon/lng/longitude/经度 and lat/latitude/纬度; found: ${table.header.join(', ')})`,
    );
    return;
  }
  const nameCol = column('name', NAME_NAMES);
  const addressCol = column('address', ADDRESS_NAMES);
  const categoryCol = column('category', CATEGORY_NAMES);
  const idCol = column('id', ID_NAMES);
  const raw: [number, number][] = [];
  const seen = new Set<string>();
  table.rows.forEach((row, i) => {
    const where = (field?: string) => `row ${i + 2}${field ? `, field ${field}` : ''}`;
    const lon = finiteNumber(row[lonCol]);
    const lat = finiteNumber(row[latCol]);
    if (lon === null || lat === null) {
      result.rejected.push({
        where: where(lon === null ? lonCol : latCol),
        message: m('坐标不是数字', 'the coordinate is not a number'),
      });
      return;
    }
    addFacility(
      [lon, lat],
      {
        id: row[idCol ?? ''],
        name: row[nameCol ?? ''],
        address: row[addressCol ?? ''],
        category: row[categoryCol ?? ''],
      },
      where,
      o,
      result,
      seen,
      raw,
    );
  });
  result.suggestedCrs = suggestCrs(raw, o.crs, o.district);
}

function importPopulationRows(
  table: ReturnType<typeof parseCsv>,
  o: ImportOptions,
  result: ImportResult,
  column: (field: Field, names: string[]) => string | null,
): void {
  const keyCol = column('name', [...ID_NAMES, ...NAME_NAMES, '生活圈', '街道', 'subdistrict', 'circle']);
  const popCol = column('population', POPULATION_NAMES);
  if (!keyCol || !popCol) {
    result.fatal = m(
      `缺少名称/编号列或人口列（现有：${table.header.join('、')}）`,
      `Missing a name/id column or a population column (found: ${table.header.join(', ')})`,
    );
    return;
  }
  const circles = o.targets?.circles ?? [];
  const subdistricts = o.targets?.subdistricts ?? [];
  const seen = new Set<string>();
  for (const [i, row] of table.rows.entries()) {
    const where = (field: string) => `row ${i + 2}, field ${field}`;
    const key = cleanText(row[keyCol]);
    const population = finiteNumber(row[popCol]);
    if (!key) {
      result.rejected.push({
        where: where(keyCol),
        message: m('缺少名称或编号', 'missing name or id'),
      });
      continue;
    }
    if (population === null || population < 0) {
      result.rejected.push({
        where: where(popCol),
        message: m('人口不是非负数', 'population is not a non-negative number'),
      });
      continue;
    }
    const circle = circles.find((c) => c.id === key || c.name === key);
    const sub = subdistricts.find((s) => s === key || s.replace(/街道$/, '') === key.replace(/街道$/, ''));
    if (!circle && !sub) {
      result.rejected.push({
        where: where(keyCol),
        message: m(`没有名为“${key}”的生活圈或街道`, `no circle or subdistrict named "${key}"`),
      });
      continue;
    }
    const target = circle ? 'circle' : 'subdistrict';
    const id = circle ? circle.id : sub!;
    if (seen.has(`${target}:${id}`)) {
      result.rejected.push({
        where: where(keyCol),
        message: m(`“${key}”重复`, `duplicate "${key}"`),
      });
      continue;
    }
    seen.add(`${target}:${id}`);
    result.population.push({ target, key: id, population });
  }
}

function addFacility(
  p: [number, number],
  props: { id?: unknown; name?: unknown; address?: unknown; category?: unknown },
  where: (field?: string) => string,
  o: ImportOptions,
  result: ImportResult,
  seen: Set<string>,
  raw: [number, number][],
): void {
  const bad = checkPosition(p);
  if (bad) {
    result.rejected.push({ where: where('coordinates'), message: bad });
    return;
  }
  raw.push(p);
  const lonLat = convert(p, o.crs);
  if (!near(lonLat)) {
    result.rejected.push({
      where: where('coordinates'),
      message: m(
        `坐标[${p[0]}, ${p[1]}]不在杨浦附近（坐标系是否选错？）`,
        `coordinate [${p[0]}, ${p[1]}] is not near Yangpu (wrong coordinate system?)`,
      ),
    });
    return;
  }
  const name = cleanText(props.name);
  if (!name) {
    result.rejected.push({ where: where('name'), message: m('缺少名称', 'missing name') });
    return;
  }
  const category = cleanText(props.category) ?? o.category ?? null;
  if (!category) {
    result.rejected.push({ where: where('category'), message: m('缺少类型', 'missing category') });
    return;
  }
  const id = cleanText(props.id) ?? `IMP-${result.facilities.length + 1}`;
  if (seen.has(id)) {
    result.rejected.push({ where: where('id'), message: m(`编号“${id}”重复`, `duplicate id "${id}"`) });
    return;
  }
  seen.add(id);
  result.facilities.push({
    id,
    name,
    category,
    address: cleanText(props.address),
    lonLat: [Math.round(lonLat[0] * 1e6) / 1e6, Math.round(lonLat[1] * 1e6) / 1e6],
  });
}

function importGeoJson(text: string, o: ImportOptions, result: ImportResult): void {
  if (o.kind === 'population') {
    result.fatal = m('人口数据需用CSV导入', 'Population must be imported as CSV');
    return;
  }
  let json: unknown;
  try {
    json = safeJsonParse(text);
  } catch (e) {
    result.fatal = m(`不是有效的JSON：${(e as Error).message}`, `Not valid JSON: ${(e as Error).message}`);
    return;
  }
  const fc = json as { type?: unknown; features?: unknown };
  if (
    !fc ||
    typeof fc !== 'object' ||
    Array.isArray(fc) ||
    fc.type !== 'FeatureCollection' ||
    !Array.isArray(fc.features)
  ) {
    result.fatal = m('不是GeoJSON FeatureCollection', 'Not a GeoJSON FeatureCollection');
    return;
  }
  const features = fc.features as unknown[];
  if (features.length === 0) {
    result.fatal = m('文件中没有要素', 'The file has no features');
    return;
  }
  const seen = new Set<string>();
  const raw: [number, number][] = [];
  const fixed = { count: 0 };
  const types = new Set<string>();
  features.forEach((f, i) => {
    const where = (field?: string) => `feature ${i}${field ? `, ${field}` : ''}`;
    if (!f || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature') {
      result.rejected.push({ where: where(), message: m('不是GeoJSON Feature', 'not a GeoJSON Feature') });
      return;
    }
    const feature = f as Feature;
    const props = (
      feature.properties && typeof feature.properties === 'object' ? feature.properties : {}
    ) as Record<string, unknown>;
    const g = feature.geometry as { type?: unknown; coordinates?: unknown } | null;
    if (!g || typeof g !== 'object') {
      result.rejected.push({ where: where('geometry'), message: m('没有几何', 'no geometry') });
      return;
    }
    types.add(String(g.type));
    if (o.kind === 'facilities') {
      if (g.type !== 'Point') {
        result.rejected.push({
          where: where('geometry'),
          message: m(
            `设施须为点（此为${String(g.type)}）`,
            `facilities must be Points (this is ${String(g.type)})`,
          ),
        });
        return;
      }
      const p = g.coordinates as [number, number];
      const bad = checkPosition(p);
      if (bad) {
        result.rejected.push({ where: where('coordinates'), message: bad });
        return;
      }
      addFacility(
        [p[0], p[1]],
        {
          id: props.id,
          name: props.name ?? props['名称'],
          address: props.address ?? props['地址'],
          category: props.category,
        },
        where,
        o,
        result,
        seen,
        raw,
      );
      return;
    }
    // circles
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
      result.rejected.push({
        where: where('geometry'),
        message: m(
          `生活圈须为面（此为${String(g.type)}）`,
          `circles must be Polygons (this is ${String(g.type)})`,
        ),
      });
      return;
    }
    const polys = g.type === 'Polygon' ? [g.coordinates] : (g.coordinates as unknown[]);
    if (!Array.isArray(polys) || polys.length === 0) {
      result.rejected.push({ where: where('geometry'), message: m('空几何', 'empty geometry') });
      return;
    }
    const out: Position[][][] = [];
    for (const rings of polys) {
      const checked = checkPolygon(rings, fixed);
      if (!Array.isArray(checked)) {
        result.rejected.push({ where: where('geometry'), message: checked });
        return;
      }
      out.push(checked.map((ring) => ring.map((p) => convert([p[0]!, p[1]!], o.crs))));
    }
    const first = out[0]![0]![0]!;
    raw.push([(polys[0] as number[][][])[0]![0]![0]!, (polys[0] as number[][][])[0]![0]![1]!]);
    if (!near(first)) {
      result.rejected.push({
        where: where('coordinates'),
        message: m('不在杨浦附近（坐标系是否选错？）', 'not near Yangpu (wrong coordinate system?)'),
      });
      return;
    }
    const name = cleanText(props.name ?? props['名称']);
    const id = cleanText(props.id) ?? name;
    if (!name || !id) {
      result.rejected.push({ where: where('name'), message: m('缺少名称', 'missing name') });
      return;
    }
    if (seen.has(id)) {
      result.rejected.push({ where: where('id'), message: m(`编号“${id}”重复`, `duplicate id "${id}"`) });
      return;
    }
    seen.add(id);
    const population = finiteNumber(props.population ?? props['人口']);
    result.circles.push({
      id,
      name,
      subdistrict: cleanText(props.subdistrict ?? props['街道']),
      population: population !== null && population >= 0 ? population : null,
      geometry:
        out.length === 1
          ? { type: 'Polygon', coordinates: out[0]! }
          : { type: 'MultiPolygon', coordinates: out },
    });
  });
  if (fixed.count > 0) {
    result.warnings.push({
      where: null,
      message: m(
        `已自动修正${fixed.count}个环的方向（RFC 7946）`,
        `fixed the winding of ${fixed.count} ring(s) (RFC 7946)`,
      ),
    });
  }
  if (types.size > 1) {
    result.warnings.push({
      where: null,
      message: m(
        `文件混有多种几何类型：${[...types].join('、')}`,
        `the file mixes geometry types: ${[...types].join(', ')}`,
      ),
    });
  }
  result.suggestedCrs = suggestCrs(raw, o.crs, o.district);
}
