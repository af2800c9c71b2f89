package org.anjian.risk.domain;

import org.anjian.risk.ControlMeasureType;

/** One control measure of a risk point: its kind and what is done. */
public record ControlMeasure(ControlMeasureType type, String description) {
}
