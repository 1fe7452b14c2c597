// SPDX-License-Identifier: MIT
/**
 * How the OpenAPI document is derived from the routes: zod schemas to JSON Schema (named schemas into
 * `components.schemas`), and the server's own `duration_days` cap written into every request body that has one,
 * so the document states the limit the server enforces rather than the scenario contract's longer one.
 */
import type { SwaggerTransform } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { REQUEST_EXAMPLES } from './request-examples.js';

type JsonNode = Record<string, unknown>;

function isNode(value: unknown): value is JsonNode {
  return typeof value === 'object' && value !== null;
}

/** Lowers the `maximum` of every `duration_days` property in a JSON schema (in place) to `cap`. */
export function capDurationDays(schema: unknown, cap: number): void {
  if (Array.isArray(schema)) {
    for (const item of schema) capDurationDays(item, cap);
    return;
  }
  if (!isNode(schema)) return;
  const properties = schema.properties;
  if (isNode(properties) && isNode(properties.duration_days)) {
    const days = properties.duration_days;
    if (typeof days.maximum !== 'number' || days.maximum > cap) days.maximum = cap;
  }
  for (const value of Object.values(schema)) capDurationDays(value, cap);
}

/** Puts one example value on each named property of a parameters schema (path or query). */
function exampleParameters(schema: unknown, values: Readonly<Record<string, string>> | undefined): void {
  if (values === undefined || !isNode(schema) || !isNode(schema.properties)) return;
  for (const [name, value] of Object.entries(values)) {
    const property = schema.properties[name];
    if (isNode(property)) property.examples = [value];
  }
}

/**
 * The route transform: zod to JSON Schema, the server's `duration_days` cap on the request body, and the
 * operation's request example ({@link REQUEST_EXAMPLES}).
 */
export function openApiTransform(maxDurationDays: number): SwaggerTransform {
  return (input) => {
    const output = jsonSchemaTransform(input);
    const schema = output.schema as JsonNode;
    capDurationDays(schema.body, maxDurationDays);
    const example = typeof schema.operationId === 'string' ? REQUEST_EXAMPLES[schema.operationId] : undefined;
    if (example?.body !== undefined && isNode(schema.body)) schema.body.examples = [example.body];
    exampleParameters(schema.params, example?.params);
    exampleParameters(schema.querystring, example?.query);
    return output;
  };
}

/** The document transform: named zod schemas (`.meta({ id })`) become `components.schemas`. */
export const openApiTransformObject = jsonSchemaTransformObject;
