package org.anjian.permit.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Whether a permit's period touches a 公休日 / 节假日 or the night (GB 30871-2022 5.1.1), in the district's zone. */
record PermitCalendar(PermitProperties settings, ZoneId zone) {

    boolean touchesARestDayOrHoliday(Instant from, Instant to) {
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate d = LocalDate.ofInstant(from, zone); !d.isAfter(last); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || settings.holidays().contains(d)) {
                return true;
            }
        }
        return false;
    }

    /** Whether [from, to) overlaps a night [nightStarts, nightEnds) of any day. */
    boolean touchesTheNight(Instant from, Instant to) {
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate d = LocalDate.ofInstant(from, zone).minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            ZonedDateTime start = d.atTime(settings.nightStarts()).atZone(zone);
            ZonedDateTime end = (settings.nightEnds().isAfter(settings.nightStarts()) ? d : d.plusDays(1)).atTime(settings.nightEnds()).atZone(zone);
            if (from.isBefore(end.toInstant()) && to.isAfter(start.toInstant())) {
                return true;
            }
        }
        return false;
    }
}
