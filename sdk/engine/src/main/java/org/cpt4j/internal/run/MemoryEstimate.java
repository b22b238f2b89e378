package org.cpt4j.internal.run;

import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.cpt4j.experiment.ArmSpec;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.TrainingSpec;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.spec.Problems;

/**
 * What a run will hold in memory at its largest, estimated from its spec before anything runs, so that a spec that
 * cannot fit is refused with the estimate and the limit instead of ending in an {@link OutOfMemoryError} hours in.
 *
 * <p>In 4-byte floats: {@value #PARAMETER_COPIES} copies of the parameters (the policy, its gradient, AdamW's two
 * moments, the teacher, the reference, a checkpoint's and a probe's copy), plus the largest step: for {@code R}
 * sequences of {@code L = context} tokens through {@code n} blocks of width {@code d} and {@code h} heads, the
 * activations a backward pass keeps, {@code R·L·n·(16d + 2hL)}, and the logits with their gradient and the teacher's,
 * {@code 4·R·L·V}; {@code R} is the largest of the pretraining batch and an arm's prompts per step times its group
 * size. The estimate is rough (within a factor of two of what a step allocates); it refuses only what it finds
 * larger than the limit.
 */
final class MemoryEstimate {

    /** Copies of the parameters a run holds at once. */
    static final int PARAMETER_COPIES = 8;
    private static final long FLOAT = Float.BYTES;

    private MemoryEstimate() {
    }

    /** @return the estimated largest memory of a run of {@code spec}, the model having {@code vocabulary} tokens */
    static long bytes(ExperimentSpec spec, int vocabulary) {
        ModelConfig model = spec.base().model().withVocabulary(vocabulary);
        double weights = (double) PARAMETER_COPIES * model.parameterCount() * FLOAT;
        long rows = spec.base().batchSize();
        for (ArmSpec arm : spec.arms()) {
            TrainingSpec training = spec.trainingOf(arm);
            rows = Math.max(rows, (long) training.promptsPerStep() * training.groupSize());
        }
        double length = model.context();
        double activations = rows * length * model.layers()
                * (16.0 * model.width() + 2.0 * model.heads() * length) * FLOAT;
        double logits = 4.0 * rows * length * model.vocabulary() * FLOAT;
        double total = weights + activations + logits;
        return total >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) total;
    }

    /** @return what this JVM's arrays may take: JavaCPP's limit (which follows -Xmx), and the machine's memory */
    static long limit() {
        long limit = Long.MAX_VALUE;
        if (Pointer.maxBytes() > 0) {
            limit = Math.min(limit, Pointer.maxBytes());
        }
        if (Pointer.totalPhysicalBytes() > 0) {
            limit = Math.min(limit, Pointer.totalPhysicalBytes());
        }
        return limit;
    }

    /** Records a problem at {@code base.model} when a run of {@code spec} would need more than {@code limit}. */
    static void check(ExperimentSpec spec, int vocabulary, long limit, Problems problems) {
        long needed = bytes(spec, vocabulary);
        problems.require(needed <= limit, "base.model", String.format(Locale.ROOT, "a run of this experiment needs "
                + "about %s at its largest (%d copies of %,d parameters, and its largest batch of sequences of %d "
                + "tokens), more than the %s this JVM may use (JavaCPP's maxbytes, which follows -Xmx, and the "
                + "machine's memory): make the model, the prompts per step or the group size smaller, or give the JVM "
                + "more (JAVA_OPTS=-Xmx16g)", size(needed), PARAMETER_COPIES,
                spec.base().model().withVocabulary(vocabulary).parameterCount(), spec.base().model().context(),
                size(limit)));
    }

    /** @return {@code bytes} in binary units, e.g. {@code 3.2 GiB} */
    static String size(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }
}
