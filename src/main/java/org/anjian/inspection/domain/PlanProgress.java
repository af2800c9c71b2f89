package org.anjian.inspection.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How far a year's plan has got. A finished inspection of a planned enterprise counts against that
 * enterprise's earliest open item of the year: on time when it was finished in the item's month or
 * before, late when after. An inspection with no open item left is unplanned (计划外). An item whose
 * month has passed without an inspection is overdue.
 *
 * <p>Unplanned share = unplanned inspections ÷ (planned items + unplanned inspections): the part of
 * the year's enforcement work that was not in the plan (压减临时性、计划外检查执法).
 */
public final class PlanProgress {

    private PlanProgress() {
    }

    public record Item(UUID id, UUID enterpriseId, int month) {
    }

    public record Done(UUID inspectionId, UUID enterpriseId, LocalDate finishedOn) {
    }

    public enum Status { OPEN, OVERDUE, DONE, DONE_LATE }

    public record Month(int month, int planned, int done, int doneLate, int overdue, int unplanned, Double unplannedShare, int capacity,
                        int shortfall) {
    }

    public record Result(Map<UUID, Status> statusByItem, Map<UUID, UUID> inspectionByItem, List<Done> unplanned, List<Month> months,
                         Month total) {
    }

    /**
     * @param today the day the progress is read: items of months before today's month in the
     *              plan's year (or all items of a year that is over) are overdue when not done
     */
    public static Result of(int year, List<Item> items, List<Done> inspections, LocalDate today, int monthlyCapacity) {
        Map<UUID, List<Item>> open = new HashMap<>();
        items.stream().sorted(Comparator.comparingInt(Item::month).thenComparing(i -> i.id().toString()))
                .forEach(i -> open.computeIfAbsent(i.enterpriseId(), k -> new ArrayList<>()).add(i));
        Map<UUID, Status> status = new LinkedHashMap<>();
        Map<UUID, UUID> inspectionByItem = new HashMap<>();
        List<Done> unplanned = new ArrayList<>();
        for (Done d : inspections.stream().sorted(Comparator.comparing(Done::finishedOn).thenComparing(x -> x.inspectionId().toString())).toList()) {
            List<Item> list = open.get(d.enterpriseId());
            if (list == null || list.isEmpty()) {
                unplanned.add(d);
                continue;
            }
            Item item = list.remove(0);
            status.put(item.id(), d.finishedOn().getMonthValue() <= item.month() ? Status.DONE : Status.DONE_LATE);
            inspectionByItem.put(item.id(), d.inspectionId());
        }
        int currentMonth = today.getYear() > year ? 13 : today.getYear() < year ? 0 : today.getMonthValue();
        for (Item i : items) {
            status.putIfAbsent(i.id(), i.month() < currentMonth ? Status.OVERDUE : Status.OPEN);
        }
        int[] planned = new int[13];
        int[] done = new int[13];
        int[] late = new int[13];
        int[] overdue = new int[13];
        int[] extra = new int[13];
        for (Item i : items) {
            planned[i.month()]++;
            switch (status.get(i.id())) {
                case DONE -> done[i.month()]++;
                case DONE_LATE -> late[i.month()]++;
                case OVERDUE -> overdue[i.month()]++;
                default -> { }
            }
        }
        for (Done d : unplanned) {
            extra[d.finishedOn().getMonthValue()]++;
        }
        List<Month> months = new ArrayList<>();
        int[] sum = new int[5];
        for (int m = 1; m <= 12; m++) {
            months.add(new Month(m, planned[m], done[m], late[m], overdue[m], extra[m], share(extra[m], planned[m]), monthlyCapacity,
                    Math.max(0, planned[m] - monthlyCapacity)));
            sum[0] += planned[m];
            sum[1] += done[m];
            sum[2] += late[m];
            sum[3] += overdue[m];
            sum[4] += extra[m];
        }
        int shortfall = months.stream().mapToInt(Month::shortfall).sum();
        Month total = new Month(0, sum[0], sum[1], sum[2], sum[3], sum[4], share(sum[4], sum[0]), monthlyCapacity * 12, shortfall);
        return new Result(status, inspectionByItem, unplanned, months, total);
    }

    /** Unplanned ÷ (planned + unplanned); null when there is neither. */
    public static Double share(long unplanned, long planned) {
        return unplanned + planned == 0 ? null : (double) unplanned / (planned + unplanned);
    }
}
