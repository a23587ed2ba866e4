import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { AdminApiConnection } from '../../api/admin-api-connection';
import { adminKeyStorage } from '../../api/admin-key-storage';
import { AppShell } from '../../components/app-shell';
import { type AdminSession, AdminSessionContext } from '../../hooks/admin-session-context';
import { type SignInNotice, SignInPage } from './sign-in-page';

interface AdminSessionGateProps {
  children: ReactNode;
}

/**
 * Shows the sign-in page until there is an admin key, then provides the session to the pages. Any admin call
 * answered with 401 ends the session and says why.
 */
export function AdminSessionGate({ children }: AdminSessionGateProps) {
  const [adminKey, setAdminKey] = useState(adminKeyStorage.read);
  const [notice, setNotice] = useState<SignInNotice | undefined>(undefined);

  const endSession = useCallback((why: SignInNotice) => {
    adminKeyStorage.forget();
    setAdminKey(null);
    setNotice(why);
  }, []);

  const session = useMemo((): AdminSession | null => {
    if (!adminKey) return null;
    const expire = () => endSession({ tone: 'error', text: 'The gateway no longer accepts this admin key (HTTP 401). Sign in again.' });
    return {
      api: new AdminApiConnection(adminKey, expire),
      signOut: () => endSession({ tone: 'ok', text: 'You are signed out.' }),
    };
  }, [adminKey, endSession]);

  if (!session) {
    const signIn = (key: string) => {
      adminKeyStorage.write(key);
      setNotice(undefined);
      setAdminKey(key);
    };
    return (
      <AppShell>
        <SignInPage notice={notice} onSignedIn={signIn} />
      </AppShell>
    );
  }
  return <AdminSessionContext.Provider value={session}>{children}</AdminSessionContext.Provider>;
}
