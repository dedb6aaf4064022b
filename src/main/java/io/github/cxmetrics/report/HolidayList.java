package io.github.cxmetrics.report;

import io.github.cxmetrics.ops.HolidayCalendar;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The holidays of a report's business hours, from text: comma-separated items, each {@code nl}
 * (the Dutch public holidays of {@link io.github.cxmetrics.trend.HolidayCalendar#NETHERLANDS}) or
 * an ISO date ({@code 2026-12-24}). Example: {@code nl,2026-12-24,2026-12-31}.
 */
final class HolidayList {
    private HolidayList() {
    }

    /**
     * @throws IllegalArgumentException naming the item that is neither {@code nl} nor an ISO date
     */
    static HolidayCalendar parse(String text) {
        boolean dutch = false;
        Set<LocalDate> dates = new HashSet<>();
        for (String part : text.split(",", -1)) {
            String item = part.strip();
            if (item.toLowerCase(Locale.ROOT).equals("nl")) {
                dutch = true;
                continue;
            }
            try {
                dates.add(LocalDate.parse(item));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Invalid holidays \"" + text + "\": "
                        + (item.isEmpty() ? "empty item" : "\"" + item + "\"")
                        + " (valid items nl for the Dutch public holidays, or an ISO date like 2026-12-24)");
            }
        }
        HolidayCalendar own = HolidayCalendar.of(dates);
        if (!dutch) {
            return own;
        }
        return date -> own.isHoliday(date) || io.github.cxmetrics.trend.HolidayCalendar.NETHERLANDS.isHoliday(date);
    }
}
