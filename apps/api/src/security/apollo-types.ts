import type { ApolloDriverConfig } from '@nestjs/apollo';

/**
 * Apollo's plugin type as @nestjs/apollo (ESM) sees it. Importing the type from '@apollo/server'
 * in this CommonJS build gives its CJS declarations, which TypeScript holds distinct from the
 * ESM ones GraphQLModule's options use (HeaderMap's private field).
 */
export type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];
