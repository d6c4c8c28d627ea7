/**
 * The tag rules on real ways of the 五角场/复旦/同济 exports (cut fixtures, named by way id) and
 * on the synthetic extract for what the real files lack (no way there is tagged foot=no).
 */
import { describe, expect, it } from 'vitest';
import {
  isBuilding,
  isGreen,
  isResidential,
  isWaterArea,
  isWaterwayLine,
  WALK_DROP_RULES,
  walkRule,
} from '../../../src/data/osm/rules';
import { fixtureXml, wayTags } from './fixtures';

const campus = fixtureXml('wujiaochang-fudan.cut-campus.osm');
const tongji = fixtureXml('tongji-siping.cut-zoumatang.osm');
const zoumatang = fixtureXml('wujiaochang-fudan.cut-zoumatang.osm');
const synthetic = fixtureXml('synthetic-a.osm');

describe('walk rules on real Shanghai ways', () => {
  it.each([
    [campus, 302532397, 'a footway inside the 复旦 campus'],
    [zoumatang, 435088959, 'a sidewalk on a bridge (footway=sidewalk, bridge=yes)'],
    [tongji, 189478405, 'a footway with foot=yes at 同济'],
    [campus, 74424207, '邯郸路, primary'],
    [campus, 72250107, 'an at-grade trunk_link beside 中环路'],
    [tongji, 176873889, 'an at-grade trunk_link at 四平路'],
    [campus, 43926117, 'a service road with foot=yes'],
  ])('keeps way %#: %s', (data, id) => {
    expect(walkRule(wayTags(data, id))).toBe('keep');
  });

  it.each([
    [campus, 39150988, 'motorroad', '中环路 viaduct: trunk, motorroad=yes, bridge=yes, layer=2'],
    [campus, 47052553, 'motorroad', '中环路 ground-level express lanes: trunk, motorroad=yes'],
    [campus, 47052802, 'motorroad', '中环路 in 邯郸路地道: trunk, motorroad=yes, tunnel=yes'],
    [tongji, 71461991, 'motorroad', '内环高架路: trunk, motorroad=yes, bridge=yes, layer=1'],
    [tongji, 176873890, 'trunk-bridge-or-tunnel', 'an expressway ramp: trunk_link, bridge=yes, layer=1'],
    [campus, 47052875, 'trunk-bridge-or-tunnel', 'a ramp into 邯郸路地道: trunk_link, tunnel=yes'],
    [tongji, 136752696, 'vehicle-tunnel', '四平路-中山北二路下立交: primary, tunnel=yes'],
    [campus, 176802616, 'access=private/no', 'a service road with access=private'],
    [tongji, 37695072, 'not-walkable-class', 'a cycleway without foot access'],
  ])('drops way %#: %s → %s', (data, id, rule) => {
    expect(walkRule(wayTags(data, id))).toBe(rule);
  });

  it('really has the tags the rules key on (the fixture is the real export)', () => {
    expect(wayTags(campus, 39150988)).toMatchObject({
      name: '中环路',
      highway: 'trunk',
      motorroad: 'yes',
      bridge: 'yes',
    });
    expect(wayTags(tongji, 136752696)).toMatchObject({ name: '四平路-中山北二路下立交', tunnel: 'yes' });
  });
});

describe('walk rules on the synthetic extract (one way per rule)', () => {
  it.each([
    [-1, 'keep'],
    [-2, 'foot=no'],
    [-3, 'access=private/no'],
    [-4, 'keep'],
    [-5, 'motorway'],
    [-6, 'motorroad'],
    [-7, 'trunk-bridge-or-tunnel'],
    [-8, 'vehicle-tunnel'],
    [-9, 'keep'],
    [-10, 'not-walkable-class'],
    [-11, 'keep'],
    [-12, 'not-walkable-class'],
    [-13, 'keep'],
    [-14, 'motorroad'],
    [-15, 'access=private/no'],
    [-23, 'area'],
  ])('way %i → %s', (id, rule) => {
    expect(walkRule(wayTags(synthetic, id))).toBe(rule);
  });

  it('every drop rule is exercised by the synthetic extract', () => {
    const used = new Set(
      synthetic.elements.flatMap((e) => (e.type === 'way' && e.tags ? [walkRule(e.tags)] : [])),
    );
    for (const rule of WALK_DROP_RULES) expect(used, rule).toContain(rule);
  });

  it('ways without a highway tag are not candidates', () => {
    expect(walkRule({ building: 'yes' })).toBeNull();
  });

  it('foot=yes overrides access=private and access=no, never foot=no', () => {
    expect(walkRule({ highway: 'service', access: 'no', foot: 'permissive' })).toBe('keep');
    expect(walkRule({ highway: 'footway', foot: 'no' })).toBe('foot=no');
    expect(walkRule({ highway: 'footway', foot: 'private' })).toBe('foot=no');
  });
});

describe('area rules', () => {
  it('sorts areas into residential, buildings, water and green', () => {
    expect(isResidential({ landuse: 'residential' })).toBe(true);
    expect(isBuilding({ building: 'yes' })).toBe(true);
    expect(isBuilding({ building: 'no' })).toBe(false);
    expect(isWaterArea({ natural: 'water', water: 'canal' })).toBe(true);
    expect(isWaterArea({ waterway: 'riverbank' })).toBe(true);
    expect(isWaterArea({ waterway: 'canal', area: 'yes' })).toBe(true);
    expect(isWaterArea({ waterway: 'canal' })).toBe(false);
    expect(isWaterwayLine({ waterway: 'canal' })).toBe(true);
    expect(isWaterwayLine({ waterway: 'riverbank' })).toBe(false);
    expect(isGreen({ leisure: 'park' })).toBe(true);
    expect(isGreen({ landuse: 'grass' })).toBe(true);
    expect(isGreen({ leisure: 'pitch' })).toBe(false);
  });

  it('东走马塘 (way 177217556) is water: natural=water, water=canal', () => {
    expect(isWaterArea(wayTags(zoumatang, 177217556))).toBe(true);
  });
});
