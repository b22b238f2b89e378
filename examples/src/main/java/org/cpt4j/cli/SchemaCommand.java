package org.cpt4j.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cpt4j.experiment.ExperimentSchema;
import org.cpt4j.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cpt4j schema}: the JSON Schema of spec files, for editors. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Prints the JSON Schema of experiment spec files (draft 2020-12): every field with its type "
                + "and default, the required ones, no others.",
                "Editors complete and check a spec with it: name it in the spec's \"$schema\" key, or map spec files to "
                        + "it in the editor's settings (docs/user-guide.md, 'Spec files')."})
final class SchemaCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--out", paramLabel = "FILE", converter = OptionValues.OutputFile.class,
            description = "Write it to FILE instead.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        String schema = ExperimentSchema.json();
        PrintWriter printed = command.commandLine().getOut();
        if (out == null) {
            printed.print(schema);
        } else {
            AtomicFiles.write(out, stream -> stream.write(schema.getBytes(StandardCharsets.UTF_8)));
            printed.println("schema: " + out);
        }
        printed.flush();
        return 0;
    }
}
