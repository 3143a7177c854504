/** Hands out addresses the way Azure does: private ones per subnet from .4, public ones from a pool. */
export class AddressPool {
  private readonly nextHost = new Map<string, number>();
  private publicCount = 0;

  /** Azure keeps the first four addresses of every subnet for itself: hosts start at .4. */
  nextPrivate(subnetId: string, prefix: string): string {
    const key = subnetId.toLowerCase();
    const host = this.nextHost.get(key) ?? 4;
    this.nextHost.set(key, host + 1);
    const [a = 10, b = 0, c = 0] = (prefix.split('/')[0] ?? '').split('.').map(Number);
    return `${a}.${b}.${c + Math.floor(host / 256)}.${host % 256}`;
  }

  /** A static Standard public IP, from a range Azure West Europe really hands out. */
  nextPublic(): string {
    const n = (this.publicCount += 1);
    return `20.${105 + Math.floor(n / 60000)}.${Math.floor(n / 240) % 250}.${10 + (n % 240)}`;
  }
}
