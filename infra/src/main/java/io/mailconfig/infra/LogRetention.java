package io.mailconfig.infra;

import io.mailconfig.installation.ServiceSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.services.logs.RetentionDays;

/** CDK's name for each retention period the configuration accepts ({@link ServiceSettings#LOG_RETENTION_DAYS}). */
final class LogRetention {

    /** In the order of {@link ServiceSettings#LOG_RETENTION_DAYS}, shortest first. */
    private static final List<RetentionDays> IN_ORDER = List.of(RetentionDays.ONE_DAY, RetentionDays.THREE_DAYS,
            RetentionDays.FIVE_DAYS, RetentionDays.ONE_WEEK, RetentionDays.TWO_WEEKS, RetentionDays.ONE_MONTH, RetentionDays.TWO_MONTHS,
            RetentionDays.THREE_MONTHS, RetentionDays.FOUR_MONTHS, RetentionDays.FIVE_MONTHS, RetentionDays.SIX_MONTHS,
            RetentionDays.ONE_YEAR, RetentionDays.THIRTEEN_MONTHS, RetentionDays.EIGHTEEN_MONTHS, RetentionDays.TWO_YEARS,
            RetentionDays.THREE_YEARS, RetentionDays.FIVE_YEARS, RetentionDays.SIX_YEARS, RetentionDays.SEVEN_YEARS,
            RetentionDays.EIGHT_YEARS, RetentionDays.NINE_YEARS, RetentionDays.TEN_YEARS);

    private static final Map<Integer, RetentionDays> BY_DAYS = new HashMap<>();

    static {
        List<Integer> days = ServiceSettings.LOG_RETENTION_DAYS;
        if (days.size() != IN_ORDER.size()) {
            throw new IllegalStateException("the configuration's retention periods and CDK's differ: " + days);
        }
        for (int i = 0; i < days.size(); i++) {
            BY_DAYS.put(days.get(i), IN_ORDER.get(i));
        }
    }

    private LogRetention() {
    }

    static Optional<RetentionDays> of(int days) {
        return Optional.ofNullable(BY_DAYS.get(days));
    }
}
