package org.cpt4j.internal.runtime;

/**
 * Seeds of independent random streams derived from a run's seed and indices (step, prompt, sample), so that a
 * stream depends only on its indices, never on what else ran.
 */
public final class Seeds {

    /** The golden-ratio increment of SplitMix64. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** @return the seed of stream {@code index} of {@code seed}: SplitMix64 finalisation of {@code seed + φ·(index + 1)} */
    public static long derive(long seed, long index) {
        return mix(seed + GOLDEN * (index + 1));
    }

    /** @return the SplitMix64 finaliser of {@code z} (Steele, Lea and Flood 2014) */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
