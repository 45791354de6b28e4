import { ValidationProblem } from '@zoom-oomnitza-sync/platform';
import { normalizeBaseUrl } from './base-url';

describe('normalizeBaseUrl', () => {
  it('keeps an https origin (and path) without the trailing slash', () => {
    expect(normalizeBaseUrl('https://acme.oomnitza.com/', false)).toBe('https://acme.oomnitza.com');
    expect(normalizeBaseUrl('https://proxy.example.com/oomnitza//', false)).toBe('https://proxy.example.com/oomnitza');
  });

  it('refuses http unless allowed, so the token never travels in clear by accident', () => {
    expect(() => normalizeBaseUrl('http://acme.oomnitza.com', false)).toThrow(ValidationProblem);
    expect(normalizeBaseUrl('http://127.0.0.1:4010', true)).toBe('http://127.0.0.1:4010');
  });

  it.each([
    'acme.oomnitza.com',
    'ftp://acme.oomnitza.com',
    'https://user:pass@acme.oomnitza.com',
    'https://acme.oomnitza.com/?x=1',
    'https://acme.oomnitza.com/#top',
  ])('refuses %p, naming the field', (raw) => {
    let problem: ValidationProblem | undefined;
    try {
      normalizeBaseUrl(raw, true);
    } catch (error) {
      problem = error as ValidationProblem;
    }
    expect(problem).toBeInstanceOf(ValidationProblem);
    expect(problem?.problem.errors).toEqual([{ field: 'baseUrl', message: expect.any(String) }]);
  });
});
