package org.cpt4j.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What decides how this machine's float arithmetic rounds, so that a result can say where it came from. OpenBLAS
 * picks its matrix kernels by CPU (or by {@code OPENBLAS_CORETYPE}), and kernels sum in different orders: the same
 * seed trains to different weights on an AVX-512 and on an AVX2 kernel, and after thousands of steps to different
 * accuracies. Same seed and same arithmetic give the same results.
 *
 * @param fingerprint a hash of the exact bits of a few matrix products of fixed inputs at the shapes small models
 *     use: equal fingerprints round those products alike
 * @param blasCore {@code OPENBLAS_CORETYPE} when set, else {@code auto} (OpenBLAS chooses by CPU)
 * @param cpu the CPU's model name, or the architecture where it cannot be read
 * @param threads the native threads in use
 */
public record Arithmetic(String fingerprint, String blasCore, String cpu, int threads) {

    private static final int[][] SHAPES = {{37, 64, 192}, {256, 64, 256}, {5, 256, 64}, {96, 96, 45}};

    /** @return this machine's arithmetic, measured now (a few milliseconds) */
    public static Arithmetic ofThisMachine() {
        return new Arithmetic(measureFingerprint(), blasCoreOfThisProcess(), cpuName(), Nd4j.getEnvironment().maxThreads());
    }

    /** @return the OpenBLAS kernels this process asked for: {@code OPENBLAS_CORETYPE}, or {@code auto} when unset */
    public static String blasCoreOfThisProcess() {
        String core = System.getenv("OPENBLAS_CORETYPE");
        return core == null || core.isBlank() ? "auto" : core.trim();
    }

    /** @return whether results computed with {@code other} round as this machine's would */
    public boolean roundsLike(Arithmetic other) {
        return fingerprint.equals(other.fingerprint);
    }

    /** @return e.g. {@code "OpenBLAS kernels auto on Intel(R) Xeon(R) Processor, 1 thread, fingerprint 3fa2…"} */
    public String describe() {
        return "OpenBLAS kernels " + blasCore + " on " + cpu + ", " + threads + (threads == 1 ? " thread" : " threads")
                + ", fingerprint " + fingerprint;
    }

    private static String measureFingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int[] shape : SHAPES) {
                INDArray product = matrix(shape[0], shape[1], 1).mmul(matrix(shape[1], shape[2], 2));
                float[] values = product.reshape(-1).toFloatVector();
                ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                for (float value : values) {
                    bytes.putFloat(value);
                }
                digest.update(bytes.array());
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a matrix of values in [−1, 1) from a fixed integer sequence (no random generator of the library) */
    private static INDArray matrix(int rows, int columns, int salt) {
        float[] values = new float[rows * columns];
        long state = 0x9E3779B97F4A7C15L * salt;
        for (int i = 0; i < values.length; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            values[i] = (float) ((state >>> 40) / (double) (1L << 24) * 2 - 1);
        }
        return Nd4j.create(values, new long[] {rows, columns}, DataType.FLOAT);
    }

    private static String cpuName() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                Optional<String> model = lines.filter(line -> line.startsWith("model name"))
                        .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
                if (model.isPresent()) {
                    return model.get();
                }
            } catch (IOException | RuntimeException e) {
                // fall back to the architecture
            }
        }
        return System.getProperty("os.arch");
    }
}
