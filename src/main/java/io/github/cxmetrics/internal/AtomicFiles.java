package io.github.cxmetrics.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;

/**
 * Files replaced in one step, and the checksum written beside their lines: what the tally store
 * ({@code io.TallyStore}) and the report archive share. Stateless.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Writes ASCII text to a file, replacing it: the text goes to a temporary file in the same
     * folder, which is then moved over the target (atomically where the file system supports it,
     * else with a plain replacing move), so a reader never sees a half-written file.
     *
     * @throws IOException if writing or moving fails; the target is then left as it was
     */
    public static void writeAscii(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The CRC-32 (ISO-HDLC, as {@code java.util.zip.CRC32} and Python's {@code zlib.crc32}) of
     * ASCII text, as eight lower-case hex digits.
     */
    public static String crc32(String asciiText) {
        CRC32 crc = new CRC32();
        crc.update(asciiText.getBytes(StandardCharsets.US_ASCII));
        return hex(crc.getValue());
    }

    /** A CRC-32 value as eight lower-case hex digits. */
    public static String hex(long crc32) {
        return String.format("%08x", crc32);
    }
}
