/** GeoJSON files: facilities (Points) and life circles (Polygons, MultiPolygons). */
import type { Feature, Position } from 'geojson';
import { checkPolygon, checkPosition, convert, near, suggestCrs } from './checks';
import { addFacility } from './csvRows';
import { cleanText, finiteNumber, safeJsonParse } from './text';
import { type ImportOptions, type ImportResult, m } from './types';

export function importGeoJson(text: string, o: ImportOptions, result: ImportResult): void {
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
          name: props.name ?? props.名称,
          address: props.address ?? props.地址,
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
    const name = cleanText(props.name ?? props.名称);
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
    const population = finiteNumber(props.population ?? props.人口);
    result.circles.push({
      id,
      name,
      subdistrict: cleanText(props.subdistrict ?? props.街道),
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
