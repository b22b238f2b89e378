package org.cpt4j.internal.runtime;

import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets how many threads ND4J's native code uses. The count changes SameDiff's step time several-fold on small
 * machines (docs/performance.md), so the launcher, the tests and the bench set it on purpose rather than take
 * the library's default. The OpenMP pool is sized by {@code OMP_NUM_THREADS} when the native library loads, which
 * the launcher and the build export; this class sets the limits ND4J reads at run time.
 */
public final class NativeRuntime {

    /** Environment variable that overrides the thread count chosen by cpt4j. */
    public static final String THREADS_VARIABLE = "CPT4J_THREADS";

    private static final Logger LOG = LoggerFactory.getLogger(NativeRuntime.class);

    private NativeRuntime() {
    }

    /**
     * The thread count to use: {@code CPT4J_THREADS} if set, else {@code OMP_NUM_THREADS} if set, else one thread
     * per two cores (at least one), which measured fastest for small models in docs/performance.md.
     */
    public static int defaultThreads() {
        Integer explicit = parse(System.getenv(THREADS_VARIABLE), THREADS_VARIABLE);
        if (explicit != null) {
            return explicit;
        }
        Integer omp = parse(System.getenv("OMP_NUM_THREADS"), "OMP_NUM_THREADS");
        if (omp != null) {
            return omp;
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** Limits ND4J's native loops and BLAS to {@code threads} threads. */
    public static void useThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, was " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        LOG.debug("ND4J native threads set to {}", threads);
    }

    /** @return the backend in use, e.g. "CPU" or "CUDA" */
    public static String backend() {
        return Nd4j.getBackend().getEnvironment().isCPU() ? "CPU" : "CUDA";
    }

    private static Integer parse(String value, String variable) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(variable + " must be a positive integer, was '" + value + "'");
    }
}
