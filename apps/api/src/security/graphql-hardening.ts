import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloPlugin } from './apollo-types';
import { graphqlLimits } from './graphql-limits';
import { specStatusPlugin } from './graphql-over-http';
import { requestSanityPlugin } from './request-sanity';
import { badInputMergePlugin } from '../graphql/bad-input-merge.plugin';

import { serviceUnavailablePlugin } from './service-unavailable.plugin';

export { hardenedFormatError } from './error-hardening';

/**
 * Apollo options of the API's GraphQL endpoint that bound and shape requests: query limits
 * (depth, aliases, directives, tokens, cost), no batching, no NUL characters or subscriptions,
 * the GraphQL-over-HTTP status rules, every bad field named in the first BAD_USER_INPUT error,
 * plus any further plugins (metrics). Spread into the GraphQLModule options.
 */
export function graphqlHardening(extraPlugins: ApolloPlugin[] = []) {
  const limits = graphqlLimits();
  return {
    ...limits,
    plugins: [
      ...limits.plugins,
      requestSanityPlugin(),
      specStatusPlugin(),
      badInputMergePlugin(),
      serviceUnavailablePlugin(),
      noStorePlugin(),
      // Its per-field hook ran for every field of every answer, for hints the schema never gives.
      ApolloServerPluginCacheControlDisabled() as ApolloPlugin,
      ...extraPlugins,
    ],
  };
}

/** No GraphQL answer is stored by a browser or a proxy: they carry personal data and change with every write. */
function noStorePlugin(): ApolloPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
