package org.cpt4j.internal.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Times ND4J's own matrix multiply, the speed a training step is measured against. */
final class GemmProbe {

    private final Timer timer;

    GemmProbe(Timer timer) {
        this.timer = timer;
    }

    /** @return GFLOP/s of {@code C[m,n] = A[m,k] · B[k,n]} in float32, counting {@code 2·m·n·k} FLOPs */
    double gflops(long m, long k, long n) {
        INDArray a = Nd4j.rand(DataType.FLOAT, m, k);
        INDArray b = Nd4j.rand(DataType.FLOAT, k, n);
        INDArray c = Nd4j.create(DataType.FLOAT, m, n);
        double seconds = timer.medianSeconds(() -> Nd4j.gemm(a, b, c, false, false, 1.0, 0.0));
        return 2.0 * m * n * k / seconds / 1e9;
    }
}
