package org.anjian.permit.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code anjian.permit.*}. GB 30871-2022 5.1.1 raises 动火 on 节假日, 公休日 and at 夜间 but defines none of
 * them, so they are settings: the night (by default 22:00–06:00, the night of the noise law) and the
 * public holidays of the year (Saturdays and Sundays are 公休日 anyway).
 */
@ConfigurationProperties("anjian.permit")
public record PermitProperties(@DefaultValue("22:00") LocalTime nightStarts, @DefaultValue("06:00") LocalTime nightEnds,
                               @DefaultValue List<LocalDate> holidays) {

    public PermitProperties {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
}
