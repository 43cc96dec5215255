import type { Client } from 'pg';

/**
 * Notices the database's triggers raise (`RAISE NOTICE '<name> <text>'`), handed to whoever subscribed to the
 * name. Every connection of the process is watched once it sends its first statement (installAuditSessionTagging),
 * and a notice is handled before the answer of the statement that raised it.
 */
type Handler = (text: string) => void;
const handlers = new Map<string, Set<Handler>>();
const WATCHED = Symbol('cdcs.notices.watched');
type Watched = Client & { [WATCHED]?: true };

export function onServerNotice(name: string, handler: Handler): () => void {
  let set = handlers.get(name);
  if (!set) handlers.set(name, (set = new Set()));
  set.add(handler);
  return () => set.delete(handler);
}

export function watchServerNotices(client: Client): void {
  const c = client as Watched;
  if (c[WATCHED]) return;
  c[WATCHED] = true;
  client.on('notice', (msg: { message?: string }) => {
    const text = msg.message ?? '';
    const space = text.indexOf(' ');
    const set = handlers.get(space < 0 ? text : text.slice(0, space));
    if (set) for (const h of set) h(space < 0 ? '' : text.slice(space + 1));
  });
}
