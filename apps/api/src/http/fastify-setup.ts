import type { FastifyInstance } from 'fastify';

/**
 * Multipart bodies are left unread by Fastify: the upload interceptor reads them from the raw
 * request once the AccessGuard has let the caller through (a caller without a valid token is
 * refused before the body is read), with the limits and refusals of the upload contract.
 */
export function acceptUploadsUnparsed(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('multipart/form-data', (_req, _payload, done) => done(null, undefined));
}

/**
 * On shutdown, a keep-alive connection is closed as soon as its answer in flight has gone: the
 * server's close waits for every connection, and Fastify keeps idle ones for 72 s (Node's own
 * default is 5 s), past the shutdown deadline. Node reads `keepAliveTimeout` when an answer ends.
 */
export function closeIdleConnectionsOnShutdown(fastify: FastifyInstance): void {
  fastify.addHook('preClose', (done) => {
    fastify.server.keepAliveTimeout = 1;
    done();
  });
}

/** A request URL's path, without its query string (Fastify's `req.url` keeps it). */
export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}
