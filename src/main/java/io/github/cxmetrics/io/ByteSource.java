package io.github.cxmetrics.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes that can be read more than once: detection reads an export's start (and, to decide the
 * encoding or an ambiguous date order, its whole length) before the rows are read.
 */
@FunctionalInterface
interface ByteSource {

    /** Opens a new stream from the first byte; the caller closes it. */
    InputStream open() throws IOException;

    static ByteSource of(Path file) {
        return () -> Files.newInputStream(file);
    }

    static ByteSource of(byte[] bytes) {
        return () -> new ByteArrayInputStream(bytes);
    }
}
