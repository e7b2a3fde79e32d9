// Kinora's /v1 videos API driven by the official OpenAI Node SDK, as a client written for OpenAI's
// Videos API would use it with only its base URL changed. Run by OpenAiSdkIntegrationTest, which
// starts Kinora and passes KINORA_BASE_URL, KINORA_API_KEY and KINORA_RESULTS (a file this script
// writes the ids of the videos it made to, for checks the Java side makes with FFmpeg).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import OpenAI, { toFile, NotFoundError, ConflictError, BadRequestError } from 'openai';

const statuses = [];
const client = new OpenAI({
  baseURL: process.env.KINORA_BASE_URL,
  apiKey: process.env.KINORA_API_KEY,
  maxRetries: 0,
  // every answer Kinora gives is recorded, so that one test can assert that none was a 5xx
  fetch: async (url, init) => {
    const response = await fetch(url, init);
    statuses.push({ status: response.status, method: init?.method ?? 'GET', url: String(url) });
    return response;
  },
});

const SMALL = { model: 'kinora-local', seconds: '2', size: '480x480' };

function result(name, value) {
  appendFileSync(process.env.KINORA_RESULTS, JSON.stringify({ name, value }) + '\n');
}

/** Polls as the SDK's helpers do: after the pause openai-poll-after-ms asks for. */
async function finished(id) {
  for (let i = 0; i < 600; i++) {
    const { data, response } = await client.videos.retrieve(id).withResponse();
    if (data.status === 'completed' || data.status === 'failed') {
      assert.equal(response.headers.get('openai-poll-after-ms'), null, 'no pause asked once it ended');
      return data;
    }
    const pause = Number.parseInt(response.headers.get('openai-poll-after-ms'));
    assert.ok(pause > 0 && pause <= 5000, `openai-poll-after-ms while ${data.status}: ${pause}`);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  throw new Error(`video ${id} did not finish`);
}

async function completed(id) {
  const video = await finished(id);
  assert.equal(video.status, 'completed', JSON.stringify(video.error));
  return video;
}

/** A 64x64 PNG made from its chunks, so no picture file has to travel with the test. */
function png() {
  const { deflateSync, crc32 } = zlib;
  const width = 64;
  const height = 64;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * (width * 3 + 1) + 1 + x * 3;
      raw[at] = x * 4;
      raw[at + 1] = y * 4;
      raw[at + 2] = 160;
    }
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const zlib = await import('node:zlib');

let first; // a completed video, made once and used by the tests after it

test('create (multipart, as the SDK sends it), retrieve and wait with openai-poll-after-ms', async () => {
  const { data, response } = await client.videos
    .create({ ...SMALL, prompt: 'A lighthouse on a cliff at sunset' })
    .withResponse();
  assert.equal(data.object, 'video');
  assert.match(data.id, /^video_[0-9a-f]{32}$/);
  assert.ok(['queued', 'in_progress'].includes(data.status));
  assert.equal(data.seconds, '2');
  assert.equal(data.size, '480x480');
  assert.equal(data.remixed_from_video_id, null);
  assert.ok(Number.parseInt(response.headers.get('openai-poll-after-ms')) > 0);
  first = await completed(data.id);
  assert.equal(first.progress, 100);
  assert.ok(first.completed_at >= first.created_at);
  assert.equal(first.error, null);
  for (const field of ['id', 'object', 'model', 'status', 'progress', 'created_at', 'completed_at',
    'expires_at', 'prompt', 'size', 'seconds', 'remixed_from_video_id', 'error']) {
    assert.ok(field in first, `the video object has ${field}`);
  }
});

test('create with a JSON body', async () => {
  const video = await client.post('/videos', {
    body: { ...SMALL, prompt: 'Rain over a neon city at night' },
  });
  assert.equal(video.object, 'video');
  await completed(video.id);
});

test('create with a file as input_reference', async () => {
  const video = await client.videos.create({
    ...SMALL,
    prompt: 'A slow zoom into a painted gradient',
    input_reference: await toFile(png(), 'frame.png', { type: 'image/png' }),
  });
  await completed(video.id);
  result('file-reference', video.id);
});

test('create with input_reference.image_url as a data: URL, multipart and JSON', async () => {
  const image_url = 'data:image/png;base64,' + png().toString('base64');
  const multipart = await client.videos.create({
    ...SMALL,
    prompt: 'A picture comes alive',
    input_reference: { image_url },
  });
  await completed(multipart.id);
  result('image-url-reference', multipart.id);
  const json = await client.post('/videos', {
    body: { ...SMALL, prompt: 'A picture comes alive', input_reference: { image_url } },
  });
  await completed(json.id);
});

test('an unusable input_reference is refused, never ignored', async () => {
  for (const input_reference of [
    { image_url: 'data:image/png;base64,@@@' },
    { image_url: 'https://example.invalid/picture.png' },
    { file_id: 'file_123' },
    { image_url: 'data:image/png;base64,AAAA', file_id: 'file_123' },
  ]) {
    await assert.rejects(
      client.videos.create({ ...SMALL, prompt: 'Never made', input_reference }),
      (e) => e instanceof BadRequestError && e.param === 'input_reference',
      JSON.stringify(input_reference),
    );
  }
});

test('downloadContent of each variant, with the types of the spec', async () => {
  const video = await client.videos.downloadContent(first.id);
  assert.equal(video.headers.get('content-type'), 'video/mp4');
  const mp4 = Buffer.from(await video.arrayBuffer());
  assert.equal(mp4.subarray(4, 8).toString('ascii'), 'ftyp');
  for (const variant of ['thumbnail', 'spritesheet']) {
    const picture = await client.videos.downloadContent(first.id, { variant });
    assert.equal(picture.headers.get('content-type'), 'image/webp', variant);
    const bytes = Buffer.from(await picture.arrayBuffer());
    assert.equal(bytes.subarray(0, 4).toString('ascii'), 'RIFF', variant);
    assert.equal(bytes.subarray(8, 12).toString('ascii'), 'WEBP', variant);
  }
  const explicit = await client.videos.downloadContent(first.id, { variant: 'video' });
  assert.equal(Buffer.from(await explicit.arrayBuffer()).length, mp4.length);
});

test('typed errors: NotFoundError for unknown ids, ConflictError while not ready, 400 for a bad variant', async () => {
  const unknown = 'video_' + '0'.repeat(32);
  await assert.rejects(client.videos.retrieve(unknown), NotFoundError);
  await assert.rejects(client.videos.retrieve('not-a-video-id'), NotFoundError);
  await assert.rejects(client.videos.downloadContent(unknown), NotFoundError);
  await assert.rejects(client.videos.delete(unknown), NotFoundError);
  await assert.rejects(client.videos.remix(unknown, { prompt: 'x' }), NotFoundError);
  await assert.rejects(client.videos.edit({ prompt: 'x', video: { id: unknown } }), NotFoundError);
  await assert.rejects(
    client.videos.extend({ prompt: 'x', seconds: '2', video: { id: unknown } }),
    NotFoundError,
  );
  await assert.rejects(
    client.videos.downloadContent(first.id, { variant: 'poster' }),
    (e) => e instanceof BadRequestError && e.param === 'variant',
  );
  const running = await client.videos.create({ ...SMALL, seconds: '8', prompt: 'A long slow pan' });
  await assert.rejects(
    client.videos.downloadContent(running.id),
    (e) => e instanceof ConflictError && e.code === 'video_not_ready',
  );
  await assert.rejects(
    client.videos.downloadContent(running.id, { variant: 'thumbnail' }),
    ConflictError,
  );
  await assert.rejects(client.videos.delete(running.id), ConflictError);
  await assert.rejects(client.videos.remix(running.id, { prompt: 'x' }), ConflictError);
  await client.post(`/videos/${running.id}/cancel`);
  const cancelled = await finished(running.id);
  assert.equal(cancelled.error.code, 'cancelled');
  await assert.rejects(client.videos.createCharacter({
    name: 'Someone',
    video: await toFile(Buffer.from('x'), 'a.mp4'),
  }), (e) => e instanceof BadRequestError && e.code === 'characters_not_supported');
  await assert.rejects(
    client.videos.getCharacter('char_123'),
    (e) => e instanceof BadRequestError && e.code === 'characters_not_supported',
  );
});

test('remix: the original settings with a new prompt', async () => {
  const remix = await client.videos.remix(first.id, { prompt: 'The same lighthouse in a storm' });
  assert.equal(remix.remixed_from_video_id, first.id);
  assert.equal(remix.prompt, 'The same lighthouse in a storm');
  assert.equal(remix.size, first.size);
  assert.equal(remix.seconds, first.seconds);
  assert.equal(remix.model, first.model);
  const done = await completed(remix.id);
  assert.equal(done.remixed_from_video_id, first.id);
});

test('edit: a completed video restyled, by id and as an uploaded file', async () => {
  const byId = await client.videos.edit({ prompt: 'Turn it to winter', video: { id: first.id } });
  assert.equal(byId.source_video_id, first.id);
  assert.equal(byId.source_kind, 'edit');
  await completed(byId.id);
  const mp4 = Buffer.from(await (await client.videos.downloadContent(first.id)).arrayBuffer());
  const byFile = await client.videos.edit({
    prompt: 'Turn it to autumn',
    video: await toFile(mp4, 'clip.mp4', { type: 'video/mp4' }),
  });
  await completed(byFile.id);
});

test('extend: the whole stitched video, from the last frame on', async () => {
  const extended = await client.videos.extend({
    prompt: 'The camera keeps moving along the coast',
    seconds: '2',
    video: { id: first.id },
  });
  assert.equal(extended.seconds, String(Number(first.seconds) + 2));
  assert.equal(extended.source_kind, 'extension');
  const done = await completed(extended.id);
  assert.equal(done.seconds, '4');
  result('extension', { id: done.id, seconds: 4 });
});

test('list: limit, order, after, first_id/last_id/has_more and auto-pagination', async () => {
  const all = [];
  for await (const video of client.videos.list({ limit: 3 })) {
    all.push(video);
  }
  assert.ok(all.length >= 10, `made at least 10 videos, listed ${all.length}`);
  assert.equal(new Set(all.map((v) => v.id)).size, all.length, 'no video twice');
  for (let i = 1; i < all.length; i++) {
    assert.ok(all[i - 1].created_at >= all[i].created_at, 'newest first');
  }
  const page = await client.videos.list({ limit: 2 });
  assert.equal(page.data.length, 2);
  assert.equal(page.has_more, true);
  assert.equal(page.last_id, page.data[1].id);
  const raw = await client.get('/videos', { query: { limit: 2 } });
  assert.equal(raw.object, 'list');
  assert.equal(raw.first_id, raw.data[0].id);
  assert.equal(raw.last_id, raw.data[1].id);
  const next = await client.get('/videos', { query: { limit: 2, after: raw.last_id } });
  assert.equal(next.data[0].id, all[2].id, 'after is exclusive');

  const ascending = [];
  for await (const video of client.videos.list({ limit: 4, order: 'asc' })) {
    ascending.push(video.id);
  }
  assert.deepEqual(ascending, all.map((v) => v.id).reverse());

  const exact = await client.get('/videos', { query: { limit: all.length } });
  assert.equal(exact.has_more, false, 'no more after a page that holds everything');
  const boundary = await client.get('/videos', { query: { limit: all.length - 1 } });
  assert.equal(boundary.has_more, true);
  const empty = await client.get('/videos', { query: { limit: 0 } });
  assert.deepEqual(empty.data, []);
  assert.equal(empty.first_id, null);
  for (const query of [{ limit: 101 }, { limit: -1 }, { order: 'sideways' }, { after: 'nope' }]) {
    await assert.rejects(client.get('/videos', { query }), BadRequestError, JSON.stringify(query));
  }
});

test('delete: the video and its files, then it is not found', async () => {
  const doomed = await client.videos.create({ ...SMALL, prompt: 'A short-lived video' });
  await completed(doomed.id);
  const deleted = await client.videos.delete(doomed.id);
  assert.deepEqual(deleted, { id: doomed.id, object: 'video.deleted', deleted: true });
  await assert.rejects(client.videos.retrieve(doomed.id), NotFoundError);
  await assert.rejects(client.videos.downloadContent(doomed.id), NotFoundError);
  await assert.rejects(client.videos.delete(doomed.id), NotFoundError);
});

test('an Idempotency-Key gives the same answer and one video', async () => {
  const headers = { 'Idempotency-Key': 'sdk-' + Date.now() };
  const body = { ...SMALL, prompt: 'Made once, asked twice' };
  const one = await client.videos.create(body, { headers });
  const two = await client.videos.create(body, { headers });
  assert.deepEqual(two, one);
  await assert.rejects(
    client.videos.create({ ...body, prompt: 'Something else' }, { headers }),
    (e) => e.status === 422 && e.code === 'idempotency_key_reused',
  );
  await completed(one.id);
});

test('no answer was a server error', () => {
  const errors = statuses.filter((s) => s.status >= 500);
  assert.deepEqual(errors, []);
  assert.ok(statuses.length > 50, `${statuses.length} requests`);
});
