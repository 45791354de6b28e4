type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * Turns an OpenAPI schema into plain JSON Schema that Ajv validates: local `$ref`s
 * ("#/components/...") are inlined, OpenAPI 3.0 `nullable` becomes a "null" type and 3.0's
 * boolean exclusiveMinimum/Maximum become numbers. `document` is the whole OpenAPI file.
 */
export function toJsonSchema(schema: unknown, document: unknown): JsonObject {
  return convert(schema as Json, document as JsonObject, []) as JsonObject;
}

function convert(node: Json, document: JsonObject, refChain: string[]): Json {
  if (Array.isArray(node)) {
    return node.map((item) => convert(item, document, refChain));
  }
  if (node === null || typeof node !== 'object') {
    return node;
  }
  if (typeof node.$ref === 'string') {
    const ref = node.$ref;
    if (refChain.includes(ref)) {
      throw new Error(`recursive $ref ${ref} cannot be inlined`);
    }
    return convert(resolvePointer(document, ref), document, [...refChain, ref]);
  }
  const converted: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      converted.properties = Object.fromEntries(
        Object.entries(value).map(([name, property]) => [name, convert(property, document, refChain)]),
      );
    } else {
      converted[key] = convert(value, document, refChain);
    }
  }
  return nullableToType(exclusiveBoundsToNumbers(converted));
}

function nullableToType(schema: JsonObject): JsonObject {
  if (schema.nullable !== true) {
    return schema;
  }
  const rest = { ...schema };
  delete rest.nullable;
  if (typeof rest.type === 'string') {
    rest.type = [rest.type, 'null'];
    if (Array.isArray(rest.enum) && !rest.enum.includes(null)) {
      rest.enum = [...rest.enum, null];
    }
    return rest;
  }
  return { anyOf: [rest, { type: 'null' }] };
}

function exclusiveBoundsToNumbers(schema: JsonObject): JsonObject {
  const result = { ...schema };
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof result[flag] === 'boolean') {
      if (result[flag] === true && typeof result[bound] === 'number') {
        result[flag] = result[bound];
        delete result[bound];
      } else {
        delete result[flag];
      }
    }
  }
  return result;
}

function resolvePointer(document: JsonObject, ref: string): Json {
  if (!ref.startsWith('#/')) {
    throw new Error(`only local $refs are supported, not ${ref}`);
  }
  let node: Json = document;
  for (const rawSegment of ref.slice(2).split('/')) {
    const segment = decodeURIComponent(rawSegment).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !(segment in node)) {
      throw new Error(`$ref ${ref} points nowhere`);
    }
    node = node[segment];
  }
  return node;
}
