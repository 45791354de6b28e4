import { Router } from './router';

describe('Router', () => {
  const router = new Router<string>()
    .add('GET', '/v2/users', 'list')
    .add('POST', '/v2/users', 'create')
    .add('GET', '/v2/users/summary', 'summary')
    .add('GET', '/v2/users/:userId', 'get')
    .add('PATCH', '/v2/users/:userId', 'update')
    .add('POST', '/bulk/:portion/finalize', 'finalize');

  it('finds exact paths by method', () => {
    expect(router.resolve('GET', '/v2/users')).toEqual({ kind: 'found', handler: 'list', params: {} });
    expect(router.resolve('POST', '/v2/users')).toEqual({ kind: 'found', handler: 'create', params: {} });
  });

  it('prefers an exact path to a pattern that also fits', () => {
    expect(router.resolve('GET', '/v2/users/summary')).toEqual({ kind: 'found', handler: 'summary', params: {} });
    expect(router.resolve('PATCH', '/v2/users/summary')).toEqual({ kind: 'found', handler: 'update', params: { userId: 'summary' } });
  });

  it('fills :params, decoded', () => {
    expect(router.resolve('GET', '/v2/users/jane%40example.com')).toEqual({
      kind: 'found',
      handler: 'get',
      params: { userId: 'jane@example.com' },
    });
    expect(router.resolve('POST', '/bulk/p-1/finalize')).toEqual({ kind: 'found', handler: 'finalize', params: { portion: 'p-1' } });
  });

  it('answers method-not-allowed with the methods the path has', () => {
    expect(router.resolve('DELETE', '/v2/users')).toEqual({ kind: 'method-not-allowed', allowed: ['GET', 'POST'] });
    expect(router.resolve('DELETE', '/v2/users/summary')).toEqual({ kind: 'method-not-allowed', allowed: ['GET', 'PATCH'] });
    expect(router.resolve('GET', '/bulk/p-1/finalize')).toEqual({ kind: 'method-not-allowed', allowed: ['POST'] });
  });

  it('answers not-found for unknown paths, empty params and malformed percent-encoding', () => {
    expect(router.resolve('GET', '/v2/meetings')).toEqual({ kind: 'not-found' });
    expect(router.resolve('GET', '/v2/users/')).toEqual({ kind: 'not-found' });
    expect(router.resolve('GET', '/v2/users/a/b')).toEqual({ kind: 'not-found' });
    expect(router.resolve('GET', '/v2/users/%E0%A4%A')).toEqual({ kind: 'not-found' });
    expect(router.resolve('POST', '/bulk//finalize')).toEqual({ kind: 'not-found' });
  });

  it('keeps the last handler added for the same method and exact path', () => {
    const replaced = new Router<number>().add('GET', '/a', 1).add('GET', '/a', 2);
    expect(replaced.resolve('GET', '/a')).toEqual({ kind: 'found', handler: 2, params: {} });
  });
});
