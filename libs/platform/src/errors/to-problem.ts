import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { FieldError, ProblemException } from './problems';

export interface ResolvedProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** True when the error was not meant for the caller: it is logged with its stack, and hidden. */
  unexpected: boolean;
}

const GENERIC_SERVER_DETAIL = 'An unexpected error occurred. Quote the correlation id when reporting it.';
const MALFORMED_JSON_DETAIL = 'The request body is not valid JSON.';
/** How JSON.parse words its errors; Nest wraps the body parser's in a BadRequestException. */
const JSON_PARSE_MESSAGE = /is not valid JSON|in JSON at position|after JSON at position|of JSON input/;

/** Maps anything thrown while serving a request to what the caller may see. */
export function toProblem(exception: unknown): ResolvedProblem {
  if (exception instanceof ProblemException) {
    const { status, title, detail, errors, extensions, headers } = exception.problem;
    return { type: exception.type, title, status, detail, errors, extensions, headers, unexpected: false };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status >= HttpStatus.INTERNAL_SERVER_ERROR) {
      return blank(status, GENERIC_SERVER_DETAIL, true);
    }
    const detail = detailOf(exception.getResponse()) ?? exception.message;
    // JSON.parse quotes pieces of the body, which may hold a secret: neither echoed nor logged.
    if (exception.constructor === BadRequestException && JSON_PARSE_MESSAGE.test(detail)) {
      return blank(status, MALFORMED_JSON_DETAIL, false);
    }
    return blank(status, detail, false);
  }
  const clientError = exposedClientError(exception);
  if (clientError) {
    return blank(clientError.status, clientError.message, false);
  }
  return blank(HttpStatus.INTERNAL_SERVER_ERROR, GENERIC_SERVER_DETAIL, true);
}

function blank(status: number, detail: string, unexpected: boolean): ResolvedProblem {
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail, unexpected };
}

function detailOf(response: string | object): string | undefined {
  if (typeof response === 'string') {
    return response;
  }
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) {
    return message.map(String).join('; ');
  }
  return typeof message === 'string' ? message : undefined;
}

/** Errors from Express middleware (body parsing) that declare a 4xx status and a message fit to show. */
function exposedClientError(exception: unknown): { status: number; message: string } | undefined {
  if (!(exception instanceof Error)) {
    return undefined;
  }
  const candidate = exception as Error & { status?: unknown; statusCode?: unknown; expose?: unknown };
  const status = candidate.status ?? candidate.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499 || candidate.expose !== true) {
    return undefined;
  }
  return { status, message: exception.message };
}
