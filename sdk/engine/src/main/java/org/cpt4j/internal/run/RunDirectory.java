package org.cpt4j.internal.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;
import org.cpt4j.internal.store.DirectoryLock;
import org.cpt4j.io.AtomicFiles;
import org.cpt4j.spec.InvalidInputException;
import org.cpt4j.spec.InvalidSpecException;

/**
 * An experiment's directory, {@code runs/<experiment>/}: its {@code spec.json} and a directory per arm
 * ({@link ArmDirectory}). A directory belongs to one spec: running the same spec again resumes it, and a
 * different spec under the same name is refused rather than mixed into it. It has one writer at a time: an open
 * run directory holds its {@link DirectoryLock} until closed.
 */
final class RunDirectory implements AutoCloseable {

    private final Path root;
    private final DirectoryLock lock;

    private RunDirectory(Path root, DirectoryLock lock) {
        this.root = root;
        this.lock = lock;
    }

    /**
     * @param spec the spec, explicit (every component's parameters written)
     * @param explicit makes a spec explicit with today's plugins, for the one an earlier run recorded: a directory
     *     whose {@code spec.json} left a parameter to its default resumes as long as that default is what it was
     * @return the directory of {@code spec} under {@code runs}, with its {@code spec.json} written, or checked
     *     equal when the directory was made by an earlier run
     * @throws InvalidInputException when the directory holds another experiment's spec, or another writer has it
     */
    static RunDirectory open(Path runs, ExperimentSpec spec, UnaryOperator<ExperimentSpec> explicit)
            throws IOException {
        Path root = runs.resolve(spec.name());
        Path file = root.resolve("spec.json");
        DirectoryLock lock = DirectoryLock.acquire(root, "run directory");
        try {
            // the lock makes this the one writer: a temporary file here is a write a killed run left unfinished
            AtomicFiles.removeInterruptedWrites(root);
            check(root, file, spec, explicit);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        return new RunDirectory(root, lock);
    }

    private static void check(Path root, Path file, ExperimentSpec spec, UnaryOperator<ExperimentSpec> explicit)
            throws IOException {
        if (Files.exists(file)) {
            ExperimentSpec earlier;
            try {
                earlier = explicit.apply(ExperimentSpecFile.read(file));
            } catch (InvalidSpecException e) {
                throw new InvalidInputException(file + " records components this engine cannot make (was a plugin "
                        + "removed?): " + e.getMessage() + "; to start over, delete " + root, e);
            }
            if (!earlier.equals(spec)) {
                throw new InvalidInputException(root + " holds a run of a different spec named '" + spec.name()
                        + "' (its spec.json differs from this one); to keep both, rename the experiment or run it "
                        + "under another runs directory; to start over, delete " + root);
            }
        } else {
            ExperimentSpecFile.write(file, spec);
        }
    }

    /** Lets the next writer have the directory. */
    @Override
    public void close() throws IOException {
        lock.close();
    }

    Path root() {
        return root;
    }

    ArmDirectory arm(String name) {
        return new ArmDirectory(root.resolve(name), root.getFileName() + "/" + name);
    }
}
