/**
 * `npm run import-check -- <file> --kind <kind> [--crs WGS84|GCJ02|BD09] [--json]
 *   [--category <id>] [--column <field>=<header>]… [--lang zh|en]`
 *
 * Prints what the app's import preview would show for a file — encoding, columns used,
 * accepted features with their WGS-84 coordinates, rejected rows with reasons, warnings, and
 * the suggested coordinate system with its evidence — by running the app's own importer
 * (src/data/importer.ts) with what we know from geodata/. Kinds come from the importer's
 * table (facilities, circles, population, network). Exit code: 0 when something is accepted and no
 * required column is missing, 1 when nothing is, 2 on a usage error.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Lang } from '../src/core/lang';
import { parseCrs } from '../src/data/crs';
import {
  type CheckReport,
  checkReport,
  type Field,
  IMPORT_KINDS,
  type ImportOptions,
  importFile,
  isImportKind,
  KINDS,
  knownFromLayers,
  MAX_IMPORT_BYTES,
  tooLarge,
} from '../src/data/importer';
import { readLayer } from './bench/coverage-data';
import { ensureGeodata } from './geodata/ensure';

const USAGE = `usage: npm run import-check -- <file> --kind ${IMPORT_KINDS.join('|')} [--crs WGS84|GCJ02|BD09] [--json]
       [--category <id>] [--column <field>=<header>]… [--lang zh|en]`;

export interface CheckRun {
  code: number;
  stdout: string;
  stderr: string;
}

interface Args {
  file: string;
  options: ImportOptions;
  json: boolean;
  lang: Lang;
}

function parseArgs(argv: string[]): Args | string {
  let file: string | null = null;
  let kind: string | null = null;
  let crsText = 'WGS84';
  let category: string | undefined;
  let json = false;
  let lang: Lang = 'zh';
  const columns: Partial<Record<Field, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => argv[++i] ?? '';
    if (a === '--json') json = true;
    else if (a === '--kind') kind = next();
    else if (a === '--crs') crsText = next();
    else if (a === '--category') category = next();
    else if (a === '--lang') lang = next() === 'en' ? 'en' : 'zh';
    else if (a === '--column') {
      const [field, ...rest] = next().split('=');
      const fields = Object.values(KINDS).flatMap((k) => k.fields as readonly string[]);
      if (!field || rest.length === 0 || !fields.includes(field))
        return `--column takes <field>=<header>, field one of ${[...new Set(fields)].join(', ')}`;
      columns[field as Field] = rest.join('=');
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (file === null) file = a;
    else return `one file at a time (got ${file} and ${a})`;
  }
  if (!file) return 'no file given';
  if (!isImportKind(kind))
    return `--kind must be one of ${IMPORT_KINDS.join(', ')}${kind ? ` (got "${kind}")` : ''}`;
  const crs = parseCrs(crsText);
  if (!crs) return `--crs must be WGS84, GCJ02 or BD09 (got "${crsText}")`;
  return { file, json, lang, options: { kind, crs, category, columns } };
}

/** What we know, from geodata/: the facilities and outlines, and the population targets. */
function withKnown(o: ImportOptions): ImportOptions {
  const layer = (name: string) => readLayer(`${name}.geojson`);
  const layers = {
    district: layer('district'),
    subdistricts: layer('subdistricts'),
    circles: layer('circles'),
    eldercare: layer('eldercare'),
    childcare: layer('childcare'),
    services: layer('services'),
  };
  return {
    ...o,
    known: knownFromLayers(layers),
    district: layers.district.features[0]?.geometry as Polygon | MultiPolygon,
    targets: {
      circles: layers.circles.features.map((f) => ({
        id: String(f.properties?.id),
        name: String(f.properties?.name),
      })),
      subdistricts: layers.subdistricts.features.map((f) => String(f.properties?.name)),
    },
  };
}

const CRS_NAME = { WGS84: 'WGS-84', GCJ02: 'GCJ-02', BD09: 'BD-09' } as const;

/** The report as the preview reads: a few lines per section, the first 10 items of long lists. */
function text(report: CheckReport, args: Args): string {
  const en = args.lang === 'en';
  const out: string[] = [];
  const list = (items: string[]) => {
    out.push(...items.slice(0, 10).map((s) => `  ${s}`));
    if (items.length > 10)
      out.push(`  … ${items.length - 10} ${en ? 'more (--json lists all)' : '条未列出（--json 列出全部）'}`);
  };
  out.push(
    `${basename(args.file)} · ${args.options.kind} · ${en ? 'stated' : '所选坐标系'} ${CRS_NAME[args.options.crs]}`,
  );
  out.push(`${en ? 'encoding' : '编码'}: ${report.encoding ?? '—'}`);
  out.push(
    `${en ? 'columns' : '列'}: ${Object.entries(report.columns)
      .map(([f, c]) => `${f} ← ${c ?? '—'}`)
      .join(', ')}`,
  );
  out.push(`${en ? 'accepted' : '可导入'}: ${report.accepted.length}`);
  list(
    report.accepted.map((a) =>
      [
        a.id,
        a.name,
        a.category ?? a.subdistrict ?? a.target,
        a.lon !== undefined ? `${a.lon}, ${a.lat}` : a.population,
      ]
        .filter((v) => v !== undefined && v !== null)
        .join('  '),
    ),
  );
  out.push(`${en ? 'rejected' : '被拒绝'}: ${report.rejected.length}`);
  list(report.rejected.map((r) => r.reason));
  out.push(`${en ? 'warnings' : '提示'}: ${report.warnings.length}`);
  list(report.warnings);
  const s = report.suggestedCrs;
  out.push(
    `${en ? 'coordinate system' : '坐标系'}: ${
      s
        ? en
          ? `suggested ${CRS_NAME[s]} (stated ${CRS_NAME[args.options.crs]})`
          : `建议改用 ${CRS_NAME[s]}（所选 ${CRS_NAME[args.options.crs]}）`
        : en
          ? `keep ${CRS_NAME[args.options.crs]}`
          : `保持 ${CRS_NAME[args.options.crs]}`
    }`,
  );
  for (const line of report.evidence?.lines ?? []) out.push(`  ${line}`);
  return `${out.join('\n')}\n`;
}

/** Run the check (the script's main, callable from tests). */
export function importCheck(argv: string[]): CheckRun {
  const args = parseArgs(argv);
  if (typeof args === 'string') return { code: 2, stdout: '', stderr: `✗ ${args}\n${USAGE}\n` };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(args.file));
  } catch (e) {
    return { code: 2, stdout: '', stderr: `✗ cannot read ${args.file}: ${(e as Error).message}\n` };
  }
  const result =
    bytes.length > MAX_IMPORT_BYTES
      ? tooLarge(bytes.length)
      : importFile(bytes, basename(args.file), withKnown(args.options), {
          xmlParser: new DOMParser({
            onError: (level: string, message: string) => {
              if (level !== 'warning') throw new Error(`malformed XML: ${message}`);
            },
          }),
        });
  const report = checkReport(result, args.lang);
  const ok = report.accepted.length > 0 && result.missing.length === 0 && !result.fatal;
  return {
    code: ok ? 0 : 1,
    stdout: args.json ? `${JSON.stringify(report, null, 2)}\n` : text(report, args),
    stderr: '',
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  try {
    ensureGeodata();
  } catch (e) {
    console.error(`✗ ${(e as Error).message}`);
    process.exit(2);
  }
  const run = importCheck(process.argv.slice(2));
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  process.exitCode = run.code;
}
