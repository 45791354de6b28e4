import { ServerResponse } from 'node:http';

const JSON_TYPE = 'application/json;charset=UTF-8';

export function sendJsonText(res: ServerResponse, status: number, json: string, headers?: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(json) });
  res.end(json);
}

export function sendJsonBytes(res: ServerResponse, status: number, json: Buffer, headers?: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Type': JSON_TYPE, 'Content-Length': json.length });
  res.end(json);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
  sendJsonText(res, status, JSON.stringify(body), headers);
}

/** Zoom's REST error body: {"code": <Zoom error code>, "message": "..."}. */
export function sendZoomError(res: ServerResponse, status: number, code: number, message: string, headers?: Record<string, string>): void {
  sendJson(res, status, { code, message }, headers);
}

export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'Content-Length': 0 });
  res.end();
}
