/**
 * Facilities that cannot be Yangpu sites at their point (another district named, far outside
 * the subdistrict they name) are excluded with a reason; sites of different names on one
 * point are flagged "located approximately". The rules on real and made-up names, then the
 * pipeline on the real raw package.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuildOutput, buildGeodata } from '../../scripts/geodata/build';
import { sourcesDir } from '../../scripts/geodata/paths';
import { renderSourcesMd } from '../../scripts/geodata/sources-md';
import { addressTokens } from '../../scripts/geodata/stages/facilities/approximate';
import {
  implausibility,
  otherDistrictNamed,
  subdistrictNamedIn,
} from '../../scripts/geodata/stages/facilities/plausibility';
import type { ExcludedRecord, FacilityFeature, SubdistrictLayer } from '../../src/core/schema';
import { strayEnglish } from '../helpers/strayEnglish';

describe('another district named', () => {
  it('finds the district as a district or as the opening of a name', () => {
    expect(otherDistrictNamed('上海市崇明心连心助老服务社（新村乡）', null)).toBe('崇明');
    expect(otherDistrictNamed('黄浦区谷翠老年公寓', null)).toBe('黄浦');
    expect(otherDistrictNamed('某某养老院', '上海市宝山区殷高西路1号')).toBe('宝山');
    expect(otherDistrictNamed('上海闵行区某某护理站', null)).toBe('闵行');
  });

  it('does not take a street or a place for a district', () => {
    for (const [name, address] of [
      ['宝山路睦邻小厨', '宝山路100号'],
      ['长宁路社区食堂', null],
      ['虹口港助餐点', null],
      ['上海杨浦区虹口路口长者食堂', '上海市杨浦区松江路12号'],
      ['上海市杨浦区长海路街道朗富敬老助餐点', null],
      ['定海路街道波阳路睦邻社区长者食堂', '上海市杨浦区波阳路301号'],
    ] as const) {
      expect(otherDistrictNamed(name, address), name).toBeNull();
    }
  });

  it('reads the subdistrict a name names, not a road of the same word', () => {
    const names = ['平凉路街道', '江浦路街道', '殷行街道', '长白新村街道', '新江湾城街道', '延吉新村街道'];
    expect(subdistrictNamedIn('上海杨浦区殷行社区公益服务中心', names)).toBe('殷行街道');
    expect(subdistrictNamedIn('平凉路街道江浦路睦邻社区长者食堂', names)).toBe('平凉路街道');
    expect(subdistrictNamedIn('上海市杨浦区长白新村街道常欢老年人日间服务中心', names)).toBe('长白新村街道');
    expect(subdistrictNamedIn('上海杨浦区新江湾社区（嘉樾艾维家）长者照护之家', names)).toBe('新江湾城街道');
    expect(subdistrictNamedIn('上海杨浦区时代幼儿园(殷行路)', names)).toBeNull();
  });

  it('keeps a point near the boundary of its named subdistrict, drops one far outside', () => {
    // two unit squares side by side (1 km ≈ 0.0105° of longitude here)
    const sq = (x0: number) => ({
      type: 'Polygon' as const,
      coordinates: [
        [
          [x0, 31.3],
          [x0 + 0.01, 31.3],
          [x0 + 0.01, 31.31],
          [x0, 31.31],
          [x0, 31.3],
        ],
      ],
    });
    const subs = [
      { name: '殷行街道', geometry: sq(121.5) },
      { name: '长海路街道', geometry: sq(121.51) },
    ];
    const at = (lon: number) => ({
      name: '上海杨浦区殷行社区公益服务中心',
      address: null,
      subdistrictStated: null,
      coordinates: [lon, 31.305],
      subdistrict: '长海路街道',
    });
    expect(implausibility(at(121.511), subs)).toBeNull(); // ~95 m over the line
    expect(implausibility(at(121.516), subs)?.en).toMatch(/^far from its stated address.*殷行街道.*5\d\d m/);
    expect(implausibility(at(121.516), subs)?.zh).toMatch(/^位置与所述地址不符/);
  });
});

describe('the pipeline on the real sources', () => {
  let built: BuildOutput;
  let facilities: FacilityFeature[];
  let excluded: ExcludedRecord[];
  beforeAll(() => {
    built = buildGeodata(sourcesDir());
    facilities = ['eldercare.geojson', 'childcare.geojson', 'services.geojson'].flatMap(
      (f) => JSON.parse(built.files.get(f)!).features as FacilityFeature[],
    );
    excluded = JSON.parse(built.files.get('excluded.json')!);
  });

  it('leaves out the Chongming organisation and every site naming another district, with the reason', () => {
    const chongming = excluded.find((e) => e.id === 'S4-3221');
    expect(chongming?.name).toBe('上海市崇明心连心助老服务社（新村乡）');
    expect(chongming?.reason).toMatch(/names another Shanghai district \(崇明\)/);
    expect(chongming?.reasonZh).toMatch(/上海其他区（崇明）/);
    expect(excluded.find((e) => e.id === 'S4-0492')?.reason).toMatch(/\(黄浦\)/);
    for (const f of facilities) {
      expect(otherDistrictNamed(f.properties.name, f.properties.address), f.properties.name).toBeNull();
    }
  });

  it('leaves out a site far outside the subdistrict it names, keeps those at the boundary', () => {
    expect(excluded.find((e) => e.id === 'S4-3139')?.reason).toMatch(/names 殷行街道.*406 m outside/);
    const ids = new Set(facilities.map((f) => f.properties.id));
    // 56 m and 88 m over the line: boundary matters (NOTES §8.3, §8.5), kept
    for (const id of ['S4-1132', 'S4-2684', 'PK011', 'EI035']) expect(ids.has(id), id).toBe(true);
    const subs = JSON.parse(built.files.get('subdistricts.geojson')!) as SubdistrictLayer;
    const polygons = subs.features.map((s) => ({ name: s.properties.name, geometry: s.geometry }));
    for (const f of facilities) {
      const p = f.properties;
      const place = { ...p, coordinates: f.geometry.coordinates };
      expect(implausibility(place, polygons), p.name).toBeNull();
    }
  });

  it('every excluded record has its reason in English and Chinese; counts are in SOURCES.md', () => {
    for (const e of excluded) {
      expect(e.reason.length, e.id).toBeGreaterThan(5);
      expect(e.reasonZh, e.id).toMatch(/[\u4e00-\u9fff]/);
    }
    const md = renderSourcesMd(built.report);
    expect(md).toMatch(/Of these, \*\*3\*\* are left out because the record cannot be a Yangpu site/);
    expect(md).toMatch(/\*\*42\*\* sites at \*\*18\*\* points share their exact coordinate/);
  });

  it('flags the four sites on one point "located approximately", unmoved; a canteen in its home is not', () => {
    const at = facilities.filter((f) => f.geometry.coordinates.join() === '121.532578,31.290775');
    expect(at.map((f) => f.properties.id).sort()).toEqual(['S4-1303', 'S4-1858', 'S4-3419', 'S4-3585']);
    for (const f of at) {
      expect(f.properties.locatedApproximately).toBe(true);
      expect(f.properties.sharedPointWith).toHaveLength(3);
    }
    // 长馨: the canteen at 延吉东路147号 and the home at 安图路18弄39号（延吉东路147号）
    const home = facilities.find((f) => f.properties.id === 'EI008')!;
    expect(home.properties.locatedApproximately).toBe(false);
    expect(facilities.every((f) => typeof f.properties.locatedApproximately === 'boolean')).toBe(true);
    // 人和养老院 took its canteen's point (国和路968号) but states 市京一村7号: approximate
    expect(facilities.find((f) => f.properties.id === 'EI061')!.properties.locatedApproximately).toBe(true);
  });

  it('the address-only list gives every reason in Chinese too, without English fragments', () => {
    const unlocated = JSON.parse(built.files.get('unlocated.json')!) as {
      id: string;
      reason: string;
      reasonZh: string;
    }[];
    expect(unlocated.find((u) => u.id === 'CU002')?.reasonZh).toBe('未能定位：来源只有地址，没有坐标');
    for (const u of [...unlocated, ...excluded]) {
      expect(strayEnglish(u.reasonZh.replace(/（[^）]*NOTES[^）]*）/, '')), `${u.id}: ${u.reasonZh}`).toEqual(
        [],
      );
    }
  });

  it('reads the house numbers of an address', () => {
    expect([...addressTokens('安图路18弄39号（延吉东路147号）')]).toEqual(['安图路18', '延吉东路147']);
    expect([...addressTokens('上海市杨浦区大连西路50号、密云路358号')]).toEqual(['大连西路50', '密云路358']);
  });
});
