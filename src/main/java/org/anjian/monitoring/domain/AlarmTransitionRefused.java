package org.anjian.monitoring.domain;

/** An action the alarm's state does not allow; the web layer answers 409 naming the state and the action. */
public class AlarmTransitionRefused extends RuntimeException {

    private final AlarmState state;
    private final String action;

    public AlarmTransitionRefused(AlarmState state, String action) {
        super("报警处于“" + state.label() + "”状态，不能" + action);
        this.state = state;
        this.action = action;
    }

    public AlarmState state() {
        return state;
    }

    public String action() {
        return action;
    }
}
