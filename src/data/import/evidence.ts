/**
 * Which coordinate system is the file in? Read it under each hypothesis (WGS-84, GCJ-02,
 * BD-09) and compare it with what we know: points with the known facilities (how many lie
 * within 30 m of one; where a name or address matches, how far from that facility), polygons
 * with the district, subdistrict and circle outlines (IoU). In Yangpu GCJ-02 is ≈ 0.5 km and
 * BD-09 ≈ 1.1 km from WGS-84, and known facilities are ≈ 400 m apart, so a wrong system
 * leaves only chance matches (≈ 2 % of points within 30 m). A system is suggested only when
 * it is clearly better than the stated one; the evidence is reported either way. Pure.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { pointInGeometry, yangpuProjection } from '../../core/geo';
import type { Crs } from '../crs';
import { convert } from './checks';
import { iou, rasterise, type Shape, unionShapes } from './raster';
import type { CrsEvidence, CrsHypothesis, ImportOptions, KnownFacility, Message } from './types';

/** A point within this distance of a known facility counts as on it (m). */
export const NEAR_M = 30;
/** A point sharing a name or address with a known facility counts as it within this distance (m). */
export const SAME_M = 50;
const MAX_POINTS = 2000;
const MAX_POLYGONS = 300;
const HYPOTHESES: Crs[] = ['WGS84', 'GCJ02', 'BD09'];
const CRS_NAME: Record<Crs, string> = { WGS84: 'WGS-84', GCJ02: 'GCJ-02', BD09: 'BD-09' };

export interface RawPoint {
  /** [lon, lat] as written in the file */
  p: [number, number];
  name: string | null;
  address: string | null;
}

/** Evenly spaced sample of at most `max` items. */
function sample<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)]!);
}

/** The median, rounded to `digits` decimals (metres to 0.1 m, IoU to 0.001). */
function median(values: number[], digits = 1): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const v = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(v * 10 ** digits) / 10 ** digits;
}

/** Names and addresses compared without spaces, punctuation and the city/district prefix. */
export function normaliseName(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .replace(/^(上海市|上海)?(杨浦区)?/, '');
}

/** Known facilities by normalised name and address, for the same-facility distances. */
function matcher(known: KnownFacility[]) {
  const byName = new Map<string, KnownFacility[]>();
  const byAddress = new Map<string, KnownFacility[]>();
  const names: [string, KnownFacility][] = [];
  const push = (map: Map<string, KnownFacility[]>, k: string, f: KnownFacility) =>
    map.set(k, [...(map.get(k) ?? []), f]);
  for (const f of known) {
    const n = normaliseName(f.name);
    if (n) {
      push(byName, n, f);
      names.push([n, f]);
    }
    const a = f.address ? normaliseName(f.address) : '';
    if (a.length >= 5 && /\d/.test(a)) push(byAddress, a, f);
  }
  return (pt: RawPoint): KnownFacility[] => {
    const out = new Set<KnownFacility>();
    const n = pt.name ? normaliseName(pt.name) : '';
    for (const f of byName.get(n) ?? []) out.add(f);
    // "隆昌路睦邻社区长者食堂" names the same place as "定海路街道隆昌路睦邻社区长者食堂"
    if (out.size === 0 && n.length >= 6)
      for (const [k, f] of names) if (k.length >= 6 && (k.includes(n) || n.includes(k))) out.add(f);
    const a = pt.address ? normaliseName(pt.address) : '';
    for (const f of byAddress.get(a) ?? []) out.add(f);
    return [...out];
  };
}

const fmtM = (v: number | null | undefined, lang: 'zh' | 'en') =>
  v === null || v === undefined
    ? '—'
    : lang === 'zh'
      ? `${Math.round(v)}米`
      : `${Math.round(v).toLocaleString('en-GB')} m`;

/** "as BD-09: 126; as GCJ-02: 40; …" in both languages, best first. */
function list(hyps: CrsHypothesis[], value: (h: CrsHypothesis, lang: 'zh' | 'en') => string): Message {
  return {
    zh: hyps.map((h) => `按${CRS_NAME[h.crs]}为${value(h, 'zh')}`).join('，'),
    en: hyps.map((h) => `${value(h, 'en')} as ${CRS_NAME[h.crs]}`).join('; '),
  };
}

/** The verdict: the best hypothesis when it is clearly better than the stated one. */
function verdict(ev: CrsEvidence, stated: Crs, clear: boolean): Crs | null {
  const best = ev.hypotheses[0]!;
  ev.best = clear ? best.crs : null;
  const s = CRS_NAME[stated];
  if (clear && best.crs !== stated) {
    ev.lines.push({
      zh: `${CRS_NAME[best.crs]}明显比所选的${s}更吻合：建议改用。`,
      en: `${CRS_NAME[best.crs]} fits clearly better than the stated ${s}: suggested.`,
    });
    return best.crs;
  }
  if (clear) ev.lines.push({ zh: `所选的${s}最吻合。`, en: `The stated ${s} fits best.` });
  return null;
}

/** Evidence for point files. Returns the evidence and the suggested system (null: keep the stated one). */
export function pointEvidence(
  points: RawPoint[],
  o: ImportOptions,
  columnsCrs: Crs | null,
): { evidence: CrsEvidence; suggested: Crs | null } | null {
  if (points.length === 0) return null;
  const pts = sample(points, MAX_POINTS);
  const known = o.known?.facilities ?? [];
  const kx = Float64Array.from(known, (f) => yangpuProjection.toXY(f.lonLat)[0]);
  const ky = Float64Array.from(known, (f) => yangpuProjection.toXY(f.lonLat)[1]);
  const match = matcher(known);
  const matches = pts.map((pt) => match(pt));
  const matched = matches.filter((x) => x.length > 0).length;
  const hypotheses: CrsHypothesis[] = HYPOTHESES.map((crs) => {
    let near = 0;
    let same = 0;
    let inside = 0;
    const nearest: number[] = [];
    const sameD: number[] = [];
    pts.forEach((pt, i) => {
      const ll = convert(pt.p, crs);
      const [x, y] = yangpuProjection.toXY(ll);
      let best2 = Number.POSITIVE_INFINITY;
      for (let k = 0; k < kx.length; k++) {
        const d2 = (kx[k]! - x) ** 2 + (ky[k]! - y) ** 2;
        if (d2 < best2) best2 = d2;
      }
      const best = Math.sqrt(best2);
      if (kx.length) nearest.push(best);
      if (best <= NEAR_M) near++;
      if (matches[i]!.length) {
        const d = Math.min(
          ...matches[i]!.map((f) => {
            const [fx, fy] = yangpuProjection.toXY(f.lonLat);
            return Math.hypot(fx - x, fy - y);
          }),
        );
        sameD.push(d);
        if (d <= SAME_M) same++;
      }
      if (o.district && pointInGeometry(ll, o.district)) inside++;
    });
    return {
      crs,
      near,
      nearestMedianM: median(nearest),
      same,
      sameMedianM: median(sameD),
      inside,
      score: near + same,
    };
  });
  hypotheses.sort((a, b) => b.score - a.score || (a.crs === o.crs ? -1 : b.crs === o.crs ? 1 : 0));
  const ev: CrsEvidence = {
    basis: 'facilities',
    sample: pts.length,
    matched,
    columnsCrs,
    hypotheses,
    best: null,
    lines: [],
  };
  const best = hypotheses[0]!;
  const stated = hypotheses.find((h) => h.crs === o.crs)!;
  const n = pts.length;
  if (known.length > 0 && best.score >= Math.max(3, 0.1 * n)) {
    ev.lines.push({
      zh: `${n}个点中距已知设施${NEAR_M}米以内的：${list(hypotheses, (h) => `${h.near}个`).zh}。`,
      en: `Of ${n} points, within ${NEAR_M} m of a known facility: ${list(hypotheses, (h) => `${h.near}`).en}.`,
    });
    if (matched > 0)
      ev.lines.push({
        zh: `${matched}个点与已知设施同名或同地址，与该设施距离的中位数：${list(hypotheses, (h) => fmtM(h.sameMedianM, 'zh')).zh}。`,
        en: `${matched} points share a name or address with a known facility; median distance to it: ${list(hypotheses, (h) => fmtM(h.sameMedianM, 'en')).en}.`,
      });
    if (columnsCrs && columnsCrs !== best.crs)
      ev.lines.push({
        zh: `经纬度列名注明${CRS_NAME[columnsCrs]}，但数据最吻合${CRS_NAME[best.crs]}。`,
        en: `The coordinate columns name ${CRS_NAME[columnsCrs]}, but the data fit ${CRS_NAME[best.crs]} best.`,
      });
    return {
      evidence: ev,
      suggested: verdict(ev, o.crs, best.score >= 2 * stated.score + 2 || best === stated),
    };
  }
  return fallback(ev, o, n, columnsCrs, known.length);
}

/** Too few facility matches: the district outline (points near its edge), then the columns' own system. */
function fallback(
  ev: CrsEvidence,
  o: ImportOptions,
  n: number,
  columnsCrs: Crs | null,
  knownCount: number,
): { evidence: CrsEvidence; suggested: Crs | null } {
  if (knownCount > 0)
    ev.lines.push({
      zh: `在任何坐标系下都很少有点与已知设施吻合（${list(ev.hypotheses, (h) => `${h.near}个`).zh}，共${n}个点）。`,
      en: `Few points match known facilities under any system (${list(ev.hypotheses, (h) => `${h.near}`).en}; of ${n}).`,
    });
  const inside = [...ev.hypotheses].sort((a, b) => (b.inside ?? 0) - (a.inside ?? 0));
  const top = inside[0]!;
  const statedIn = ev.hypotheses.find((h) => h.crs === o.crs)!.inside ?? 0;
  // Inside/outside barely differs between systems for points deep inside: ask for a clear margin.
  if (o.district && top.crs !== o.crs && (top.inside ?? 0) > statedIn + Math.max(2, n * 0.05)) {
    ev.basis = 'district';
    ev.hypotheses = inside.map((h) => ({ ...h, score: h.inside ?? 0 }));
    ev.lines.push({
      zh: `${n}个点中落在杨浦区内的：${list(ev.hypotheses, (h) => `${h.inside}个`).zh}。`,
      en: `Of ${n} points, inside the district: ${list(ev.hypotheses, (h) => `${h.inside}`).en}.`,
    });
    return { evidence: ev, suggested: verdict(ev, o.crs, true) };
  }
  if (columnsCrs && columnsCrs !== o.crs) {
    ev.basis = 'columns';
    ev.best = columnsCrs;
    ev.lines.push({
      zh: `经纬度列名注明${CRS_NAME[columnsCrs]}，与所选的${CRS_NAME[o.crs]}不同：建议改用。`,
      en: `The coordinate columns name ${CRS_NAME[columnsCrs]}, not the stated ${CRS_NAME[o.crs]}: suggested.`,
    });
    return { evidence: ev, suggested: columnsCrs };
  }
  ev.basis = 'none';
  ev.lines.push({
    zh: '证据不足，无法判断坐标系：请核对文件来源（百度为BD-09，高德/腾讯为GCJ-02，GPS/OSM为WGS-84）。',
    en: 'Not enough evidence to tell the system: check the source (Baidu: BD-09; Amap/Tencent: GCJ-02; GPS/OSM: WGS-84).',
  });
  return { evidence: ev, suggested: null };
}

/** Evidence for polygon files: IoU with the known outlines under each hypothesis. */
export function polygonEvidence(
  features: Position[][][][],
  o: ImportOptions,
): { evidence: CrsEvidence; suggested: Crs | null } | null {
  const areas = (o.known?.areas ?? []).map((a) => ({ ...a, shape: rasterise(polygonsOf(a.geometry)) }));
  if (features.length === 0 || areas.length === 0) return null;
  const feats = sample(features, MAX_POLYGONS);
  const district = areas.find((a) => a.kind === 'district')?.shape;
  const hypotheses: CrsHypothesis[] = HYPOTHESES.map((crs) => {
    const shapes: Shape[] = feats.map((polys) =>
      rasterise(polys.map((rings) => rings.map((ring) => ring.map((p) => convert([p[0]!, p[1]!], crs))))),
    );
    const bests = shapes.map((s) => Math.max(0, ...areas.map((a) => iou(s, a.shape))));
    const iouMedian = median(bests, 3) ?? 0;
    const all = unionShapes(shapes);
    return {
      crs,
      iouMedian,
      iouGood: bests.filter((v) => v >= 0.8).length,
      districtIou:
        district && all.cells >= 0.5 * district.cells
          ? Math.round(iou(all, district) * 1000) / 1000
          : undefined,
      score: iouMedian,
    };
  });
  hypotheses.sort((a, b) => b.score - a.score || (a.crs === o.crs ? -1 : b.crs === o.crs ? 1 : 0));
  const ev: CrsEvidence = {
    basis: 'outlines',
    sample: feats.length,
    matched: 0,
    columnsCrs: null,
    hypotheses,
    best: null,
    lines: [],
  };
  const k = feats.length;
  const f2 = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(2));
  ev.lines.push({
    zh: `${k}个面与最吻合的区、街道或生活圈边界的重叠度（IoU）中位数：${list(hypotheses, (h) => f2(h.iouMedian)).zh}。`,
    en: `${k} polygons; median overlap (IoU) with the best-matching district, subdistrict or circle outline: ${list(hypotheses, (h) => f2(h.iouMedian)).en}.`,
  });
  if (hypotheses.every((h) => h.districtIou !== undefined))
    ev.lines.push({
      zh: `全部面合起来与杨浦区边界的IoU：${list(hypotheses, (h) => f2(h.districtIou)).zh}。`,
      en: `All polygons together vs the district outline, IoU: ${list(hypotheses, (h) => f2(h.districtIou)).en}.`,
    });
  const best = hypotheses[0]!;
  const stated = hypotheses.find((h) => h.crs === o.crs)!;
  // Clearly better: a good fit that leaves at most half the stated system's mismatch.
  const clear =
    best.score >= 0.5 &&
    (best === stated || (1 - best.score <= 0.5 * (1 - stated.score) && best.score - stated.score >= 0.02));
  if (best.score < 0.5) {
    ev.basis = 'none';
    ev.lines.push({
      zh: '这些面与已知边界都不吻合，无法据此判断坐标系。',
      en: 'The polygons match no known outline under any system: no evidence for the system.',
    });
    return { evidence: ev, suggested: null };
  }
  return { evidence: ev, suggested: verdict(ev, o.crs, clear) };
}

function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}
