import type { ApolloPlugin } from './apollo-types';

/** Seconds a client is asked to wait before retrying while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * A GraphQL answer whose every error is SERVICE_UNAVAILABLE (Postgres away, mapped by formatGraphqlError)
 * goes out as HTTP 503 with Retry-After, like the REST routes, so proxies and clients see it is retryable
 * (docs/architecture.md#faults-and-backups). Answers carrying other errors keep their status.
 */
export function serviceUnavailablePlugin(): ApolloPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors } = response.body.singleResult;
          if (!errors?.length || !errors.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
          // After @nestjs/apollo's own willSendResponse, which sets 200 on every answer that has `data` (null here).
          await Promise.resolve();
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
