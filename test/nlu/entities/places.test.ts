import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  allPlaces,
  findPlaces,
  loadPlaces,
  parsePlaces,
  PlaceIndex,
  placeById,
} from '../../../src/nlu/entities/places.js';

const refs = (text: string) => findPlaces(text).map((m) => ({ text: m.text, ...m.value }));

describe('seed/places.json', () => {
  test('holds the twelve villages and communities, the nine from the report confirmed', () => {
    const places = allPlaces();
    expect(places).toHaveLength(12);
    const confirmed = places.filter((p) => !p.assumed).map((p) => p.name);
    expect(confirmed.sort()).toEqual(
      ['梅家村', '礼贤社区', '五湖村', '南村', '欣港社区', '双水桥社区', '美港社区', '滨港村', '汪村村'].sort(),
    );
    const assumed = places.filter((p) => p.assumed);
    expect(assumed.map((p) => p.name).sort()).toEqual(['双西港社区', '白凉亭村', '百家塘村'].sort());
    for (const p of assumed) expect(p.note).toBeTruthy();
  });

  test('kinds follow the names', () => {
    for (const p of allPlaces()) expect(p.kind).toBe(p.name.endsWith('社区') ? 'community' : 'village');
  });

  test('estates named in the report belong to a community and are marked assumed', () => {
    for (const estate of ['南湖春苑', '九润公馆', '景江华庭', '锦绣家园', '欧景御花园']) {
      const [match] = findPlaces(estate);
      expect(match?.value.via).toBe(estate);
      const owner = placeById(match!.value.id)!;
      expect(owner.kind).toBe('community');
      expect(owner.subPlaces.find((s) => s.name === estate)?.assumed).toBe(true);
    }
  });

  test('placeById finds a place by its pinyin id', () => {
    expect(placeById('lixian')?.name).toBe('礼贤社区');
    expect(placeById('wangcun')?.name).toBe('汪村村');
    expect(placeById('nowhere')).toBeUndefined();
  });
});

describe('findPlaces', () => {
  test.each([
    ['梅家', 'meijia'],
    ['礼贤', 'lixian'],
    ['五湖', 'wuhu'],
    ['南村', 'nancun'],
    ['欣港', 'xingang'],
    ['双水桥', 'shuangshuiqiao'],
    ['美港', 'meigang'],
    ['滨港', 'bingang'],
    ['汪村', 'wangcun'],
    ['百家塘', 'baijiatang'],
    ['双西港', 'shuangxigang'],
    ['白凉亭', 'bailiangting'],
  ])('the short name %s', (alias, id) => {
    expect(refs(`我住${alias}那边`)).toEqual([expect.objectContaining({ text: alias, id })]);
  });

  test.each([
    ['梅家村', 'meijia'],
    ['梅家社区', 'meijia'], // after 村改居
    ['汪村村', 'wangcun'],
    ['南村村委', 'nancun'],
    ['礼贤社区居委会', 'lixian'],
    ['五湖村委会', 'wuhu'],
    ['百家塘片区', 'baijiatang'],
    ['欣港村', 'xingang'],
  ])('suffix variations: %s', (written, id) => {
    expect(refs(`${written}门口`)).toEqual([expect.objectContaining({ text: written, id })]);
  });

  test('a sub-place names its village and says which sub-place it was', () => {
    expect(refs('莱利田铺那边路灯坏了')).toEqual([{ text: '莱利田铺', id: 'wuhu', name: '五湖村', via: '莱利田铺' }]);
    expect(refs('南湖春苑小区有积水')).toEqual([
      { text: '南湖春苑小区', id: 'shuangshuiqiao', name: '双水桥社区', via: '南湖春苑' },
    ]);
  });

  test('the longest name wins and matches never overlap', () => {
    expect(refs('礼贤未来社区的活动')).toEqual([{ text: '礼贤未来社区', id: 'lixian', name: '礼贤社区' }]);
    expect(refs('双西港产业园招人')).toEqual([
      { text: '双西港产业园', id: 'shuangxigang', name: '双西港社区', via: '双西港产业园' },
    ]);
  });

  test('several places come back in text order', () => {
    expect(refs('从滨港村到五湖村莱利田铺').map((r) => [r.text, r.id, r.via])).toEqual([
      ['滨港村', 'bingang', undefined],
      ['五湖村', 'wuhu', undefined],
      ['莱利田铺', 'wuhu', '莱利田铺'],
    ]);
  });

  test('offsets point into the original text', () => {
    const [m] = findPlaces('ＡＢ礼贤社区');
    expect(m).toMatchObject({ text: '礼贤社区', start: 2, end: 6 });
  });

  test('an idiom containing a short name is not a place', () => {
    expect(findPlaces('来自五湖四海的朋友')).toEqual([]);
  });

  test('texts without places', () => {
    expect(findPlaces('附近有没有保洁的活')).toEqual([]);
    expect(findPlaces('')).toEqual([]);
  });
});

describe('validation', () => {
  const minimal = { id: 'meijia', name: '梅家村', kind: 'village' };

  test('a valid file fills in defaults', () => {
    expect(parsePlaces({ places: [minimal] })).toEqual([
      { ...minimal, aliases: [], exclusions: [], assumed: false, subPlaces: [] },
    ]);
  });

  test.each([
    ['a bad id', { places: [{ ...minimal, id: 'Mei Jia' }] }, /places\[0\]\.id/],
    ['an unknown kind', { places: [{ ...minimal, kind: 'town' }] }, /places\[0\]\.kind/],
    ['a misspelt field', { places: [{ ...minimal, alias: ['梅家'] }] }, /alias/],
    ['an empty list', { places: [] }, /places/],
    ['an assumed place without a note', { places: [{ ...minimal, assumed: true }] }, /needs a note/],
    [
      'a duplicate id',
      { places: [minimal, { ...minimal, name: '梅家社区' }] },
      /duplicate id "meijia"/,
    ],
    [
      'a name claimed by two places',
      { places: [{ ...minimal, aliases: ['五湖'] }, { id: 'wuhu', name: '五湖村', kind: 'village', aliases: ['五湖'] }] },
      /"五湖" is claimed by both "meijia" and "wuhu"/,
    ],
  ])('refuses %s, naming the problem', (_why, data, message) => {
    expect(() => parsePlaces(data, 'places.json')).toThrow(/places\.json is invalid/);
    expect(() => parsePlaces(data, 'places.json')).toThrow(message);
  });

  test('loadPlaces names a file it cannot read or parse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linli-places-'));
    const broken = join(dir, 'places.json');
    writeFileSync(broken, '{ "places": [');
    expect(() => loadPlaces(broken)).toThrow(broken);
    expect(() => loadPlaces(join(dir, 'missing.json'))).toThrow(/cannot read places file/);
  });

  test('a PlaceIndex can be built from other data', () => {
    const index = new PlaceIndex(parsePlaces({ places: [{ ...minimal, aliases: ['梅家'] }] }));
    expect(index.find('梅家').map((m) => m.value)).toEqual([{ id: 'meijia', name: '梅家村' }]);
    expect(index.get('meijia')?.name).toBe('梅家村');
  });
});
