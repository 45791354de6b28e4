import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isZoomSource, LISTED_ZOOM_SOURCES, needsUserRead, READ_ONLY_ZOOM_SOURCES, ZoomValueKind, zoomValueKind } from './zoom-sources';

type Schema = { properties?: Record<string, Schema>; allOf?: Schema[]; items?: Schema; type?: string; format?: string };

/** Zoom's own Users API file, the reference the source catalogue is checked against. */
const openApi = JSON.parse(
  readFileSync(
    path.join(
      process.env.ZOOM_OPENAPI_DIR ?? path.resolve(__dirname, '../../../../../shared/reference/zoom-openapi'),
      'users-endpoints.json',
    ),
    'utf8',
  ),
) as { paths: Record<string, { get: { responses: { 200: { content: { 'application/json': { schema: Schema } } } } } }> };

function propertiesOf(schema: Schema): Record<string, Schema> {
  return Object.assign({}, schema.properties, ...(schema.allOf ?? []).map(propertiesOf));
}

const responseOf = (pathTemplate: string) =>
  propertiesOf(openApi.paths[pathTemplate].get.responses[200].content['application/json'].schema);
const listed = new Set(Object.keys(propertiesOf(responseOf('/users').users.items!)));
const readProperties = responseOf('/users/{userId}');
const listedProperties = propertiesOf(responseOf('/users').users.items!);
const read = new Set(Object.keys(readProperties));

function kindInOpenApi(schema: Schema): ZoomValueKind {
  if (schema.type === 'integer' || schema.type === 'number') {
    return 'number';
  }
  if (schema.type === 'array') {
    return 'list';
  }
  if (schema.type === 'boolean') {
    return 'boolean';
  }
  return schema.format === 'date-time' ? 'date' : 'text';
}

describe('the Zoom sources a mapping may read', () => {
  it('are fields GET /users lists, as Zoom’s OpenAPI file says', () => {
    expect(LISTED_ZOOM_SOURCES.filter((source) => !listed.has(source))).toEqual([]);
  });

  it('or fields only GET /users/{userId} returns, which make a full sync read each user', () => {
    expect(READ_ONLY_ZOOM_SOURCES.filter((source) => !read.has(source) || listed.has(source))).toEqual([]);
    expect(READ_ONLY_ZOOM_SOURCES.every(needsUserRead)).toBe(true);
    expect(LISTED_ZOOM_SOURCES.some(needsUserRead)).toBe(false);
  });

  it('include custom attributes by name, and never the host key', () => {
    expect(isZoomSource('custom_attributes.Cost Center')).toBe(true);
    expect(isZoomSource('custom_attributes.')).toBe(false);
    expect(listed.has('host_key')).toBe(true);
    expect(isZoomSource('host_key')).toBe(false);
  });

  it('have the kind of value Zoom’s OpenAPI file gives each', () => {
    const sources = [...LISTED_ZOOM_SOURCES, ...READ_ONLY_ZOOM_SOURCES];
    const wrong = sources.filter((source) => zoomValueKind(source) !== kindInOpenApi(listedProperties[source] ?? readProperties[source]));
    expect(wrong).toEqual([]);
    expect(zoomValueKind('custom_attributes.Building')).toBe('text');
  });
});
