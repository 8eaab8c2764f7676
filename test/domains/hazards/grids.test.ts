import { describe, expect, it } from 'vitest';
import { categoryFromAnswer, inferCategory } from '../../../src/domains/hazards/categories.js';
import { GridDirectory, parseGrids } from '../../../src/domains/hazards/grids.js';
import { allPlaces } from '../../../src/nlu/entities/places.js';
import { describesSomething } from '../../../src/domains/hazards/handlers.js';

const desk = { id: 'duty-desk', name: '值班室', workers: [{ key: 'desk-1', name: '周', role: 'leader' }] };

describe('seed/grids.json', () => {
  it('loads, covers every village, and routes places to grids', () => {
    const grids = GridDirectory.load();
    for (const place of allPlaces()) expect(grids.gridsOf(place.id).length, place.name).toBeGreaterThan(0);
    expect(grids.route('wuhu').name).toBe('五湖村第1网格');
    expect(grids.route('wuhu', '莱利田铺').name).toBe('五湖村第2网格');
    expect(grids.route(null).id).toBe('duty-desk');
    expect(grids.find('五湖村第2网格', ['wuhu']).map((g) => g.id)).toEqual(['wuhu-2']);
    expect(grids.find('五湖2网格', ['wuhu']).map((g) => g.id)).toEqual(['wuhu-2']);
    expect(grids.find('值班室', []).map((g) => g.id)).toEqual(['duty-desk']);
  });

  it('refuses a broken file, naming what is wrong', () => {
    const places = allPlaces();
    const grid = (extra: object) => ({ dutyDesk: desk, grids: [{ id: 'x-1', placeId: 'wuhu', name: 'X', workers: [{ key: 'x-1-l', name: '甲', role: 'leader' }], ...extra }] });
    expect(() => parseGrids(grid({ placeId: 'atlantis' }), places)).toThrow(/"atlantis" is not a place/);
    expect(() => parseGrids(grid({ covers: ['南湖春苑'] }), places)).toThrow(/not a sub-place of 五湖村/);
    expect(() => parseGrids(grid({ workers: [{ key: 'x-1-l', name: '甲', role: 'member' }] }), places)).toThrow(/exactly one leader/);
    expect(() => parseGrids(grid({ workers: [{ key: 'desk-1', name: '甲', role: 'leader' }] }), places)).toThrow(/duplicate worker key/);
    expect(() => parseGrids(grid({ id: 'Bad Id' }), places)).toThrow(/lowercase slug/);
    expect(() => parseGrids({ grids: [] }, places)).toThrow(/dutyDesk/);
  });
});

describe('categories', () => {
  it('infers the category from what residents say, and leaves unclear messages to a question', () => {
    expect(inferCategory('楼道里有人飞线充电')).toBe('ebike_charging');
    expect(inferCategory('电瓶车推到家里充电')).toBe('ebike_charging');
    expect(inferCategory('闻到一股煤气味')).toBe('gas');
    expect(inferCategory('田里有人烧秸秆')).toBe('straw_burning');
    expect(inferCategory('消防通道被车堵了')).toBe('fire_safety');
    expect(inferCategory('老房子墙裂了一条大缝')).toBe('buildings');
    expect(inferCategory('路口井盖没了')).toBe('roads_facilities');
    expect(inferCategory('河里有死鱼，水发臭')).toBe('environment');
    expect(inferCategory('隔壁两口子天天吵架')).toBe('disputes');
    expect(inferCategory('我要随手拍')).toBeUndefined();
    expect(categoryFromAnswer('矛盾纠纷')).toBe('disputes');
    expect(categoryFromAnswer('其他')).toBe('other');
    expect(categoryFromAnswer('燃气')).toBe('gas');
  });

  it('takes a message as the description only when it says what happened', () => {
    expect(describesSomething('随手拍')).toBe(false);
    expect(describesSomething('我要举报一个问题')).toBe(false);
    expect(describesSomething('有人烧秸秆')).toBe(true);
  });
});
