/**
 * An import result as `npm run import-check` prints it (one language): encoding, columns
 * used, accepted features with their WGS-84 coordinates, rejected rows with reasons,
 * warnings, and the suggested system with its evidence. Also the one message for missing
 * required columns, shared with the preview. Pure.
 */
import { geometryArea, lineLength, signedRingArea } from '../../core/geo';
import type { Lang } from '../../core/lang';
import type { Crs } from '../crs';
import type { CrsHypothesis, Field, ImportedCircle, ImportResult, Issue, Message } from './types';

const FIELD_NAMES: Record<Field, Message> = {
  lon: { zh: '经度', en: 'longitude' },
  lat: { zh: '纬度', en: 'latitude' },
  name: { zh: '名称', en: 'name' },
  address: { zh: '地址', en: 'address' },
  category: { zh: '类型', en: 'category' },
  id: { zh: '编号', en: 'id' },
  capacity: { zh: '容量（床位/托位）', en: 'capacity' },
  population: { zh: '人口', en: 'population' },
  age60plus: { zh: '60岁及以上人数', en: 'residents aged 60+' },
  age3to5: { zh: '3–6岁人数', en: 'children aged 3–5' },
  under3: { zh: '0–3岁人数', en: 'children under 3' },
};

export const fieldName = (f: Field, lang: Lang) => FIELD_NAMES[f][lang];

/** "no name column found — choose one" (the preview shows it once, at the top, with the picker open). */
export function missingMessage(missing: Field[], format: ImportResult['format']): Message {
  const zhWhat = format === 'geojson' ? '属性' : '列';
  const enWhat = format === 'geojson' ? 'property' : 'column';
  const zh = missing.map((f) => FIELD_NAMES[f].zh).join('、');
  const en = missing.map((f) => FIELD_NAMES[f].en).join(' and ');
  return missing.length === 1
    ? { zh: `未找到${zh}${zhWhat}——请在下面选择`, en: `No ${en} ${enWhat} found — choose one below` }
    : {
        zh: `未找到${zh}${zhWhat}——请在下面选择`,
        en: `No ${en} ${enWhat}s found — choose them below`,
      };
}

export interface CheckReport {
  encoding: string | null;
  columns: Partial<Record<Field, string | null>>;
  accepted: Record<string, unknown>[];
  rejected: { row: number | null; reason: string }[];
  warnings: string[];
  suggestedCrs: Crs | null;
  evidence: {
    basis: string;
    sample: number;
    matched: number;
    columnsCrs: Crs | null;
    hypotheses: CrsHypothesis[];
    lines: string[];
  } | null;
}

/** A point inside-ish a circle for the report: the area centroid of its largest outer ring. */
function centreOf(c: ImportedCircle): [number, number] {
  const polys = c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates;
  const ring = polys
    .map((p) => p[0]!)
    .sort((a, b) => Math.abs(signedRingArea(b)) - Math.abs(signedRingArea(a)))[0]!;
  let a = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    const cross = x0! * y1! - x1! * y0!;
    a += cross;
    x += (x0! + x1!) * cross;
    y += (y0! + y1!) * cross;
  }
  const r = (v: number) => Math.round(v * 1e6) / 1e6;
  return a === 0 ? [r(ring[0]![0]!), r(ring[0]![1]!)] : [r(x / (3 * a)), r(y / (3 * a))];
}

/** "row 5, field 机构名称: missing name" / "第5行，机构名称列：缺少名称". */
export const issueText = (i: Issue, lang: Lang) =>
  i.where ? `${i.where[lang]}${lang === 'zh' ? '：' : ': '}${i.message[lang]}` : i.message[lang];

export function checkReport(r: ImportResult, lang: Lang): CheckReport {
  const accepted: Record<string, unknown>[] = [
    ...r.facilities.map((f) => ({
      id: f.id,
      name: f.name,
      category: f.category,
      address: f.address,
      capacity: f.capacity ?? null,
      lon: f.lonLat[0],
      lat: f.lonLat[1],
    })),
    ...r.circles.map((c) => {
      const [lon, lat] = centreOf(c);
      return {
        id: c.id,
        name: c.name,
        subdistrict: c.subdistrict,
        population: c.population,
        lon,
        lat,
        areaKm2: Math.round(geometryArea(c.geometry) / 1e3) / 1e3,
      };
    }),
    ...r.population.map((p) => ({ name: p.key, target: p.target, population: p.population })),
    ...(r.network?.lines.features ?? []).map((f) => {
      const c = f.geometry.coordinates;
      const mid = c[Math.floor(c.length / 2)]!;
      return {
        id: f.properties.id,
        name: f.properties.name,
        highway: f.properties.highway,
        lon: mid[0],
        lat: mid[1],
        lengthM: Math.round(lineLength(c)),
      };
    }),
  ];
  const whole = [
    ...(r.fatal ? [r.fatal] : []),
    ...(r.missing.length > 0 ? [missingMessage(r.missing, r.format)] : []),
  ].map((msg) => ({ row: null, reason: msg[lang] }));
  return {
    encoding: r.encoding,
    columns: r.columns,
    accepted,
    rejected: [...whole, ...r.rejected.map((i) => ({ row: i.index, reason: issueText(i, lang) }))],
    warnings: r.warnings.map((i) => issueText(i, lang)),
    suggestedCrs: r.suggestedCrs,
    evidence: r.evidence && {
      basis: r.evidence.basis,
      sample: r.evidence.sample,
      matched: r.evidence.matched,
      columnsCrs: r.evidence.columnsCrs,
      hypotheses: r.evidence.hypotheses,
      lines: r.evidence.lines.map((l) => l[lang]),
    },
  };
}
