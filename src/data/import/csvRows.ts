/** CSV files: facilities by coordinate columns, population (and age groups) by name or id. */
import { AGE_GROUPS, type AgeGroup, type AgeGroupCounts } from '../../core/ageGroups';
import { parseCsv } from '../csv';
import { DataError } from '../errors';
import { type ColumnPlan, parsePair, planColumns } from './columns';
import { type PointRecord, readFacilities } from './facilities';
import { KINDS } from './kinds';
import { cleanText, finiteNumber } from './text';
import {
  type Field,
  fileIssue,
  type ImportOptions,
  type ImportResult,
  type Message,
  m,
  rowAt,
} from './types';

/** Required fields of the kind that no column was found for (a default category counts as one). */
export function missingFields(o: ImportOptions, columns: ColumnPlan['columns']): Field[] {
  return KINDS[o.kind].required.filter((f) => !columns[f] && !(f === 'category' && o.category));
}

export function importCsv(text: string, o: ImportOptions, result: ImportResult): void {
  const spec = KINDS[o.kind];
  if (!(spec.formats as readonly string[]).includes('csv')) {
    result.fatal = m(`${spec.label.zh}需用GeoJSON导入`, `Import ${spec.label.en} as GeoJSON, not CSV`);
    return;
  }
  let table: ReturnType<typeof parseCsv>;
  try {
    table = parseCsv(text, 'file');
  } catch (e) {
    result.fatal = m(`CSV格式错误：${csvProblemZh(e as Error)}`, `Malformed CSV: ${(e as Error).message}`);
    return;
  }
  if (table.rows.length === 0) {
    result.fatal = m('CSV没有数据行', 'The CSV has no data rows');
    return;
  }
  result.format = 'csv';
  result.header = table.header;
  const plan = planColumns(table.header, table.rows, spec.fields, o.kind, o.crs, o.columns);
  result.columns = plan.columns;
  for (const note of plan.notes) result.warnings.push(fileIssue(note));
  const missing = missingFields(o, plan.columns);
  if (o.kind === 'population') importPopulationRows(table, plan.columns, result, o, missing);
  else readFacilities(pointRecords(table.rows, plan.columns, result), o, result, plan.coordinateCrs, missing);
}

/** One record per row: the raw position (or why there is none) and the mapped fields. */
function pointRecords(
  rows: Record<string, string>[],
  columns: ColumnPlan['columns'],
  result: ImportResult,
): PointRecord[] {
  const { lon: lonCol, lat: latCol } = columns;
  const col = (f: Field) => columns[f] ?? '';
  let swapped = 0;
  const records = rows.map((row, i): PointRecord => {
    let failed: string | null = null;
    let p: [number, number] | Message;
    if (!lonCol || !latCol) p = m('没有经纬度列', 'no coordinate columns');
    else if (lonCol === latCol) {
      const pair = parsePair(row[lonCol]);
      failed = pair ? null : lonCol;
      p = pair ?? m('不是“经度,纬度”', 'not a "lon,lat" pair');
    } else {
      const lon = finiteNumber(row[lonCol]);
      const lat = finiteNumber(row[latCol]);
      failed = lon === null ? lonCol : lat === null ? latCol : null;
      p = lon !== null && lat !== null ? [lon, lat] : m('坐标不是数字', 'the coordinate is not a number');
    }
    // In China longitudes (73–136) always exceed latitudes (3–54): a swapped pair is unambiguous.
    if (Array.isArray(p) && p[0] >= 3 && p[0] <= 54 && p[1] >= 73 && p[1] <= 136) {
      p = [p[1], p[0]];
      swapped++;
    }
    const where = (field?: string) => {
      const name =
        field === 'coordinates' ? (failed ?? 'coordinates') : field ? col(field as Field) || field : '';
      return rowAt(i + 2, name || undefined);
    };
    return {
      index: i + 2,
      where,
      p,
      props: {
        id: row[col('id')],
        name: row[col('name')],
        address: row[col('address')],
        category: row[col('category')],
        capacity: row[col('capacity')],
      },
    };
  });
  if (swapped > 0)
    result.warnings.push(
      fileIssue(
        m(
          `${swapped}行的经度、纬度互换了位置：已按互换后读取`,
          `${swapped} rows had longitude and latitude swapped: read them swapped back`,
        ),
      ),
    );
  return records;
}

/** The row's age-group counts, or the column holding a bad one. */
function ageCounts(
  row: Record<string, string>,
  ageCols: [AgeGroup, string][],
  population: number | null,
): { ages?: AgeGroupCounts; bad?: string } {
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
  columns: ColumnPlan['columns'],
  result: ImportResult,
  o: ImportOptions,
  missing: Field[],
): void {
  const ageCols = AGE_GROUPS.flatMap((g): [AgeGroup, string][] => (columns[g] ? [[g, columns[g]!]] : []));
  // Residents or at least one age group: without either there is nothing to read.
  if (!columns.population && ageCols.length === 0) missing.push('population');
  if (missing.length > 0) {
    result.missing = missing;
    return;
  }
  const keyCol = columns.name!;
  const popCol = columns.population ?? null;
  const circles = o.targets?.circles ?? [];
  const subdistricts = o.targets?.subdistricts ?? [];
  const seen = new Set<string>();
  for (const [i, row] of table.rows.entries()) {
    const reject = (field: string, message: Message) =>
      result.rejected.push({ where: rowAt(i + 2, field), index: i + 2, message });
    const key = cleanText(row[keyCol]);
    const population = popCol ? finiteNumber(row[popCol]) : null;
    if (!key) {
      reject(keyCol, m('缺少名称或编号', 'missing name or id'));
      continue;
    }
    if (popCol && (population === null || population < 0)) {
      reject(popCol, m('人口不是非负数', 'population is not a non-negative number'));
      continue;
    }
    const { ages, bad } = ageCounts(row, ageCols, population);
    if (bad) {
      reject(
        bad,
        m(
          '年龄组人数不是非负数或超过总人口',
          'the age-group count is not a non-negative number up to the population',
        ),
      );
      continue;
    }
    if (population === null && !ages) {
      reject(
        ageCols[0]![1],
        m('此行没有人口或年龄组人数', 'the row gives neither residents nor age-group counts'),
      );
      continue;
    }
    const circle = circles.find((c) => c.id === key || c.name === key);
    const sub = subdistricts.find((s) => s === key || s.replace(/街道$/, '') === key.replace(/街道$/, ''));
    if (!circle && !sub) {
      reject(keyCol, m(`没有名为“${key}”的生活圈或街道`, `no circle or subdistrict named "${key}"`));
      continue;
    }
    const target = circle ? 'circle' : 'subdistrict';
    const id = circle ? circle.id : sub!;
    if (seen.has(`${target}:${id}`)) {
      reject(keyCol, m(`“${key}”重复`, `duplicate "${key}"`));
      continue;
    }
    seen.add(`${target}:${id}`);
    result.population.push({ target, key: id, population, ...(ages ? { ageGroups: ages } : {}) });
  }
}

/** The CSV parser's problem in Chinese ("row 3: unterminated quoted field" → "第3行：引号未闭合"). */
function csvProblemZh(e: Error): string {
  const at = e instanceof DataError && e.where ? /row (\d+)/.exec(e.where) : null;
  const where = at ? `第${at[1]}行：` : '';
  const problem = e instanceof DataError ? e.problem : e.message;
  const fields = /^has (\d+) fields but the header has (\d+)$/.exec(problem);
  if (fields) return `${where}有${fields[1]}个字段，而表头有${fields[2]}个`;
  if (/unterminated quoted field/.test(problem)) return `${where}引号未闭合`;
  if (/empty file/.test(problem)) return '文件为空：没有表头行';
  return `${where}无法解析`;
}
