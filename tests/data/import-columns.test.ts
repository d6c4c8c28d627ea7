/**
 * Columns by meaning: the headers real Chinese and English lists use, the coordinate system
 * a header names, content (numbers between 121 and 122 are longitudes here; "lon,lat" in one
 * column), categories by their Chinese or English label, and one clear message when a
 * required column is missing — with our own facilities as the rows.
 */
import { describe, expect, it } from 'vitest';
import { headerCrs, planColumns } from '../../src/data/import/columns';
import { categoryFromText } from '../../src/data/import/facilities';
import { type ImportOptions, importFile, KINDS, missingMessage } from '../../src/data/importer';
import { ourFacilities } from '../helpers/plannerFiles';

const bytes = (text: string) => new TextEncoder().encode(text);
const opts: ImportOptions = { kind: 'facilities', crs: 'WGS84', category: 'baby-room' };
/** Three of our facilities (name, address, WGS-84), for rows. */
const [a, b, c] = ourFacilities(['eldercare']).filter((f) => f.address);
const plan = (header: string[], rows: Record<string, string>[] = []) =>
  planColumns(header, rows, KINDS.facilities.fields, 'facilities', 'WGS84');

describe('columns by meaning: headers', () => {
  const cases: [string[], Record<string, string | null>][] = [
    [
      ['facility_name', 'official_address', 'lng', 'lat', 'type'],
      { name: 'facility_name', address: 'official_address', lon: 'lng', lat: 'lat', category: 'type' },
    ],
    [
      ['机构名称', '地址', '经度(百度)', '纬度(百度)'],
      { name: '机构名称', address: '地址', lon: '经度(百度)', lat: '纬度(百度)' },
    ],
    [
      ['序号', '名称', '详细地址', 'bd_lng', 'bd_lat', '类型', '床位数'],
      {
        id: '序号',
        name: '名称',
        address: '详细地址',
        lon: 'bd_lng',
        lat: 'bd_lat',
        category: '类型',
        capacity: '床位数',
      },
    ],
    [
      ['所属街道', '设施名称', 'GCJ02经度', 'GCJ02纬度'],
      { name: '设施名称', lon: 'GCJ02经度', lat: 'GCJ02纬度' },
    ],
    [
      ['Name', 'Address', 'Longitude', 'Latitude', 'Category', 'ID'],
      { name: 'Name', lon: 'Longitude', id: 'ID' },
    ],
    [
      ['类型名称', '单位名称', 'x', 'y', '核定床位'],
      { name: '单位名称', category: '类型名称', lon: 'x', lat: 'y', capacity: '核定床位' },
    ],
    [['name_en', '幼儿园名称', '经度（高德）', '纬度（高德）'], { name: '幼儿园名称', lon: '经度（高德）' }],
    [['name_en', 'lon', 'lat'], { name: null }],
  ];
  for (const [header, want] of cases) {
    it(`${header.join(', ')} → ${Object.entries(want)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`, () => {
      expect(plan(header).columns).toMatchObject(want);
    });
  }

  it('reads the coordinate system a header names', () => {
    expect(['经度(百度)', 'bd_lng', 'BD09_LAT', 'baidu_lon', 'bdlng', 'lng_bd'].map(headerCrs)).toEqual(
      Array(6).fill('BD09'),
    );
    expect(
      ['经度（高德）', 'gcj02_lng', 'GCJ_LAT', 'amap_lon', '腾讯纬度', '火星坐标经度'].map(headerCrs),
    ).toEqual(Array(6).fill('GCJ02'));
    expect(['wgs84_lon', 'WGS_LAT', 'gps经度'].map(headerCrs)).toEqual(Array(3).fill('WGS84'));
    expect(['lng', 'lat', '经度', 'abdomen', 'longitude'].map(headerCrs)).toEqual(Array(5).fill(null));
  });
});

describe('columns by meaning: content', () => {
  it('numbers between 121 and 122 and between 30.5 and 32 are the coordinates, and the preview says so', () => {
    const r = importFile(
      bytes(`c1,c2,名称\n${[a, b].map((f) => `${f!.lonLat[0]},${f!.lonLat[1]},${f!.name}`).join('\n')}\n`),
      'f.csv',
      opts,
    );
    expect(r.columns).toMatchObject({ lon: 'c1', lat: 'c2', name: '名称' });
    expect(r.facilities.map((f) => f.lonLat)).toEqual([a!.lonLat, b!.lonLat]);
    expect(r.warnings[0]!.message.en).toBe(
      "Coordinate columns recognised by their content: c1, c2 (numbers in Yangpu's range)",
    );
  });

  it('one column holding "lon,lat" (Amap\'s location, 经纬度) is split', () => {
    for (const header of ['经纬度', 'location', 'pos']) {
      const r = importFile(
        bytes(
          `${header},名称\n"${a!.lonLat[0]},${a!.lonLat[1]}",${a!.name}\n"${b!.lonLat[0]} ${b!.lonLat[1]}",${b!.name}\n`,
        ),
        'f.csv',
        opts,
      );
      expect(r.columns).toMatchObject({ lon: header, lat: header });
      expect(r.facilities.map((f) => f.lonLat)).toEqual([a!.lonLat, b!.lonLat]);
    }
  });

  it('latitude and longitude swapped in a row are read back the right way, with a warning', () => {
    const r = importFile(
      bytes(
        `name,lon,lat\n${a!.name},${a!.lonLat[1]},${a!.lonLat[0]}\n${b!.name},${b!.lonLat[0]},${b!.lonLat[1]}\n`,
      ),
      'f.csv',
      opts,
    );
    expect(r.facilities.map((f) => f.lonLat)).toEqual([a!.lonLat, b!.lonLat]);
    expect(r.warnings[0]!.message.en).toBe(
      '1 rows had longitude and latitude swapped: read them swapped back',
    );
  });

  it('categories by their label (Chinese or English), capacities from "120床"', () => {
    expect(
      [
        '长者食堂',
        '社区长者食堂',
        'Kindergarten',
        'elder-canteen',
        '养老院',
        '敬老院',
        '托育机构',
        '老年大学',
        '',
      ].map(categoryFromText),
    ).toEqual([
      'elder-canteen',
      'elder-canteen',
      'kindergarten',
      'elder-canteen',
      'nursing-home',
      'nursing-home',
      'childcare-centre',
      null,
      null,
    ]);
    const r = importFile(
      bytes(
        `机构名称,类别,床位,经度,纬度\n${a!.name},养老院,120床,${a!.lonLat.join(',')}\n${b!.name},老年大学,,${b!.lonLat.join(',')}\n${c!.name},长者食堂,"1,200",${c!.lonLat.join(',')}\n`,
      ),
      'f.csv',
      opts,
    );
    expect(r.facilities.map((f) => [f.category, f.capacity])).toEqual([
      ['nursing-home', 120],
      ['baby-room', null],
      ['elder-canteen', 1200],
    ]);
    expect(r.warnings.map((w) => w.message.en)).toContain(
      '1 rows have a category that is not one of ours (e.g. "老年大学"): they take the chosen default type',
    );
  });
});

describe('missing required columns: one clear message, the picker decides', () => {
  const rows = [a, b, c].map((f) => `${f!.name},${f!.lonLat[0]},${f!.lonLat[1]}`).join('\n');

  it('CSV without a name column: "no name column found — choose one", no row rejected; choosing it reads every row', () => {
    const file = bytes(`单位,经度,纬度\n${rows}\n`);
    const r = importFile(file, 'f.csv', opts);
    expect(r.fatal).toBeNull();
    expect(r.missing).toEqual(['name']);
    expect(r.rejected).toEqual([]);
    expect(r.facilities).toEqual([]);
    expect(missingMessage(r.missing, r.format)).toEqual({
      zh: '未找到名称列——请在下面选择',
      en: 'No name column found — choose one below',
    });
    // the CRS evidence does not wait for the name
    expect(r.evidence).not.toBeNull();
    const chosen = importFile(file, 'f.csv', { ...opts, columns: { name: '单位' } });
    expect(chosen.missing).toEqual([]);
    expect(chosen.facilities.map((f) => f.name)).toEqual([a!.name, b!.name, c!.name]);
  });

  it('GeoJSON without a name property: the same message for properties; rows with a bad position are still named', () => {
    const features = [a, b].map((f) => ({
      type: 'Feature',
      properties: { 全称: f!.name },
      geometry: { type: 'Point', coordinates: f!.lonLat },
    }));
    features.push({
      type: 'Feature',
      properties: { 全称: 'x' },
      geometry: { type: 'Point', coordinates: [2, 2] },
    });
    const text = JSON.stringify({ type: 'FeatureCollection', features });
    const r = importFile(bytes(text), 'f.geojson', opts);
    expect(r.missing).toEqual(['name']);
    expect(r.header).toEqual(['全称']);
    expect(missingMessage(r.missing, r.format).en).toBe('No name property found — choose one below');
    expect(r.rejected.map((x) => x.message.en)).toEqual([
      'coordinate [2, 2] is not near Yangpu (wrong coordinate system?)',
    ]);
    expect(
      importFile(bytes(text), 'f.geojson', { ...opts, columns: { name: '全称' } }).facilities,
    ).toHaveLength(2);
  });

  it('no default category and no category column: the category is asked for too', () => {
    const r = importFile(bytes(`单位,经度,纬度\n${rows}\n`), 'f.csv', { kind: 'facilities', crs: 'WGS84' });
    expect(r.missing).toEqual(['name', 'category']);
    expect(missingMessage(r.missing, 'csv').en).toBe(
      'No name and category columns found — choose them below',
    );
  });

  it('population by 街道 and 常住人口', () => {
    const r = importFile(bytes('街道,常住人口\n殷行街道,180000\n'), 'p.csv', {
      kind: 'population',
      crs: 'WGS84',
      targets: { circles: [], subdistricts: ['殷行街道'] },
    });
    expect(r.columns).toMatchObject({ name: '街道', population: '常住人口' });
    expect(r.population).toEqual([{ target: 'subdistrict', key: '殷行街道', population: 180000 }]);
  });

  it("age-group columns by meaning: an age group's count is never taken for the total", () => {
    const popPlan = (header: string[]) =>
      planColumns(header, [], KINDS.population.fields, 'population', 'WGS84').columns;
    expect(popPlan(['街道', '常住人口', '60岁以上人口', '3～6岁人口', '3岁以下人口'])).toMatchObject({
      name: '街道',
      population: '常住人口',
      age60plus: '60岁以上人口',
      age3to5: '3～6岁人口',
      under3: '3岁以下人口',
    });
    // 老年人口 holds 人口 but is the elders, not the residents
    expect(popPlan(['生活圈', '老年人口', '婴幼儿人数'])).toMatchObject({
      name: '生活圈',
      population: null,
      age60plus: '老年人口',
      under3: '婴幼儿人数',
    });
    expect(popPlan(['name', 'residents', 'age60plus', 'age3to5', 'under3'])).toMatchObject({
      population: 'residents',
      age60plus: 'age60plus',
      age3to5: 'age3to5',
      under3: 'under3',
    });
  });

  it('a population file with neither residents nor age groups asks for the population column', () => {
    const r = importFile(bytes('街道,备注\n殷行街道,x\n'), 'p.csv', {
      kind: 'population',
      crs: 'WGS84',
      targets: { circles: [], subdistricts: ['殷行街道'] },
    });
    expect(r.missing).toEqual(['population']);
    expect(r.population).toEqual([]);
    expect(missingMessage(r.missing, 'csv').en).toBe('No population column found — choose one below');
  });
});
