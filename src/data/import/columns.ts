/**
 * Which column (CSV) or property (GeoJSON) holds which field, by meaning: a wide set of the
 * English and Chinese headers real lists use (`facility_name`, `机构名称`, `official_address`,
 * `经度(百度)`, `bd_lng`, `wgs84_lat` …), the coordinate system a header names, and content
 * (a column of numbers between 121 and 122 is a longitude here). Pure.
 */
import type { Crs } from '../crs';
import type { ImportKind } from './kinds';
import { finiteNumber } from './text';
import { type Field, type Message, m } from './types';

/** Header words per field: `exact` matches the whole header (without its system tag), `contains` a part. */
interface Words {
  exact: string[];
  contains: string[];
  /** a header matching this is never this field (e.g. 街道名称 is not a facility's name) */
  not?: RegExp;
}

const NOT_NAME =
  /街道|区县|行政区|district|street|road|类型|类别|分类|type|category|地址|address|英文|english|联系|contact|负责人|法人|电话|phone|举办|operator|所属|上级|file|文件|en$/;

const WORDS: Record<Field, Words> = {
  lon: {
    exact: [
      'lon',
      'lng',
      'long',
      'longitude',
      'x',
      '经度',
      '东经',
      'pointx',
      'xcoord',
      'x坐标',
      '坐标x',
      '经度坐标',
    ],
    contains: ['longitude', '经度'],
  },
  lat: {
    exact: ['lat', 'latitude', 'y', '纬度', '北纬', 'pointy', 'ycoord', 'y坐标', '坐标y', '纬度坐标'],
    contains: ['latitude', '纬度'],
  },
  name: {
    exact: [
      'name',
      'title',
      '名称',
      '名字',
      '机构名称',
      '设施名称',
      '单位名称',
      '站点名称',
      '场所名称',
      '服务机构名称',
      '机构',
      '设施',
      'poiname',
      'facilityname',
      'sitename',
      'institution',
      'facility',
    ],
    contains: ['name', '名称', '名字'],
    not: NOT_NAME,
  },
  address: {
    exact: [
      'address',
      'addr',
      '地址',
      '详细地址',
      '机构地址',
      '地点',
      '住址',
      '门牌地址',
      '所在地址',
      '服务地址',
    ],
    contains: ['address', 'addr', '地址'],
    not: /email|邮箱|网址|url|web/,
  },
  category: {
    exact: [
      'category',
      'type',
      'kind',
      'class',
      '类型',
      '类别',
      '分类',
      '种类',
      '设施类型',
      '机构类型',
      '性质',
    ],
    contains: ['category', 'type', '类型', '类别', '分类'],
    not: /geometry|几何|坐标|crs|mime/,
  },
  id: {
    exact: [
      'id',
      'fid',
      'uid',
      'code',
      'no',
      '编号',
      '编码',
      '代码',
      '序号',
      'objectid',
      'poiid',
      '机构编号',
    ],
    contains: ['编号', '编码', '代码'],
  },
  capacity: {
    exact: [
      'capacity',
      'beds',
      'places',
      'seats',
      '床位',
      '床位数',
      '托位',
      '托位数',
      '学位',
      '座位',
      '座位数',
      '规模',
      '容量',
      '核定床位',
      '核定床位数',
      '核定人数',
    ],
    contains: ['capacity', '床位', '托位', '学位', '座位', '容量', '规模'],
  },
  population: {
    exact: ['population', 'pop', 'residents', '人口', '常住人口', '人口数', '户籍人口', '人数'],
    contains: ['population', '人口'],
    // an age group's count (老年人口, 60岁以上人口, 婴幼儿人数 …) is not the total
    not: /\d岁|老年|幼儿|age\d|under\d|\+/,
  },
  // Residents per age group (counts, not shares); headers compared without punctuation
  // (3-6岁 → 36岁; 3～6岁 → 3~6岁).
  age60plus: {
    exact: [
      'age60plus',
      'age60',
      'aged60plus',
      '60+',
      '60岁+',
      '60岁及以上',
      '60岁以上',
      '老年人口',
      '老年人',
      '60岁及以上人口',
      '60岁以上人口',
      'elderly',
      'elders',
    ],
    contains: ['60岁', '60+', 'age60', '老年'],
  },
  age3to5: {
    exact: [
      'age3to5',
      'age3to6',
      'aged3to5',
      '36岁',
      '3~6岁',
      '3–6岁',
      '3至6岁',
      '36岁人口',
      '3~6岁人口',
      '幼儿园适龄儿童',
      '学龄前儿童',
    ],
    contains: ['36岁', '3~6岁', '3–6岁', '3to5', '3to6', '幼儿园适龄'],
  },
  under3: {
    exact: [
      'under3',
      'age0to2',
      'age0to3',
      '03岁',
      '0~3岁',
      '0–3岁',
      '0至3岁',
      '3岁以下',
      '婴幼儿',
      '03岁人口',
      '3岁以下人口',
      '婴幼儿人数',
    ],
    contains: ['03岁', '0~3岁', '0–3岁', '3岁以下', '婴幼儿', 'under3', '0to2', '0to3'],
  },
};

/** For population files the key column names a circle or a subdistrict. */
const POPULATION_KEY: Words = {
  exact: [
    ...WORDS.name.exact,
    ...WORDS.id.exact,
    '生活圈',
    '街道',
    '街镇',
    'subdistrict',
    'circle',
    '生活圈名称',
    '街道名称',
  ],
  contains: ['生活圈', '街道', 'name', '名称', 'subdistrict', 'circle'],
};

/** Lower case, half-width, no spaces or punctuation (`经度（百度）` → `经度百度`). */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.:()[\]{}（）【】/\\|,，、]/g, '');
}

const CRS_TAGS: [Crs, RegExp][] = [
  ['WGS84', /wgs-?_?84|wgs|gps|地球坐标|84坐标/g],
  ['GCJ02', /gcj-?_?02|gcj|高德|amap|gaode|腾讯|tencent|火星|国测局/g],
  ['BD09', /bd-?_?09(ll|mc)?|baidu|百度|^bd(?=[^a-z]|l|x|y|$)|(?<=[^a-z])bd(?=[^a-z]|l|x|y|$)/g],
];

/** The coordinate system a header names (`经度(百度)` → BD09, `wgs84_lon` → WGS84), or null. */
export function headerCrs(h: string): Crs | null {
  const low = h.normalize('NFKC').toLowerCase();
  for (const [crs, re] of CRS_TAGS) if (low.match(re)) return crs;
  return null;
}

/** The header without its system tag, normalised (`bd_lng` → `lng`). */
function baseOf(h: string): string {
  let low = h.normalize('NFKC').toLowerCase();
  for (const [, re] of CRS_TAGS) low = low.replace(re, '');
  return normaliseHeader(low).replace(/坐标系$/, '');
}

function score(h: string, words: Words): number {
  const base = baseOf(h);
  if (!base) return 0;
  if (words.exact.includes(base)) return 3;
  if (words.not?.test(base)) return 0;
  return words.contains.some((w) => base.includes(w)) ? 2 : 0;
}

/** What the rows hold, sampled: share of values that are numbers in a range, or "lon,lat" pairs here. */
function contentShare(rows: Record<string, string>[], col: string, test: (v: string) => boolean): number {
  let n = 0;
  let yes = 0;
  for (const row of rows) {
    const v = row[col]?.trim();
    if (!v) continue;
    n++;
    if (test(v)) yes++;
  }
  return n === 0 ? 0 : yes / n;
}

const inRange = (lo: number, hi: number) => (v: string) => {
  const x = finiteNumber(v);
  return x !== null && x >= lo && x <= hi;
};

/** "121.5,31.3", "121.5 31.3" or "POINT(121.5 31.3)" → [121.5, 31.3]; null otherwise. */
export function parsePair(v: string | undefined): [number, number] | null {
  const match = v?.match(/^\s*(?:point\s*\(\s*)?(-?\d+(?:\.\d+)?)\s*[,，\s]\s*(-?\d+(?:\.\d+)?)\s*\)?\s*$/i);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

/** Yangpu in any of the three systems: longitudes 121–122, latitudes 30.5–32 (degrees). */
export const LON_HERE = inRange(121, 122);
export const LAT_HERE = inRange(30.5, 32);
const PAIR_HERE = (v: string) => {
  const p = parsePair(v);
  return p !== null && p[0] >= 121 && p[0] <= 122 && p[1] >= 30.5 && p[1] <= 32;
};
const PAIR_HEADERS = [
  '经纬度',
  '坐标',
  '经纬度坐标',
  'lnglat',
  'lonlat',
  'location',
  'coordinates',
  'coords',
  'point',
];

export interface ColumnPlan {
  columns: Partial<Record<Field, string | null>>;
  /** the system the chosen coordinate columns name (`经度(百度)` → BD09), if any */
  coordinateCrs: Crs | null;
  /** how the columns were chosen, when the preview should say so */
  notes: Message[];
}

interface Candidate {
  col: string;
  crs: Crs | null;
  score: number;
}

const CRS_NAME: Record<Crs, string> = { WGS84: 'WGS-84', GCJ02: 'GCJ-02', BD09: 'BD-09' };

/** Longitude and latitude columns: by header (pairs with the stated system first), else by content. */
function planCoordinates(
  header: string[],
  rows: Record<string, string>[],
  stated: Crs,
  plan: ColumnPlan,
): void {
  const cands = (f: 'lon' | 'lat') =>
    header
      .map((col) => ({ col, crs: headerCrs(col), score: score(col, WORDS[f]) }))
      .filter((c) => c.score > 0);
  const lons = cands('lon');
  const lats = cands('lat');
  const pairs: { lon: Candidate; lat: Candidate }[] = [];
  for (const lon of lons) {
    const lat = lats.filter((a) => a.crs === lon.crs).sort((a, b) => b.score - a.score)[0];
    if (lat && !pairs.some((p) => p.lon.crs === lon.crs)) pairs.push({ lon, lat });
  }
  if (pairs.length > 0) {
    const chosen =
      pairs.find((p) => p.lon.crs === stated) ?? pairs.find((p) => p.lon.crs === null) ?? pairs[0]!;
    plan.columns.lon = chosen.lon.col;
    plan.columns.lat = chosen.lat.col;
    plan.coordinateCrs = chosen.lon.crs;
    if (pairs.length > 1) {
      const others = pairs.filter((p) => p !== chosen).map((p) => `${p.lon.col}/${p.lat.col}`);
      const why =
        chosen.lon.crs === stated
          ? m(
              `其坐标系（${CRS_NAME[stated]}）与所选一致`,
              `its system (${CRS_NAME[stated]}) matches the stated one`,
            )
          : m('列名未注明坐标系', 'its header names no system');
      plan.notes.push(
        m(
          `文件有${pairs.length}组经纬度列：使用 ${chosen.lon.col}/${chosen.lat.col}（${why.zh}），未用 ${others.join('、')}`,
          `The file has ${pairs.length} coordinate pairs: using ${chosen.lon.col}/${chosen.lat.col} (${why.en}); not used: ${others.join(', ')}`,
        ),
      );
    }
    return;
  }
  // One column holding "lon,lat" (高德 location, 经纬度 …), by header or by content.
  const pair =
    header.find((h) => PAIR_HEADERS.includes(baseOf(h)) && contentShare(rows, h, PAIR_HERE) >= 0.5) ??
    header.find((h) => contentShare(rows, h, PAIR_HERE) >= 0.8);
  if (pair) {
    plan.columns.lon = pair;
    plan.columns.lat = pair;
    plan.coordinateCrs = headerCrs(pair);
    plan.notes.push(
      m(`经纬度取自“${pair}”列（经度,纬度）`, `Coordinates from the column "${pair}" (lon,lat)`),
    );
    return;
  }
  const lon = lons[0]?.col ?? header.find((h) => contentShare(rows, h, LON_HERE) >= 0.8) ?? null;
  const lat = lats[0]?.col ?? header.find((h) => h !== lon && contentShare(rows, h, LAT_HERE) >= 0.8) ?? null;
  plan.columns.lon = lon;
  plan.columns.lat = lat;
  plan.coordinateCrs = lon ? headerCrs(lon) : null;
  const byContent = [lon, lat].filter(
    (c): c is string => c !== null && !lons.concat(lats).some((x) => x.col === c),
  );
  if (byContent.length > 0)
    plan.notes.push(
      m(
        `按内容识别经纬度列：${byContent.join('、')}（数值在杨浦的经纬度范围内）`,
        `Coordinate columns recognised by their content: ${byContent.join(', ')} (numbers in Yangpu's range)`,
      ),
    );
}

/**
 * Choose a column for each field of `kind`: the user's choice first, then the header's
 * meaning, then content (coordinates only). Each column serves one field.
 */
export function planColumns(
  header: string[],
  rows: Record<string, string>[],
  fields: readonly Field[],
  kind: ImportKind,
  stated: Crs,
  overrides: Partial<Record<Field, string>> = {},
): ColumnPlan {
  const plan: ColumnPlan = { columns: {}, coordinateCrs: null, notes: [] };
  const sample = rows.slice(0, 200);
  const chosen = (f: Field) => {
    const c = overrides[f];
    return c && header.includes(c) ? c : null;
  };
  if (fields.includes('lon')) {
    const lon = chosen('lon');
    const lat = chosen('lat');
    if (lon || lat) {
      planCoordinates(header, sample, stated, plan);
      plan.columns.lon = lon ?? plan.columns.lon ?? null;
      plan.columns.lat = lat ?? plan.columns.lat ?? null;
      plan.coordinateCrs = plan.columns.lon ? headerCrs(plan.columns.lon) : null;
      plan.notes = [];
    } else planCoordinates(header, sample, stated, plan);
  }
  const used = new Set<string>(
    [plan.columns.lon, plan.columns.lat].filter((c): c is string => typeof c === 'string'),
  );
  for (const f of fields) {
    if (f === 'lon' || f === 'lat') continue;
    const own = chosen(f);
    if (own) {
      plan.columns[f] = own;
      used.add(own);
    }
  }
  for (const f of fields) {
    if (f === 'lon' || f === 'lat' || plan.columns[f]) continue;
    const words = kind === 'population' && f === 'name' ? POPULATION_KEY : WORDS[f];
    const best = header
      .filter((h) => !used.has(h))
      .map((h) => ({ h, s: score(h, words) }))
      .filter((x) => x.s > 0)
      .sort((a, b) => b.s - a.s)[0];
    plan.columns[f] = best?.h ?? null;
    if (best) used.add(best.h);
  }
  return plan;
}
