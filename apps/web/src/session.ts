import { createContext, useContext } from 'react';
import type { Me } from './queries';

export interface Session {
  me: Me;
  /** A supervisor or an admin: sees the whole unit, assigns, closes and decides. */
  sup: boolean;
  logout: () => void;
  /** After changing one's password: the fresh token and the user it answered. */
  passwordChanged: (token: string, me: Me) => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('no session');
  return s;
}

export const isSupervisor = (me: Me): boolean => me.role === 'SUPERVISOR' || me.role === 'ADMIN';
export const isAdmin = (me: Me): boolean => me.role === 'ADMIN';
