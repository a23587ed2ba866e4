// The same entry the admin API's docs page (/admin/api/docs) uses, so signing in on one serves the other in that tab.
const storageEntry = 'gatehouse-admin-key';

/** The admin key for this browser tab: sessionStorage, so it is gone when the tab closes. */
export const adminKeyStorage = {
  read(): string | null {
    return sessionStorage.getItem(storageEntry);
  },
  write(adminKey: string): void {
    sessionStorage.setItem(storageEntry, adminKey);
  },
  forget(): void {
    sessionStorage.removeItem(storageEntry);
  },
};
