import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsDto } from '../errors/problem-details';

export const BEARER_SCHEME = 'bearer';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/** Swagger UI at /docs, the OpenAPI document at /docs-json. */
export function setupSwagger(app: INestApplication, serviceName: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(`zoom-oomnitza-sync ${serviceName}`)
    .setDescription(
      'Authenticate with an API key: `Authorization: Bearer zos_...` (or `x-api-key`). Errors are RFC 7807 ' +
        "`application/problem+json` documents carrying the request's correlation id.",
    )
    .setVersion('1')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'API key', description: 'zos_... tenant key or the admin key' },
      BEARER_SCHEME,
    )
    .addSecurityRequirements(BEARER_SCHEME)
    .build();
  const document = documentProblems(SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetailsDto] }));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return document;
}

/** Every operation may answer problem+json; protected ones also 401 and 403. */
function documentProblems(document: OpenAPIObject): OpenAPIObject {
  const problem = (description: string) => ({
    description,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } },
  });
  for (const pathItem of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!operation) {
        continue;
      }
      const isPublic = operation.security?.some((requirement) => Object.keys(requirement).length === 0) ?? false;
      operation.responses = {
        ...(isPublic ? {} : { 401: problem('Missing, unknown or revoked API key'), 403: problem('The key lacks a required scope') }),
        ...operation.responses,
        default: problem('Any other error, as problem+json'),
      };
    }
  }
  return document;
}
