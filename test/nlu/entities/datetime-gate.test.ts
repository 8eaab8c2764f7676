import { beforeEach, expect, test, vi } from 'vitest';

// Count calls into the recognizer's model without changing what it returns.
const parseCalls = vi.fn();
vi.mock('@microsoft/recognizers-text-date-time', async (importOriginal) => {
  const original = await importOriginal<typeof import('@microsoft/recognizers-text-date-time')>();
  class CountingRecognizer extends original.DateTimeRecognizer {
    override getDateTimeModel(culture?: string, fallback?: boolean) {
      const model = super.getDateTimeModel(culture, fallback);
      const parse = model.parse.bind(model);
      model.parse = (query: string, reference?: Date) => {
        parseCalls(query);
        return parse(query, reference);
      };
      return model;
    }
  }
  return { ...original, DateTimeRecognizer: CountingRecognizer };
});

const { extractEntities } = await import('../../../src/nlu/entities/index.js');

const now = new Date('2026-11-29T10:00:00+08:00');

beforeEach(() => {
  parseCalls.mockClear();
});

test('texts without date or time words never reach the recognizer', () => {
  extractEntities('附近有没有保洁的活，我住礼贤社区，电话13812345678，日薪200', { now });
  expect(parseCalls).not.toHaveBeenCalled();
});

test('a text with a date word reaches it once', () => {
  const found = extractEntities('明天下午3点可以吗', { now });
  expect(parseCalls).toHaveBeenCalledTimes(1);
  expect(found.map((e) => e.type)).toEqual(['datetime']);
});
