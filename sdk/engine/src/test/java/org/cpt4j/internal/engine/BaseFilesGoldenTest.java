package org.cpt4j.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cpt4j.engine.BaseModel;
import org.cpt4j.engine.Cpt4jEngine;
import org.cpt4j.evaluation.EvaluationSpec;
import org.cpt4j.internal.model.PolicyStateFile;
import org.cpt4j.internal.store.FileFormat;
import org.cpt4j.internal.store.GoldenFiles;
import org.cpt4j.plugins.BuiltInPlugin;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.run.RunListener;
import org.cpt4j.run.RunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a cached base model's directory holds, against the golden files in
 * {@code src/test/resources/golden/base-files/}: its spec byte for byte (it is what was asked), its arithmetic and
 * evaluation field for field (their values are this machine's), its checkpoint by its header's format.
 */
class BaseFilesGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/base-files");
    private static final PretrainSpec SPEC = PretrainSpec.of(p -> p.mix("count").steps(2).batchSize(2)
            .model(m -> m.layers(1).width(8).heads(2).context(32)));

    @TempDir
    Path cache;

    @Test
    void aBaseModelsFilesAreTheirGoldenFiles() throws IOException {
        Cpt4jEngine engine = Cpt4jEngine.builder().plugins(List.of(new BuiltInPlugin())).build();
        RunOptions options = RunOptions.of(o -> o.runs(cache).cache(cache).threads(1));
        engine.evaluateBase(SPEC, EvaluationSpec.of(e -> e.prompts(2).maxNewTokens(4)), options, RunListener.SILENT);
        BaseModel base = engine.pretrain(SPEC, options, RunListener.SILENT);
        assertTrue(base.cached());
        Path directory = base.directory();
        GoldenFiles.assertSameBytes(GOLDEN.resolve("spec.json"), directory.resolve("spec.json"));
        GoldenFiles.assertSameShape(GOLDEN.resolve("arithmetic.json"), directory.resolve("arithmetic.json"));
        GoldenFiles.assertSameShape(GOLDEN.resolve("evaluation.json"), directory.resolve("evaluation.json"));
        assertEquals(FileFormat.CHECKPOINT.formatName(),
                PolicyStateFile.readContents(directory.resolve("base.ckpt")).extra().get("format").asText());
    }
}
