/** The cloud's architecture words, normalised to the registry's: x86_64, arm64, i386 or unknown. */
const ARCHITECTURES: Record<string, string> = {
  x86_64: 'x86_64',
  amd64: 'x86_64',
  x64: 'x86_64',
  x86_64_mac: 'x86_64',
  arm64: 'arm64',
  aarch64: 'arm64',
  arm64_mac: 'arm64',
  i386: 'i386',
  i686: 'i386',
  x86: 'i386',
};

export function normalisedArchitecture(architecture: string): string {
  return ARCHITECTURES[architecture.toLowerCase()] ?? 'unknown';
}
