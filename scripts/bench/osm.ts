/**
 * Bench cases for reading OSM extracts: the real 五角场/复旦 export as XML (3.8 MB) and as PBF
 * (the same data, 0.2 MB), and building the layers from both raw exports merged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { DistrictLayer } from '../../src/core/schema';
import { extractOsm } from '../../src/data/osm/extract';
import { parseOsmPbf } from '../../src/data/osm/pbf';
import { parseOsmXml } from '../../src/data/osm/xml';
import { sourcesDir } from '../geodata/paths';
import { clipRegion } from '../geodata/stages/osm-extract';
import { type BenchResult, bench } from './harness';

/** min/median of parsing the real exports and of building the layers from them. */
export function osmBench(): BenchResult[] {
  const raw = join(sourcesDir(), 'osm', 'raw');
  const xmlText = readFileSync(join(raw, 'wujiaochang-fudan.osm'), 'utf8');
  const tongjiText = readFileSync(join(raw, 'tongji-siping.osm'), 'utf8');
  const pbf = readFileSync(join(raw, 'wujiaochang-fudan.osm.pbf'));
  const district = JSON.parse(
    readFileSync(join(sourcesDir(), 'boundaries', 'yangpu_district.geojson'), 'utf8'),
  ) as DistrictLayer;
  const xml = (text: string) => parseOsmXml(text, 'x.osm', new DOMParser());
  const inputs = [xml(xmlText), xml(tongjiText)];
  const clip = clipRegion(district);
  const options = { warmup: 1, runs: 5 };
  return [
    bench('OSM XML parse, wujiaochang-fudan.osm (3.8 MB)', () => xml(xmlText), options),
    bench('OSM PBF parse, wujiaochang-fudan.osm.pbf (same data)', () => parseOsmPbf(pbf, 'x.pbf'), options),
    bench('OSM layers from both exports (merge, rules, clip)', () => extractOsm(inputs, { clip }), options),
  ];
}
