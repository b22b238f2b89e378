package org.cpt4j.internal.runtime;

import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets how many threads ND4J's native code uses. The count changes SameDiff's step time several-fold on small
 * machines (docs/performance.md), so the launcher, the tests and the bench set it on purpose rather than take
 * the library's default ({@link org.cpt4j.run.RunOptions#defaultThreads()}). The OpenMP pool is sized by
 * {@code OMP_NUM_THREADS} when the native library loads, which the launcher and the build export; this class sets the
 * limits ND4J reads at run time.
 */
public final class NativeRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(NativeRuntime.class);

    private NativeRuntime() {
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
}
