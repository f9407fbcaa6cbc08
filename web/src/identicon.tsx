import { polkadotIcon } from '@polkadot/ui-shared/icons/polkadot';
import { blo } from 'blo';

const ETHEREUM_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * The picture wallets show beside an address, so a person recognises an account at a glance:
 * - an SS58 account (or a `0x` 32-byte public key): the Polkadot identicon, exactly the circles
 *   Polkadot{.js} draws (`polkadotIcon(address, { isAlternative: false })` from its own
 *   @polkadot/ui-shared), as SVG `<circle>` elements with fill attributes (no style attribute: CSP);
 * - an Ethereum `0x` address: the Ethereum blockie (MetaMask's "Blockies", Polkadot{.js}' icon for
 *   Ethereum accounts), drawn by `blo` as an SVG `data:` image, which the CSP allows for images.
 * The icon depends on the key only, so an SS58 address in any network's format gives the same one.
 * Give `address` where there is one: the account id of an ecdsa account and the 0x address of an
 * Ethereum one are not its public key. Decorative: the address next to it identifies the account.
 *
 * @example
 * <Identicon publicKey={account.publicKey} address={account.address} />
 */
export function Identicon({ publicKey, address, size = 40 }: { publicKey: string; address?: string; size?: number }) {
  const who = address ?? publicKey;
  if (ETHEREUM_ADDRESS.test(who)) {
    return <img className="identicon" src={blo(who as `0x${string}`)} width={size} height={size} alt="" aria-hidden="true" data-identicon="ethereum" />;
  }
  const circles = polkadotIcon(who, { isAlternative: false });
  return (
    <svg className="identicon" width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false" data-identicon="polkadot">
      {circles.map((c, i) => (
        <circle key={i} cx={c.cx} cy={c.cy} r={c.r} fill={c.fill} />
      ))}
    </svg>
  );
}
