package org.anjian.governance.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What a town or department did in the year up to the period's end, as the scoring reads it.
 *
 * @param hazardsRegistered hazards registered in the period
 * @param hazardsClosed     of those, the ones closed (销号) by the period's end
 * @param penalties         penalty decisions issued in the period
 * @param enterprises       enterprises in production in the unit
 * @param graded            of those, the ones holding a standardization grade
 */
public record AssessmentFacts(List<Accident> accidents, int hazardsRegistered, int hazardsClosed, int penalties, int enterprises, int graded) {

    public AssessmentFacts {
        accidents = List.copyOf(accidents);
    }

    /** An accident with what the score line names: the source id, the enterprise, the day, grade and casualties. */
    public record Accident(String sourceId, String enterpriseName, LocalDate date, String grade, int deaths, int missing) {

        public int dead() {
            return deaths + missing;
        }
    }
}
