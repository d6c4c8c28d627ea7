/**
 * Facilities from CSV rows or GeoJSON points, one code path: the CRS evidence on the raw
 * positions, then each record's checks (position, near Yangpu, name, category, unique id,
 * not a repeat of an earlier row). Categories are read by meaning (`长者食堂`, `Kindergarten`,
 * `elder-canteen`). Pure.
 */
import { CATEGORIES, type CategoryId } from '../../core/categories';
import { pointInGeometry } from '../../core/geo';
import type { Crs } from '../crs';
import { checkPosition, convert, near } from './checks';
import { pointEvidence, type RawPoint } from './evidence';
import { cleanText, leadingNumber } from './text';
import { type Field, fileIssue, type ImportOptions, type ImportResult, type Message, m } from './types';

export interface PointRecord {
  /** CSV row (header = 1) or GeoJSON feature index */
  index: number;
  where: (field?: string) => Message;
  /** [lon, lat] as written in the file, or why there is none */
  p: [number, number] | Message;
  props: { id?: unknown; name?: unknown; address?: unknown; category?: unknown; capacity?: unknown };
  /** the position's number inside a MultiPoint (its facility id gets "-k") */
  part?: number;
}

/** Category labels, longest first, for reading a file's own category text. */
const LABELS = CATEGORIES.flatMap((c) =>
  [c.id, c.en, ...c.zh.split('/')].map((label) => [label.toLowerCase(), c.id] as const),
).sort((a, b) => b[0].length - a[0].length);

/** Our category for a file's category text (`社区长者食堂` → elder-canteen), or null. */
export function categoryFromText(text: string | null): CategoryId | null {
  if (!text) return null;
  const t = text.toLowerCase().trim();
  const exact = LABELS.find(([label]) => label === t);
  if (exact) return exact[1];
  const within = LABELS.find(([label]) => /[\u4e00-\u9fff]/.test(label) && t.includes(label));
  return within ? within[1] : null;
}

const raw = (r: PointRecord): RawPoint | null =>
  Array.isArray(r.p) && !checkPosition(r.p)
    ? { p: [r.p[0], r.p[1]], name: cleanText(r.props.name), address: cleanText(r.props.address) }
    : null;

/**
 * Sites accepted (near Yangpu, in the import box) but outside the district outline: one warning
 * for the file, then one per site by row and name (a site across the border may serve Yangpu
 * residents, so it is kept; the planner decides).
 */
function warnOutside(outside: { where: Message; index: number; name: string }[], result: ImportResult): void {
  if (outside.length === 0) return;
  const n = outside.length;
  result.warnings.push(
    fileIssue(
      m(
        `${n}处设施在杨浦区界外（但在导入范围内）：仍会导入，请确认是否需要`,
        `${n} ${n === 1 ? 'site lies' : 'sites lie'} outside the district outline (but inside the import box): imported all the same; check that you want ${n === 1 ? 'it' : 'them'}`,
      ),
    ),
    ...outside.map((o) => ({
      where: o.where,
      index: o.index,
      message: m(`“${o.name}”在杨浦区界外`, `“${o.name}” is outside the district`),
    })),
  );
}

/** Read point records into result.facilities (after the evidence; none accepted while required fields are missing). */
export function readFacilities(
  records: PointRecord[],
  o: ImportOptions,
  result: ImportResult,
  columnsCrs: Crs | null,
  missing: Field[],
): void {
  const ev = pointEvidence(
    records.map(raw).filter((p): p is RawPoint => p !== null),
    o,
    columnsCrs,
  );
  if (ev) {
    result.evidence = ev.evidence;
    result.suggestedCrs = ev.suggested;
  }
  // Missing required columns: one message for the file; rows are still checked for what can be
  // checked (position, near Yangpu) but none is accepted until the columns are chosen.
  result.missing = missing;
  if (missing.includes('lon') || missing.includes('lat')) return;
  const seen = new Set<string>();
  const rows = new Map<string, Message>();
  const unknownCategories = new Map<string, number>();
  const outside: { where: Message; index: number; name: string }[] = [];
  for (const r of records) {
    const reject = (field: string, message: Message) =>
      result.rejected.push({ where: r.where(field), index: r.index, message });
    if (!Array.isArray(r.p)) {
      reject('coordinates', r.p);
      continue;
    }
    const bad = checkPosition(r.p);
    if (bad) {
      reject('coordinates', bad);
      continue;
    }
    const lonLat = convert([r.p[0], r.p[1]], o.crs);
    if (!near(lonLat)) {
      reject(
        'coordinates',
        m(
          `坐标[${r.p[0]}, ${r.p[1]}]不在杨浦附近（坐标系是否选错？）`,
          `coordinate [${r.p[0]}, ${r.p[1]}] is not near Yangpu (wrong coordinate system?)`,
        ),
      );
      continue;
    }
    if (missing.length > 0) continue;
    const name = cleanText(r.props.name);
    if (!name) {
      reject('name', m('缺少名称', 'missing name'));
      continue;
    }
    const text = cleanText(r.props.category);
    const recognised = categoryFromText(text);
    if (text && !recognised) unknownCategories.set(text, (unknownCategories.get(text) ?? 0) + 1);
    const category = recognised ?? o.category ?? text;
    if (!category) {
      reject('category', m('缺少类型', 'missing category'));
      continue;
    }
    // (one place may offer two services: the same name and position under two categories is not a repeat)
    const key = `${name}|${category}|${r.p[0]}|${r.p[1]}`;
    const first = rows.get(key);
    if (first !== undefined) {
      reject(
        'name',
        m(
          `与${first.zh}重复（名称、类型与坐标相同）`,
          `repeats ${first.en} (same name, category and coordinates)`,
        ),
      );
      continue;
    }
    const ownId = cleanText(r.props.id);
    const id = ownId
      ? r.part === undefined
        ? ownId
        : `${ownId}-${r.part + 1}`
      : `IMP-${result.facilities.length + 1}`;
    if (seen.has(id)) {
      reject('id', m(`编号“${id}”重复`, `duplicate id "${id}"`));
      continue;
    }
    seen.add(id);
    rows.set(key, r.where());
    const capacity = leadingNumber(r.props.capacity);
    const rounded: [number, number] = [Math.round(lonLat[0] * 1e6) / 1e6, Math.round(lonLat[1] * 1e6) / 1e6];
    const beyond = o.district !== undefined && !pointInGeometry(rounded, o.district);
    if (beyond) outside.push({ where: r.where(), index: r.index, name });
    result.facilities.push({
      id,
      name,
      category,
      address: cleanText(r.props.address),
      capacity: capacity !== null && capacity >= 0 ? capacity : null,
      lonLat: rounded,
      ...(beyond ? { outsideDistrict: true } : {}),
    });
  }
  warnOutside(outside, result);
  if (unknownCategories.size > 0) {
    const examples = [...unknownCategories.keys()].slice(0, 3).join('、');
    const n = [...unknownCategories.values()].reduce((a, b) => a + b, 0);
    result.warnings.push(
      fileIssue(
        o.category
          ? m(
              `${n}行的类型不在本图的设施类型中（如“${examples}”）：按所选的缺省类型导入`,
              `${n} rows have a category that is not one of ours (e.g. "${examples}"): they take the chosen default type`,
            )
          : m(
              `${n}行的类型不在本图的设施类型中（如“${examples}”）`,
              `${n} rows have a category that is not one of ours (e.g. "${examples}")`,
            ),
      ),
    );
  }
}
