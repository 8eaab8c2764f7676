import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountOpen311 } from '../../../src/api/open311/index.js';
import { REQUEST_FIELDS } from '../../../src/api/open311/format.js';
import { caseCode, startHazardApp, type HazardApp } from '../../domains/hazards/helpers.js';

const KEY = 'test-key-123';
let h: HazardApp;

beforeEach(async () => {
  h = await startHazardApp({ env: { OPEN311_API_KEYS: `${KEY},other-key` } });
  mountOpen311(h.app.http!, { ...h.deps, kit: h.kit });
  await h.bindStaff('w-wuhu', 'wuhu-1-m1');
});
afterEach(async () => {
  await h.dispose();
});

const get = async (path: string) => {
  const res = await fetch(h.app.url(`/open311/v2${path}`));
  return { status: res.status, body: (await res.json()) as any };
};
const postForm = async (fields: Record<string, string>) => {
  const res = await fetch(h.app.url('/open311/v2/requests.json'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, body: (await res.json()) as any };
};
const postJson = async (body: unknown) => {
  const res = await fetch(h.app.url('/open311/v2/requests.json'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
};
const expectError = (res: { status: number; body: any }, status: number, words: RegExp) => {
  expect(res.status).toBe(status);
  expect(res.body).toEqual([{ code: status, description: expect.stringMatching(words) }]);
};

describe('Open311 GeoReport v2', () => {
  it('lists the hazard categories as realtime services with the spec fields', async () => {
    const { status, body } = await get('/services.json');
    expect(status).toBe(200);
    expect(body.map((s: any) => s.service_code)).toContain('ebike_charging');
    for (const s of body) {
      expect(Object.keys(s).sort()).toEqual(['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
      expect(s.metadata).toBe(false);
      expect(s.type).toBe('realtime');
    }
  });

  it('creates a request from a form-encoded POST, routes it to the grid and tells its staff', async () => {
    const created = await postForm({
      api_key: KEY,
      service_code: 'roads_facilities',
      address_string: '五湖村3组村口',
      description: '村口井盖缺了一块，晚上看不见，电话13812345678',
      first_name: '三',
      last_name: '张',
      email: 'zhang@example.com',
      phone: '13812345678',
      account_id: 'acc-9',
    });
    expect(created.status).toBe(200);
    expect(created.body).toEqual([{ service_request_id: expect.stringMatching(/^[A-Z0-9]{5}$/), service_notice: expect.stringContaining('五湖村第1网格'), account_id: 'acc-9' }]);
    const id = created.body[0].service_request_id;
    const staff = await h.inbox('w-wuhu');
    expect(staff.join()).toContain(`#${id}`);
    expect(staff.join()).not.toContain('13812345678');

    const one = await get(`/requests/${id}.json`);
    expect(one.status).toBe(200);
    expect(one.body).toHaveLength(1);
    const r = one.body[0];
    expect(Object.keys(r)).toEqual([...REQUEST_FIELDS]);
    expect(r).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'roads_facilities',
      service_name: '道路和公共设施',
      agency_responsible: '五湖村第1网格',
      address_id: 'wuhu',
      requested_datetime: '2026-11-30T02:00:00Z',
    });
    // The reporter's personal data never appears in public responses.
    const everything = JSON.stringify((await get('/requests.json')).body) + JSON.stringify(r);
    for (const secret of ['13812345678', 'zhang@example.com', '张', 'acc-9']) expect(everything).not.toContain(secret);
    expect(r.description).toContain('138****5678');
  });

  it('follows the lifecycle: open while handled, closed with notes once resolved', async () => {
    const created = await postJson({ api_key: KEY, service_code: 'environment', address_id: 'wuhu', description: '河边垃圾堆了好几天，很臭' });
    expect(created.status).toBe(200);
    const id = created.body[0].service_request_id;
    h.advance(30);
    await h.say('w-wuhu', `受理 #${id}`);
    expect((await get(`/requests/${id}.json`)).body[0].status).toBe('open');
    h.advance(120);
    await h.say('w-wuhu', `办结 #${id} 已联系保洁清运`);
    const r = (await get(`/requests/${id}.json`)).body[0];
    expect(r).toMatchObject({ status: 'closed', status_notes: '已联系保洁清运', updated_datetime: '2026-11-30T04:30:00Z' });
  });

  it('filters by service_code, status and dates', async () => {
    const a = (await postJson({ api_key: KEY, service_code: 'gas', address_id: 'meijia', description: '液化气瓶放在楼道里' })).body[0].service_request_id;
    h.advance(60 * 24 * 3);
    const b = (await postJson({ api_key: KEY, service_code: 'environment', address_id: 'wuhu', description: '路边垃圾没人清' })).body[0].service_request_id;
    await h.say('w-wuhu', `办结 #${b} 已清理`);
    const ids = (res: any) => res.body.map((r: any) => r.service_request_id).sort();
    expect(ids(await get('/requests.json'))).toEqual([a, b].sort());
    expect(ids(await get('/requests.json?service_code=gas'))).toEqual([a]);
    expect(ids(await get('/requests.json?status=closed'))).toEqual([b]);
    expect(ids(await get('/requests.json?status=open,closed'))).toEqual([a, b].sort());
    expect(ids(await get('/requests.json?start_date=2026-12-01T00:00:00Z'))).toEqual([b]);
    expect(ids(await get('/requests.json?end_date=2026-12-01T00:00:00Z&start_date=2026-11-29T00:00:00Z'))).toEqual([a]);
    expect(ids(await get(`/requests.json?service_request_id=${a.toLowerCase()},${b}&status=closed`))).toEqual([a, b].sort());
  });

  it('answers bad input with the spec error array and stores nothing', async () => {
    expectError(await postForm({ service_code: 'gas', address_id: 'wuhu', description: '煤气罐放楼道' }), 403, /api_key/);
    expectError(await postForm({ api_key: 'wrong', service_code: 'gas', address_id: 'wuhu', description: '煤气罐放楼道' }), 403, /api_key/);
    expectError(await postForm({ api_key: KEY, address_id: 'wuhu', description: '煤气罐放楼道' }), 400, /service_code/);
    expectError(await postForm({ api_key: KEY, service_code: 'potholes', address_id: 'wuhu', description: '路上有坑' }), 404, /service_code potholes/);
    expectError(await postForm({ api_key: KEY, service_code: 'gas', description: '煤气罐放楼道' }), 400, /location/);
    expectError(await postForm({ api_key: KEY, service_code: 'gas', lat: '28.9', description: '煤气罐放楼道' }), 400, /lat and long/);
    expectError(await postForm({ api_key: KEY, service_code: 'gas', lat: '128.9', long: '118.8', description: '煤气罐放楼道' }), 400, /lat/);
    expectError(await postForm({ api_key: KEY, service_code: 'gas', address_id: 'atlantis', description: '煤气罐放楼道' }), 400, /address_id/);
    // 10,000 characters (30 kB as JSON; form-encoded it would pass the server's 64 KiB body limit → 413).
    expectError(await postJson({ api_key: KEY, service_code: 'gas', address_id: 'wuhu', description: '漏'.repeat(10_000) }), 400, /description.*1000/);
    const bad = await fetch(h.app.url('/open311/v2/requests.json'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
    expectError({ status: bad.status, body: await bad.json() }, 400, /JSON/);
    expect(await h.app.db.prisma.hazardReport.count()).toBe(0);
    expect(await h.inbox('w-wuhu')).toEqual([]);

    expectError(await get('/requests/ZZZZZ.json'), 404, /ZZZZZ/);
    expectError(await get('/requests/ZZZZZ.xml'), 400, /json/);
    expectError(await get('/requests.json?start_date=yesterday'), 400, /start_date/);
    expectError(await get('/requests.json?status=pending'), 400, /status/);
    expectError(await get('/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z'), 400, /90 days/);
  });

  it('sends a report with only coordinates to the duty desk, flags danger as urgent', async () => {
    await h.bindStaff('w-duty', 'duty-desk-m1');
    const created = await postForm({ api_key: KEY, service_code: 'gas', lat: '28.95', long: '118.87', description: '小区门口闻到很浓的煤气味' });
    const id = created.body[0].service_request_id;
    const r = (await get(`/requests/${id}.json`)).body[0];
    expect(r).toMatchObject({ agency_responsible: '街道综治中心值班室', lat: 28.95, long: 118.87, address_id: null, service_notice: 'urgent' });
    expect((await h.inbox('w-duty')).join()).toContain('紧急');
  });
});

describe('chat reports in Open311', () => {
  it('shows a chat report without the reporter', async () => {
    await h.say('r-chat', '我要随手拍');
    // Category asked with options when unclear.
    expect(h.lastOptions()).toContain('矛盾纠纷');
    await h.say('r-chat', '矛盾纠纷');
    await h.say('r-chat', '两户人家为了宅基地边界吵了好几天');
    await h.say('r-chat', '梅家村');
    await h.say('r-chat', '5组');
    await h.say('r-chat', '没有');
    await h.say('r-chat', '实名');
    const code = caseCode(await h.say('r-chat', '确认'));
    const r = (await get(`/requests/${code}.json`)).body[0];
    expect(r).toMatchObject({ service_code: 'disputes', address: '5组，梅家村', agency_responsible: '梅家村第1网格' });
  });
});
