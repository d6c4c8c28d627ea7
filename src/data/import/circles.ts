/**
 * Life circles from GeoJSON polygons: the CRS evidence on the raw outlines, then each
 * feature's checks (rings closed and simple, winding fixed, near Yangpu, a name, a unique
 * id). A feature with several polygons becomes a MultiPolygon. Pure.
 */
import type { Position } from 'geojson';
import { checkPolygon, convert, near } from './checks';
import { polygonEvidence } from './evidence';
import { cleanText, finiteNumber } from './text';
import { type Field, fileIssue, type ImportOptions, type ImportResult, type Message, m } from './types';

export interface PolygonRecord {
  /** GeoJSON feature index */
  index: number;
  where: (field?: string) => Message;
  /** the polygons' rings as written (unchecked), or why there are none */
  polys: unknown[] | Message;
  props: { id?: unknown; name?: unknown; population?: unknown; subdistrict?: unknown };
}

export function readCircles(
  records: PolygonRecord[],
  o: ImportOptions,
  result: ImportResult,
  missing: Field[],
): void {
  const fixed = { count: 0 };
  const checked = records.map((r): Position[][][] | Message => {
    if (!Array.isArray(r.polys)) return r.polys;
    if (r.polys.length === 0) return m('空几何', 'empty geometry');
    const out: Position[][][] = [];
    for (const rings of r.polys) {
      const c = checkPolygon(rings, fixed);
      if (!Array.isArray(c)) return c;
      out.push(c);
    }
    return out;
  });
  const ev = polygonEvidence(
    checked.filter((c): c is Position[][][] => Array.isArray(c)),
    o,
  );
  if (ev) {
    result.evidence = ev.evidence;
    result.suggestedCrs = ev.suggested;
  }
  // Missing required properties: the geometry is still checked, nothing is accepted.
  result.missing = missing;
  const seen = new Set<string>();
  for (const [k, r] of records.entries()) {
    const reject = (field: string, message: Message) =>
      result.rejected.push({ where: r.where(field), index: r.index, message });
    const polys = checked[k]!;
    if (!Array.isArray(polys)) {
      reject('geometry', polys);
      continue;
    }
    const out = polys.map((rings) => rings.map((ring) => ring.map((p) => convert([p[0]!, p[1]!], o.crs))));
    if (!near(out[0]![0]![0]!)) {
      reject(
        'coordinates',
        m('不在杨浦附近（坐标系是否选错？）', 'not near Yangpu (wrong coordinate system?)'),
      );
      continue;
    }
    if (missing.length > 0) continue;
    const name = cleanText(r.props.name);
    const id = cleanText(r.props.id) ?? name;
    if (!name || !id) {
      reject('name', m('缺少名称', 'missing name'));
      continue;
    }
    if (seen.has(id)) {
      reject('id', m(`编号“${id}”重复`, `duplicate id "${id}"`));
      continue;
    }
    seen.add(id);
    const population = finiteNumber(r.props.population);
    result.circles.push({
      id,
      name,
      subdistrict: cleanText(r.props.subdistrict),
      population: population !== null && population >= 0 ? population : null,
      geometry:
        out.length === 1
          ? { type: 'Polygon', coordinates: out[0]! }
          : { type: 'MultiPolygon', coordinates: out },
    });
  }
  if (fixed.count > 0)
    result.warnings.push(
      fileIssue(
        m(
          `已自动修正${fixed.count}个环的方向（RFC 7946）`,
          `fixed the winding of ${fixed.count} ring(s) (RFC 7946)`,
        ),
      ),
    );
}
