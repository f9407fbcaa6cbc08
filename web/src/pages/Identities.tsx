import { useState } from 'react';
import type { Identity } from '../api';
import { useLoad } from '../hooks';
import { useNetworks } from '../networks';
import { Loaded, Notices, type Notice } from '../ui';
import { ConcordiumSection } from './concordium/Concordium';
import { NoBackupNotice, useBackups } from '../components/BackupBadge';
import { CreateIdentityDialog } from './identities/CreateIdentityDialog';
import { DeriveDialog } from './identities/DeriveDialog';
import { FindDialog } from './identities/FindDialog';
import { IdentityCard, type IdentityAction } from './identities/IdentityCard';
import { RecoverIdentityDialog } from './identities/RecoverIdentityDialog';
import { RecoverShardsDialog } from './identities/RecoverShardsDialog';
import { RemoveIdentityDialog } from './identities/RemoveIdentityDialog';
import { RenameIdentityDialog } from './identities/RenameIdentityDialog';
import { ShowPhraseDialog } from './identities/ShowPhraseDialog';
import { SplitDialog } from './identities/SplitDialog';

/** The dialog open over the page, if any: one of the toolbar's, or one of an identity's actions. */
type Open = { kind: 'create' } | { kind: 'recover' } | { kind: 'shards' } | { kind: IdentityAction; identity: Identity } | null;

export function IdentitiesPage() {
  const networks = useNetworks();
  const identities = useLoad<Identity[]>('/api/identities');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const backups = useBackups();
  // After a create or a recover, how many identities still have no backup (issue 16).
  const [added, setAdded] = useState(false);

  const close = () => setOpen(null);
  const done = (n: Notice) => {
    setAdded(open?.kind === 'create' || open?.kind === 'recover');
    setOpen(null);
    setNotice(n);
    identities.reload();
    backups.load.reload();
  };

  return (
    <>
      <h1 tabIndex={-1}>Identities</h1>
      <p className="intro">
        An identity is a secret phrase kept under a PIN, as in Parity Signer (Polkadot Vault). Its accounts are derivation paths on that phrase: picking a
        network derives <code>//network</code>; the root key (no path) is what Polkadot{'{.js}'} uses.
      </p>
      <div className="toolbar">
        <button type="button" onClick={() => setOpen({ kind: 'create' })}>
          Create identity
        </button>
        <button type="button" onClick={() => setOpen({ kind: 'recover' })}>
          Recover identity
        </button>
        <button type="button" onClick={() => setOpen({ kind: 'shards' })}>
          Recover from shards
        </button>
      </div>
      <Notices notice={notice} onDismiss={() => setNotice(null)} />
      {added ? <NoBackupNotice count={backups.missing('identity')} what="identity" /> : null}
      <Loaded state={identities} loading="Loading identities…" empty="No identities yet. Create one, or recover one from a phrase you kept.">
        {(list) =>
          list.map((identity) => (
            <IdentityCard key={identity.id} identity={identity} backup={backups.identity(identity.name)} onAction={(kind) => setOpen({ kind, identity })} />
          ))
        }
      </Loaded>

      <ConcordiumSection of="identities" onNotice={setNotice} />

      {open?.kind === 'create' ? <CreateIdentityDialog onClose={close} onDone={done} /> : null}
      {open?.kind === 'recover' ? <RecoverIdentityDialog onClose={close} onDone={done} /> : null}
      {open?.kind === 'shards' ? <RecoverShardsDialog onClose={close} onDone={done} /> : null}
      {open?.kind === 'split' ? <SplitDialog identity={open.identity} onClose={close} /> : null}
      {open?.kind === 'phrase' ? <ShowPhraseDialog identity={open.identity} onClose={close} /> : null}
      {open?.kind === 'derive' ? <DeriveDialog identity={open.identity} networks={networks} onClose={close} onDone={done} /> : null}
      {open?.kind === 'find' ? <FindDialog identity={open.identity} onClose={close} onDone={done} /> : null}
      {open?.kind === 'rename' ? <RenameIdentityDialog identity={open.identity} onClose={close} onDone={done} /> : null}
      {open?.kind === 'remove' ? <RemoveIdentityDialog identity={open.identity} onClose={close} onDone={done} /> : null}
    </>
  );
}
