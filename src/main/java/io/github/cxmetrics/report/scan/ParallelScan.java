package io.github.cxmetrics.report.scan;

import io.github.cxmetrics.internal.Parallel;
import io.github.cxmetrics.report.grouping.ReportGrouping;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.score.Proportion;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.calendar.CalendarPeriod;
import io.github.cxmetrics.calendar.Granularity;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * The fast pass of a report over a file: the rows are read as bytes, in chunks split at record
 * ends, on all cores, each worker with its own group tallies, which are combined at the end
 * (exactly: tallies are counts, histograms and exact sums, and combining is "as if added directly").
 *
 * <p>It reads the rows the general streaming pass ({@link StreamingPass#read}) reads in the same
 * way, and only those: fields quoted or not (RFC 4180: in quotes, {@code ""} is a quote and the
 * delimiter, CR and LF are data), any one-byte ASCII delimiter, LF or CRLF line ends, UTF-8 or an
 * ASCII-compatible single-byte encoding such as windows-1252 ({@link ScanCharset}), scores as plain
 * digits, the common ISO-8601 timestamp forms (others through the same {@link PeriodResolver} as
 * the general pass), response minutes as plain decimals, yes/no outcomes in any case. As soon as a
 * worker meets anything else (a quote inside an unquoted field, text after a closing quote, a bare
 * CR, a row with the wrong number of fields, a value the general pass would reject or strip, a
 * missing-value marker or label, bytes that are not valid in the encoding in a segment value), the
 * whole scan gives up and the file is read again by the general pass, which reports or skips the
 * bad row with its line and column as usual. Weighted reports, KTO surveys, respondent
 * deduplication and response times between two timestamps always use the general pass
 * ({@link #supports}). How chunks find their first row when quoted fields may hold line feeds:
 * {@link #scan}.
 *
 * <p>With day tallies ({@code ReportGrouping.days}) each worker also keeps one overall group per
 * local day ({@code dayCells}), which the merge turns into {@link ReportTallies#days()}.
 *
 * <p>Memory per worker: a read buffer ({@link #BUFFER} bytes, larger only for a row that does not
 * fit) and the tallies of its groups; it does not grow with the rows.
 */
final class ParallelScan {
    /** Bytes read from the file at a time, per worker. */
    static final int BUFFER = 1 << 20;
    /** Files smaller than this are read in one chunk, on the calling thread. */
    static final long SMALL_FILE = 4L << 20;
    /** Rows longer than this are left to the general pass. */
    static final int MAX_ROW_BYTES = 64 << 20;
    /** Chunks per worker, so that a slow worker does not hold up the end. */
    private static final int CHUNKS_PER_WORKER = 8;

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long LF_BYTES = 0x0A0A0A0A0A0A0A0AL;
    private static final long CR_BYTES = 0x0D0D0D0D0D0D0D0DL;
    private static final long QUOTE_BYTES = 0x2222222222222222L;

    private final StreamingPass generator;
    private final StreamingPass.Layout layout;
    private final int threads;
    private final long chunkBytes;
    private final int bufferBytes;
    private final ScanCharset charset;
    private Guesses guesses = Guesses.BY_ROWS;
    /** The groups of a column past which a worker counts in batches ({@link #BATCH_FROM}). */
    private int batchFrom = BATCH_FROM;
    /** The rows of a batch; 0: from the heap ({@link Worker#newBatch}). */
    private int batchRows;

    ParallelScan(StreamingPass generator, StreamingPass.Layout layout, int threads) {
        this(generator, layout, threads, ScanCharset.UTF_8);
    }

    /**
     * A scan of a file in an encoding that {@link ScanCharset#of} reads (UTF-8 or an ASCII-compatible
     * single-byte encoding such as windows-1252).
     */
    ParallelScan(StreamingPass generator, StreamingPass.Layout layout, int threads, ScanCharset charset) {
        this(generator, layout, threads, 0, BUFFER, charset);
    }

    /**
     * A scan of a UTF-8 file with a given number of worker threads, chunk size (0: chosen from the
     * file size) and initial read buffer size; small values exercise the chunk and buffer
     * boundaries in tests.
     */
    ParallelScan(StreamingPass generator, StreamingPass.Layout layout, int threads, long chunkBytes,
            int bufferBytes) {
        this(generator, layout, threads, chunkBytes, bufferBytes, ScanCharset.UTF_8);
    }

    ParallelScan(StreamingPass generator, StreamingPass.Layout layout, int threads, long chunkBytes,
            int bufferBytes, ScanCharset charset) {
        this.generator = generator;
        this.layout = layout;
        this.threads = Math.max(1, threads);
        this.chunkBytes = chunkBytes;
        this.bufferBytes = Math.max(8, bufferBytes);
        this.charset = Objects.requireNonNull(charset, "charset");
    }

    /**
     * How a file with quotes is read: chunks that guess whether they start inside quotes
     * ({@link Guesses#BY_ROWS}, the default); in tests also with the quotes counted first
     * ({@link Guesses#NONE}) or with every guess wrong ({@link Guesses#INVERTED}), which the check of
     * the guessed pass must catch.
     */
    ParallelScan guessing(Guesses how) {
        this.guesses = Objects.requireNonNull(how, "how");
        return this;
    }

    /**
     * Counts in batches of {@code rows} rows once a segment column has more than {@code from}
     * groups; in tests, small values exercise the switch and many batches.
     */
    ParallelScan batching(int from, int rows) {
        if (from < 0 || rows < 1) {
            throw new IllegalArgumentException("Invalid batching: from " + from + ", rows " + rows);
        }
        this.batchFrom = from;
        this.batchRows = rows;
        return this;
    }

    /** Whether chunks guess where their rows start in a file with quotes. */
    enum Guesses {
        /** By the rows after the chunk's start ({@link RowShape}), checked after the pass. */
        BY_ROWS,
        /** Not at all: the quotes before each chunk are counted first. */
        NONE,
        /** The opposite of {@link #BY_ROWS}: only to test the check. */
        INVERTED
    }

    /**
     * Whether the options can be read by the parallel scan at all: not weighted, no KTO survey, no
     * respondent deduplication, no response times between two timestamps, and no missing-value
     * marker that the byte reader would take for response minutes or an outcome (such as
     * {@code --na 0}).
     */
    static boolean supports(ReportGrouping options) {
        return options.weightColumn() == null && options.rake().isEmpty() && options.survey() == null
                && options.respondentColumn() == null && options.responseFromColumn() == null
                && options.missingValues().stream().noneMatch(ParallelScan::readAsValue);
    }

    /** Whether a missing-value marker has the form of minutes or of a yes/no outcome. */
    private static boolean readAsValue(String marker) {
        String m = marker.strip().toLowerCase(java.util.Locale.ROOT);
        return !m.isEmpty() && m.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9')
                || OpsColumns.YES.contains(m) || OpsColumns.NO.contains(m);
    }

    /** A worker met a row that only the general pass reads as it should. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    /** A worker of the pass that assumes a file without quotes met a quote. */
    private static final class QuotesFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QuotesFound() {
            super(null, null, false, false);
        }
    }

    /**
     * Tallies the rows of a file from {@code dataStart} (just after the header).
     *
     * <p>Where a chunk's first row starts depends on whether its first byte is inside a quoted
     * field, which the bytes before it decide. Up to three passes:
     * <ol>
     * <li>The first assumes a file without quotes, as most are: a chunk's rows start after its
     *     first line feed, and any quote stops the pass. If it completes, no worker met a quote,
     *     so there is none (the workers' bytes cover the file). A give-up in it is final when no
     *     quote comes before the chunk where it happened (checked).
     * <li>Else each chunk guesses whether it starts inside quotes from the rows that follow
     *     ({@link RowShape}) and starts after its first line feed outside quotes. The guesses were
     *     right if every chunk's rows start where the previous chunk's rows end ({@link
     *     Pass#chained}); a give-up is final when the chunk's guess agrees with the parity of the
     *     quotes before it (counted).
     * <li>Else every chunk's quote bytes are counted (in parallel), and the parity of the count
     *     before a chunk says whether it starts inside quotes ({@code ""} in a quoted field counts
     *     two).
     * </ol>
     * The parity, and so a chain of chunks, is only right if every quote opens a field, closes it
     * or is doubled in it, as the streaming pass reads them; a row where that fails (a quote inside
     * an unquoted field, text after a closing quote, an unterminated quote) makes the worker that
     * reads it give up, and that worker started right, since every quote before its row was one of
     * those.
     *
     * @return the tallies, or null if a row needs the general pass
     * @throws IOException if the file cannot be read
     */
    ReportTallies scan(Path file, long dataStart, LongConsumer progress) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long chunk = chunkBytes > 0 ? chunkBytes
                    : size - dataStart < SMALL_FILE ? Math.max(1, size - dataStart)
                    : Math.max(BUFFER, (size - dataStart) / ((long) threads * CHUNKS_PER_WORKER) + 1);
            int chunks = (int) Math.max(1, (size - dataStart + chunk - 1) / chunk);
            int workers = Math.min(threads, chunks);
            Chunks plan = new Chunks(channel, size, dataStart, chunk, chunks);
            Pass done = read(plan, workers, progress);
            if (done == null) {
                return null;
            }
            progress.accept(size);
            return combine(done.workers, file.toString());
        }
    }

    /** The pass whose tallies are the file's, or null if a row needs the general pass. */
    private Pass read(Chunks plan, int workers, LongConsumer progress) throws IOException {
        Pass plain = new Pass(plan, workers, Mode.NO_QUOTES, null);
        plain.run(progress);
        if (!plain.stopped()) {
            return plain;
        }
        if (!plain.quotesFound && (plain.gaveUpAt <= 0
                || !plan.hasQuote(plan.dataStart, plan.searchStart(plain.gaveUpAt)))) {
            return null; // the chunk that gave up started right: no quote before it
        }
        if (guesses != Guesses.NONE) {
            Pass guessed = new Pass(plan, workers, Mode.GUESSED, new boolean[plan.count]);
            guessed.run(progress);
            if (!guessed.stopped()) {
                if (guessed.chained()) {
                    return guessed;
                }
            } else {
                int at = guessed.gaveUpAt;
                if (at == 0 || at > 0 && plan.quotesBefore(at) == guessed.inQuotes[at]) {
                    return null; // the chunk that gave up started right (or a quote is not where a field's is)
                }
            }
        }
        Pass exact = new Pass(plan, workers, Mode.EXACT, plan.quoteStates(workers));
        exact.run(progress);
        return exact.stopped() ? null : exact;
    }

    /** How a pass finds where each chunk's rows start. */
    private enum Mode {
        /** After its first line feed; a quote stops the pass. */
        NO_QUOTES,
        /**
         * After its first line feed outside quotes, with the chunk's first byte inside quotes or
         * not as a look at the rows after it suggests ({@link Worker#guessInQuotes}); right only if
         * every chunk starts where the one before it ended ({@link Pass#chained}).
         */
        GUESSED,
        /** After its first line feed outside quotes, by the parity of the quotes before it. */
        EXACT
    }

    /** Runs a task on {@code workers} threads, the calling thread one of them. */
    @FunctionalInterface
    private interface Task {
        void run(int worker) throws IOException;
    }

    /**
     * Runs a task on each worker and waits for all; the first to fail sets {@code stop}.
     *
     * @return what stopped each worker: a {@link GiveUp} or {@link QuotesFound}, or null
     * @throws IOException if a worker failed to read the file (other failures are rethrown too)
     */
    private static RuntimeException[] inParallel(int workers, AtomicBoolean stop, Task task) throws IOException {
        Throwable[] failures = new Throwable[workers];
        Thread[] helpers = new Thread[workers - 1];
        for (int w = 1; w < workers; w++) {
            int index = w;
            helpers[w - 1] = new Thread(() -> {
                try {
                    task.run(index);
                } catch (Throwable t) {
                    failures[index] = t;
                    stop.set(true);
                }
            }, "cxmetrics-scan-" + w);
            helpers[w - 1].setDaemon(true);
            helpers[w - 1].start();
        }
        try {
            task.run(0);
        } catch (IOException | RuntimeException | Error e) {
            failures[0] = e;
            stop.set(true);
        }
        for (Thread t : helpers) {
            Parallel.join(t);
        }
        RuntimeException[] signals = new RuntimeException[workers];
        for (int w = 0; w < workers; w++) {
            Throwable t = failures[w];
            if (t instanceof GiveUp || t instanceof QuotesFound) {
                signals[w] = (RuntimeException) t;
            } else if (t != null) {
                rethrow(t);
            }
        }
        return signals;
    }

    /**
     * The chunks of a file: chunk {@code k}'s rows are those that start in {@code [from(k), from(k + 1))};
     * its worker looks for the first row start from {@link #searchStart(int) from(k) - 1} on.
     */
    private static final class Chunks {
        final FileChannel channel;
        final long size;
        final long dataStart;
        final long chunk;
        final int count;

        Chunks(FileChannel channel, long size, long dataStart, long chunk, int count) {
            this.channel = channel;
            this.size = size;
            this.dataStart = dataStart;
            this.chunk = chunk;
            this.count = count;
        }

        long from(int k) {
            return dataStart + k * chunk;
        }

        long to(int k) {
            return Math.min(size, from(k) + chunk);
        }

        /** Where the worker of chunk k starts to look for its first row: the byte before the chunk. */
        long searchStart(int k) {
            return k == 0 ? dataStart : Math.min(size, from(k) - 1);
        }

        /**
         * Whether each chunk's {@link #searchStart} is inside a quoted field, by the parity of the
         * quote bytes before it, counted per chunk on {@code workers} threads.
         */
        boolean[] quoteStates(int workers) throws IOException {
            long[] quotes = new long[count];
            AtomicInteger next = new AtomicInteger();
            inParallel(workers, new AtomicBoolean(), w -> {
                ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
                for (int k = next.getAndIncrement(); k < count; k = next.getAndIncrement()) {
                    quotes[k] = countQuotes(buffer, searchStart(k), k + 1 < count ? searchStart(k + 1) : size, false);
                }
            });
            boolean[] inQuotes = new boolean[count];
            long before = 0;
            for (int k = 0; k < count; k++) {
                inQuotes[k] = (before & 1) != 0;
                before += quotes[k];
            }
            return inQuotes;
        }

        /** Whether chunk k's search start is inside quotes, by the parity of the quotes before it. */
        boolean quotesBefore(int k) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
            return (countQuotes(buffer, dataStart, searchStart(k), false) & 1) != 0;
        }

        /** Whether the bytes in [from, to) hold a quote. */
        boolean hasQuote(long from, long to) throws IOException {
            return countQuotes(ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN), from, to, true) > 0;
        }

        /** The quote bytes in [from, to), or 1 at the first one if {@code any}. */
        private long countQuotes(ByteBuffer buffer, long from, long to, boolean any) throws IOException {
            long quotes = 0;
            for (long at = from; at < to; ) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), to - at));
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, at + buffer.position()) < 0) {
                        throw new java.io.EOFException("The file shrank while it was read: " + at);
                    }
                }
                int n = buffer.position();
                int i = 0;
                for (; i + 8 <= n; i += 8) {
                    quotes += Long.bitCount(zeros(buffer.getLong(i) ^ QUOTE_BYTES));
                }
                for (; i < n; i++) {
                    if (buffer.get(i) == '"') {
                        quotes++;
                    }
                }
                if (any && quotes > 0) {
                    return 1;
                }
                at += n;
            }
            return quotes;
        }
    }

    /** One parallel pass over the chunks. */
    private final class Pass {
        final Worker[] workers;
        final AtomicBoolean stop = new AtomicBoolean();
        /** Whether each chunk's search start is inside quotes: given ({@link Mode#EXACT}) or guessed. */
        final boolean[] inQuotes;
        /** Per chunk: where its first row starts and where its last row ends (its rows' bytes). */
        final long[] rowsFrom;
        final long[] rowsTo;
        boolean quotesFound;
        /** The first chunk where a worker gave up, or -1. */
        int gaveUpAt = -1;

        Pass(Chunks plan, int count, Mode mode, boolean[] inQuotes) {
            this.inQuotes = inQuotes;
            rowsFrom = new long[plan.count];
            rowsTo = new long[plan.count];
            AtomicInteger next = new AtomicInteger();
            workers = new Worker[count];
            for (int w = 0; w < count; w++) {
                workers[w] = new Worker(plan, mode, this, next, stop);
            }
        }

        /**
         * Whether every chunk's rows start where the previous chunk's rows end. Then each chunk
         * started right: the first does, and one that starts right reads its rows as the
         * streaming pass does, so that it ends where a row starts.
         */
        boolean chained() {
            for (int k = 1; k < rowsFrom.length; k++) {
                if (rowsFrom[k] != rowsTo[k - 1]) {
                    return false;
                }
            }
            return true;
        }

        void run(LongConsumer progress) throws IOException {
            RuntimeException[] signals = inParallel(workers.length, stop,
                    w -> workers[w].run(w == 0 ? progress : null));
            for (int w = 0; w < signals.length; w++) {
                if (signals[w] instanceof QuotesFound) {
                    quotesFound = true;
                } else if (signals[w] instanceof GiveUp) {
                    int at = workers[w].chunkIndex;
                    gaveUpAt = gaveUpAt < 0 ? at : Math.min(gaveUpAt, at);
                }
            }
        }

        boolean stopped() {
            return stop.get();
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        throw (Error) t;
    }

    /** The tallies of all workers, grouped as the general pass groups them. */
    private ReportTallies combine(Worker[] workers, String name) {
        GroupTallies overall = generator.newGroup(false); // before any thread: sets up the generator's shared scales
        TreeMap<CalendarPeriod, GroupTallies> periods = new TreeMap<>();
        TreeMap<java.time.LocalDate, GroupTallies> days = layout.days() ? new TreeMap<>() : null;
        int segmentCount = layout.segmentColumns().length;
        List<Map<String, ReportTallies.SegmentData>> segments = new ArrayList<>();
        long rows = 0;
        int cells = 0;
        for (Worker w : workers) {
            rows += w.rows;
            for (CellMap map : w.cells) {
                cells += map.size;
            }
        }
        boolean byPeriod = layout.by() != null;
        if (segmentCount == 0) {
            for (Worker w : workers) {
                for (CellMap map : w.cells) {
                    for (int c = 0; c < map.size; c++) {
                        Cell found = map.cells[c];
                        GroupTallies cell = w.group(found);
                        overall.addAll(cell);
                        if (byPeriod) {
                            periods.computeIfAbsent(w.periods.get(found.period), k -> generator.newGroup(false))
                                    .addAll(cell);
                        }
                    }
                }
            }
        } else {
            // Each column's values are split into parts by their hash, merged on up to --threads
            // threads (issue 16: with 100,000 values the merge took a quarter of the scan on one
            // thread). A part's groups are its own, and so are the sums it makes of them.
            int parts = cells < Parallel.MIN_INDEXES ? 1 : threads;
            Part[] done = new Part[segmentCount * parts];
            Parallel.tasks(done.length, parts > 1 ? threads : 1, "cxmetrics-combine",
                    t -> done[t] = combinePart(workers, t / parts, t % parts, parts));
            for (int s = 0; s < segmentCount; s++) {
                Map<String, ReportTallies.SegmentData> column = done[s * parts].values;
                for (int p = 1; p < parts; p++) {
                    column.putAll(done[s * parts + p].values);
                }
                segments.add(column);
            }
            for (int p = 0; p < parts; p++) {
                Part first = done[p]; // a part of the first column: its sums are the whole input's
                overall.addAll(first.overall);
                for (Map.Entry<CalendarPeriod, GroupTallies> e : first.periods.entrySet()) {
                    GroupTallies period = periods.get(e.getKey());
                    if (period == null) {
                        periods.put(e.getKey(), e.getValue());
                    } else {
                        period.addAll(e.getValue());
                    }
                }
            }
        }
        if (days != null) {
            for (Worker w : workers) {
                for (int c = 0; c < w.dayCells.size; c++) {
                    Cell found = w.dayCells.cells[c];
                    days.computeIfAbsent(java.time.LocalDate.ofEpochDay(w.dayBase + found.period),
                            k -> generator.newGroup(false)).addAll(w.group(found));
                }
            }
        }
        ReadCounts input = new ReadCounts(name, rows, 0, new LinkedHashMap<>(), List.of(), false, 0);
        return generator.tallies(input, overall, periods, layout.segmentNames(), segments).withDays(days);
    }

    /** The groups of one part of a segment column's values, with the sums of them that the report needs. */
    private record Part(Map<String, ReportTallies.SegmentData> values, GroupTallies overall,
            TreeMap<CalendarPeriod, GroupTallies> periods) {
    }

    /**
     * Merges the workers' cells of the values of column {@code s} whose hash falls in part
     * {@code part} of {@code parts}. Each cell (a worker's group of one value, or of one value and
     * period) is added to one group only; a value's first cell becomes that group (no copy). The
     * sums above it are made from those groups afterwards: a value's total from its periods, and,
     * for the first column, each period and the whole input from the values' groups. Counts add
     * exactly in any order, so this is the same as adding every cell everywhere (issue 16: 10,000
     * stores by 52 weeks are half a million groups, and four copies of every cell cost more than
     * the rows).
     */
    private Part combinePart(Worker[] workers, int s, int part, int parts) {
        boolean byPeriod = layout.by() != null;
        Map<String, ReportTallies.SegmentData> values = new HashMap<>();
        for (Worker w : workers) {
            CellMap map = w.cells[s];
            for (int c = 0; c < map.size; c++) {
                Cell found = map.cells[c];
                String value = w.values[s].text(found.value);
                if (parts > 1 && Math.floorMod(value.hashCode(), parts) != part) {
                    continue;
                }
                GroupTallies cell = w.group(found);
                ReportTallies.SegmentData data = values.get(value);
                if (!byPeriod) {
                    if (data == null) {
                        values.put(value, new ReportTallies.SegmentData(cell));
                    } else {
                        data.total.addAll(cell);
                    }
                    continue;
                }
                if (data == null) {
                    data = new ReportTallies.SegmentData(generator.newGroup(false));
                    values.put(value, data);
                }
                CalendarPeriod period = w.periods.get(found.period);
                GroupTallies inPeriod = data.inPeriod(period);
                if (inPeriod == null) {
                    data.putPeriod(period, cell);
                } else {
                    inPeriod.addAll(cell);
                }
            }
        }
        GroupTallies overall = generator.newGroup(false);
        TreeMap<CalendarPeriod, GroupTallies> periods = new TreeMap<>();
        for (ReportTallies.SegmentData data : values.values()) {
            for (Map.Entry<CalendarPeriod, GroupTallies> e : data.byPeriod().entrySet()) {
                data.total.addAll(e.getValue());
                if (s == 0) {
                    periods.computeIfAbsent(e.getKey(), k -> generator.newGroup(false)).addAll(e.getValue());
                }
            }
            if (s == 0 && !byPeriod) {
                overall.addAll(data.total);
            }
        }
        if (s == 0 && byPeriod) {
            for (GroupTallies period : periods.values()) {
                overall.addAll(period);
            }
        }
        return new Part(values, overall, periods);
    }

    /** The distinct values of one segment column met by a worker, each with a small id. */
    private static final class Interner {
        /** The packed form of a key longer than {@link #SHORT} bytes: compared byte by byte. */
        private static final long LONG_KEY = -1;
        /** The longest key packed into its slot. */
        private static final int SHORT = 7;
        private final ScanCharset charset;
        /**
         * Per slot, side by side: (id + 1) &lt;&lt; 32 | hash (0 = free), then the key packed (its
         * length, then its bytes) when it has at most {@link #SHORT} bytes, else {@link #LONG_KEY}. A
         * short value (a store or agent code) is found with one memory access (issue 16: thousands of
         * values do not stay in the cache).
         */
        private long[] table = new long[128];
        private byte[][] keys = new byte[8][];
        private final List<String> texts = new ArrayList<>();

        Interner(ScanCharset charset) {
            this.charset = charset;
        }

        /** Whether the key has the bytes (short keys: a plain loop beats a vectorised compare). */
        private static boolean same(byte[] key, byte[] b, int from, int to) {
            if (key.length != to - from) {
                return false;
            }
            for (int i = 0; i < key.length; i++) {
                if (key[i] != b[from + i]) {
                    return false;
                }
            }
            return true;
        }

        /** A key of at most {@link #SHORT} bytes as its length followed by its bytes; else {@link #LONG_KEY}. */
        private static long packed(byte[] b, int from, int to) {
            if (to - from > SHORT) {
                return LONG_KEY;
            }
            long p = to - from;
            for (int i = from; i < to; i++) {
                p = p << 8 | (b[i] & 0xFF);
            }
            return p;
        }

        int id(byte[] b, int from, int to) {
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + b[i];
            }
            long packed = packed(b, from, to);
            int mask = table.length / 2 - 1;
            for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
                long entry = table[2 * slot];
                if (entry == 0) {
                    return add(b, from, to, h, packed, slot);
                }
                if ((int) entry == h && table[2 * slot + 1] == packed
                        && (packed != LONG_KEY || same(keys[(int) (entry >>> 32) - 1], b, from, to))) {
                    return (int) (entry >>> 32) - 1;
                }
            }
        }

        private int add(byte[] b, int from, int to, int h, long packed, int slot) {
            String text = charset.decode(b, from, to);
            if (text == null) {
                throw new GiveUp(); // the general pass names the row and the byte
            }
            int id = texts.size();
            if (id == keys.length) {
                keys = Arrays.copyOf(keys, id * 2);
            }
            keys[id] = Arrays.copyOfRange(b, from, to);
            texts.add(text);
            table[2 * slot] = (long) (id + 1) << 32 | (h & 0xFFFFFFFFL);
            table[2 * slot + 1] = packed;
            if (texts.size() > table.length / 4) {
                rehash();
            }
            return id;
        }

        private void rehash() {
            long[] old = table;
            table = new long[old.length * 2];
            int mask = table.length / 2 - 1;
            for (int i = 0; i < old.length; i += 2) {
                if (old[i] != 0) {
                    int slot = mix((int) old[i]) & mask;
                    while (table[2 * slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    table[2 * slot] = old[i];
                    table[2 * slot + 1] = old[i + 1];
                }
            }
        }

        private static int mix(int h) {
            int x = h * 0x9E3779B9;
            return x ^ (x >>> 16);
        }

        String text(int id) {
            return texts.get(id);
        }

        /** The number of distinct values met. */
        int size() {
            return texts.size();
        }
    }

    /**
     * The tallies of one group of a worker: plain counts per metric and score, then the number of
     * outcomes and of yes outcomes (no overflow check: a worker reads fewer than 2^63 rows); the
     * operational tallies (null without them), and the response times not yet added to them. Times
     * are added to the histogram {@link #PENDING} at a time: hundreds of groups' histograms do not
     * stay in the cache, and adding a batch to one costs much less than one cache miss per row.
     */
    private static final class Cell {
        final int period;
        final int value;
        final long[] counts;
        final OpsTallies ops;
        /** The buffer, grown from a few up to {@link #PENDING} times: a small group keeps a small one. */
        double[] pending = NO_TIMES;
        int waiting;

        Cell(int period, int value, int counts, OpsTallies ops) {
            this.period = period;
            this.value = value;
            this.counts = new long[counts];
            this.ops = ops;
        }

        void addMinutes(double minutes) {
            if (waiting == pending.length) {
                pending = Arrays.copyOf(pending, Math.max(4, 2 * pending.length));
            }
            pending[waiting++] = minutes;
            if (waiting == PENDING) {
                flush();
            }
        }

        void flush() {
            for (int i = 0; i < waiting; i++) {
                ops.response().addMinutes(pending[i]); // one by one: cheaper for a dense histogram
            }
            waiting = 0;
        }
    }

    /**
     * The groups of one segment column of a worker by (period id, value id): open addressing on the
     * pair, so memory grows with the groups that occur, not with periods × values.
     */
    private static final class CellMap {
        private Cell[] slots = new Cell[64];
        /**
         * The group last used for each value id: without a trend every row of a value finds its group
         * here, with one memory access instead of a probe through the slots (issue 16: with thousands
         * of values, each probe is a cache miss).
         */
        private Cell[] recent = new Cell[16];
        /** The groups in the order they were met. */
        Cell[] cells = new Cell[16];
        int size;

        Cell get(int period, int value) {
            if (value < recent.length) {
                Cell last = recent[value];
                if (last != null && last.period == period) {
                    return last;
                }
            }
            int mask = slots.length - 1;
            for (int slot = mix(period, value) & mask; ; slot = (slot + 1) & mask) {
                Cell cell = slots[slot];
                if (cell == null || cell.period == period && cell.value == value) {
                    if (cell != null) {
                        recent[value] = cell; // value < recent.length: put remembered it before
                    }
                    return cell;
                }
            }
        }

        void put(Cell cell) {
            if (cell.value >= recent.length) {
                recent = Arrays.copyOf(recent, Math.max(cell.value + 1, 2 * recent.length));
            }
            recent[cell.value] = cell;
            if (size == cells.length) {
                cells = Arrays.copyOf(cells, size * 2);
            }
            cells[size++] = cell;
            if (size * 2 > slots.length) {
                slots = new Cell[slots.length * 2];
                for (int i = 0; i < size - 1; i++) {
                    insert(cells[i]);
                }
            }
            insert(cell);
        }

        private void insert(Cell cell) {
            int mask = slots.length - 1;
            int slot = mix(cell.period, cell.value) & mask;
            while (slots[slot] != null) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = cell;
        }

        private static int mix(int period, int value) {
            long x = ((long) period << 32 | (value & 0xFFFFFFFFL)) * 0x9E3779B97F4A7C15L;
            return (int) (x ^ (x >>> 32));
        }
    }

    /**
     * Rows kept to be counted sorted by segment value, once a worker has met many groups: each
     * group's counts and histogram are then visited once per batch for all of its rows, not once per
     * row (issue 16: with 100,000 store or agent codes, their groups do not stay in the cache, and
     * counting each row in its group cost a few cache misses, more than reading it). A row keeps its
     * value ids, period id, scores (as the offset from the scale's minimum, {@link #NO_SCORE} if
     * missing), outcome and response minutes; counting sorts it by (value, period), stable.
     */
    private static final class Batch {
        /** A missing score: scales with at most 255 points fit in a byte beside it. */
        static final int NO_SCORE = 0xFF;
        static final long NO_OUTCOME = 2;
        /** The most scores in a row's {@link #payload}: a byte each, below the outcome's bits. */
        static final int MOST_SCORES = 7;
        /** Where the outcome (0, 1 or {@link #NO_OUTCOME}) starts in a row's payload. */
        static final int OUTCOME_SHIFT = 56;
        final int[][] values;
        final int[] periods;
        /**
         * Per row, its scores (score m − the scale's minimum in byte m, {@link #NO_SCORE} if
         * missing) and its outcome above them: one read per row when the batch is counted.
         */
        final long[] payload;
        final double[] minutes;
        int size;
        /**
         * After {@link #sort}: the rows' period ids, payloads and minutes, moved into the sorted
         * order, so that counting reads them one after the other (issue 16: reading each row at its
         * place in the batch was a cache miss per row).
         */
        final int[] sortedPeriods;
        final long[] sortedPayload;
        final double[] sortedMinutes;
        private final int[] byPeriod;
        private int[] starts = new int[0];

        Batch(int capacity, int segmentColumns) {
            values = new int[segmentColumns][capacity];
            periods = new int[capacity];
            payload = new long[capacity];
            minutes = new double[capacity];
            sortedPeriods = new int[capacity];
            sortedPayload = new long[capacity];
            sortedMinutes = new double[capacity];
            byPeriod = new int[capacity];
        }

        /** The bytes a row takes here, its sorted copy and sort slot included. */
        static long rowBytes(int segmentColumns) {
            return 4L * segmentColumns + 2 * (4 + 8 + 8) + 4;
        }

        /**
         * After {@link #sort}: where the rows of value v end in the sorted order (they start where
         * value v − 1's end, or at 0).
         */
        int valueEnd(int v) {
            return starts[v];
        }

        /**
         * Sorts the rows by column s's value id (below {@code valueCount}), then by period id (below
         * {@code periodCount}; 0 or 1: no second key), with two stable counting sorts, into
         * {@link #sortedPeriods}, {@link #sortedPayload} and {@link #sortedMinutes}. The rows are read
         * in their order (or, by period, in as many runs as there are periods) and written to their
         * sorted places.
         */
        void sort(int s, int valueCount, int periodCount) {
            int[] in = null;
            if (periodCount > 1) {
                countKeys(periods, periodCount, null);
                for (int i = 0; i < size; i++) {
                    byPeriod[starts[periods[i]]++] = i;
                }
                in = byPeriod;
            }
            int[] key = values[s];
            countKeys(key, valueCount, in);
            for (int i = 0; i < size; i++) {
                int row = in == null ? i : in[i];
                int to = starts[key[row]]++;
                sortedPeriods[to] = periods[row];
                sortedPayload[to] = payload[row];
                sortedMinutes[to] = minutes[row];
            }
        }

        /** Sets {@link #starts}[v] to where rows with key v start: the number of rows with smaller keys. */
        private void countKeys(int[] key, int k, int[] in) {
            if (starts.length < k + 1) {
                starts = new int[Math.max(k + 1, 2 * starts.length)];
            } else {
                Arrays.fill(starts, 0, k + 1, 0);
            }
            int n = size;
            for (int i = 0; i < n; i++) {
                starts[key[in == null ? i : in[i]] + 1]++;
            }
            for (int v = 0; v < k; v++) {
                starts[v + 1] += starts[v];
            }
        }
    }

    /**
     * The number of groups of one segment column a worker counts row by row; past it, in batches
     * ({@link Batch}), which costs more per row than counting into a few groups that stay in the
     * cache.
     */
    static final int BATCH_FROM = 4_096;
    /** The most rows in a batch (32 MB per worker with one segment column, its sort slots included). */
    static final int MOST_BATCH_ROWS = 1 << 20;

    /** Response times buffered per group before they are added to its histogram. */
    private static final int PENDING = 32;
    private static final double[] NO_TIMES = new double[0];
    /** Bytes after a chunk's start that {@link Worker#guessInQuotes} looks at. */
    private static final int LOOKAHEAD = 1 << 16;

    /** A column the report does not read. */
    private static final byte UNREAD = 0;
    /** A segment column. */
    private static final byte SEGMENT = 1;
    /** A score, timestamp, minutes or outcome column. */
    private static final byte READ = 2;

    /**
     * The high bit of exactly the zero bytes of {@code x} (no false positives, unlike the
     * shorter borrow-based test): H. S. Warren, <i>Hacker's Delight</i>, 2nd ed., section 6-1,
     * "Find first 0-byte".
     */
    private static long zeros(long x) {
        long y = (x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL;
        return ~(y | x | 0x7F7F7F7F7F7F7F7FL);
    }

    /** One thread's pass over the chunks it claims, with its own tallies. */
    private final class Worker {
        private final FileChannel channel;
        private final long size;
        private final long dataStart;
        private final Chunks plan;
        private final Mode mode;
        private final Pass pass;
        private final AtomicInteger next;
        private final AtomicBoolean gaveUp;
        /** The chunk being read. */
        int chunkIndex;

        private final byte delimiter;
        private final long delimiterBytes;
        /** The read buffer, with room for a line feed sentinel and a word after it. */
        private byte[] buf = new byte[bufferBytes + 16];
        /** File offset of buf[0]. */
        private long bufStart;
        /** Valid bytes in buf; buf[limit] is a line feed sentinel. */
        private int limit;
        private final int[] starts;
        private final int[] ends;
        /** Per field: whether it is a quoted segment value with doubled quotes, when {@link #rowEscaped}. */
        private final boolean[] escaped;
        /** Whether a field of the current row is a quoted segment value with doubled quotes in it. */
        private boolean rowEscaped;
        /** Per field: {@link #UNREAD}, {@link #SEGMENT} or {@link #READ}. */
        private final byte[] columnKind;
        /** A segment value with its doubled quotes made single. */
        private byte[] unescaped = new byte[64];
        /** The bytes after a chunk's search start, for {@link #guessInQuotes}. */
        private ByteBuffer window;

        private final int fields;
        private final int[] metricColumns;
        private final Scale[] metricScales;
        private final int[] metricIndex;
        private final int timeColumn;
        private final int[] segmentColumns;
        private final int responseColumn;
        private final int fcrColumn;
        private final PeriodResolver resolver;

        final List<CalendarPeriod> periods = new ArrayList<>();
        private final Map<CalendarPeriod, Integer> periodIds = new HashMap<>();
        /** CalendarPeriod id + 1 of local epoch day {@code firstDay + i}, 0 if not seen yet. */
        private int[] dayIds = new int[0];
        private long firstDay;
        final Interner[] values;
        /** Per segment column (one pseudo column without segments): the group of (period id, value id). */
        final CellMap[] cells;
        /**
         * With day tallies, the overall group of each local day, keyed (day − {@link #dayBase}, 0): one
         * more group per row, not a group per day and segment value.
         */
        final CellMap dayCells = new CellMap();
        /** The rows waiting to be counted, once a segment column has more than {@link #BATCH_FROM} groups; null before. */
        private Batch batch;
        /** Whether a row fits a batch ({@link Batch#payload}): at most 7 scores, each on a scale of at most 254 points. */
        private final boolean batchable;
        /** The response minutes of one group's rows in a batch. */
        private double[] runMinutes = new double[64];
        /** The local epoch day of the first row with day tallies; day cells are keyed from it. */
        long dayBase = Long.MIN_VALUE;
        /** The local epoch day of the current row's timestamp, when it is read. */
        private long rowDay;
        long rows;

        private final int[] scores;
        private final int[] valueIds;
        /** Where each metric's counts start in {@link Cell#counts}; the last entry is the length. */
        private final int[] metricOffset;
        private final int[] metricMin;
        /** Where the outcome counts start in {@link Cell#counts}: after the score counts. */
        private final int outcomes;
        private final int[] metricMax;

        Worker(Chunks plan, Mode mode, Pass pass, AtomicInteger next, AtomicBoolean gaveUp) {
            this.channel = plan.channel;
            this.size = plan.size;
            this.dataStart = plan.dataStart;
            this.plan = plan;
            this.mode = mode;
            this.pass = pass;
            this.next = next;
            this.gaveUp = gaveUp;
            fields = layout.fields();
            starts = new int[fields];
            ends = new int[fields];
            escaped = new boolean[fields];
            List<Metric> metrics = generator.metrics();
            metricColumns = new int[metrics.size()];
            metricScales = new Scale[metrics.size()];
            metricIndex = new int[metrics.size()];
            metricMin = new int[metrics.size()];
            metricMax = new int[metrics.size()];
            Scale[] scales = generator.usedScales();
            for (int m = 0; m < metricColumns.length; m++) {
                metricColumns[m] = generator.column(metrics.get(m));
                metricIndex[m] = metrics.get(m).ordinal();
                metricScales[m] = scales[metricIndex[m]];
            }
            timeColumn = layout.timeColumn();
            segmentColumns = layout.segmentColumns();
            OpsColumns ops = generator.ops();
            responseColumn = ops.responseColumn();
            fcrColumn = ops.fcrColumn();
            resolver = timeColumn < 0 ? null : new PeriodResolver(layout.by() == null ? Granularity.DAY : layout.by(),
                    generator.grouping().zone());
            values = new Interner[segmentColumns.length];
            for (int s = 0; s < values.length; s++) {
                values[s] = new Interner(charset);
            }
            cells = new CellMap[Math.max(1, segmentColumns.length)];
            for (int s = 0; s < cells.length; s++) {
                cells[s] = new CellMap();
            }
            metricOffset = new int[metricColumns.length + 1];
            for (int m = 0; m < metricColumns.length; m++) {
                metricOffset[m + 1] = metricOffset[m] + metricScales[m].points();
                metricMin[m] = metricScales[m].min();
                metricMax[m] = metricScales[m].max();
            }
            outcomes = metricOffset[metricColumns.length];
            boolean small = metricScales.length <= Batch.MOST_SCORES;
            for (Scale scale : metricScales) {
                small &= scale.points() < Batch.NO_SCORE;
            }
            batchable = small;
            scores = new int[metricColumns.length];
            valueIds = new int[Math.max(1, segmentColumns.length)];
            delimiter = (byte) generator.grouping().delimiter();
            delimiterBytes = (delimiter & 0xFFL) * 0x0101010101010101L;
            columnKind = new byte[fields];
            for (int column : segmentColumns) {
                columnKind[column] = SEGMENT;
            }
            for (int column : metricColumns) {
                columnKind[column] = READ;
            }
            for (int column : new int[] {timeColumn, responseColumn, fcrColumn}) {
                if (column >= 0) {
                    columnKind[column] = READ;
                }
            }
        }

        /** Claims and reads chunks until none is left; reports progress if given one. */
        void run(LongConsumer progress) throws IOException {
            for (int c = next.getAndIncrement(); c < plan.count && !gaveUp.get(); c = next.getAndIncrement()) {
                chunkIndex = c;
                readChunk(c);
                if (progress != null) {
                    progress.accept(plan.to(c));
                }
            }
            if (batch != null && !gaveUp.get()) {
                countBatch(batch);
            }
        }

        /** Reads the rows that start in chunk c. */
        private void readChunk(int c) throws IOException {
            long to = plan.to(c);
            if (mode == Mode.GUESSED && c > 0) {
                pass.inQuotes[c] = guessInQuotes(plan.searchStart(c));
            }
            load(plan.searchStart(c));
            int p = 0;
            if (c > 0) {
                p = mode == Mode.NO_QUOTES ? afterLineEnd() : afterRecordEnd(pass.inQuotes[c]);
                if (p < 0) {
                    pass.rowsFrom[c] = size; // no row starts in this chunk or after it
                    pass.rowsTo[c] = size;
                    return;
                }
            }
            pass.rowsFrom[c] = bufStart + p;
            boolean quoted = mode != Mode.NO_QUOTES;
            while (bufStart + p < to) {
                int end = quoted ? quotedRow(p) : row(p);
                if (end < 0) {
                    // the row runs past the buffer: read again from its start, in a larger buffer
                    // if the row alone fills it
                    if (p == 0) {
                        if (buf.length - 16 >= MAX_ROW_BYTES) {
                            throw new GiveUp(); // the general pass names the row that is too long
                        }
                        if (gaveUp.get()) {
                            return;
                        }
                        buf = new byte[2 * (buf.length - 16) + 16];
                    }
                    load(bufStart + p);
                    p = 0;
                    continue;
                }
                add();
                p = end;
                if ((rows & 0xFFFF) == 0 && gaveUp.get()) {
                    return;
                }
            }
            pass.rowsTo[c] = bufStart + p;
        }

        /**
         * Whether the rows after a chunk's search start look as if it were inside quotes: of the
         * two readings of the quotes there, the one whose first line feed outside quotes is
         * followed by more rows of the right form ({@link RowShape#rowsAfter}) in the next
         * {@link #LOOKAHEAD} bytes; outside quotes when neither is better. Only a guess: a pass
         * that uses it is checked ({@link Pass#chained}).
         */
        private boolean guessInQuotes(long from) throws IOException {
            if (window == null) {
                window = ByteBuffer.allocate(LOOKAHEAD);
            }
            window.clear();
            while (window.hasRemaining() && from + window.position() < size) {
                if (channel.read(window, from + window.position()) < 0) {
                    break;
                }
            }
            int n = window.position();
            boolean end = from + n >= size;
            RowShape shape = new RowShape(window.array(), n, end, delimiter, fields);
            return shape.rowsAfter(true) > shape.rowsAfter(false) != (guesses == Guesses.INVERTED);
        }

        /** Fills the buffer from a file offset. */
        private void load(long offset) throws IOException {
            bufStart = offset;
            int n = 0;
            ByteBuffer target = ByteBuffer.wrap(buf, 0, buf.length - 16);
            while (target.hasRemaining() && offset + n < size) {
                int read = channel.read(target, offset + n);
                if (read < 0) {
                    break;
                }
                n += read;
            }
            limit = n;
            buf[limit] = '\n';
        }

        /**
         * Splits the row at {@code p} into fields: the position after its line end, or -1 if more
         * bytes are needed.
         *
         * @throws GiveUp for a quote, a bare carriage return or the wrong number of fields
         */
        private int row(int p) {
            byte[] b = buf;
            long delimiters = delimiterBytes;
            int last = fields - 1;
            int f = 0;
            starts[0] = p;
            for (int word = p; ; word += 8) {
                // eight bytes at a time: every delimiter, LF, CR and quote among them, lowest first
                // (buf has room for a word past the sentinel at limit; bytes after it are ignored)
                long w = (long) WORDS.get(b, word);
                long found = zeros(w ^ delimiters) | zeros(w ^ LF_BYTES) | zeros(w ^ CR_BYTES) | zeros(w ^ QUOTE_BYTES);
                while (found != 0) {
                    int q = word + (Long.numberOfTrailingZeros(found) >>> 3);
                    found &= found - 1;
                    byte c = b[q];
                    if (c == delimiter) {
                        ends[f] = q;
                        if (f == last) {
                            throw new GiveUp(); // too many fields
                        }
                        starts[++f] = q + 1;
                        continue;
                    }
                    if (c == '\n') {
                        boolean atEnd = q == limit;
                        if (atEnd && bufStart + limit < size) {
                            return -1;
                        }
                        ends[f] = q;
                        if (f != last) {
                            throw new GiveUp(); // too few fields
                        }
                        return atEnd ? q : q + 1;
                    }
                    if (c == '\r' && q + 1 == limit && bufStart + limit < size) {
                        return -1;
                    }
                    if (c == '\r' && (q + 1 == limit || b[q + 1] == '\n')) {
                        // CRLF, or a CR directly before the end of input: ends the row
                        ends[f] = q;
                        if (f != last) {
                            throw new GiveUp();
                        }
                        return q + 1 == limit ? q + 1 : q + 2;
                    }
                    if (c == '"') {
                        throw new QuotesFound();
                    }
                    throw new GiveUp(); // a CR not followed by LF
                }
            }
        }

        /**
         * In the pass without quotes: the position after the first line feed of the buffer
         * (loaded at a chunk's search start), reading on as needed; -1 if there is none.
         *
         * @throws QuotesFound at a quote before it
         */
        private int afterLineEnd() throws IOException {
            int p = 0;
            while (true) {
                byte[] b = buf;
                byte c = b[p];
                while (c != '\n' && c != '"') {
                    c = b[++p];
                }
                if (c == '"') {
                    throw new QuotesFound(); // the line feed may be inside quotes
                }
                if (p < limit) {
                    return p + 1;
                }
                if (bufStart + limit >= size || gaveUp.get()) {
                    return -1;
                }
                load(bufStart + limit);
                p = 0;
            }
        }

        /**
         * The position after the first line feed outside quotes of the buffer (loaded at a chunk's
         * search start, which is inside quotes or not as given), reading on as needed; -1 if there
         * is none.
         */
        private int afterRecordEnd(boolean inQuote) throws IOException {
            int p = 0;
            boolean in = inQuote;
            while (true) {
                byte[] b = buf;
                if (in) {
                    int q = nextQuote(b, p);
                    if (q >= 0) {
                        in = false;
                        p = q + 1;
                        continue;
                    }
                } else {
                    byte c = b[p];
                    while (c != '\n' && c != '"') {
                        c = b[++p];
                    }
                    if (c == '"') {
                        in = true;
                        p++;
                        continue;
                    }
                    if (p < limit) {
                        return p + 1;
                    }
                }
                if (bufStart + limit >= size || gaveUp.get()) {
                    return -1;
                }
                load(bufStart + limit);
                p = 0;
            }
        }

        /** The high bit of the bytes of a word that are the delimiter, LF, CR or a quote. */
        private long stops(long w) {
            return zeros(w ^ delimiterBytes) | zeros(w ^ LF_BYTES) | zeros(w ^ CR_BYTES) | zeros(w ^ QUOTE_BYTES);
        }

        /** The first quote in [from, limit), or -1. */
        private int nextQuote(byte[] b, int from) {
            for (int word = from; word < limit; word += 8) {
                long found = zeros((long) WORDS.get(b, word) ^ QUOTE_BYTES);
                if (found != 0) {
                    int q = word + (Long.numberOfTrailingZeros(found) >>> 3);
                    return q < limit ? q : -1;
                }
            }
            return -1;
        }

        /**
         * Splits the row at {@code p} into fields, quoted or not, as {@link
         * io.github.cxmetrics.io.CsvReader} does: the position after its line end, or -1 if more
         * bytes are needed. A quoted field's bytes are those between its quotes; one with doubled
         * quotes is a segment value to unescape ({@link #escaped}) or, in a column the report does
         * not read, left as it is.
         *
         * @throws GiveUp for the wrong number of fields, a bare carriage return, an unterminated
         *     quote, text after a closing quote, a quote inside an unquoted field (read as data by
         *     the streaming pass, but then the quote parity no longer says where rows end) or
         *     doubled quotes in a score, timestamp, minutes or outcome
         */
        private int quotedRow(int p) {
            byte[] b = buf;
            byte d = delimiter;
            int last = fields - 1;
            boolean more = bufStart + limit < size;
            if (rowEscaped) {
                Arrays.fill(escaped, false);
                rowEscaped = false;
            }
            int q = p;
            for (int f = 0; ; f++) {
                if (b[q] == '"') { // never the sentinel at limit, a line feed
                    // the closing quote, eight bytes at a time (a word starts before limit + 8:
                    // buf has room for it)
                    int c = q + 1;
                    long found;
                    while ((found = zeros((long) WORDS.get(b, c) ^ QUOTE_BYTES)) == 0 && c < limit) {
                        c += 8;
                    }
                    c = found == 0 ? -1 : c + (Long.numberOfTrailingZeros(found) >>> 3);
                    boolean doubled = false;
                    while (true) {
                        if (c < 0 || c >= limit) {
                            if (more) {
                                return -1;
                            }
                            throw new GiveUp(); // unterminated quoted field
                        }
                        if (b[c + 1] != '"') { // b[limit] is a line feed
                            if (c + 1 == limit && more) {
                                return -1; // is the quote doubled?
                            }
                            break;
                        }
                        doubled = true;
                        c = nextQuote(b, c + 2);
                    }
                    starts[f] = q + 1;
                    ends[f] = c;
                    if (doubled && columnKind[f] != UNREAD) {
                        if (columnKind[f] == READ) {
                            throw new GiveUp();
                        }
                        escaped[f] = true;
                        rowEscaped = true;
                    }
                    q = c + 1;
                } else {
                    // the first delimiter, LF, CR or quote, eight bytes at a time (the sentinel
                    // line feed at limit ends the search)
                    starts[f] = q;
                    long found;
                    while ((found = stops((long) WORDS.get(b, q))) == 0) {
                        q += 8;
                    }
                    q += Long.numberOfTrailingZeros(found) >>> 3;
                    if (b[q] == '"') {
                        throw new GiveUp(); // a quote inside an unquoted field
                    }
                    ends[f] = q;
                }
                // q is after the field: at a delimiter, a line end, the end of the bytes, or (after
                // a closing quote) anything
                if (q == limit) {
                    if (more) {
                        return -1;
                    }
                    if (f != last) {
                        throw new GiveUp();
                    }
                    return q; // the last row, without a line end
                }
                byte c = b[q];
                if (c == d) {
                    if (f == last) {
                        throw new GiveUp(); // too many fields
                    }
                    q++;
                    continue;
                }
                if (c == '\n') {
                    if (f != last) {
                        throw new GiveUp(); // too few fields
                    }
                    return q + 1;
                }
                if (c == '\r') {
                    if (q + 1 == limit) {
                        if (more) {
                            return -1;
                        }
                        if (f != last) {
                            throw new GiveUp();
                        }
                        return q + 1; // a CR directly before the end of input ends the row
                    }
                    if (b[q + 1] == '\n') {
                        if (f != last) {
                            throw new GiveUp();
                        }
                        return q + 2;
                    }
                }
                throw new GiveUp(); // a CR not followed by LF, or text after a closing quote
            }
        }

        /** Adds the current row to the groups of its period and segment values. */
        private void add() {
            byte[] b = buf;
            for (int m = 0; m < scores.length; m++) {
                scores[m] = score(b, starts[metricColumns[m]], ends[metricColumns[m]], metricMin[m], metricMax[m]);
            }
            int period = timeColumn < 0 ? 0 : period(b, starts[timeColumn], ends[timeColumn]);
            if (layout.by() == null) {
                period = 0; // the timestamp is read for the day tallies only
            }
            for (int s = 0; s < segmentColumns.length; s++) {
                int column = segmentColumns[s];
                valueIds[s] = rowEscaped && escaped[column] ? values[s].id(unescaped, 0,
                        unescape(b, starts[column], ends[column])) : values[s].id(b, starts[column], ends[column]);
            }
            double minutes = responseColumn < 0 ? -1 : minutes(b, starts[responseColumn], ends[responseColumn]);
            int outcome = fcrColumn < 0 ? OpsColumns.NO_OUTCOME : outcome(b, starts[fcrColumn], ends[fcrColumn]);
            rows++;
            if (batch != null) {
                keep(batch, period, outcome, minutes);
            } else {
                for (int s = 0; s < valueIds.length; s++) {
                    count(cell(s, period, valueIds[s]), outcome, minutes);
                }
            }
            if (layout.days()) {
                if (dayBase == Long.MIN_VALUE) {
                    dayBase = rowDay;
                }
                int day = Math.toIntExact(rowDay - dayBase);
                Cell cell = dayCells.get(day, 0);
                if (cell == null) {
                    cell = new Cell(day, 0, outcomes + 2, generator.newOps());
                    dayCells.put(cell);
                }
                count(cell, outcome, minutes);
            }
        }

        /** Adds the current row's scores, outcome and response minutes to a group. */
        private void count(Cell cell, int outcome, double minutes) {
            long[] counts = cell.counts;
            for (int m = 0; m < scores.length; m++) {
                if (scores[m] != StreamingPass.MISSING) {
                    counts[metricOffset[m] + scores[m] - metricMin[m]]++;
                }
            }
            if (outcome != OpsColumns.NO_OUTCOME) {
                counts[outcomes]++;
                counts[outcomes + 1] += outcome;
            }
            if (minutes >= 0) {
                cell.addMinutes(minutes);
            }
        }

        /**
         * Copies a quoted field's bytes into {@link #unescaped}, each doubled quote as one (the
         * field has only doubled quotes in it): the length of the value.
         */
        private int unescape(byte[] b, int from, int to) {
            if (unescaped.length < to - from) {
                unescaped = new byte[Math.max(to - from, 2 * unescaped.length)];
            }
            int n = 0;
            for (int i = from; i < to; i++) {
                unescaped[n++] = b[i];
                if (b[i] == '"') {
                    i++;
                }
            }
            return n;
        }

        private Cell cell(int s, int period, int value) {
            CellMap map = cells[s];
            Cell cell = map.get(period, value);
            if (cell == null) {
                cell = new Cell(period, value, outcomes + 2, generator.newOps());
                map.put(cell);
                if (batch == null && map.size > batchFrom && segmentColumns.length > 0 && batchable) {
                    batch = newBatch(); // from the next row on
                }
            }
            return cell;
        }

        /**
         * A batch of rows for this worker: as many as {@link #MOST_BATCH_ROWS}, or as a sixty-fourth
         * of the heap shared by the workers holds, but at least 16,384. (Starting small and
         * doubling was slower: 10 M rows, 100,000 values, 5.7 s against 4.9 s, median of 3 processes each.)
         */
        private Batch newBatch() {
            if (batchRows > 0) {
                return new Batch(batchRows, segmentColumns.length);
            }
            long rowBytes = Batch.rowBytes(segmentColumns.length);
            long fit = Runtime.getRuntime().maxMemory() / 64 / rowBytes / Math.max(1, pass.workers.length);
            return new Batch((int) Math.max(1 << 14, Math.min(MOST_BATCH_ROWS, fit)), segmentColumns.length);
        }

        /** Keeps the current row in the batch, counting the batch when it is full. */
        private void keep(Batch b, int period, int outcome, double minutes) {
            int row = b.size++;
            for (int s = 0; s < valueIds.length; s++) {
                b.values[s][row] = valueIds[s];
            }
            b.periods[row] = period;
            long payload = (outcome == OpsColumns.NO_OUTCOME ? Batch.NO_OUTCOME : outcome) << Batch.OUTCOME_SHIFT;
            for (int m = 0; m < scores.length; m++) {
                long score = scores[m] == StreamingPass.MISSING ? Batch.NO_SCORE : scores[m] - metricMin[m];
                payload |= score << (8 * m);
            }
            b.payload[row] = payload;
            b.minutes[row] = minutes;
            if (b.size == b.payload.length) {
                countBatch(b);
            }
        }

        /**
         * Counts the batch's rows, per segment column sorted by (value, period): each group's counts
         * and histogram once for all its rows, the same tallies as counting each row (counts and
         * histograms add in any order).
         */
        private void countBatch(Batch b) {
            int periodCount = layout.by() != null ? periods.size() : 0;
            int[] period = b.sortedPeriods;
            for (int s = 0; s < segmentColumns.length; s++) {
                int valueCount = values[s].size();
                b.sort(s, valueCount, periodCount);
                // a value's rows are its slice of the sorted rows, by period within it
                for (int v = 0, from = 0; v < valueCount; v++) {
                    int to = b.valueEnd(v);
                    for (int i = from; i < to; ) {
                        int j = i + 1;
                        if (periodCount > 1) {
                            while (j < to && period[j] == period[i]) {
                                j++;
                            }
                        } else {
                            j = to; // one period: no key to read per row
                        }
                        countRows(cell(s, period[i], v), b, i, j);
                        i = j;
                    }
                    from = to;
                }
            }
            b.size = 0;
        }

        /** Counts the sorted rows {@code [from, to)} of the batch, all of one group, into its cell. */
        private void countRows(Cell cell, Batch b, int from, int to) {
            long[] counts = cell.counts;
            long[] payloads = b.sortedPayload;
            double[] minutesOf = b.sortedMinutes;
            int times = 0;
            for (int j = from; j < to; j++) {
                long payload = payloads[j];
                for (int m = 0; m < scores.length; m++) {
                    int score = (int) (payload >>> (8 * m)) & 0xFF;
                    if (score != Batch.NO_SCORE) {
                        counts[metricOffset[m] + score]++;
                    }
                }
                long outcome = payload >>> Batch.OUTCOME_SHIFT;
                if (outcome != Batch.NO_OUTCOME) {
                    counts[outcomes]++;
                    counts[outcomes + 1] += outcome;
                }
                double minutes = minutesOf[j];
                if (minutes >= 0) {
                    if (times == runMinutes.length) {
                        runMinutes = Arrays.copyOf(runMinutes, 2 * times);
                    }
                    runMinutes[times++] = minutes;
                }
            }
            if (times > 0) {
                cell.ops.response().addMinutes(runMinutes, 0, times);
            }
        }

        /** The group tallies of a cell's counts and operational tallies. */
        GroupTallies group(Cell cell) {
            if (cell.ops != null) {
                cell.flush();
                if (fcrColumn >= 0) {
                    cell.ops.fcr().addAll(Proportion.of(cell.counts[outcomes + 1], cell.counts[outcomes]));
                }
            }
            // the group takes the cell's operational tallies as they are: a cell becomes one group,
            // once, and is not read again
            GroupTallies group = generator.newGroup(false, cell.ops);
            for (int m = 0; m < scores.length; m++) {
                group.addCounts(metricIndex[m], cell.counts, metricOffset[m]);
            }
            return group;
        }

        /** A score of plain digits on its scale, or MISSING for an empty cell. */
        private int score(byte[] b, int from, int to, int min, int max) {
            if (from == to) {
                return StreamingPass.MISSING;
            }
            if (to - from > 9) {
                throw new GiveUp();
            }
            int v = 0;
            for (int i = from; i < to; i++) {
                int digit = b[i] - '0';
                if (digit < 0 || digit > 9) {
                    throw new GiveUp(); // a sign, a space or not a number: the general pass decides
                }
                v = v * 10 + digit;
            }
            if (v < min || v > max) { // Scale.contains, without an interface call per score
                throw new GiveUp();
            }
            return v;
        }

        /** The id of the period of a timestamp cell. */
        private int period(byte[] b, int from, int to) {
            long day = resolver.fastLocalDay(b, from, to);
            if (day == Long.MIN_VALUE) {
                day = otherForm(b, from, to);
            }
            rowDay = day;
            long index = day - firstDay;
            if (index >= 0 && index < dayIds.length && dayIds[(int) index] != 0) {
                return dayIds[(int) index] - 1;
            }
            CalendarPeriod period;
            try {
                period = resolver.periodOfDay(day);
            } catch (IllegalArgumentException outOfRange) {
                throw new GiveUp(); // a day outside the periods' years: the general pass names the row
            }
            int id = idOf(period);
            remember(day, id);
            return id;
        }

        /** The local day of a timestamp in a form the byte reader does not know: java.time, as in the general pass. */
        private long otherForm(byte[] b, int from, int to) {
            String text = charset.decodeLeniently(b, from, to);
            if (text.isBlank() || text.indexOf('\uFFFD') >= 0) {
                throw new GiveUp();
            }
            try {
                return resolver.localDay(text.strip());
            } catch (IllegalArgumentException notATimestamp) {
                throw new GiveUp();
            }
        }

        private int idOf(CalendarPeriod period) {
            Integer id = periodIds.get(period);
            if (id == null) {
                id = periods.size();
                periods.add(period);
                periodIds.put(period, id);
            }
            return id;
        }

        private void remember(long day, int id) {
            if (dayIds.length == 0) {
                firstDay = day - 512;
                dayIds = new int[1024];
            } else if (day < firstDay || day >= firstDay + dayIds.length) {
                long lo = Math.min(firstDay, day - 512);
                long hi = Math.max(firstDay + dayIds.length, day + 512);
                if (hi - lo > 1_000_000) {
                    return; // a span of thousands of years: look such days up every time
                }
                int[] bigger = new int[(int) (hi - lo)];
                System.arraycopy(dayIds, 0, bigger, (int) (firstDay - lo), dayIds.length);
                dayIds = bigger;
                firstDay = lo;
            }
            dayIds[(int) (day - firstDay)] = id + 1;
        }

        /**
         * Response minutes of digits with at most one decimal point, as {@link Double#parseDouble}
         * reads them; -1 for an empty cell.
         */
        private double minutes(byte[] b, int from, int to) {
            if (from == to) {
                return -1;
            }
            long mantissa = 0;
            int digits = 0;
            int point = -1;
            for (int i = from; i < to; i++) {
                int digit = b[i] - '0';
                if (digit >= 0 && digit <= 9) {
                    mantissa = mantissa * 10 + digit;
                    if (++digits > 15) {
                        return slowMinutes(b, from, to);
                    }
                } else if (b[i] == '.' && point < 0) {
                    point = i;
                } else {
                    throw new GiveUp();
                }
            }
            if (digits == 0) {
                throw new GiveUp();
            }
            int fraction = point < 0 ? 0 : to - point - 1;
            // at most 15 digits: the mantissa is exact, and so is 10^fraction (<= 10^15); one
            // correctly rounded division gives the correctly rounded value, as parseDouble does
            double value = fraction == 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction];
            if (!(value < OpsColumns.MAX_MINUTES)) {
                throw new GiveUp(); // too long for the histogram: the general pass names the row
            }
            return value;
        }

        private double slowMinutes(byte[] b, int from, int to) {
            String raw = new String(b, from, to - from, StandardCharsets.US_ASCII);
            if (!OpsColumns.isDecimal(raw)) {
                throw new GiveUp();
            }
            double value = Double.parseDouble(raw);
            if (!(value < OpsColumns.MAX_MINUTES)) {
                throw new GiveUp();
            }
            return value;
        }

        /** A yes/no cell as the general pass reads it (any case, no spaces); anything else gives up. */
        private int outcome(byte[] b, int from, int to) {
            int len = to - from;
            if (len == 0) {
                return OpsColumns.NO_OUTCOME;
            }
            for (byte[] word : YES) {
                if (is(b, from, len, word)) {
                    return 1;
                }
            }
            for (byte[] word : NO) {
                if (is(b, from, len, word)) {
                    return 0;
                }
            }
            throw new GiveUp();
        }

        /** Whether the bytes are the lower-case ASCII word, in any case. */
        private static boolean is(byte[] b, int from, int len, byte[] word) {
            if (len != word.length) {
                return false;
            }
            for (int i = 0; i < len; i++) {
                int c = b[from + i];
                if (c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A';
                }
                if (c != word[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The spellings of {@link OpsColumns#YES} and {@link OpsColumns#NO} as ASCII bytes. */
    private static final byte[][] YES = ascii(OpsColumns.YES);
    private static final byte[][] NO = ascii(OpsColumns.NO);

    private static byte[][] ascii(List<String> words) {
        byte[][] out = new byte[words.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = words.get(i).getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15};
}
