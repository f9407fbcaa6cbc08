import { createContext, useContext } from 'react';
import type { VaultView } from './api';

/** The vault's state as the app holds it (whether it has a vault password, whether it is open), and how a page changes it. */
export type VaultContextValue = { vault: VaultView; setVault: (vault: VaultView) => void };

export const VaultContext = createContext<VaultContextValue | null>(null);

/** The vault's state, inside the app once the vault is open. */
export function useVault(): VaultContextValue {
  const value = useContext(VaultContext);
  if (value === null) throw new Error('useVault outside the open app');
  return value;
}
