/**
 * Why a production secret is unacceptable, or null when it is fine. Pure: the caller decides what to do
 * (start-up refuses). A secret must be long, must not be one of the placeholders that ship in this repository
 * or its examples, and must look random: a guessable secret lets anyone forge a token or an event.
 */
export function secretWeakness(value: string, minimumLength = 32): string | null {
  if (value.length < minimumLength) return `must be at least ${minimumLength} characters`;
  if (KNOWN_PLACEHOLDERS.some((pattern) => pattern.test(value))) {
    return `is a published placeholder; ${GENERATE}`;
  }
  const bits = estimatedEntropyBits(value);
  if (bits < MINIMUM_ENTROPY_BITS) return `looks guessable (about ${Math.round(bits)} bits, ${MINIMUM_ENTROPY_BITS} needed); ${GENERATE}`;
  if (hasRepeatedPiece(value) || isMostlyWalk(value)) return `looks guessable (repeats or runs in sequence); ${GENERATE}`;
  return null;
}

const GENERATE = 'generate one, e.g. `openssl rand -base64 48`';

// Words that only appear in example values; real secrets are random.
const KNOWN_PLACEHOLDERS = [
  /change[\s_.-]*me/i,
  /placeholder/i,
  /example/i,
  /development[\s_.-]*only/i,
  /not[\s_.-]*a[\s_.-]*secret/i,
  /korgoo-development/i,
];

// By this estimate 32 random hex digits score at least about 90 bits, 32 random base64 characters about 130.
const MINIMUM_ENTROPY_BITS = 64;

/** Shannon entropy of the value's own character frequencies times its length: a lower bound for words. */
export function estimatedEntropyBits(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let perCharacter = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    perCharacter -= p * Math.log2(p);
  }
  return perCharacter * value.length;
}

// A four-character piece seen three times without overlap (passwordpassword...) is a pattern, not chance.
function hasRepeatedPiece(value: string): boolean {
  const seen = new Map<string, { times: number; at: number }>();
  for (let i = 0; i + 4 <= value.length; i += 1) {
    const piece = value.slice(i, i + 4);
    const before = seen.get(piece);
    if (!before) seen.set(piece, { times: 1, at: i });
    else if (i - before.at >= 4) {
      if (before.times + 1 >= 3) return true;
      seen.set(piece, { times: before.times + 1, at: i });
    }
  }
  return false;
}

// Alphabet and digit walks (abcdef..., 123456...): most neighbours one code point apart.
function isMostlyWalk(value: string): boolean {
  let steps = 0;
  for (let i = 1; i < value.length; i += 1) {
    if (Math.abs(value.charCodeAt(i) - value.charCodeAt(i - 1)) <= 1) steps += 1;
  }
  return steps * 3 > value.length * 2;
}
