/**
 * The request floor of the HTTP + GraphQL stacks considered for the API (issue 22), each in its own
 * process, against a bare node:http server answering the same bytes: the same two requests as
 * bench/suites/floor.ts (`{ __typename }`, `{ me { id } }`) on a minimal Nest app with one code-first
 * resolver (no guard, no database, no logging, no plugins): what the framework alone costs.
 *   express-apollo    @nestjs/platform-express + ApolloDriver (the product until 2026-12-06)
 *   fastify-apollo    @nestjs/platform-fastify + ApolloDriver (@as-integrations/fastify; the product since)
 *   fastify-mercurius @nestjs/platform-fastify + MercuriusDriver with graphql-jit
 *   bare              node:http
 * Usage: node -r @swc-node/register bench/tools/stack-compare.ts [SECONDS=3] [ROUNDS=3] [CLIENTS=16]
 * (rounds alternate the stacks; medians of rates and of each server's CPU per request).
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import http from 'node:http';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Field, GraphQLModule, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { procCpuMs } from '../lib/cpu';
import { GqlClient } from '../lib/http';
import { closedLoop } from '../lib/load';
import { median } from '../lib/stats';

const STACKS = ['bare', 'express-apollo', 'fastify-apollo', 'fastify-mercurius'] as const;
type Stack = (typeof STACKS)[number];
const ME_ID = '0b6f2f8e-4a1e-4c55-9d2a-6f1f3c0d9a11';

@ObjectType('User')
class UserModel {
  @Field(() => ID) id!: string;
}

@Resolver(() => UserModel)
class MeResolver {
  @Query(() => UserModel)
  me(): UserModel {
    return { id: ME_ID };
  }
}

async function graphqlModule(stack: Exclude<Stack, 'bare'>) {
  if (stack === 'fastify-mercurius') {
    const { MercuriusDriver } = await import('@nestjs/mercurius');
    return GraphQLModule.forRoot({ driver: MercuriusDriver, autoSchemaFile: true, graphiql: false, jit: 1 } as never);
  }
  const { ApolloDriver } = await import('@nestjs/apollo');
  return GraphQLModule.forRoot({ driver: ApolloDriver, autoSchemaFile: true, graphiql: false, introspection: false } as never);
}

async function serve(stack: Stack): Promise<number> {
  if (stack === 'bare') {
    const answers: Record<string, Buffer> = {
      '{ __typename }': Buffer.from(`${JSON.stringify({ data: { __typename: 'Query' } })}\n`),
      '{ me { id } }': Buffer.from(`${JSON.stringify({ data: { me: { id: ME_ID } } })}\n`),
    };
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = answers[JSON.parse(Buffer.concat(chunks).toString('utf8')).query];
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length }).end(body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return (server.address() as { port: number }).port;
  }
  @Module({ imports: [await graphqlModule(stack)], providers: [MeResolver] })
  class AppModule {}
  const options = { logger: false as const };
  const app = stack.startsWith('fastify')
    ? await NestFactory.create(AppModule, new (await import('@nestjs/platform-fastify')).FastifyAdapter(), options)
    : await NestFactory.create(AppModule, options);
  await app.listen(0, '127.0.0.1');
  return (app.getHttpServer().address() as { port: number }).port;
}

function start(stack: Stack): Promise<{ pid: number; port: number; stop: () => void }> {
  const child = fork(__filename, ['serve', stack], { execArgv: ['-r', '@swc-node/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ pid: child.pid!, port: m.port, stop: () => child.kill('SIGTERM') }));
    child.once('exit', (code) => reject(new Error(`${stack} exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  const [seconds, rounds, clients] = [Number(process.argv[2] ?? 3), Number(process.argv[3] ?? 3), Number(process.argv[4] ?? 16)];
  const servers = Object.fromEntries(await Promise.all(STACKS.map(async (s) => [s, await start(s)] as const))) as Record<
    Stack,
    Awaited<ReturnType<typeof start>>
  >;
  const clientsOf = Object.fromEntries(STACKS.map((s) => [s, new GqlClient(`http://127.0.0.1:${servers[s].port}`)])) as Record<Stack, GqlClient>;
  try {
    for (const query of ['{ __typename }', '{ me { id } }']) {
      const rates: Record<Stack, number[]> = { bare: [], 'express-apollo': [], 'fastify-apollo': [], 'fastify-mercurius': [] };
      const cpu: Record<Stack, number[]> = { bare: [], 'express-apollo': [], 'fastify-apollo': [], 'fastify-mercurius': [] };
      const op = (s: Stack) => async () => void (await clientsOf[s].request(query, {}));
      for (const s of STACKS) await closedLoop(clients, 2, op(s)); // warm-up (JIT)
      for (let r = 0; r < rounds; r++) {
        for (const s of STACKS) {
          const c0 = procCpuMs(servers[s].pid);
          const res = await closedLoop(clients, seconds, op(s));
          if (res.errors) throw new Error(`${s}: ${res.firstError}`);
          rates[s].push(res.rate);
          cpu[s].push((procCpuMs(servers[s].pid) - c0) / res.ops);
        }
      }
      const bare = median(rates.bare);
      process.stdout.write(
        `\n${query}, ${clients} clients, ${rounds} × ${seconds} s\n| stack | rate | ratio to bare | server CPU ms/req |\n|---|---:|---:|---:|\n`,
      );
      for (const s of STACKS) {
        process.stdout.write(`| ${s} | ${median(rates[s]).toFixed(0)}/s | ${(median(rates[s]) / bare).toFixed(2)} | ${median(cpu[s]).toFixed(3)} |\n`);
      }
    }
  } finally {
    for (const s of STACKS) {
      clientsOf[s].close();
      servers[s].stop();
    }
  }
}

if (process.argv[2] === 'serve') {
  serve(process.argv[3] as Stack).then(
    (port) => process.send!({ port }),
    (e) => {
      process.stderr.write(`${process.argv[3]}: ${(e as Error).stack ?? e}\n`);
      process.exit(1);
    },
  );
} else {
  main().then(
    () => process.exit(0),
    (e) => {
      process.stderr.write(`stack-compare: ${(e as Error).stack ?? e}\n`);
      process.exit(1);
    },
  );
}
