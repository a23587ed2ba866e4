import { useContext } from 'react';
import { type AdminSession, AdminSessionContext } from './admin-session-context';

export function useAdminSession(): AdminSession {
  const session = useContext(AdminSessionContext);
  if (!session) throw new Error('useAdminSession is used outside a signed-in page');
  return session;
}
