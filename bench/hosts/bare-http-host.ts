/**
 * Child process: the floor baseline, a bare `node:http` server (no framework, no GraphQL) answering
 * POST /graphql with the bytes the product answers for `{ __typename }` and `{ me { id } }`: it
 * reads and parses the JSON body as any server must, and takes the caller's id from the bearer
 * token's payload (decoded, not verified: the baseline does no work the answer does not need).
 */
import http from 'node:http';

// The same bytes as the API answers (Mercurius: no newline after the JSON).
const TYPENAME = Buffer.from(`${JSON.stringify({ data: { __typename: 'Query' } })}`);

function answer(query: unknown, authorization: string | undefined): Buffer | null {
  if (query === '{ __typename }') return TYPENAME;
  if (query === '{ me { id } }' && authorization?.startsWith('Bearer ')) {
    const payload = authorization.slice(7).split('.')[1] ?? '';
    const sub = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: string }).sub;
    return Buffer.from(`${JSON.stringify({ data: { me: { id: sub } } })}`);
  }
  return null;
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let body: Buffer | null = null;
    try {
      if (req.method === 'POST' && req.url === '/graphql') body = answer(JSON.parse(Buffer.concat(chunks).toString('utf8')).query, req.headers.authorization);
    } catch {
      body = null;
    }
    if (!body) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('unsupported');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/graphql-response+json; charset=utf-8', 'content-length': body.length }).end(body);
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.on('message', (m: { type: string }) => {
    if (m?.type === 'stop') server.close(() => process.exit(0));
  });
  // The bench driver died (killed, timed out): do not outlive it.
  process.on('disconnect', () => process.exit(0));
  process.send!({ type: 'ready', port });
});
