/**
 * Every valid RFC 7946 root as a list of features: a FeatureCollection, a single Feature, a
 * bare Geometry or a GeometryCollection (one feature per member), and — leniently, with a
 * warning — a bare JSON array of Features (web GIS tools export that). Foreign members are
 * ignored; a malformed `bbox` or a `crs` member (GeoJSON 2008) gets a warning. Pure.
 */
import { safeJsonParse } from './text';
import { fileIssue, type ImportResult, type Message, m } from './types';

export const GEOMETRY_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
];
const ROOT_TYPES = ['FeatureCollection', 'Feature', ...GEOMETRY_TYPES];

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const asFeature = (geometry: unknown) => ({ type: 'Feature', properties: null, geometry });

/** What the root is not, in words (for the fatal message). */
function describe(json: unknown): Message {
  if (Array.isArray(json))
    return m('JSON数组，但其元素不是GeoJSON要素', 'a JSON array whose items are not GeoJSON Features');
  if (!isObject(json))
    return m(`JSON ${typeof json}值`, `a JSON ${json === null ? 'null' : typeof json} value`);
  const t = json.type;
  if (typeof t !== 'string')
    return m('没有字符串type成员的JSON对象', 'a JSON object without a "type" string');
  const hint = ROOT_TYPES.find((r) => r.toLowerCase() === t.toLowerCase());
  return hint
    ? m(
        `type为“${t}”（GeoJSON类型区分大小写：应为“${hint}”）`,
        `type "${t}" (GeoJSON types are case-sensitive: "${hint}")`,
      )
    : m(`未知的type“${t}”`, `unknown type "${t}"`);
}

/** The features of a GeoJSON text, or null after setting result.fatal (not JSON, or no features). */
export function parseFeatures(text: string, result: ImportResult): unknown[] | null {
  let json: unknown;
  try {
    json = safeJsonParse(text);
  } catch (e) {
    result.fatal = m(
      `不是有效的JSON：${jsonProblemZh((e as Error).message)}`,
      `Not valid JSON: ${(e as Error).message}`,
    );
    return null;
  }
  return rootFeatures(json, result);
}

/** The features of a parsed file, or null after setting result.fatal. */
export function rootFeatures(json: unknown, result: ImportResult): unknown[] | null {
  const fatal = (message: Message) => {
    result.fatal = message;
    return null;
  };
  let features: unknown[] | null = null;
  if (Array.isArray(json)) {
    const items = json as unknown[];
    const kinds = items.map((f) => (isObject(f) ? f.type : null));
    const isGeometry = (t: unknown) => GEOMETRY_TYPES.includes(String(t));
    if (kinds.some((t) => t === 'Feature' || isGeometry(t))) {
      // items that are neither are kept, to be rejected one by one with their index
      features = items.map((f, i) => (isGeometry(kinds[i]) ? asFeature(f) : f));
      result.warnings.push(
        fileIssue(
          m(
            `文件是裸的JSON要素数组，不是GeoJSON（RFC 7946）：已按FeatureCollection读取${items.length}个要素`,
            `The file is a bare JSON array, not GeoJSON (RFC 7946): read its ${items.length} items as a FeatureCollection`,
          ),
        ),
      );
    }
  } else if (isObject(json)) {
    if (json.type === 'FeatureCollection') {
      if (!Array.isArray(json.features))
        return fatal(m('FeatureCollection缺少features数组', 'The FeatureCollection has no "features" array'));
      features = json.features as unknown[];
    } else if (json.type === 'Feature') features = [json];
    else if (json.type === 'GeometryCollection') {
      if (!Array.isArray(json.geometries))
        return fatal(
          m('GeometryCollection缺少geometries数组', 'The GeometryCollection has no "geometries" array'),
        );
      features = (json.geometries as unknown[]).map(asFeature);
    } else if (GEOMETRY_TYPES.includes(String(json.type))) features = [asFeature(json)];
  }
  if (!features) {
    const what = describe(json);
    return fatal(m(`不是GeoJSON：${what.zh}`, `Not GeoJSON: ${what.en}`));
  }
  memberWarnings(json, features, result);
  return features;
}

const validBbox = (b: unknown) =>
  Array.isArray(b) &&
  (b.length === 4 || b.length === 6) &&
  b.every((v) => typeof v === 'number' && Number.isFinite(v));

/** Warnings for a malformed bbox anywhere near the top and for a non-WGS-84 `crs` member. */
function memberWarnings(json: unknown, features: unknown[], result: ImportResult): void {
  const holders = [json, ...features, ...features.map((f) => (isObject(f) ? f.geometry : null))];
  const badBbox = holders.filter((h) => isObject(h) && 'bbox' in h && !validBbox(h.bbox)).length;
  if (badBbox > 0)
    result.warnings.push(
      fileIssue(
        m(
          `${badBbox}处bbox不是4或6个数字：已忽略（不影响读取）`,
          `${badBbox} bbox member(s) are not 4 or 6 numbers: ignored (they do not affect reading)`,
        ),
      ),
    );
  if (isObject(json) && 'crs' in json) {
    const crs = json.crs;
    const name = isObject(crs) && isObject(crs.properties) ? String(crs.properties.name ?? '') : '';
    if (!/crs84|epsg:+4326|wgs\s*84/i.test(name))
      result.warnings.push(
        fileIssue(
          m(
            `文件带有crs成员${name ? `（${name}）` : ''}，RFC 7946已废除该成员：已忽略，坐标按上面所选的坐标系读取`,
            `The file has a "crs" member${name ? ` (${name})` : ''}, which RFC 7946 removed: ignored; coordinates are read in the system chosen above`,
          ),
        ),
      );
  }
}

/** JSON.parse's English message in Chinese: the end of the text, the unexpected character, its position. */
function jsonProblemZh(message: string): string {
  if (/Unexpected end of JSON input/i.test(message)) return '文件提前结束（可能被截断）';
  const token = /Unexpected token '?(.)'?/.exec(message)?.[1];
  const position = /position (\d+)/.exec(message)?.[1];
  const parts = [token ? `意外的字符“${token}”` : '语法错误', position ? `（第${position}个字符）` : ''];
  return parts.join('');
}
