import http from 'node:http';

/**
 * A minimal keep-alive JSON POST client for GraphQL (node:http; no extra dependency), so the load
 * generator costs as little CPU as possible on a 2-core machine shared with the API and Postgres.
 */
export class GqlClient {
  private readonly agent: http.Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string, maxSockets = 128) {
    const u = new URL(baseUrl);
    this.host = u.hostname;
    this.port = Number(u.port);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  /** POST /graphql; resolves with `data`, rejects on HTTP or GraphQL errors. */
  request<T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    const body = JSON.stringify({ query, variables });
    return new Promise<T>((resolve, reject) => {
      const req = http.request(
        {
          host: this.host,
          port: this.port,
          path: '/graphql',
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
            try {
              parsed = JSON.parse(text);
            } catch {
              reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
              return;
            }
            if (parsed.errors?.length) {
              const e = parsed.errors[0];
              reject(new Error(`${e.extensions?.code ?? 'ERROR'}: ${e.message}`));
            } else resolve(parsed.data as T);
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
