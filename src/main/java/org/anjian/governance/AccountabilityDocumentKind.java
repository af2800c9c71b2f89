package org.anjian.governance;

/**
 * The accountability documents of GOV-4 (seed: 警示函、督办函、通报约谈、挂牌督办、移送问责), each numbered
 * per kind and year ({@code code} goes into the number, {@code title} onto the paper).
 */
public enum AccountabilityDocumentKind {
    WARNING_LETTER("警示", "警示函"),
    SUPERVISION_LETTER("督", "督办函"),
    CIRCULAR("通报", "通报"),
    INTERVIEW("约谈", "约谈通知书"),
    LISTED_SUPERVISION("挂牌", "挂牌督办通知书"),
    REFERRAL("移送", "移送问责函");

    private final String code;
    private final String title;

    AccountabilityDocumentKind(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
