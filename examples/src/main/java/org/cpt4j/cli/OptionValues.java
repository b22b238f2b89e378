package org.cpt4j.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * What an option's value must be to mean anything, checked as picocli reads it: a bad one is a usage error (exit 2)
 * that names its option ({@code Invalid value for option '--threads': must be at least 1, was 0}) before anything
 * runs. An empty path would be the working directory, so a path must be given; a directory to write in must not be a
 * file, and a file to write not a directory.
 */
final class OptionValues {

    private OptionValues() {
    }

    /** A count of at least one: threads, steps, the steps between checkpoints. */
    static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return atLeast(1, value);
        }
    }

    /** A count that may be zero: warm-up steps. */
    static final class NotNegative implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return atLeast(0, value);
        }
    }

    /** A path to read: a jar, a directory of them, a spec, a run directory. */
    static final class GivenPath implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            return given(value);
        }
    }

    /** A directory to write in, made if missing. */
    static final class Directory implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = given(value);
            if (Files.exists(path) && !Files.isDirectory(path)) {
                throw new TypeConversionException(path + " is a file, not a directory; name a directory (it is made "
                        + "if missing)");
            }
            return path;
        }
    }

    /** A file to write, replaced if there. */
    static final class OutputFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = given(value);
            if (Files.isDirectory(path)) {
                throw new TypeConversionException(path + " is a directory; name the file to write");
            }
            return path;
        }
    }

    private static int atLeast(int least, String value) {
        int count;
        try {
            count = Integer.parseInt(value.strip());
        } catch (NumberFormatException notAnInt) {
            throw new TypeConversionException("'" + value + "' is not an int");
        }
        if (count < least) {
            throw new TypeConversionException("must be at least " + least + ", was " + count);
        }
        return count;
    }

    private static Path given(String value) {
        if (value.isBlank()) {
            throw new TypeConversionException("must name a path, was '" + value + "' (an empty path would be the "
                    + "working directory; write . for that)");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException notAPath) {
            throw new TypeConversionException("'" + value + "' is not a path: " + notAPath.getReason());
        }
    }
}
