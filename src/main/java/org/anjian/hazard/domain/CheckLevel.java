package org.anjian.hazard.domain;

/** Who works through a check list (双轨并行: the post and the safety officer check in parallel; the principal monthly). */
public enum CheckLevel {
    POST, SAFETY_OFFICER, PRINCIPAL
}
