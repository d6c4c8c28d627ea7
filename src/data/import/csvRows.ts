/** CSV files: facilities by coordinate columns, population (and age groups) by name or id. */
import { AGE_GROUPS, type AgeGroup, type AgeGroupCounts } from '../../core/ageGroups';
import { parseCsv } from '../csv';
import { checkPosition, convert, near, suggestCrs } from './checks';
import {
  ADDRESS_NAMES,
  AGE_NAMES,
  CATEGORY_NAMES,
  ID_NAMES,
  LAT_NAMES,
  LON_NAMES,
  NAME_NAMES,
  POPULATION_NAMES,
  pick,
} from './columns';
import { cleanText, finiteNumber } from './text';
import { type Field, type ImportOptions, type ImportResult, m } from './types';

export function importCsv(text: string, o: ImportOptions, result: ImportResult): void {
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

/** The row's age-group counts, or a message naming the bad field. */
function ageCounts(
  row: Record<string, string>,
  ageCols: [AgeGroup, string][],
  population: number | null,
): { ages?: AgeGroupCounts; bad?: string } {
  if (ageCols.length === 0) return {};
  const ages: AgeGroupCounts = {};
  for (const [group, col] of ageCols) {
    if (!row[col]?.trim()) continue;
    const v = finiteNumber(row[col]);
    if (v === null || v < 0 || (population !== null && v > population)) return { bad: col };
    ages[group] = v;
  }
  return Object.keys(ages).length ? { ages } : {};
}

function importPopulationRows(
  table: ReturnType<typeof parseCsv>,
  o: ImportOptions,
  result: ImportResult,
  column: (field: Field, names: string[]) => string | null,
): void {
  const keyCol = column('name', [...ID_NAMES, ...NAME_NAMES, '生活圈', '街道', 'subdistrict', 'circle']);
  const popCol = column('population', POPULATION_NAMES);
  const ageCols = AGE_GROUPS.map((g) => [g, column(g, AGE_NAMES[g])] as [AgeGroup, string | null]).filter(
    (x): x is [AgeGroup, string] => x[1] !== null,
  );
  if (!keyCol || (!popCol && ageCols.length === 0)) {
    result.fatal = m(
      `缺少名称/编号列或人口列（人口或60岁及以上、3-6岁、0-3岁人数；现有：${table.header.join('、')}）`,
      `Missing a name/id column or a population column (residents, or age60plus / age3to5 / under3 counts; found: ${table.header.join(', ')})`,
    );
    return;
  }
  const circles = o.targets?.circles ?? [];
  const subdistricts = o.targets?.subdistricts ?? [];
  const seen = new Set<string>();
  for (const [i, row] of table.rows.entries()) {
    const where = (field: string) => `row ${i + 2}, field ${field}`;
    const key = cleanText(row[keyCol]);
    const population = popCol ? finiteNumber(row[popCol]) : null;
    if (!key) {
      result.rejected.push({
        where: where(keyCol),
        message: m('缺少名称或编号', 'missing name or id'),
      });
      continue;
    }
    if (popCol && (population === null || population < 0)) {
      result.rejected.push({
        where: where(popCol),
        message: m('人口不是非负数', 'population is not a non-negative number'),
      });
      continue;
    }
    const { ages, bad } = ageCounts(row, ageCols, population);
    if (!bad && population === null && !ages) {
      result.rejected.push({
        where: where(ageCols[0]![1]),
        message: m('此行没有人口或年龄组人数', 'the row gives neither residents nor age-group counts'),
      });
      continue;
    }
    if (bad) {
      result.rejected.push({
        where: where(bad),
        message: m(
          '年龄组人数不是非负数或超过总人口',
          'the age-group count is not a non-negative number up to the population',
        ),
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
    result.population.push({ target, key: id, population, ...(ages ? { ageGroups: ages } : {}) });
  }
}

/** Add one facility after its checks (position, near Yangpu, name, category, unique id). */
export function addFacility(
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
