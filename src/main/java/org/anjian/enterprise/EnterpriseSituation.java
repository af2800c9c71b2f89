package org.anjian.enterprise;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.anjian.shared.security.DataScope;

/**
 * The registry as the district's command view (一张图) reads it: every enterprise in a scope with its town,
 * sector, supervision class and position in one query, and the licences running out soon. Aggregates, not pages.
 */
public interface EnterpriseSituation {

    /** An enterprise not closed, where it is (WGS-84, absent when not surveyed). */
    record Placed(UUID id, String name, UUID townId, Sector sector, SupervisionClass supervisionClass, Double latitude, Double longitude) {
    }

    /** The enterprises in the scope that are not closed, ordered by id. */
    List<Placed> placed(DataScope scope);

    /** The enterprises among {@code ids} that are in the scope and not closed, ordered by id: the few a small map layer shows. */
    List<Placed> placed(DataScope scope, java.util.Collection<UUID> ids);

    /** How many enterprises not closed a town has of a sector and supervision class ({@code null}: not classified). */
    record ClassCount(UUID townId, Sector sector, SupervisionClass supervisionClass, long enterprises) {
    }

    /** The enterprises in the scope that are not closed, counted by town, sector and class: the overview's figures without reading every enterprise. */
    List<ClassCount> countsByTownSectorClass(DataScope scope);

    /** A licence (安全生产许可证, 责任保险...) whose validity ends within the window asked for. */
    record ExpiringLicence(UUID enterpriseId, String enterpriseName, UUID townId, String kind, String number, LocalDate validTo) {
    }

    /** Licences of enterprises in the scope ending on a day from {@code from} to {@code to} (both included), soonest first. */
    List<ExpiringLicence> licencesExpiring(DataScope scope, LocalDate from, LocalDate to, int limit);
}
