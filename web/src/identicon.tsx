/** The bytes of a `0x…` hex string (invalid pairs read as 0). */
function hexBytes(hex: string): number[] {
  const clean = hex.startsWith('0x') ? hex.slice(2) : hex;
  const out: number[] = [];
  for (let i = 0; i + 1 < clean.length; i += 2) out.push(parseInt(clean.slice(i, i + 2), 16) || 0);
  return out;
}

/**
 * A small, deterministic picture of a public key: a 5×5 grid mirrored left to right, its colour and
 * cells taken from the key's bytes, so the same key always looks the same and different keys
 * rarely do. Decorative only (the address next to it is what identifies the account).
 */
export function Identicon({ publicKey, size = 40 }: { publicKey: string; size?: number }) {
  const bytes = hexBytes(publicKey);
  const at = (i: number) => bytes.length === 0 ? 0 : bytes[i % bytes.length]!;
  // Skip the first byte: for ecdsa/ethereum keys it is only the parity prefix (02/03).
  const hue = ((at(1) << 8) | at(2)) % 360;
  const fg = `hsl(${hue} 60% 42%)`;
  const bg = `hsl(${(hue + 180) % 360} 40% 94%)`;
  const cells: { x: number; y: number }[] = [];
  for (let y = 0; y < 5; y++) {
    for (let x = 0; x < 3; x++) {
      if (at(3 + y * 3 + x) % 2 === 1) {
        cells.push({ x, y });
        if (x < 2) cells.push({ x: 4 - x, y });
      }
    }
  }
  return (
    <svg className="identicon" width={size} height={size} viewBox="-0.5 -0.5 6 6" aria-hidden="true" focusable="false">
      <rect x="-0.5" y="-0.5" width="6" height="6" rx="1" fill={bg} />
      {cells.map((c) => (
        <rect key={`${c.x},${c.y}`} x={c.x} y={c.y} width="1" height="1" fill={fg} />
      ))}
    </svg>
  );
}
