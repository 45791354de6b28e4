/**
 * A URL whose connections are refused: port 2 is privileged (no test can bind it), nothing
 * serves it, and fetch does not block it. A port just freed by a test could be taken again by
 * another test running in parallel.
 */
export const REFUSING_URL = 'http://127.0.0.1:2';
