import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession, type Session } from './session.ts';

/** The current session, re-rendering when someone signs in or out. */
export const useSession = (): Session | null => useSyncExternalStore(subscribeSession, getSession);
