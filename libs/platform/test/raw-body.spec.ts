import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { RAW_BODY_LIMIT_BYTES } from '../src';
import { storeApiKey } from './support/stored-keys';
import { dropSchema, startTestApp, uniqueSchema, useTestEnvironment } from './support/test-app';

describe('raw bodies for signed webhooks, JSON everywhere else', () => {
  const schema = uniqueSchema('raw_body');
  let app: INestApplication;

  beforeAll(async () => {
    useTestEnvironment(schema);
    ({ app } = await startTestApp());
  });

  afterAll(async () => {
    await app?.close();
    await dropSchema(schema);
  });

  const http = () => request(app.getHttpServer());
  const postToWebhook = (body: Buffer, headers: Record<string, string> = {}) =>
    http()
      .post('/webhooks/echo')
      .set({ 'content-type': 'application/json; charset=utf-8', ...headers })
      // As a string: superagent would serialize a Buffer as JSON.
      .send(body.toString('utf8'));

  it('hands a webhook route the exact bytes that arrived, unparsed', async () => {
    const sent = Buffer.from('{"name" :  "Zoë Ångström 李",\n "escaped":"\\u00e9", "n": 1.50}', 'utf8');

    const response = await postToWebhook(sent).expect(200);

    expect(Buffer.from(response.body.rawBody, 'base64').equals(sent)).toBe(true);
    expect(response.body.parsed).toBeNull();
  });

  it('leaves a body that is not JSON to the webhook route to judge', async () => {
    const sent = Buffer.from('not json at all', 'utf8');

    const response = await postToWebhook(sent).expect(200);

    expect(Buffer.from(response.body.rawBody, 'base64').toString('utf8')).toBe('not json at all');
  });

  it('still parses JSON on every other route, and still refuses malformed JSON there', async () => {
    const writer = await storeApiKey(schema, 'acme', ['notes:write']);
    const created = await http().post('/notes').set('Authorization', `Bearer ${writer.key}`).send({ text: 'parsed as JSON' }).expect(201);
    expect(created.body).toMatchObject({ tenantId: 'acme', text: 'parsed as JSON' });

    const malformed = await http()
      .post('/notes')
      .set({ Authorization: `Bearer ${writer.key}`, 'content-type': 'application/json' })
      .send('{"text": nope}')
      .expect(400);
    expect(malformed.body).toMatchObject({ status: 400, detail: 'The request body is not valid JSON.' });
  });

  it('refuses a webhook body above the limit with 413 problem+json', async () => {
    const response = await postToWebhook(Buffer.alloc(RAW_BODY_LIMIT_BYTES + 1, 'a')).expect(413);

    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 413 });
  });

  it('refuses a compressed webhook body with 415: the signature covers the bytes as sent', async () => {
    const response = await postToWebhook(Buffer.from('{}'), { 'content-encoding': 'gzip' }).expect(415);

    expect(response.body).toMatchObject({ status: 415, detail: 'content-encoding gzip is not supported' });
  });
});
