import { createContext } from 'react';
import { type AdminApiConnection } from '../api/admin-api-connection';

export interface AdminSession {
  /** Calls /admin/api with the signed-in admin key. */
  api: AdminApiConnection;
  signOut: () => void;
}

/** Provided by AdminSessionProvider once the admin key is known; null before sign-in. */
export const AdminSessionContext = createContext<AdminSession | null>(null);
