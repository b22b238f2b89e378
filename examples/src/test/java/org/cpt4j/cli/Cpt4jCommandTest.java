package org.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.cpt4j.bench.BenchReport;
import org.junit.jupiter.api.Test;

class Cpt4jCommandTest {

    @Test
    void versionNamesCpt4jAndTheNd4jBackend() {
        CommandLineRun result = CommandLineRun.of("--version");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("cpt4j 0."), result.out());
        assertTrue(result.out().contains("ND4J 1.0.0-M2.1"), result.out());
    }

    @Test
    void helpListsTheBenchCommand() {
        CommandLineRun result = CommandLineRun.of("--help");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("bench"), result.out());
    }

    @Test
    void anUnknownOptionIsAUsageErrorNotAStackTrace() {
        CommandLineRun result = CommandLineRun.of("bench", "--no-such-option");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("Unknown option: '--no-such-option'"), result.err());
    }

    @Test
    void benchTableShowsBothModelsAndTheGemmRatio() {
        BenchReport.Memory memory = new BenchReport.Memory(10 << 20, 11 << 20, 100 << 20, 101 << 20, 200 << 20, 201 << 20);
        BenchReport.ModelResult reference = new BenchReport.ModelResult(2, 128, 4, 64, 64, 32, 413_184,
                Map.of("2048x128x384", 90.0), 60, 200, 190, 240, 26.0, 0.26, 0.28, 10_000, 200, memory);
        BenchReport.ModelResult large = new BenchReport.ModelResult(4, 256, 8, 64, 64, 32, 3_192_320,
                Map.of("2048x256x768", 95.0), 290, 1000, 980, 1050, 40.5, 0.405, 0.41, 2_000, 20, memory);
        String table = BenchCommand.table(new BenchReport(BenchReport.FORMAT, BenchReport.VERSION,
                new BenchReport.Machine("CPU", "SkylakeX", 1, 2, "17", "1.0.0-M2.1"), 100.0, reference, large,
                new BenchReport.Sampling(32, 8, 1792, 9000, 1000, 9.0),
                java.util.List.of(new BenchReport.RlStep("2x64x4", "grpo", 100, 50, 80, 230, 10,
                                new BenchReport.Phases(0.1, 0.05, 0.5, 0.65), new BenchReport.Phases(0.01, 0.01, 0.0625, 0.028)),
                        new BenchReport.RlStep("4x256x8", "grpo", 400, 200, 900, 1500, 10,
                                new BenchReport.Phases(4, 2, 20, 26), new BenchReport.Phases(0.1, 0.1, 0.222, 0.173)))));
        assertTrue(table.contains("ND4J GEMM 1024^3: 100.0 GFLOP/s"), table);
        assertTrue(table.startsWith("cpt4j bench: CPU backend, OpenBLAS kernels SkylakeX, 1 thread(s), 2 cores"), table);
        assertTrue(table.matches("(?s).*train_vs_gemm\\s+0\\.260\\s+0\\.405.*"), table);
        assertTrue(table.matches("(?s).*parameters\\s+413184\\s+3192320.*"), table);
        assertTrue(table.contains("with KV cache 9000 tokens/s, recomputing the prefix 1000 tokens/s: cache 9.0x faster"),
                table);
        assertTrue(table.matches("(?s).*2x64x4\\s+grpo\\s+100\\.0\\s+50\\.0\\s+80\\.0\\s+230\\.0.*"), table);
        assertTrue(table.matches("(?s).*\\n4x256x8\\s+grpo\\s+400\\.0\\s+200\\.0\\s+900\\.0\\s+1500\\.0.*"), table);
        assertTrue(table.matches("(?s).*arithmetic share.*\\n4x256x8\\s+grpo\\s+0\\.100\\s+0\\.100\\s+0\\.222\\s+0\\.173.*"),
                table);
    }
}
