package org.anjian.permit.domain;

import java.util.Arrays;
import java.util.Optional;

/** What can be done to a permit; each is the last part of {@code POST /api/v1/permits/{id}/{action}}. */
public enum PermitAction {
    APPLY("apply", "申请"),
    APPROVE("approve", "审批"),
    START("start", "开始作业"),
    SUSPEND("suspend", "暂停"),
    RESUME("resume", "恢复作业"),
    COMPLETE("complete", "完工"),
    CLOSE("close", "验收关闭"),
    CANCEL("cancel", "取消"),
    EXPIRE("expire", "过期失效");

    private final String path;
    private final String label;

    PermitAction(String path, String label) {
        this.path = path;
        this.label = label;
    }

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    public static Optional<PermitAction> ofPath(String path) {
        return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst();
    }
}
