package org.cpt4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cpt4j.bench.BenchReport;
import org.cpt4j.bench.BenchSettings;
import org.cpt4j.engine.Cpt4jEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cpt4j bench}: GEMM, forward and training-step speed of the reference and large models. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures ND4J GEMM speed and the policy's forward pass and training step on this machine, "
                + "in one run, and reports the step's GFLOP/s as a fraction of the GEMM's (train_vs_gemm).",
                "Progress goes to standard error; the table (or with --json one JSON object, on the last line) to "
                        + "standard output."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    private boolean json;

    @Option(names = "--steps", defaultValue = "200", converter = OptionValues.AtLeastOne.class,
            description = "Timed training steps of the reference model "
            + "(default: ${DEFAULT-VALUE}); heap and off-heap memory are compared across them.")
    private int referenceSteps;

    @Option(names = "--large-steps", defaultValue = "20", converter = OptionValues.AtLeastOne.class,
            description = "Timed training steps of the large model (default: ${DEFAULT-VALUE}).")
    private int largeSteps;

    @Option(names = "--warmup", defaultValue = "10", converter = OptionValues.NotNegative.class,
            description = "Untimed warm-up steps per model (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Mixin
    private RuntimeOptions runtime;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        BenchReport report = Cpt4jEngine.create().bench(BenchSettings.standard(runtime.threads(), referenceSteps,
                largeSteps, warmup), line -> err.println("bench: " + line));
        if (json) {
            System.out.println(toJson(report));
        } else {
            System.out.print(table(report));
        }
        return 0;
    }

    /** @return the report as one line of JSON with snake_case keys, e.g. {@code large.train_vs_gemm} */
    static String toJson(BenchReport report) throws com.fasterxml.jackson.core.JsonProcessingException {
        return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).writeValueAsString(report);
    }

    static String table(BenchReport report) {
        StringBuilder out = new StringBuilder();
        BenchReport.Machine machine = report.machine();
        out.append(String.format("cpt4j bench: %s backend, OpenBLAS kernels %s, %d thread(s), %d cores, Java %s%n",
                machine.backend(), machine.blasKernels(), machine.threads(), machine.cores(), machine.java()));
        out.append(String.format("ND4J GEMM 1024^3: %.1f GFLOP/s%n%n", report.gemm1024Gflops()));
        out.append(String.format("%-34s %12s %12s%n", "", "reference", "large"));
        BenchReport.ModelResult ref = report.reference();
        BenchReport.ModelResult large = report.large();
        row(out, "model (layers x width x heads)", ref.layers() + "x" + ref.width() + "x" + ref.heads(),
                large.layers() + "x" + large.width() + "x" + large.heads());
        row(out, "parameters", String.valueOf(ref.parameters()), String.valueOf(large.parameters()));
        row(out, "batch (sequences x tokens)", ref.sequences() + "x" + ref.context(), large.sequences() + "x" + large.context());
        row(out, "GEMM at model shapes GFLOP/s", range(ref.gemmAtModelShapesGflops()), range(large.gemmAtModelShapesGflops()));
        row(out, "forward ms", f(ref.forwardMs()), f(large.forwardMs()));
        row(out, "train step ms (median)", f(ref.trainStepMs()), f(large.trainStepMs()));
        row(out, "train step ms (p10..p90)", f(ref.trainStepP10Ms()) + ".." + f(ref.trainStepP90Ms()),
                f(large.trainStepP10Ms()) + ".." + f(large.trainStepP90Ms()));
        row(out, "train GFLOP/s", f(ref.trainGflops()), f(large.trainGflops()));
        row(out, "train_vs_gemm", String.format("%.3f", ref.trainVsGemm()), String.format("%.3f", large.trainVsGemm()));
        row(out, "train_vs_model_gemm", String.format("%.3f", ref.trainVsModelGemm()),
                String.format("%.3f", large.trainVsModelGemm()));
        row(out, "train tokens/s", String.format("%.0f", ref.tokensPerSecond()), String.format("%.0f", large.tokensPerSecond()));
        row(out, "timed steps", String.valueOf(ref.timedSteps()), String.valueOf(large.timedSteps()));
        row(out, "heap MiB before -> after", mib(ref.memory().heapBeforeBytes()) + " -> " + mib(ref.memory().heapAfterBytes()),
                mib(large.memory().heapBeforeBytes()) + " -> " + mib(large.memory().heapAfterBytes()));
        row(out, "off-heap MiB before -> after", mib(ref.memory().offHeapBeforeBytes()) + " -> "
                + mib(ref.memory().offHeapAfterBytes()), mib(large.memory().offHeapBeforeBytes()) + " -> "
                + mib(large.memory().offHeapAfterBytes()));
        BenchReport.Sampling sampling = report.sampling();
        out.append(String.format("%nsampling, reference model, %d responses from %d-token prompts to the context:%n",
                sampling.rows(), sampling.promptTokens()));
        out.append(String.format("  with KV cache %.0f tokens/s, recomputing the prefix %.0f tokens/s: cache %.1fx "
                + "faster%n", sampling.cachedTokensPerSecond(), sampling.recomputeTokensPerSecond(), sampling.cacheSpeedup()));
        out.append(String.format("%non-policy step, 8 tasks x 8 samples of <= 16 tokens on add (median ms; the first "
                + "shape is the default base model's):%n%-10s %-10s %10s %10s %10s %10s%n", "model", "objective",
                "sampling", "scoring", "training", "total"));
        for (BenchReport.RlStep step : report.rl()) {
            out.append(String.format("%-10s %-10s %10.1f %10.1f %10.1f %10.1f%n", step.model(), step.objective(),
                    step.samplingMs(), step.scoringMs(), step.trainingMs(), step.totalMs()));
        }
        out.append(String.format("%narithmetic share of each phase (its counted FLOPs at the GEMM's %.0f GFLOP/s, over "
                + "its time; the rest is fixed cost):%n%-10s %-10s %10s %10s %10s %10s%n", report.gemm1024Gflops(),
                "model", "objective", "sampling", "scoring", "training", "total"));
        for (BenchReport.RlStep step : report.rl()) {
            BenchReport.Phases share = step.arithmeticShare();
            out.append(String.format("%-10s %-10s %10.3f %10.3f %10.3f %10.3f%n", step.model(), step.objective(),
                    share.sampling(), share.scoring(), share.training(), share.total()));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String label, String reference, String large) {
        out.append(String.format("%-34s %12s %12s%n", label, reference, large));
    }

    private static String f(double value) {
        return String.format("%.1f", value);
    }

    private static String mib(long bytes) {
        return String.format("%.1f", bytes / 1048576.0);
    }

    private static String range(Map<String, Double> speeds) {
        double min = speeds.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = speeds.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return String.format("%.0f..%.0f", min, max);
    }
}
